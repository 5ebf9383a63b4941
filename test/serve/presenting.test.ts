import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { type ServedWorkspace, serveFixture } from '../helpers/serve.js';

interface RevealWindow {
  Reveal: { slide(h: number, v?: number, f?: number): void; isOverview(): boolean; getIndices(): { h: number; v: number } };
  deckmarkReady: Promise<unknown>;
  __deckmarkLive: { connected: boolean };
}

const notesOf = (speaker: Page) => speaker.evaluate(() => document.querySelector('.speaker-controls-notes .value')?.textContent?.trim() ?? '');

describe('deckmark serve: presenting', () => {
  const browser = new BrowserManager();
  let served: ServedWorkspace;
  let page: Page;

  beforeAll(async () => {
    served = await serveFixture('serve/live', ['talk.md']);
    page = await (await browser.browser()).newPage();
    await page.setViewport({ width: 1280, height: 720 });
    await page.goto(`${served.server.url}talk/#/2`);
    await page.evaluate(() => (window as unknown as RevealWindow).deckmarkReady);
    await page.waitForFunction(() => (window as unknown as RevealWindow).__deckmarkLive.connected);
  });
  afterAll(async () => {
    await served?.server.close();
    await browser.dispose();
  });

  it('opens the speaker view with S; it receives the current notes, then edited notes', async () => {
    expect(await page.evaluate(() => (window as unknown as RevealWindow).Reveal.getIndices())).toMatchObject({ h: 2, v: 0 });
    const popup = new Promise<Page>((resolve) => page.once('popup', (opened) => resolve(opened as Page)));
    await page.keyboard.press('s');
    const speaker = await popup;
    try {
      await speaker.waitForFunction(() => document.querySelector('.speaker-controls-notes .value')?.textContent?.includes('Notes for slide three'), {
        timeout: 20_000,
      });
      // The timer and the next-slide preview are there too.
      expect(await speaker.$eval('.speaker-controls-time', (node) => node.textContent ?? '')).toMatch(/\d+:\d+/);
      expect(await speaker.$('#upcoming-slide iframe')).not.toBeNull();

      await page.evaluate(() => (window as unknown as RevealWindow).Reveal.slide(2, 1));
      await speaker.waitForFunction(() => document.querySelector('.speaker-controls-notes .value')?.textContent?.includes('Notes for the vertical child'), {
        timeout: 20_000,
      });

      // Editing the notes of the slide shown updates the speaker view, with no navigation.
      const deckFile = join(served.cwd, 'talk.md');
      writeFileSync(
        deckFile,
        readFileSync(deckFile, 'utf8')
          .replace('Notes for the vertical child.', 'Edited notes while presenting.')
          .replace('Vertical child original', 'Edited slide text'),
      );
      await speaker.waitForFunction(() => document.querySelector('.speaker-controls-notes .value')?.textContent?.includes('Edited notes while presenting'), {
        timeout: 20_000,
      });
      expect(await notesOf(speaker)).toBe('Edited notes while presenting.');
      // The preview of the current slide follows too, without a stream of its own.
      const preview = speaker.frames().find((frame) => frame.url().includes('receiver') && frame.url().includes('postMessageEvents=true'))!;
      await preview.waitForFunction(
        () => (window as unknown as { Reveal: { getCurrentSlide(): HTMLElement } }).Reveal.getCurrentSlide().textContent?.includes('Edited slide text'),
        { timeout: 20_000 },
      );
      expect(await preview.evaluate(() => (window as unknown as RevealWindow).__deckmarkLive.connected)).toBe(false);
    } finally {
      await speaker.close();
    }
  });

  it('toggles the overview with O and fullscreen with F', async () => {
    await page.bringToFront();
    await page.keyboard.press('o');
    await page.waitForFunction(() => (window as unknown as RevealWindow).Reveal.isOverview());
    await page.keyboard.press('Escape');
    await page.waitForFunction(() => !(window as unknown as RevealWindow).Reveal.isOverview());
    await page.keyboard.press('f');
    await page.waitForFunction(() => document.fullscreenElement !== null, { timeout: 10_000 });
  });
});
