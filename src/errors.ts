/**
 * The one error type of deckmark. Stages throw it through `fail()`; only the CLI entry
 * turns it into a message and an exit code, so stages stay usable as a library.
 */
export const ExitCode = {
  ok: 0,
  generic: 1,
  usage: 2,
  input: 3,
  browserNotFound: 4,
  browserFailed: 5,
  timeout: 6,
  output: 7,
  server: 8,
  checkFailed: 9,
  interrupted: 130,
  terminated: 143,
} as const;

export type ExitCodeName = keyof typeof ExitCode;

/** What each exit code means, in words for `--help` (the README's table says the same). */
export const exitCodeMeanings: Record<ExitCodeName, string> = {
  ok: 'success',
  generic: 'failure',
  usage: 'usage error',
  input: 'bad input',
  browserNotFound: 'no browser found',
  browserFailed: 'the browser failed',
  timeout: 'timeout',
  output: 'cannot write output',
  server: 'server error',
  checkFailed: 'check found errors',
  interrupted: 'interrupted',
  terminated: 'terminated',
};

export interface SourceLocation {
  file: string;
  line?: number;
  column?: number;
}

export class DeckmarkError extends Error {
  readonly exitCode: number;
  readonly location?: SourceLocation;

  constructor(message: string, kind: ExitCodeName = 'generic', location?: SourceLocation, options?: ErrorOptions) {
    super(message, options);
    this.name = 'DeckmarkError';
    this.exitCode = ExitCode[kind];
    this.location = location;
  }

  /** `file:line:column: message`, the form editors and terminals turn into links. */
  override toString(): string {
    return `${formatLocation(this.location)}${this.message}`;
  }
}

export function formatLocation(location?: SourceLocation): string {
  if (!location) return '';
  let at = location.file;
  if (location.line !== undefined) at += `:${location.line}`;
  if (location.line !== undefined && location.column !== undefined) at += `:${location.column}`;
  return `${at}: `;
}

/** Always throws; typed `never` so callers can use it as an expression. */
export function fail(message: string, kind: ExitCodeName = 'generic', location?: SourceLocation, cause?: unknown): never {
  throw new DeckmarkError(message, kind, location, cause === undefined ? undefined : { cause });
}

export function isDeckmarkError(error: unknown): error is DeckmarkError {
  return error instanceof DeckmarkError;
}
