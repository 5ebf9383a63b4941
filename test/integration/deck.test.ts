import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { runCli } from '../helpers/cli.js';
import { fixturesFolder, makeWorkspace } from '../helpers/workspace.js';

interface DeckFacts {
  stacks: number[];
  notes: string[];
  highlighted: number;
  fragments: number;
  table: boolean;
  fontsLoaded: boolean;
}

describe('a built deck in Chromium', () => {
  const browser = new BrowserManager();
  let facts: DeckFacts;
  let deckUrl: string;
  const consoleErrors: string[] = [];
  const outsideRequests: string[] = [];

  beforeAll(async () => {
    // CRLF on purpose: the built deck must be the same as from LF.
    const cwd = makeWorkspace();
    const source = readFileSync(join(fixturesFolder, 'integration', 'reveal-md-style.md'), 'utf8');
    writeFileSync(join(cwd, 'deck.md'), source.replace(/\n/g, '\r\n'));
    const built = await runCli(['build', 'deck.md'], cwd);
    expect(built.code, built.stderr).toBe(0);
    const folder = pathToFileURL(join(cwd, 'dist', 'deck')).href;
    deckUrl = `${folder}/index.html`;

    facts = await browser.withPage(async (page: Page) => {
      page.on('console', (message) => {
        if (message.type() === 'error') consoleErrors.push(message.text());
      });
      page.on('pageerror', (error) => consoleErrors.push(String(error)));
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (request.url().startsWith(`${folder}/`)) void request.continue();
        else {
          outsideRequests.push(request.url());
          void request.abort();
        }
      });
      await page.goto(`${folder}/index.html`);
      return page.evaluate(async () => {
        const reveal = (
          window as unknown as { Reveal: { getHorizontalSlides(): HTMLElement[]; getSlides(): HTMLElement[]; getSlideNotes(slide: HTMLElement): string } }
        ).Reveal;
        await (window as unknown as { deckmarkReady: Promise<unknown> }).deckmarkReady;
        await document.fonts.ready;
        return {
          stacks: reveal.getHorizontalSlides().map((slide) => Math.max(1, slide.querySelectorAll(':scope > section').length)),
          notes: reveal.getSlides().map((slide) => reveal.getSlideNotes(slide) ?? ''),
          highlighted: document.querySelectorAll('pre code.hljs span.hljs-keyword').length,
          fragments: document.querySelectorAll('.fragment').length,
          table: document.querySelector('table td') !== null,
          fontsLoaded: document.fonts.check('40px Inter'),
        };
      });
    });
  });

  afterAll(() => browser.dispose());

  it('shows horizontal slides and vertical stacks as written', () => {
    expect(facts.stacks).toEqual([1, 3, 1]);
  });

  it('gives the notes plugin each slide notes', () => {
    expect(facts.notes.map((note) => note.replace(/<[^>]+>/g, '').trim())).toEqual(['Notes for the first slide.', '', '', 'Notes for the bottom slide.', '']);
  });

  it('shows highlighted code, tables, fragments and the self-hosted font', () => {
    expect(facts.highlighted).toBeGreaterThan(0);
    expect(facts.table).toBe(true);
    expect(facts.fragments).toBe(1);
    expect(facts.fontsLoaded).toBe(true);
  });

  it('opens the speaker view from file:// with the current slide notes', async () => {
    const notes = await browser.withPage(async (page) => {
      await page.goto(`${deckUrl}#/1/2`);
      await page.evaluate(() => (window as unknown as { deckmarkReady: Promise<unknown> }).deckmarkReady);
      const popup = new Promise<Page>((resolve) => page.once('popup', (opened) => resolve(opened as Page)));
      await page.keyboard.press('s');
      const speaker = await popup;
      const handle = await speaker.waitForFunction(() => document.querySelector('.speaker-controls-notes .value')?.textContent?.trim(), { timeout: 15_000 });
      const text = await handle.jsonValue();
      await speaker.close();
      return text;
    });
    expect(notes).toBe('Notes for the bottom slide.');
  });

  it('logs no console errors and requests nothing outside the deck folder', () => {
    expect(consoleErrors).toEqual([]);
    expect(outsideRequests).toEqual([]);
  });
});
