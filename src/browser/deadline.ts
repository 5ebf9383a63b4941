import { DeckmarkError } from '../errors.js';

/** The stages a page on a deck (export or check) can time out in; the message names the one that did. */
export type PageStage = 'launch' | 'load' | 'print' | 'handout' | 'png' | 'inspect' | 'pptx';

/**
 * One time budget for a deck's whole export, spent stage by stage: a slow load leaves less
 * for printing, and the error says where the time ran out.
 */
export class Deadline {
  private readonly endsAt: number;

  constructor(
    readonly budgetMs: number,
    private readonly what: string,
  ) {
    this.endsAt = Date.now() + budgetMs;
  }

  /** Resolves as `work` does, or fails with the `timeout` code once the budget is spent. */
  async run<T>(stage: PageStage, work: Promise<T>): Promise<T> {
    let timer: NodeJS.Timeout | undefined;
    const expired = new Promise<never>((_, reject) => {
      timer = setTimeout(
        () => {
          reject(timeoutError(stage, this.what, this.budgetMs));
        },
        Math.max(0, this.endsAt - Date.now()),
      );
    });
    try {
      return await Promise.race([work, expired]);
    } finally {
      clearTimeout(timer);
      // The losing side of the race may still settle later; its rejection is no news.
      work.catch(() => undefined);
    }
  }
}

const advice: Record<PageStage, string> = {
  launch: 'Chromium did not start in time; run `deckmark doctor` to check it',
  load: 'the deck did not become ready (Reveal print view, fonts, images); open it in a browser to look for errors',
  print: 'Chromium did not finish printing; a very large deck may need a longer --timeout',
  handout: 'the handout did not finish; a very large deck may need a longer --timeout',
  png: 'the slide images did not finish; a very large deck may need a longer --timeout',
  inspect: 'the checks of the slides did not finish; a very large deck may need a longer --timeout',
  pptx: 'the PowerPoint slides did not finish; a very large deck may need a longer --timeout',
};

function timeoutError(stage: PageStage, what: string, budgetMs: number): DeckmarkError {
  return new DeckmarkError(
    `${what}: timed out after ${(budgetMs / 1000).toFixed(1)} s in the ${stage} stage: ${advice[stage]}, or raise --timeout SECONDS`,
    'timeout',
  );
}

/** Default budget: generous for Chromium's start, then proportional to the deck, never a flat 30 s. */
export function defaultTimeoutMs(slides: number): number {
  return 30_000 + 1_000 * slides;
}

/**
 * Chromium's start is shared by every deck of a run and does not grow with any deck; a
 * short --timeout meant for a deck must not fail the start on a busy machine.
 */
export function launchBudgetMs(deckBudgetMs: number): number {
  return Math.max(deckBudgetMs, 30_000);
}
