import { formatLocation, isDeckmarkError } from './errors.js';
import type { Warning } from './types.js';

/** `40 ms`, `1.5 s`: durations as every command prints them. */
export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}

/** `talk.md:12: warning: …`, the form terminals and editors turn into links. */
export function formatWarning(warning: Warning): string {
  return `${formatLocation(warning)}warning: ${warning.message}`;
}

/**
 * An error as one line: a DeckmarkError says file:line and what to do; anything else is a
 * bug of ours and says so, naming the deck when one is known.
 */
export function formatError(error: unknown, file?: string): string {
  if (isDeckmarkError(error)) return error.toString();
  return `${file ? `${file}: ` : ''}internal error: ${(error as Error)?.message ?? String(error)}`;
}
