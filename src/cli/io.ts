import { formatWarning } from '../format.js';
import type { Warning } from '../types.js';

/** Where a command writes: the real terminal in the bin, captured strings in tests. */
export interface CliIO {
  out(line: string): void;
  err(line: string): void;
  /** Raw text for a status line redrawn in place (no newline added). */
  progress(text: string): void;
  cwd: string;
  /** Progress bars and colours only when a person is watching. */
  interactive: boolean;
  env: NodeJS.ProcessEnv;
}

export const processIO = (): CliIO => ({
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  progress: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  interactive: Boolean(process.stderr.isTTY) && !process.env.CI,
  env: process.env,
});

/** The `once` keys already reported in a run, per output (one run has one CliIO). */
const reportedOnce = new WeakMap<CliIO, Set<string>>();

export function reportWarnings(io: CliIO, warnings: Warning[]): void {
  const reported = reportedOnce.get(io) ?? new Set<string>();
  reportedOnce.set(io, reported);
  for (const warning of warnings) {
    if (warning.once !== undefined) {
      if (reported.has(warning.once)) continue;
      reported.add(warning.once);
    }
    io.err(formatWarning(warning));
  }
}
