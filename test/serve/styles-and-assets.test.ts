import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { type ServedWorkspace, serveFixture } from '../helpers/serve.js';

interface LiveWindow {
  Reveal: { getIndices(): { h: number; v: number } };
  deckmarkReady: Promise<unknown>;
  __deckmarkLive: { connected: boolean; reloads: number };
  __marker?: string;
}

describe('deckmark serve: theme and image changes', () => {
  const browser = new BrowserManager();
  let served: ServedWorkspace;
  let page: Page;

  beforeAll(async () => {
    served = await serveFixture('serve/themed', ['talk.md'], {}, { template: 'template' });
    page = await (await browser.browser()).newPage();
    await page.goto(`${served.server.url}talk/#/1`);
    await page.evaluate(() => (window as unknown as LiveWindow).deckmarkReady);
    await page.waitForFunction(() => (window as unknown as LiveWindow).__deckmarkLive.connected);
  });
  afterAll(async () => {
    await served?.server.close();
    await browser.dispose();
  });

  const background = () => page.evaluate(() => getComputedStyle(document.querySelector('.reveal')!).backgroundColor);

  it('applies an edited theme in the template folder without reloading the page', async () => {
    expect(await background()).toBe('rgb(1, 2, 3)');
    const stylesheets = await page.$$eval('link[rel="stylesheet"]', (links) => links.length);
    await page.evaluate(() => {
      (window as unknown as LiveWindow).__marker = 'same page';
    });
    writeFileSync(join(served.cwd, 'template', 'themes', 'plain.css'), '.reveal { background-color: rgb(4, 5, 6); color: #fff; }\n');
    await page.waitForFunction(() => getComputedStyle(document.querySelector('.reveal')!).backgroundColor === 'rgb(4, 5, 6)', { timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as LiveWindow).__marker)).toBe('same page');
    // The old stylesheets are gone once the new ones loaded: no pile-up after many saves.
    await page.waitForFunction((count) => document.querySelectorAll('link[rel="stylesheet"]').length === count, {}, stylesheets);
  });

  it('reloads for a changed image, and comes back to the same slide', async () => {
    await page.evaluate(() => {
      (window as unknown as LiveWindow).__marker = 'before the image changed';
    });
    writeFileSync(
      join(served.cwd, 'images', 'picture.svg'),
      '<svg xmlns="http://www.w3.org/2000/svg" width="80" height="40"><rect width="80" height="40"/></svg>\n',
    );
    await page.waitForFunction(() => (window as unknown as LiveWindow).__marker === undefined, { timeout: 20_000 });
    // The marker is gone as soon as the new document exists, before its scripts have run.
    await page.waitForFunction(() => (window as unknown as { Reveal?: { isReady(): boolean } }).Reveal?.isReady() === true, { timeout: 20_000 });
    expect(await page.evaluate(() => (window as unknown as LiveWindow).Reveal.getIndices())).toMatchObject({ h: 1, v: 0 });
    await page.waitForFunction(() => (document.querySelector('section.present img') as HTMLImageElement | null)?.naturalWidth === 80, { timeout: 20_000 });
  });
});
