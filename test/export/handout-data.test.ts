import { describe, expect, it } from 'vitest';
import { handoutContext } from '../../src/export/handout/data.js';
import { parseDeck } from '../../src/parse/index.js';
import { renderDeck } from '../../src/render/index.js';

/** A real parsed and rendered deck: the title fallback is the render stage's, as in a build. */
const deck = (count: number, options: Record<string, string> = {}) => {
  const frontMatter = Object.entries(options).map(([key, value]) => `${key}: ${value}`);
  const slides = Array.from({ length: count }, (_, index) => `# Slide ${index + 1}${index === 0 ? '\n\nNote: Say hello' : ''}`);
  const text = `${frontMatter.length > 0 ? `---\n${frontMatter.join('\n')}\n---\n` : ''}${slides.join('\n\n---\n\n')}\n`;
  return renderDeck(parseDeck(text, 'talk.md'));
};

describe('handoutContext', () => {
  it.each([1, 2, 3, 4, 6] as const)('groups 7 slides into ceil(7 / %i) sheets, numbered "x / y"', (perPage) => {
    const context = handoutContext(deck(7), perPage, 'a4', '');
    const sheets = Math.ceil(7 / perPage);
    expect(context.sheets).toHaveLength(sheets);
    expect(context.sheets.map((sheet) => [sheet.number, sheet.total])).toEqual(Array.from({ length: sheets }, (_, index) => [index + 1, sheets]));
    expect(context.sheets.flatMap((sheet) => sheet.items.map((item) => item.slide))).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(context.withNotes).toBe(perPage === 1 || perPage === 3);
  });

  it('takes title and date from the front matter, else the first slide and today in the deck language', () => {
    expect(handoutContext(deck(1, { title: 'Talk', date: 'May 2031' }), 4, 'letter', '')).toMatchObject({
      title: 'Talk',
      date: 'May 2031',
      paper: { name: 'Letter' },
    });
    const context = handoutContext(deck(1, { lang: 'fr' }), 4, 'a4', '', new Date(Date.UTC(2030, 3, 1, 12)));
    expect(context).toMatchObject({ title: 'Slide 1', date: '1 avril 2030', ratio: '1920 / 1080' });
    expect(context.sheets[0]!.items[0]!.notesHtml).toBe('<p>Say hello</p>');
  });
});
