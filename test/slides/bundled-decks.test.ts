import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/parse/index.js';

const root = join(dirname(fileURLToPath(import.meta.url)), '..', '..');

const decks = {
  fr: 'slides/mistral-pivot.fr.md',
  en: 'slides/mistral-pivot.en.md',
} as const;

type Lang = keyof typeof decks;

function load(lang: Lang) {
  const file = decks[lang];
  return parseDeck(readFileSync(join(root, file), 'utf8'), file);
}

/** Headings (h1–h3) of a slide's Markdown, outside code fences. */
function headings(markdown: string): string[] {
  return withoutCode(markdown)
    .split('\n')
    .map((line) => /^#{1,3}\s+(.+)$/.exec(line)?.[1]?.trim())
    .filter((heading): heading is string => heading !== undefined);
}

function withoutCode(markdown: string): string {
  return markdown.replace(/^(`{3,}|~{3,})[^\n]*\n[\s\S]*?^\1[ \t]*$/gm, '');
}

/** Lines a reader has to read: no headings, no column markers, no comments, no charts. */
function bodyLines(markdown: string): string[] {
  return withoutCode(markdown)
    .split('\n')
    .map((line) => line.replace(/<!--[\s\S]*?-->/g, '').trim())
    .filter((line) => line !== '' && line !== '|||' && !/^#{1,6}\s/.test(line));
}

function vegaSpecs(markdown: string): unknown[] {
  return [...markdown.matchAll(/^```vega-lite[ \t]*\n([\s\S]*?)^```[ \t]*$/gm)].map((match) => JSON.parse(match[1]!));
}

const themes: { name: string; pattern: RegExp }[] = [
  { name: 'open-source positioning', pattern: /open[ -]source/i },
  { name: 'pivot', pattern: /virage|pivot/i },
  { name: 'monetisation', pattern: /mon[ée]tis/i },
  { name: 'cost efficiency', pattern: /co[ûu]t|cost/i },
];

const figures: { name: string; pattern: RegExp }[] = [
  { name: '≈ €500M raised', pattern: /€\s?500|500\s?M/ },
  { name: '< €20M for Mistral Large', pattern: /€\s?20\s?M|20\s?M\s?€/ },
  { name: '$50M for GPT-4 (low end)', pattern: /\b50\b/ },
  { name: '$100M for GPT-4 (high end)', pattern: /\b100\b/ },
  { name: '13 billion invested in OpenAI', pattern: /\b13\s?(Md|milliards|bn|billion)/ },
];

describe('bundled decks: mistral-pivot', () => {
  const fr = load('fr');
  const en = load('en');

  it('parses both decks without warnings', () => {
    expect(fr.warnings).toEqual([]);
    expect(en.warnings).toEqual([]);
  });

  it('has the same slides, positions and layouts in both languages', () => {
    expect(fr.slides.length).toBe(en.slides.length);
    expect(fr.slides.map((slide) => [slide.h, slide.v, slide.layout])).toEqual(en.slides.map((slide) => [slide.h, slide.v, slide.layout]));
  });

  it('has a sensible length: 14–20 horizontal slides, some vertical ones', () => {
    const horizontal = new Set(fr.slides.map((slide) => slide.h)).size;
    expect(horizontal).toBeGreaterThanOrEqual(14);
    expect(horizontal).toBeLessThanOrEqual(20);
    expect(fr.slides.some((slide) => slide.v > 0)).toBe(true);
  });

  for (const [lang, deck] of [
    ['fr', fr],
    ['en', en],
  ] as const) {
    describe(lang, () => {
      it(`sets lang to ${lang} and the required front matter`, () => {
        expect(deck.frontMatter.lang).toBe(lang);
        expect(deck.frontMatter.title).toBeTruthy();
        expect(deck.frontMatter.author).toBeTruthy();
        expect(String(deck.frontMatter.date)).toBe('2024-02');
        expect(deck.frontMatter.theme).toBe('deckmark');
      });

      it('opens with a title slide', () => {
        expect(deck.slides[0]?.layout).toBe('title');
      });

      it('has speaker notes on every slide after the title', () => {
        const missing = deck.slides.slice(1).filter((slide) => slide.notes.trim() === '');
        expect(missing.map((slide) => `${slide.h}.${slide.v} (line ${slide.line})`)).toEqual([]);
      });

      it('shows the key figures on the slides', () => {
        const body = deck.slides.map((slide) => slide.markdown).join('\n');
        for (const figure of figures) expect(body, figure.name).toMatch(figure.pattern);
      });

      it('has at least one slide heading for each theme', () => {
        const allHeadings = deck.slides.flatMap((slide) => headings(slide.markdown));
        for (const theme of themes) {
          expect(
            allHeadings.some((heading) => theme.pattern.test(heading)),
            `no heading about ${theme.name}`,
          ).toBe(true);
        }
      });

      it('never states the impossible date "November 2024" on a slide', () => {
        for (const slide of deck.slides) expect(slide.markdown).not.toMatch(/novembre\s+2024|november\s+2024/i);
      });

      it('keeps slide bodies short (at most 7 lines to read)', () => {
        const long = deck.slides.filter((slide) => bodyLines(slide.markdown).length > 7);
        expect(long.map((slide) => `${slide.h}.${slide.v}: ${bodyLines(slide.markdown).length} lines`)).toEqual([]);
      });

      it('has valid-looking Vega-Lite charts with inline data and no hard-coded colours', () => {
        const specs = deck.slides.flatMap((slide) => vegaSpecs(slide.markdown)) as Record<string, unknown>[];
        expect(specs.length).toBeGreaterThanOrEqual(1);
        for (const spec of specs) {
          expect(String(spec.$schema)).toMatch(/vega-lite\/v[56]/);
          expect(Array.isArray((spec.data as { values?: unknown })?.values)).toBe(true);
          expect(JSON.stringify(spec)).not.toMatch(/"(color|fill|stroke|font)"\s*:\s*"/);
        }
      });

      it('says on the cost slide that the currencies are not converted', () => {
        const costSlide = deck.slides.find((slide) => vegaSpecs(slide.markdown).length > 0);
        expect(costSlide?.markdown).toMatch(/non convertis|not converted/i);
      });
    });
  }

  it('marks English quotations as translations', () => {
    const quoteSlides = en.slides.filter((slide) => slide.layout === 'quote');
    expect(quoteSlides.length).toBeGreaterThan(0);
    for (const slide of quoteSlides) expect(slide.markdown).toMatch(/our translation/i);
  });

  it('keeps French quotations in guillemets', () => {
    const quoteSlides = fr.slides.filter((slide) => slide.layout === 'quote');
    for (const slide of quoteSlides) expect(slide.markdown).toMatch(/«[^»]+»/);
  });
});
