import { DeckmarkError, ExitCode, isDeckmarkError } from '../errors.js';
import { formatError } from '../format.js';
import { deckmarkVersion } from '../paths.js';
import type { Command } from './command.js';
import { buildCommand } from './commands/build.js';
import { checkCommand } from './commands/check.js';
import { doctorCommand } from './commands/doctor.js';
import { pdfCommand } from './commands/pdf.js';
import { pngCommand } from './commands/png.js';
import { pptxCommand } from './commands/pptx.js';
import { serveCommand } from './commands/serve.js';
import { type CliIO, processIO } from './io.js';

const commands: Command[] = [buildCommand, checkCommand, doctorCommand, pdfCommand, pngCommand, pptxCommand, serveCommand];

function usage(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return `deckmark ${deckmarkVersion} — Markdown to Reveal.js decks, PDF slides and handouts

Usage: deckmark <command> [options]

Commands:
${commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

Run \`deckmark <command> --help\` for a command's options.
Exit codes: ${Object.entries(ExitCode)
    .map(([name, code]) => `${code} ${name}`)
    .join(', ')}`;
}

/**
 * The CLI as a function: arguments in, exit code out. The only place where errors become
 * messages — so tests run it in-process and the bin stays a few lines.
 */
export async function run(argv: string[], io: CliIO = processIO()): Promise<number> {
  const [name, ...args] = argv;
  try {
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.out(usage());
      return name === undefined ? ExitCode.usage : ExitCode.ok;
    }
    if (name === '--version' || name === '-v') {
      io.out(deckmarkVersion);
      return ExitCode.ok;
    }
    const command = commands.find((candidate) => candidate.name === name);
    if (!command) throw new DeckmarkError(`unknown command "${name}"; commands: ${commands.map((c) => c.name).join(', ')}`, 'usage');
    // Every command answers --help the same way, before its own flags are parsed.
    if (args.includes('--help') || args.includes('-h')) {
      io.out(command.usage);
      return ExitCode.ok;
    }
    return await command.run(args, io);
  } catch (error) {
    if (isDeckmarkError(error)) {
      io.err(`deckmark: ${error.toString()}`);
      return error.exitCode;
    }
    io.err(`deckmark: ${formatError(error)}`);
    if (io.env.NODE_DEBUG?.includes('deckmark')) io.err(String((error as Error)?.stack));
    io.err('Please report this with the deck that caused it.');
    return ExitCode.generic;
  }
}
