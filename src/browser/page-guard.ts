import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { HTTPRequest, Page } from 'puppeteer-core';
import { fileAttributeNames } from '../html/url-attributes.js';
import { isInside } from '../inside.js';
import type { Warning } from '../types.js';

/** A request the guard stopped, on the slide (its first Markdown line) whose element made it. */
export interface BlockedRequest {
  url: string;
  line: number | null;
  message: string;
}

/**
 * The network policy of every page deckmark opens on a built deck (pdf, png, check…): the deck
 * must present from its own folder with the network off, so only files inside that folder
 * load. Everything else is blocked — nothing waits on the network — and remembered, to be
 * reported.
 */
export class RequestGuard {
  /** Requests to the network (http, https, ws…). */
  readonly external = new Set<string>();
  /** file:// URLs outside the deck's folder: fine here, missing once the folder is shared. */
  readonly outside = new Set<string>();
  /** Local files that were allowed and still failed (missing, unreadable). */
  readonly failed = new Set<string>();
  private readonly folder: string;
  private readonly page: string;

  /** `page` may lie outside `folder`: a `--single-file` deck is one page beside the folder. */
  constructor(folder: string, page = folder) {
    this.folder = resolve(folder);
    this.page = resolve(page);
  }

  async attach(page: Page): Promise<void> {
    // Interception never sees WebSockets (or WebRTC): offline mode shuts those out as well.
    await page.setOfflineMode(true);
    await page.setRequestInterception(true);
    page.on('request', (request) => this.decide(request));
    page.on('requestfailed', (request) => {
      if (this.classify(request.url()) === 'inside') this.failed.add(request.url());
    });
  }

  classify(url: string): 'inside' | 'outside' | 'external' | 'inline' {
    if (/^(data|blob|about):/i.test(url)) return 'inline';
    if (!url.startsWith('file:')) return 'external';
    const path = localPath(url);
    // A file URL naming a host (file://server/share) has no local path: not the deck's.
    if (path === undefined) return 'outside';
    return path === this.page || isInside(this.folder, path, { orSame: true }) ? 'inside' : 'outside';
  }

  private decide(request: HTTPRequest): void {
    const url = request.url();
    const kind = this.classify(url);
    if (kind === 'inside' || kind === 'inline') {
      request.continue().catch(() => undefined);
      return;
    }
    (kind === 'outside' ? this.outside : this.external).add(url);
    request.abort('blockedbyclient').catch(() => undefined);
  }

  /** The blocked requests, located in the page on the slides that asked for them. */
  async report(page: Page): Promise<BlockedRequest[]> {
    const blocked = [...this.external, ...this.outside];
    if (blocked.length === 0) return [];
    // Passed as source text: a bundler's helpers around a function would not exist in the page.
    const sources = (await page.evaluate(`(${locateUrls})(${JSON.stringify(blocked)}, ${JSON.stringify(fileAttributeNames)})`)) as UrlSource[];
    return this.located(sources);
  }

  /** The same, as build-style warnings for the exports. */
  async warnings(page: Page, file: string): Promise<Warning[]> {
    return (await this.report(page)).map((blocked) => ({ file, ...(blocked.line === null ? {} : { line: blocked.line }), message: blocked.message }));
  }

  /** Each blocked request once per slide whose elements asked for it (once, unlocated, when none did). */
  located(sources: UrlSource[]): BlockedRequest[] {
    const found: BlockedRequest[] = [];
    for (const url of [...this.external, ...this.outside]) {
      const lines = sources.filter((source) => source.url === url).map((source) => source.line);
      const message = this.external.has(url)
        ? `blocked a request to ${url}: the deck must present without a network; save the file next to the deck and link it by a relative path`
        : `reads ${localPath(url) ?? url}, outside the deck's folder ${this.folder}: it will be missing wherever the folder is copied`;
      for (const line of lines.length > 0 ? [...new Set(lines)] : [null]) found.push({ url, line, message });
    }
    return found;
  }
}

export interface UrlSource {
  url: string;
  line: number;
}

/**
 * Which slides reference which of `urls` through `attributes` (the URL attribute table), so a
 * blocked request is reported on the slide that made it. Runs in the page: self-contained.
 */
export function locateUrls(urls: string[], attributes: string[]): UrlSource[] {
  const wanted = new Set(urls);
  const found: UrlSource[] = [];
  for (const section of document.querySelectorAll('.reveal .slides section[data-line]')) {
    const line = Number(section.getAttribute('data-line'));
    for (const element of [section, ...section.querySelectorAll('*')]) {
      if (element !== section && element.closest('section[data-line]') !== section) continue;
      for (const name of attributes) {
        const value = element.getAttribute(name);
        if (!value) continue;
        let url: string;
        try {
          url = new URL(value, document.baseURI).href;
        } catch {
          continue;
        }
        if (wanted.has(url)) found.push({ url, line });
      }
    }
  }
  return found;
}

function localPath(url: string): string | undefined {
  try {
    return fileURLToPath(url);
  } catch {
    return undefined;
  }
}
