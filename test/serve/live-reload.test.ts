import { readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { type ServedWorkspace, serveFixture } from '../helpers/serve.js';

interface RevealApi {
  getIndices(): { h: number; v: number; f?: number };
  getCurrentSlide(): HTMLElement;
  slide(h: number, v?: number, f?: number): void;
  on(type: string, listener: (event: { indexh: number; indexv: number }) => void): void;
}
interface LiveWindow {
  Reveal: RevealApi;
  deckmarkReady: Promise<unknown>;
  __deckmarkLive: { connected: boolean; updates: number; reloads: number; error: string | null };
  __marker?: string;
  __visited: number[][];
}

describe('deckmark serve: live editing in Chromium', () => {
  const browser = new BrowserManager();
  let served: ServedWorkspace;
  let deckFile: string;
  let original: string;
  let page: Page;

  beforeAll(async () => {
    served = await serveFixture('serve/live', ['talk.md']);
    deckFile = join(served.cwd, 'talk.md');
    original = readFileSync(deckFile, 'utf8');
    page = await (await browser.browser()).newPage();
    await page.setViewport({ width: 1280, height: 720 });
  });
  afterAll(async () => {
    await served?.server.close();
    await browser.dispose();
  });

  /** A fresh page on the vertical child (slide 3, below), first fragment shown, marked so a reload would show. */
  beforeEach(async () => {
    writeFileSync(deckFile, original);
    // The previous test's edit may still be the served build: wait for the original's.
    while (!(await (await fetch(`${served.server.url}talk/`)).text()).includes('Vertical child original'))
      await new Promise((resolve) => setTimeout(resolve, 50));
    await page.goto(`${served.server.url}talk/`);
    await page.evaluate(async () => {
      const w = window as unknown as LiveWindow;
      await w.deckmarkReady;
      // The fixture's last good build may still be on its way after the previous test.
      w.Reveal.slide(2, 1, 0);
      w.__marker = 'still the same page';
      w.__visited = [];
      w.Reveal.on('slidechanged', (event) => w.__visited.push([event.indexh, event.indexv]));
    });
    await page.waitForFunction(() => (window as unknown as LiveWindow).__deckmarkLive.connected);
    await waitForText('Vertical child original');
    // Reveal writes the hash a little later (it rate-limits history.replaceState).
    await page.waitForFunction(() => location.hash === '#/2/1/0');
  });

  function waitForText(text: string) {
    return page.waitForFunction(
      (expected) => (window as unknown as LiveWindow).Reveal.getCurrentSlide().textContent?.includes(expected),
      { timeout: 20_000 },
      text,
    );
  }

  function pageState() {
    return page.evaluate(() => {
      const w = window as unknown as LiveWindow;
      return { indices: w.Reveal.getIndices(), marker: w.__marker, visited: w.__visited, hash: location.hash, live: w.__deckmarkLive };
    });
  }

  it('shows an edit on the same slide, vertical child and fragment, without reloading', async () => {
    writeFileSync(deckFile, original.replace('Vertical child original', 'Vertical child edited'));
    await waitForText('Vertical child edited');
    const state = await pageState();
    expect(state.marker).toBe('still the same page');
    expect(state.indices).toEqual({ h: 2, v: 1, f: 0 });
    expect(state.hash).toBe('#/2/1/0');
    expect(state.visited.filter(([h]) => h !== 2)).toEqual([]);
    expect(state.live.reloads).toBe(0);
    expect(await page.$$eval('.reveal .slides section.present .fragment.visible', (nodes) => nodes.length)).toBe(1);
  });

  it('replaces only the slides whose HTML changed once the page knows the previous build', async () => {
    writeFileSync(deckFile, original.replace('Vertical child original', 'First edit'));
    await waitForText('First edit');
    await page.evaluate(() => {
      for (const section of document.querySelectorAll('.reveal .slides section')) (section as HTMLElement & { __kept?: boolean }).__kept = true;
    });
    writeFileSync(deckFile, original.replace('Vertical child original', 'Second edit'));
    await waitForText('Second edit');
    const kept = await page.$$eval('.reveal .slides section', (sections) =>
      sections.map((section) => (section as HTMLElement & { __kept?: boolean }).__kept === true),
    );
    const current = await page.evaluate(
      () => ((window as unknown as LiveWindow).Reveal.getCurrentSlide() as HTMLElement & { __kept?: boolean }).__kept === true,
    );
    expect(current).toBe(false);
    expect(kept.filter((wasKept) => !wasKept)).toHaveLength(1);
    expect((await pageState()).live.reloads).toBe(0);
  });

  it('follows an atomic save (write a temporary file, rename it over the deck)', async () => {
    const temporary = join(served.cwd, '.talk.md.swp');
    writeFileSync(temporary, original.replace('Vertical child original', 'Saved atomically'));
    renameSync(temporary, deckFile);
    await waitForText('Saved atomically');
    // And keeps following after the file it watched was replaced.
    writeFileSync(deckFile, original.replace('Vertical child original', 'Saved again'));
    await waitForText('Saved again');
    expect((await pageState()).marker).toBe('still the same page');
  });

  it('follows a deck deleted and written again, and a burst of saves', async () => {
    rmSync(deckFile);
    writeFileSync(deckFile, original.replace('Vertical child original', 'Recreated'));
    await waitForText('Recreated');
    const buildsBefore = served.out.length;
    for (let save = 1; save <= 5; save++) writeFileSync(deckFile, original.replace('Vertical child original', `Burst save ${save}`));
    await waitForText('Burst save 5');
    // Debounced: five saves in a row are one rebuild (two if the watcher split the burst), never five.
    expect(served.out.length - buildsBefore).toBeLessThanOrEqual(2);
    const state = await pageState();
    expect(state.marker).toBe('still the same page');
    expect(state.indices).toEqual({ h: 2, v: 1, f: 0 });
  });

  it('goes to the nearest slide when the one shown is removed', async () => {
    const withoutChild = original.replace(/----\n\n## Three below[\s\S]*?(?=\n---\n)/, '');
    expect(withoutChild).not.toContain('Three below');
    writeFileSync(deckFile, withoutChild);
    await waitForText('Third slide text');
    const state = await pageState();
    expect(state.indices.h).toBe(2);
    expect(state.indices.v).toBe(0);
    expect(state.marker).toBe('still the same page');
  });

  it('overlays a build error on the last good deck, keeps serving, and clears it on the next good build', async () => {
    writeFileSync(deckFile, original.replace('title: Live fixture', 'title: [unclosed'));
    await page.waitForSelector('#deckmark-error', { timeout: 20_000 });
    const overlay = await page.$eval('#deckmark-error', (node) => ({ text: node.textContent ?? '', elements: node.querySelectorAll('*').length }));
    expect(overlay.text).toMatch(/talk\.md:2(:\d+)?: invalid front matter/);
    expect(overlay.elements).toBe(2);
    // The last good deck is still there, on the same slide, and the server still answers.
    const state = await pageState();
    expect(state.indices).toEqual({ h: 2, v: 1, f: 0 });
    expect(state.marker).toBe('still the same page');
    expect(served.err.some((line) => /^deckmark: talk\.md:2(:\d+)?: invalid front matter/.test(line))).toBe(true);
    expect((await fetch(`${served.server.url}talk/`)).status).toBe(200);

    // A page opened while the deck is broken shows the error too.
    const second = await (await browser.browser()).newPage();
    try {
      await second.goto(`${served.server.url}talk/`);
      await second.waitForSelector('#deckmark-error', { timeout: 20_000 });
    } finally {
      await second.close();
    }

    writeFileSync(deckFile, original.replace('Vertical child original', 'Fixed again'));
    await waitForText('Fixed again');
    await page.waitForFunction(() => !document.getElementById('deckmark-error'));
    expect((await pageState()).marker).toBe('still the same page');
  });
});
