import { cpSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { runCli } from '../helpers/cli.js';
import { fixturesFolder, makeWorkspace } from '../helpers/workspace.js';

describe('a hostile deck in Chromium', () => {
  const browser = new BrowserManager();
  afterAll(() => browser.dispose());

  it('runs no script in the deck or in the speaker view', async () => {
    const cwd = makeWorkspace();
    cpSync(join(fixturesFolder, 'bad-inputs', 'script-injection.md'), join(cwd, 'deck.md'));
    const built = await runCli(['build', 'deck.md'], cwd);
    expect(built.code, built.stderr).toBe(0);

    const titles = await browser.withPage(async (page) => {
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(pathToFileURL(join(cwd, 'dist', 'deck', 'index.html')).href);
      await page.evaluate(() => (window as unknown as { deckmarkReady: Promise<unknown> }).deckmarkReady);
      const popup = new Promise<Page>((resolve) => page.once('popup', (opened) => resolve(opened as Page)));
      await page.keyboard.press('s');
      const speaker = await popup;
      await speaker.waitForFunction(() => document.querySelector('.speaker-controls-notes .value') !== null, { timeout: 15_000 });
      // Let the notes be written into the speaker view and any injected image fail to load.
      await speaker.evaluate(() => Promise.all([...document.querySelectorAll('img')].map((image) => image.decode().catch(() => undefined))));
      const result = { deck: await page.title(), speaker: await speaker.title(), dialogs };
      await speaker.close();
      return result;
    });
    expect(titles.deck).not.toMatch(/pwned/);
    expect(titles.speaker).not.toMatch(/pwned/);
    expect(titles.dialogs).toEqual([]);
  });
});
