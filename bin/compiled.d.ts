/** lib/deckmark.js when it is at least as new as src/ and package.json; undefined otherwise. */
export function compiledEntry(packageRoot?: string): string | undefined;
