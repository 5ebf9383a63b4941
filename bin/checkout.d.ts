/** True when lib/deckmark.js is missing or older than a file it is compiled from. */
export function isStale(root: string): boolean;
/** In a checkout, recompiles lib/ when it is stale; exits the process when that fails. */
export function compileIfStale(root: string): void;
