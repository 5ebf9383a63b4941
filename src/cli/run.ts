import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { DeckmarkError, ExitCode, type ExitCodeName, exitCodeMeanings, isDeckmarkError } from '../errors.js';
import { formatError } from '../format.js';
import { deckmarkVersion } from '../paths.js';
import { didYouMean } from '../suggest.js';
import type { Command } from './command.js';
import { buildCommand } from './commands/build.js';
import { checkCommand } from './commands/check.js';
import { doctorCommand } from './commands/doctor.js';
import { initCommand } from './commands/init.js';
import { pdfCommand } from './commands/pdf.js';
import { pngCommand } from './commands/png.js';
import { pptxCommand } from './commands/pptx.js';
import { serveCommand } from './commands/serve.js';
import { type CliIO, processIO } from './io.js';

const commands: Command[] = [initCommand, buildCommand, serveCommand, pdfCommand, pngCommand, pptxCommand, checkCommand, doctorCommand];

function usage(): string {
  const width = Math.max(...commands.map((command) => command.name.length));
  return `deckmark ${deckmarkVersion} — Markdown to Reveal.js decks, PDF slides and handouts

Usage: deckmark <command> [options]
       deckmark talk.md [options]     (the same as deckmark build talk.md)

Commands:
${commands.map((command) => `  ${command.name.padEnd(width)}  ${command.summary}`).join('\n')}

Run \`deckmark <command> --help\` for a command's options.
Exit codes: ${Object.entries(ExitCode)
    .map(([name, code]) => `${code} ${exitCodeMeanings[name as ExitCodeName]}`)
    .join(', ')}`;
}

/** A first argument that is no command but a deck: a `.md` path, or a file or folder that exists. */
function namesADeck(first: string | undefined, cwd: string): boolean {
  if (first === undefined || first.startsWith('-') || commands.some((command) => command.name === first) || first === 'help') return false;
  return first.endsWith('.md') || existsSync(resolve(cwd, first));
}

/**
 * The CLI as a function: arguments in, exit code out. The only place where errors become
 * messages — so tests run it in-process and the bin stays a few lines.
 */
export async function run(argv: string[], io: CliIO = processIO()): Promise<number> {
  try {
    // `deckmark talk.md` (or a folder) means `deckmark build talk.md`.
    const [name, ...args] = namesADeck(argv[0], io.cwd) ? ['build', ...argv] : argv;
    if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
      io.out(usage());
      return name === undefined ? ExitCode.usage : ExitCode.ok;
    }
    if (name === '--version' || name === '-v') {
      io.out(deckmarkVersion);
      return ExitCode.ok;
    }
    const command = commands.find((candidate) => candidate.name === name);
    if (!command) {
      const names = commands.map((candidate) => candidate.name);
      throw new DeckmarkError(`unknown command "${name}"${didYouMean(name, names)}; commands: ${names.join(', ')}`, 'usage');
    }
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
