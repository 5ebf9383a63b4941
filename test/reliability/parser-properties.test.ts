import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { DeckmarkError } from '../../src/errors.js';
import { parseDeck } from '../../src/parse/index.js';
import { renderDeck } from '../../src/render/index.js';

/** Lines that look like Markdown structure, so random decks hit separators, fences and notes. */
const markdownLine = fc.oneof(
  fc.string({ maxLength: 40 }),
  fc.constantFrom(
    '---',
    '----',
    '```',
    '~~~',
    '```js',
    'Note: x',
    '> quote',
    '- item',
    '  - nested',
    '# Heading',
    '<!-- .slide: layout="title" -->',
    '<!-- .element: class="fragment" -->',
    '|||',
    '| a | b |',
    '| - | - |',
    '',
    '\r',
    '\ufeff',
    '$$',
    '<script>',
    '...',
  ),
);

const word = fc.stringMatching(/^[a-z]{3,10}$/);

/** A slide body of prose and code blocks; code blocks may hold separator-like lines. */
const slideBody = fc.array(
  fc.oneof(
    word.map((text) => `Paragraph ${text}.`),
    fc.array(fc.constantFrom('---', '----', 'Note: in code', 'let a = 1;'), { maxLength: 4 }).map((lines) => ['```', ...lines, '```'].join('\n')),
    fc.array(word, { minLength: 1, maxLength: 3 }).map((items) => items.map((item) => `- ${item}`).join('\n')),
  ),
  { minLength: 1, maxLength: 4 },
);

describe('parser properties', () => {
  it('never throws anything but a DeckmarkError, whatever the text', () => {
    fc.assert(
      fc.property(fc.array(markdownLine, { maxLength: 60 }), (lines) => {
        try {
          parseDeck(lines.join('\n'), 'random.md');
        } catch (error) {
          expect(error).toBeInstanceOf(DeckmarkError);
        }
      }),
      { numRuns: 400 },
    );
  });

  it('makes one slide more than there are separators outside code blocks', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(slideBody, fc.constantFrom('---', '----')), { minLength: 1, maxLength: 8 }), slideBody, (slides, last) => {
        const text = [...slides.map(([blocks, separator]) => `${blocks.join('\n\n')}\n\n${separator}\n`), last.join('\n\n')].join('\n');
        expect(parseDeck(text, 'deck.md').slides).toHaveLength(slides.length + 1);
      }),
      { numRuns: 200 },
    );
  });

  it('never lets notes leak into the slide body', () => {
    fc.assert(
      fc.property(fc.array(fc.tuple(slideBody, word), { minLength: 1, maxLength: 6 }), (slides) => {
        const text = slides.map(([blocks, note], index) => `${blocks.join('\n\n')}\n\nNote: secret-${index}-${note}`).join('\n\n---\n\n');
        const rendered = renderDeck(parseDeck(text, 'deck.md'));
        rendered.slides.forEach((slide, index) => {
          const secret = `secret-${index}-${slides[index]![1]}`;
          expect([slide.heading, ...slide.regions].join('')).not.toContain('secret-');
          expect(slide.notesHtml).toContain(secret);
        });
      }),
      { numRuns: 150 },
    );
  });
});
