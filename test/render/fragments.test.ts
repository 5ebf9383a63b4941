import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { runCli } from '../helpers/cli.js';
import { fixturesFolder, makeWorkspace } from '../helpers/workspace.js';

const browser = new BrowserManager();
afterAll(() => browser.dispose());

/** Builds a deck and asks Reveal, in Chromium, how many fragments each slide has. */
async function fragmentCounts(markdown: string): Promise<number[]> {
  const cwd = makeWorkspace({ 'deck.md': markdown });
  const result = await runCli(['build', 'deck.md'], cwd);
  expect(result.code, result.stderr).toBe(0);
  return browser.withPage(async (page) => {
    await page.goto(pathToFileURL(join(cwd, 'dist', 'deck', 'index.html')).href);
    await page.evaluate(() => (window as unknown as { deckmarkReady: Promise<unknown> }).deckmarkReady);
    return page.evaluate(() => {
      const reveal = (window as unknown as { Reveal: { getSlides(): Element[]; slide(h: number): void; availableFragments(): { next: boolean } } }).Reveal;
      return reveal.getSlides().map((slide) => slide.querySelectorAll('.fragment').length);
    });
  });
}

describe('fragments in Reveal', () => {
  it('counts .element fragments, incremental slides and a chart fragment', async () => {
    expect(await fragmentCounts(readFileSync(join(fixturesFolder, 'authoring', 'fragments.md'), 'utf8'))).toEqual([3, 4, 1, 0]);
  });

  it('makes every list item a fragment when the front matter says incremental: true', async () => {
    expect(await fragmentCounts('---\nincremental: true\n---\n## A\n\n- a\n- b\n\n---\n\n## B\n\n1. x\n2. y\n3. z\n\nText\n')).toEqual([2, 3]);
  });

  it('steps through fragments before moving to the next slide', async () => {
    const cwd = makeWorkspace();
    writeFileSync(join(cwd, 'deck.md'), '<!-- .slide: incremental="true" -->\n## A\n\n- a\n- b\n\n---\n\n## B\n');
    expect((await runCli(['build', 'deck.md'], cwd)).code).toBe(0);
    const steps = await browser.withPage(async (page) => {
      await page.goto(pathToFileURL(join(cwd, 'dist', 'deck', 'index.html')).href);
      await page.evaluate(() => (window as unknown as { deckmarkReady: Promise<unknown> }).deckmarkReady);
      return page.evaluate(() => {
        const reveal = (window as unknown as { Reveal: { next(): void; getIndices(): { h: number; f?: number } } }).Reveal;
        const seen: string[] = [];
        for (let step = 0; step < 3; step++) {
          reveal.next();
          const { h, f } = reveal.getIndices();
          seen.push(`${h}.${f ?? '-'}`);
        }
        return seen;
      });
    });
    expect(steps).toEqual(['0.0', '0.1', '1.-']);
  });
});
