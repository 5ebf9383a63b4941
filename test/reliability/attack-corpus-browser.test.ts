import { pathToFileURL } from 'node:url';
import type { Frame, Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../helpers/workspace.js';

/** Every payload in the attack decks does both: sets `window.__pwned` and logs PWNED. */
interface Outcome {
  pwned: boolean;
  console: string[];
}

const pwnedIn = async (frames: Frame[]) => {
  const flags = await Promise.all(frames.map((frame) => frame.evaluate(() => (window as { __pwned?: unknown }).__pwned !== undefined).catch(() => false)));
  return flags.some(Boolean);
};

function recordConsole(page: Page, into: string[]): void {
  page.on('console', (message) => into.push(message.text()));
}

/** Shows every slide and fragment, so lazy media, background iframes and previews all load. */
async function visitEverySlide(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const { Reveal } = window as unknown as {
      Reveal: { getTotalSlides(): number; next(): void; isLastSlide(): boolean; availableFragments(): { next: boolean } };
    };
    for (let step = 0; step < 50 && !(Reveal.isLastSlide() && !Reveal.availableFragments().next); step++) {
      Reveal.next();
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  });
  await new Promise((resolve) => setTimeout(resolve, 300));
}

describe('attack decks in Chromium: nothing runs in the deck, the speaker view or the print view', () => {
  const browser = new BrowserManager();
  let cwd: string;
  beforeAll(async () => {
    cwd = makeWorkspace({}, 'attacks');
    for (const argv of [
      ['build', 'corpus.md', 'html-true.md'],
      ['build', '--single-file', 'corpus.md', 'html-true.md'],
    ]) {
      const built = await runCli(argv, cwd);
      expect(built.code, built.stderr).toBe(0);
    }
  }, 120_000);
  afterAll(() => browser.dispose());

  const pages = {
    folder: (name: string) => `${cwd}/dist/${name}/index.html`,
    'single-file': (name: string) => `${cwd}/dist/${name}.html`,
  };

  for (const [output, pathOf] of Object.entries(pages)) {
    it(`${output}: the deck starts, the speaker view shows the notes, and no payload runs`, async () => {
      const outcome = await browser.withPage(async (page): Promise<Outcome> => {
        const console: string[] = [];
        recordConsole(page, console);
        await page.goto(pathToFileURL(pathOf('corpus')).href);
        await page.evaluate(() => (window as unknown as { deckmarkReady: Promise<unknown> }).deckmarkReady);
        expect(await page.evaluate(() => (window as unknown as { Reveal: { isReady(): boolean } }).Reveal.isReady())).toBe(true);
        const popup = new Promise<Page>((resolve) => page.once('popup', (opened) => resolve(opened as Page)));
        await page.keyboard.press('s');
        const speaker = await popup;
        recordConsole(speaker, console);
        // The notes appear only if the speaker view's own script ran under the deck's policy.
        await speaker.waitForFunction(() => document.querySelector('.speaker-controls-notes .value')?.textContent?.includes('the real notes'), {
          timeout: 15_000,
        });
        await page.evaluate(() => (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(0));
        await visitEverySlide(page);
        await new Promise((resolve) => setTimeout(resolve, 500));
        const pwned = (await pwnedIn(page.frames())) || (await pwnedIn(speaker.frames()));
        await speaker.close();
        return { pwned, console };
      });
      expect(outcome.console.filter((line) => line.includes('PWNED'))).toEqual([]);
      expect(outcome.pwned).toBe(false);
    }, 90_000);

    it(`${output}: printing runs no payload`, async () => {
      const outcome = await browser.withPage(async (page): Promise<Outcome> => {
        const console: string[] = [];
        recordConsole(page, console);
        await page.goto(`${pathToFileURL(pathOf('corpus')).href}?print-pdf`);
        await page.evaluate(() => (window as unknown as { deckmarkReady: Promise<unknown> }).deckmarkReady);
        await page.pdf({ preferCSSPageSize: true });
        // The print view laid the slides out as pages: the deck's own scripts ran.
        expect(await page.evaluate(() => document.querySelectorAll('.pdf-page').length)).toBeGreaterThan(3);
        return { pwned: await pwnedIn(page.frames()), console };
      });
      expect(outcome.console.filter((line) => line.includes('PWNED'))).toEqual([]);
      expect(outcome.pwned).toBe(false);
    }, 60_000);

    it(`${output}: with html: true the page's policy still blocks inline script and handlers`, async () => {
      const outcome = await browser.withPage(async (page): Promise<Outcome & { violations: number }> => {
        const console: string[] = [];
        recordConsole(page, console);
        await page.goto(pathToFileURL(pathOf('html-true')).href);
        await page.evaluate(() => (window as unknown as { deckmarkReady: Promise<unknown> }).deckmarkReady);
        // Markup injected after the fact, as a sanitiser miss or a live update would add it.
        // (A script element made by running code is allowed by 'strict-dynamic': only code
        // already running can make one.)
        const violations = await page.evaluate(async () => {
          let count = 0;
          document.addEventListener('securitypolicyviolation', () => count++);
          const later = document.getElementById('later')!;
          later.insertAdjacentHTML(
            'afterend',
            `<img src="x" onerror="window.__pwned = 1; console.log('PWNED')"><a id="go" href="javascript:window.__pwned=1;console.log('PWNED')">go</a>`,
          );
          later.setAttribute('onclick', "window.__pwned = 1; console.log('PWNED')");
          later.click();
          document.getElementById('go')!.click();
          await new Promise((resolve) => setTimeout(resolve, 300));
          return count;
        });
        return { pwned: await pwnedIn(page.frames()), console, violations };
      });
      expect(outcome.console.filter((line) => line.includes('PWNED'))).toEqual([]);
      expect(outcome.pwned).toBe(false);
      expect(outcome.violations).toBeGreaterThanOrEqual(3);
    }, 60_000);
  }
});
