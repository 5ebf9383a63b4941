import type { Browser, Page } from 'puppeteer-core';
import { fail, isDeckmarkError } from '../errors.js';
import { onShutdown } from '../lifecycle.js';
import { debug } from '../log.js';
import { type FoundBrowser, findBrowser } from './finder.js';
import { type LaunchedBrowser, launchBrowser } from './launch.js';

export interface BrowserManagerOptions {
  chromePath?: string;
  /** Where CHROME_PATH and PUPPETEER_EXECUTABLE_PATH are read; the CLI passes its own. */
  environment?: NodeJS.ProcessEnv;
  launchTimeoutMs?: number;
}

/**
 * The one owner of Chromium's life: launched lazily on first use, shared by every page,
 * closed by `dispose()` — which the CLI calls in `finally` and on SIGINT/SIGTERM.
 */
export class BrowserManager {
  private launching?: Promise<LaunchedBrowser>;
  private found?: FoundBrowser;
  private readonly removeShutdownHook: () => void;
  private disposing = false;

  constructor(private readonly options: BrowserManagerOptions = {}) {
    this.removeShutdownHook = onShutdown(() => this.dispose());
  }

  async locate(): Promise<FoundBrowser> {
    this.found ??= await findBrowser({ chromePath: this.options.chromePath, environment: this.options.environment });
    return this.found;
  }

  async browser(): Promise<Browser> {
    // Once dispose() began (Ctrl-C, an error), nothing may start a browser it would not close.
    if (this.disposing) fail('Chromium is being closed: the run is stopping', 'interrupted');
    this.launching ??= (async () => {
      const found = await this.locate();
      debug('launching %s (%s)', found.path, found.source);
      return launchBrowser(found, this.options.launchTimeoutMs ?? 60_000, this.options.environment);
    })();
    return (await this.launching).browser;
  }

  /**
   * Runs `work` on a fresh page and closes the page however `work` ends. `deck` names the
   * file in the error when Chromium dies under the work.
   */
  async withPage<T>(work: (page: Page) => Promise<T>, deck?: string): Promise<T> {
    const browser = await this.browser();
    let page: Page | undefined;
    try {
      page = await browser.newPage();
      // An alert() or confirm() in a deck (with html: true) would wait for a click forever.
      page.on('dialog', (dialog) => {
        dialog.dismiss().catch(() => undefined);
      });
      return await work(page);
    } catch (error) {
      // A crashed or killed Chromium surfaces as puppeteer's "Target closed" protocol error,
      // which reads like a bug in deckmark; say what happened instead. Disconnection during
      // dispose() is our own doing and keeps its original error.
      if (browser.connected || this.disposing || isDeckmarkError(error)) throw error;
      const found = await this.locate();
      return fail(
        `Chromium at ${found.path} (${found.source}) quit unexpectedly: ${(error as Error).message.split('\n')[0]}. Earlier output is unchanged; run the command again, and \`deckmark doctor\` if it keeps happening`,
        'browserFailed',
        deck === undefined ? undefined : { file: deck },
        error,
      );
    } finally {
      await page?.close().catch(() => undefined);
    }
  }

  async dispose(): Promise<void> {
    this.removeShutdownHook();
    this.disposing = true;
    const launching = this.launching;
    this.launching = undefined;
    if (!launching) return;
    const launched = await launching.catch(() => undefined);
    if (!launched) return;
    const child = launched.browser.process();
    await launched.browser.close().catch(() => undefined);
    // A wedged Chromium can ignore the polite close; never leave it behind.
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGKILL');
      await exited;
    }
    launched.removeProfile();
  }
}
