import { isDeckmarkError } from '../errors.js';
import type { CliIO } from './io.js';

/** Runs `work` for every item, at most `limit` at a time; results keep the items' order. */
export async function mapBounded<T, R>(items: T[], limit: number, work: (item: T, index: number) => Promise<R>): Promise<PromiseSettledResult<R>[]> {
  const results: PromiseSettledResult<R>[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      try {
        results[index] = { status: 'fulfilled', value: await work(items[index]!, index) };
      } catch (reason) {
        results[index] = { status: 'rejected', reason };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
  return results;
}

/**
 * Turns each deck's outcome into the run's exit code. One broken deck must not stop the
 * others, but it fails the run; a lone deck's error goes to `run()` like any other.
 */
export function settleDecks(results: PromiseSettledResult<unknown>[], io: CliIO): number {
  const failures = results.filter((result): result is PromiseRejectedResult => result.status === 'rejected');
  if (results.length === 1 && failures[0]) throw failures[0].reason;
  for (const failure of failures) {
    if (!isDeckmarkError(failure.reason)) throw failure.reason;
    io.err(`deckmark: ${failure.reason.toString()}`);
  }
  return failures.length === 0 ? 0 : 1;
}
