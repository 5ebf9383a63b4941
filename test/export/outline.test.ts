import { describe, expect, it } from 'vitest';
import { slideOutline } from '../../src/export/outline.js';
import type { RenderedDeck, RenderedSlide } from '../../src/types.js';

const slide = (title: string, h: number, v: number) => ({ title, source: { h, v } }) as unknown as RenderedSlide;

describe('slideOutline', () => {
  it('nests vertical slides under their stack, points at first pages, and names untitled slides', () => {
    const rendered = { slides: [slide('Intro', 0, 0), slide('Stack', 1, 0), slide('Inside', 1, 1), slide('', 2, 0)] } as RenderedDeck;
    expect(slideOutline(rendered, [0, 2, 3, 5])).toEqual([
      { title: 'Intro', page: 0, children: [] },
      { title: 'Stack', page: 2, children: [{ title: 'Inside', page: 3, children: [] }] },
      { title: 'Slide 4', page: 5, children: [] },
    ]);
  });
});
