import { availableParallelism } from 'node:os';
import { resolve } from 'node:path';
import type { Deadline } from '../browser/deadline.js';
import type { BrowserManager } from '../browser/manager.js';
import type { Progress } from '../export/progress.js';
import { type DeckOutputs, deckOutputs } from '../outputs.js';
import { type BuildSettings, type BuiltDeck, buildDeck } from '../pipeline.js';
import { refuseToOverwriteInput } from '../write/input-guard.js';
import { mapBounded, settleDecks } from './batch.js';
import { type CliIO, reportWarnings } from './io.js';

/** What a command that opens built decks in Chromium does with each one. */
export interface DeckJob<R> {
  /** Files the job writes, refused before the build when one of them is the deck itself. */
  outputs?: (outputs: DeckOutputs) => string[];
  run(built: BuiltDeck, session: DeckSession): Promise<R>;
}

export interface DeckSession {
  manager: BrowserManager;
  /** This deck's whole budget, started once Chromium is up. */
  deadline: Deadline;
  progress: Progress;
}

export interface BatchOptions {
  settings: BuildSettings;
  chromePath?: string;
  /** Seconds one deck may take; default scales with the deck. */
  timeoutSeconds?: number;
  /** Decks at a time; `check` measures layout and runs one. */
  parallel?: number;
}

export interface BatchResult<R> {
  /** One entry per deck, in the order given; `undefined` for a deck that failed. */
  results: (R | undefined)[];
  /** 0, or the code of the lone deck's error, or 1 when some decks of several failed. */
  code: number;
}

/**
 * The one batch runner of the browser commands (pdf, png, check): finds Chromium before
 * building anything, starts it while the decks build, gives each deck its own deadline and
 * one shared browser, and disposes of it however the run ends. One deck that fails does not
 * stop the others, but it fails the run.
 */
export async function runDeckBatch<R>(decks: string[], io: CliIO, options: BatchOptions, job: DeckJob<R>): Promise<BatchResult<R>> {
  const [{ BrowserManager }, { Deadline, defaultTimeoutMs, launchBudgetMs }, { Progress }] = await Promise.all([
    import('../browser/manager.js'),
    import('../browser/deadline.js'),
    import('../export/progress.js'),
  ]);
  const manager = new BrowserManager({ chromePath: options.chromePath, environment: io.env });
  const progress = new Progress(io.interactive ? io.progress : undefined);
  try {
    // Fail before building anything when there is no browser.
    await manager.locate();
    // Chromium starts while the decks build, on the other core (measured in bench/: the
    // build's time is hidden). A failed launch surfaces where a deck awaits the browser.
    manager.browser().catch(() => undefined);
    const settled = await mapBounded(decks, options.parallel ?? availableParallelism(), async (file) => {
      const outputs = job.outputs?.(deckOutputs(options.settings.outDir, file)) ?? [];
      // Before the build writes anything: `deckmark pdf talk.pdf -o .` would print over the deck.
      await refuseToOverwriteInput(file, resolve(io.cwd, file), outputs);
      // Mermaid diagrams lay out in this run's Chromium too: one browser per run.
      const built = await buildDeck(file, { ...options.settings, diagrams: { ...options.settings.diagrams, browser: manager } });
      reportWarnings(io, built.warnings);
      const budget = options.timeoutSeconds === undefined ? defaultTimeoutMs(built.rendered.slides.length) : options.timeoutSeconds * 1000;
      // The browser is shared by every deck of the run, so its start has a budget of its own.
      await new Deadline(launchBudgetMs(budget), file).run('launch', manager.browser());
      return job.run(built, { manager, deadline: new Deadline(budget, file), progress });
    });
    progress.clear();
    return { results: settled.map((result) => (result.status === 'fulfilled' ? result.value : undefined)), code: settleDecks(settled, io) };
  } finally {
    progress.clear();
    await manager.dispose();
  }
}
