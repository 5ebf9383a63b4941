import { readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { splitFrontMatter } from '../../src/parse/frontmatter.js';
import { runCli } from '../helpers/cli.js';
import { fixturesFolder, makeWorkspace } from '../helpers/workspace.js';
import { type DeckShape, measureDeck, type OracleSeparators, oraclePage, revealMdDefaults } from './reveal-oracle.js';

/**
 * Differential tests: each deck is split and rendered by reveal.js's own Markdown plugin in
 * Chromium and built by deckmark, both pages are measured by the same code, and the shapes
 * must be equal. One browser serves every deck of the file.
 */
const browser = new BrowserManager();
const workspace = makeWorkspace({}, 'compat');
afterAll(async () => {
  await browser.dispose();
  rmSync(workspace, { recursive: true, force: true });
});

const corpus = join(fixturesFolder, 'compat');
let built = 0;

async function compare(text: string): Promise<{ deckmark: DeckShape; reveal: DeckShape }> {
  const name = `deck-${built++}`;
  writeFileSync(join(workspace, `${name}.md`), text);
  const result = await runCli(['build', `${name}.md`], workspace);
  expect(result.code, result.stderr).toBe(0);
  const { data, body } = splitFrontMatter(text, `${name}.md`);
  const separators: OracleSeparators = { ...revealMdDefaults };
  for (const key of ['separator', 'verticalSeparator', 'notesSeparator', 'elementAttributes', 'slideAttributes'] as const) {
    if (typeof data[key] === 'string') separators[key] = data[key];
  }
  writeFileSync(join(workspace, `${name}.oracle.html`), oraclePage(body, separators));
  const measure = (file: string) =>
    browser.withPage(async (page) => {
      await page.goto(pathToFileURL(join(workspace, file)).href);
      return measureDeck(page);
    });
  return { deckmark: await measure(join(`dist`, name, 'index.html')), reveal: await measure(`${name}.oracle.html`) };
}

// Adding a case means adding a file to test/fixtures/compat/.
describe('decks written for reveal.js build to the structure reveal.js gives them', () => {
  for (const file of readdirSync(corpus).filter((name) => name.endsWith('.md'))) {
    it(file, { timeout: 60_000 }, async () => {
      const { deckmark, reveal } = await compare(readFileSync(join(corpus, file), 'utf8'));
      expect(deckmark).toEqual(reveal);
    });
  }
});

/** Blocks generated decks are made of; none holds a separator inside a fence (deckmark keeps those, on purpose). */
const block = fc.oneof(
  fc.constantFrom('## Title', '# Big title', 'Some *text* here.', '- one\n- two\n- three', '1. first\n2. second', '> quoted'),
  fc.constantFrom('```js\nconst a = 1;\n```', '~~~\nplain\n~~~', '    indented code'),
  fc.constantFrom('- a\n- b\n<!-- .element: class="fragment" -->', 'Later <!-- .element: class="fragment" -->', 'Para\n<!-- .element class="fragment" -->'),
  fc.constantFrom('<!-- .slide: data-background-color="#123" -->', '<!-- .slide: class="dark" -->'),
);
const slide = fc.tuple(
  fc.array(block, { minLength: 1, maxLength: 4 }),
  fc.option(fc.constantFrom('Note: say this', 'notes: lower case', 'NOTES: upper'), { nil: undefined }),
);
const generatedDeck = fc
  .array(fc.tuple(slide, fc.constantFrom('\n\n---\n\n', '\n\n----\n\n', '\n---\n')), { minLength: 1, maxLength: 5 })
  .map((slides) =>
    slides.map(([[blocks, notes], separator], index) => `${index === 0 ? '' : separator}${blocks.join('\n\n')}${notes ? `\n\n${notes}` : ''}`).join(''),
  );

describe('generated decks', () => {
  it('have the same shape in deckmark and in reveal.js', { timeout: 240_000 }, async () => {
    await fc.assert(
      fc.asyncProperty(generatedDeck, async (text) => {
        const { deckmark, reveal } = await compare(`${text}\n`);
        expect(deckmark).toEqual(reveal);
      }),
      { numRuns: 6, seed: 14 },
    );
  });
});
