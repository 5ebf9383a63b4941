import type { Browser, Page } from 'puppeteer-core';
import { onShutdown } from '../lifecycle.js';
import { debug } from '../log.js';
import { type FoundBrowser, findBrowser } from './finder.js';
import { launchBrowser } from './launch.js';

export interface BrowserManagerOptions {
  chromePath?: string;
  launchTimeoutMs?: number;
}

/**
 * The one owner of Chromium's life: launched lazily on first use, shared by every page,
 * closed by `dispose()` — which the CLI calls in `finally` and on SIGINT/SIGTERM.
 */
export class BrowserManager {
  private launching?: Promise<Browser>;
  private found?: FoundBrowser;
  private readonly removeShutdownHook: () => void;

  constructor(private readonly options: BrowserManagerOptions = {}) {
    this.removeShutdownHook = onShutdown(() => this.dispose());
  }

  async locate(): Promise<FoundBrowser> {
    this.found ??= await findBrowser({ chromePath: this.options.chromePath });
    return this.found;
  }

  browser(): Promise<Browser> {
    this.launching ??= (async () => {
      const found = await this.locate();
      debug('launching %s (%s)', found.path, found.source);
      return launchBrowser(found, this.options.launchTimeoutMs ?? 60_000);
    })();
    return this.launching;
  }

  /** Runs `work` on a fresh page and closes the page however `work` ends. */
  async withPage<T>(work: (page: Page) => Promise<T>): Promise<T> {
    const page = await (await this.browser()).newPage();
    try {
      return await work(page);
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  async dispose(): Promise<void> {
    this.removeShutdownHook();
    const launching = this.launching;
    this.launching = undefined;
    if (!launching) return;
    const browser = await launching.catch(() => undefined);
    if (!browser) return;
    const child = browser.process();
    await browser.close().catch(() => undefined);
    // A wedged Chromium can ignore the polite close; never leave it behind.
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  }
}
