import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/parse/index.js';

describe('raw <section> blocks in a slide', () => {
  it('become the vertical slides of a stack, with their attributes and lines', () => {
    const deck = parseDeck('# A\n\n---\n\n<section data-auto-animate>\n\n## One\n\n</section>\n<section data-state="x">\n\n## Two\n\n</section>\n', 'talk.md');
    expect(deck.slides.map((slide) => [slide.h, slide.v, slide.markdown, slide.attributes, slide.line])).toEqual([
      [0, 0, '# A', {}, 1],
      [1, 0, '## One', { 'data-auto-animate': '' }, 7],
      [1, 1, '## Two', { 'data-state': 'x' }, 12],
    ]);
    expect(deck.warnings).toEqual([]);
  });

  it('stay inside a slide that holds more, with a warning at the slide', () => {
    const deck = parseDeck('# A\n\nText\n\n<section>\n\n## One\n\n</section>\n', 'talk.md');
    expect(deck.slides).toHaveLength(1);
    expect(deck.warnings).toEqual([
      expect.objectContaining({ file: 'talk.md', line: 1, message: expect.stringContaining('raw <section> inside a slide stays part of the slide') }),
    ]);
  });
});
