import type { CliIO } from './io.js';

export interface Command {
  name: string;
  summary: string;
  usage: string;
  /** Resolves to the exit code; throws DeckmarkError for failures. */
  run(args: string[], io: CliIO): Promise<number>;
}
