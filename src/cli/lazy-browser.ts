import type { Page } from 'puppeteer-core';
import type { BrowserManager, BrowserManagerOptions } from '../browser/manager.js';
import type { PageRunner } from '../render/diagrams/index.js';

/**
 * A browser for commands that may never need one (`build`, `serve`): the manager — and
 * Puppeteer with it — is imported on the first page asked for, which only a Mermaid
 * diagram missing from the cache does. The command disposes it when it ends.
 */
export class LazyBrowser implements PageRunner {
  #manager?: Promise<BrowserManager>;

  constructor(private readonly options: BrowserManagerOptions) {}

  async withPage<T>(work: (page: Page) => Promise<T>, deck?: string): Promise<T> {
    this.#manager ??= import('../browser/manager.js').then(({ BrowserManager }) => new BrowserManager(this.options));
    return (await this.#manager).withPage(work, deck);
  }

  /** Whether a browser was ever asked for (the bench and tests assert cache hits by it). */
  get started(): boolean {
    return this.#manager !== undefined;
  }

  async dispose(): Promise<void> {
    const manager = this.#manager;
    this.#manager = undefined;
    if (manager) await (await manager).dispose();
  }
}
