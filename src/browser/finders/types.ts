export interface FoundBrowser {
  path: string;
  /** How it was found, for `deckmark doctor` and error messages. */
  source: string;
}

/** One way of finding a browser; `undefined` means "not here, ask the next finder". */
export type BrowserFinder = () => Promise<FoundBrowser | undefined>;
