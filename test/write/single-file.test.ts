import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { isTag } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { elementsOf } from '../../src/html/dom.js';
import { runCli } from '../helpers/cli.js';
import { fixturesFolder, makeWorkspace } from '../helpers/workspace.js';

/** Every URL the page could load: attributes and CSS url()s, wherever they are. */
function referencesIn(html: string): string[] {
  const document = parseDocument(html);
  const urls: string[] = [];
  for (const element of elementsOf(document.children)) {
    for (const [name, value] of Object.entries(element.attribs)) {
      if (['src', 'href', 'poster', 'srcset', 'data', 'action'].includes(name) || name.startsWith('data-background-')) urls.push(value);
      if (name === 'style') urls.push(...cssUrls(value));
    }
    if (element.name === 'style')
      urls.push(...cssUrls(element.children.map((child) => (isTag(child) ? '' : ((child as { data?: string }).data ?? ''))).join('')));
  }
  return urls;
}

const cssUrls = (css: string) => [...css.matchAll(/url\(\s*["']?([^"')]+)/g)].map((match) => match[1]!);

describe('deckmark build --single-file', () => {
  const browser = new BrowserManager();
  let cwd: string;
  let file: string;
  let html: string;

  beforeAll(async () => {
    cwd = makeWorkspace({}, 'authoring/assets');
    const charts = readFileSync(join(fixturesFolder, 'authoring', 'math-charts.md'), 'utf8');
    writeFileSync(join(cwd, 'deck.md'), `${charts}\n---\n\n<!-- .slide: data-background-image="img/pic.png" -->\n## Picture\n\n![pic](img/pic.png)\n`);
    const result = await runCli(['build', 'deck.md', '--single-file'], cwd);
    expect(result.code, result.stderr).toBe(0);
    file = join(cwd, 'dist', 'deck.html');
    html = readFileSync(file, 'utf8');
  });

  afterAll(() => browser.dispose());

  it('writes one file, and no deck folder', () => {
    expect(existsSync(file)).toBe(true);
    expect(existsSync(join(cwd, 'dist', 'deck'))).toBe(false);
  });

  it('references nothing outside itself', () => {
    const references = referencesIn(html);
    expect(references.length).toBeGreaterThan(10);
    expect(references.filter((url) => !url.startsWith('data:') && !url.startsWith('#'))).toEqual([]);
    expect(html).not.toMatch(/<link\b[^>]*stylesheet/);
    expect(html).not.toMatch(/<script\b[^>]*\ssrc=/);
    expect(html).toContain('data:font/woff2;base64,');
    expect(html).toContain('data:image/png;base64,');
  });

  it('presents in Chromium with every other request blocked', async () => {
    const url = pathToFileURL(file).href;
    const facts = await browser.withPage(async (page) => {
      const blocked: string[] = [];
      const errors: string[] = [];
      page.on('console', (message) => {
        if (message.type() === 'error') errors.push(message.text());
      });
      page.on('pageerror', (error) => errors.push(String(error)));
      await page.setRequestInterception(true);
      page.on('request', (request) => {
        if (request.url() === url || request.url().startsWith('data:')) return void request.continue();
        blocked.push(request.url());
        void request.abort();
      });
      await page.goto(url, { waitUntil: 'load' });
      await page.evaluate(() => (window as unknown as { deckmarkReady: Promise<unknown> }).deckmarkReady);
      await page.evaluate(() => document.fonts.ready);
      const state = await page.evaluate(() => ({
        slides: (window as unknown as { Reveal: { getTotalSlides(): number } }).Reveal.getTotalSlides(),
        // Faces load when text uses them: the first slide has body text, headings and math.
        inter: [...document.fonts].some((face) => face.family.includes('Inter') && face.status === 'loaded'),
        katex: [...document.fonts].some((face) => face.family.includes('KaTeX_Main') && face.status === 'loaded'),
        failedFonts: [...document.fonts].filter((face) => face.status === 'error').map((face) => face.family),
        charts: document.querySelectorAll('.dm-chart svg').length,
      }));
      return { ...state, blocked, errors };
    });
    expect({ inter: facts.inter, katex: facts.katex }).toEqual({ inter: true, katex: true });
    expect(facts.blocked).toEqual([]);
    expect(facts.failedFonts).toEqual([]);
    expect(facts.errors).toEqual([]);
    expect(facts.slides).toBe(4);
    expect(facts.charts).toBe(2);
    expect(facts.inter).toBe(true);
    expect(facts.katex).toBe(true);
  });
});
