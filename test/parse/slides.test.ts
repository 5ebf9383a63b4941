import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/parse/index.js';

const fixtures = join(import.meta.dirname, '..', 'fixtures', 'parse');

// Adding a case means adding NAME.md and NAME.expected.json to the fixture folder.
describe('splitting decks into slides', () => {
  for (const name of readdirSync(fixtures).filter((file) => file.endsWith('.md'))) {
    it(name, () => {
      const deck = parseDeck(readFileSync(join(fixtures, name), 'utf8'), name);
      const expected = JSON.parse(readFileSync(join(fixtures, name.replace(/\.md$/, '.expected.json')), 'utf8')) as Record<string, unknown>[];
      const actual = deck.slides.map((slide, index) => {
        const summary: Record<string, unknown> = {
          h: slide.h,
          v: slide.v,
          line: slide.line,
          layout: slide.layout,
          markdown: slide.markdown,
          notes: slide.notes,
        };
        if ('attributes' in expected[index]!) summary.attributes = { ...slide.attributes };
        return summary;
      });
      expect(actual).toEqual(expected);
    });
  }
});

describe('line endings and encoding marks', () => {
  const lf = '---\ntitle: Same\n---\n\n# One\n\n---\n\n# Two\n\nNote: notes\n';

  it('gives identical slides for CRLF, CR and LF', () => {
    const reference = parseDeck(lf, 'lf.md');
    expect(parseDeck(lf.replace(/\n/g, '\r\n'), 'lf.md')).toEqual(reference);
    expect(parseDeck(lf.replace(/\n/g, '\r'), 'lf.md')).toEqual(reference);
  });

  it('ignores a UTF-8 byte order mark before the front matter', () => {
    const deck = parseDeck(`\ufeff${lf}`, 'bom.md');
    expect(deck.options.title).toBe('Same');
    expect(deck.slides).toHaveLength(2);
  });
});

describe('unclosed code fences', () => {
  it('warns with the fence line, and still splits after it as reveal.js does', () => {
    const deck = parseDeck('# One\n\n```js\nconst a = 1;\n\n---\n\n# Two\n\n~~~\n---\n~~~\n\n---\n\n# Three\n', 'open.md');
    expect(deck.slides.map((slide) => slide.markdown)).toEqual(['# One\n\n```js\nconst a = 1;', '# Two\n\n~~~\n---\n~~~', '# Three']);
    expect(deck.warnings).toEqual([expect.objectContaining({ file: 'open.md', line: 3, message: expect.stringContaining('never closed') })]);
  });
});

describe('empty decks', () => {
  it('has no slides and warns, for an empty file and for front matter alone', () => {
    for (const text of ['', '---\ntitle: Only\n---\n']) {
      const deck = parseDeck(text, 'empty.md');
      expect(deck.slides).toEqual([]);
      expect(deck.warnings.map((warning) => warning.message)).toContain('the deck has no slides; write Markdown below the front matter');
    }
  });

  it('drops the empty slide a leading or trailing separator would make', () => {
    const deck = parseDeck('---\ntitle: x\n---\n---\n\n# Only\n\n---\n', 'edges.md');
    expect(deck.slides.map((slide) => [slide.h, slide.markdown])).toEqual([[0, '# Only']]);
  });
});

describe('nesting depth', () => {
  it('refuses lists nested deeper than the limit before marked can overflow its stack', () => {
    const deep = Array.from({ length: 200 }, (_, index) => `${'  '.repeat(index)}- item`).join('\n');
    expect(() => parseDeck(`# Deep\n\n${deep}\n`, 'deep.md')).toThrowError(/nested \d+ levels deep; the limit is 64/);
  });

  it('refuses quotes nested deeper than the limit, naming the line', () => {
    try {
      parseDeck(`# Quote\n\n${'> '.repeat(500)}deep\n`, 'quote.md');
      expect.unreachable();
    } catch (error) {
      expect(String(error)).toMatch(/^quote\.md:3: lists or quotes nested 500 levels deep/);
    }
  });
});
