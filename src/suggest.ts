import { closest, distance } from 'fastest-levenshtein';

/**
 * The candidate a mistyped word most likely meant, or undefined when none is close: at most one
 * edit for short words, and a third of the word's length for longer ones, so "buld" finds
 * "build" but "zzz" finds nothing.
 */
export function closestMatch(word: string, candidates: readonly string[]): string | undefined {
  if (candidates.length === 0) return undefined;
  const lower = word.toLowerCase();
  const best = closest(
    lower,
    candidates.map((candidate) => candidate.toLowerCase()),
  );
  const allowed = Math.max(1, Math.floor(word.length / 3));
  if (distance(lower, best) > allowed) return undefined;
  return candidates.find((candidate) => candidate.toLowerCase() === best);
}

/** ` (did you mean "x"?)` for a message about a word nothing matched, or '' when nothing is close. */
export function didYouMean(word: string, candidates: readonly string[]): string {
  const match = closestMatch(word, candidates);
  return match === undefined ? '' : ` (did you mean "${match}"?)`;
}
