import { describe, expect, it } from 'vitest';
import { handoutContext } from '../../src/export/handout-data.js';
import type { RenderedDeck } from '../../src/types.js';

const deck = (count: number, options: Record<string, unknown> = {}) =>
  ({
    deck: { options: { title: '', author: '', date: '', lang: 'en', width: 1920, height: 1080, ...options } },
    slides: Array.from({ length: count }, (_, index) => ({ title: `Slide ${index + 1}`, notesHtml: index === 0 ? '<p>Say hello</p>\n' : '' })),
  }) as unknown as RenderedDeck;

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
