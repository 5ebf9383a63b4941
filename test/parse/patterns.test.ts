import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/parse/index.js';

describe('patterns from decks run in linear time', () => {
  it('splits with a catastrophic-backtracking separator at once', { timeout: 10_000 }, () => {
    // As a JavaScript RegExp this takes longer than ten minutes on an 80-character line.
    const deck = parseDeck(`---\nseparator: "^(a+)+$"\n---\n# One\n${'a'.repeat(80)}b\n\naaaa\n\n# Two\n`, 'evil.md');
    expect(deck.slides.map((slide) => slide.markdown)).toEqual([`# One\n${'a'.repeat(80)}b`, '# Two']);
  });

  it('refuses lookahead and backreferences, naming the key and its line', () => {
    expect(() => parseDeck('---\ntitle: T\nseparator: "(?=---)"\n---\n# A\n', 'ahead.md')).toThrow(
      expect.objectContaining({
        location: { file: 'ahead.md', line: 3 },
        message: expect.stringMatching(/option "separator" is not a regular expression deckmark can run in linear time/),
      }),
    );
    expect(() => parseDeck('---\nnotesSeparator: "(N)\\\\1"\n---\n# A\n', 'back.md')).toThrow(
      expect.objectContaining({ message: expect.stringContaining('"notesSeparator"') }),
    );
  });

  it('matches notes markers in any letter case, as reveal.js does', () => {
    const deck = parseDeck('# A\n\nnote: lower\n\n---\n\n# B\n\nNOTES: upper\n', 'case.md');
    expect(deck.slides.map((slide) => slide.notes)).toEqual(['lower', 'upper']);
  });

  it('keeps a separator right after a closing fence', () => {
    const deck = parseDeck('# A\n\n```\ncode\n```\n---\n\n# B\n', 'fence.md');
    expect(deck.slides).toHaveLength(2);
  });
});
