import { describe, expect, it } from 'vitest';
import { DeckmarkError, ExitCode } from '../../src/errors.js';
import { parseDeck } from '../../src/parse/index.js';

function parseError(text: string): DeckmarkError {
  try {
    parseDeck(text, 'deck.md');
  } catch (error) {
    if (error instanceof DeckmarkError) return error;
    throw error;
  }
  throw new Error('expected a DeckmarkError');
}

describe('front matter', () => {
  it('reads the documented keys as typed options', () => {
    const deck = parseDeck(
      '---\ntitle: Talk\nauthor: Ada\ndate: 2024-02-26\nlang: fr\nslideNumber: false\nwidth: 1280\nheight: 720\nhtml: true\nreveal:\n  controls: false\n---\n# One\n',
      'deck.md',
    );
    expect(deck.options).toMatchObject({
      title: 'Talk',
      author: 'Ada',
      date: '2024-02-26',
      lang: 'fr',
      slideNumber: false,
      width: 1280,
      height: 720,
      html: true,
      reveal: { controls: false },
    });
    expect(deck.slides[0]!.line).toBe(13);
  });

  it('reports malformed YAML with the file, line and column', () => {
    const error = parseError('---\ntitle: "Unclosed quote\nauthor: [a, b\n---\n# One\n');
    expect(error.exitCode).toBe(ExitCode.input);
    expect(error.toString()).toMatch(/^deck\.md:3:\d+: invalid front matter/);
  });

  it('refuses YAML tags that would build code, with the line of the tag', () => {
    const error = parseError('---\ntitle: !!js/function "function () {}"\n---\n# One\n');
    expect(error.toString()).toBe(
      'deck.md:2:8: invalid front matter: unknown YAML tag !!js/function; front matter is data only, tags that build objects or code are refused',
    );
  });

  it('refuses front matter in another language instead of running it', () => {
    expect(parseError('---js\n{ title: 1 }\n---\n# One\n').toString()).toMatch(/^deck\.md:1: front matter "---js" is not supported/);
  });

  it('names the key and its line when a value has the wrong type', () => {
    const error = parseError('---\ntitle: Fine\nwidth: wide\n---\n# One\n');
    expect(error.toString()).toMatch(/^deck\.md:3: option "width" .*got string "wide"/);
  });

  it('reports a line indented too deep at that line, not at the line above it', () => {
    expect(parseError('---\ntitle: T\nreveal:\n  controls: true\n   progress: true\n---\n# A\n').toString()).toBe(
      'deck.md:5:4: invalid front matter: this line is indented more than the line above it, so YAML reads it as part of that line; indent it as far as the keys beside it',
    );
  });

  it('lists the values an option accepts', () => {
    expect(parseError('---\ntitle: T\nslideNumber: yes please\n---\n# A\n').toString()).toBe(
      'deck.md:3: option "slideNumber" must be one of true, false, "h.v", "h/v", "c", "c/t" (got string "yes please")',
    );
    expect(parseError('---\ntransition: fadee\n---\n# A\n').toString()).toBe(
      'deck.md:2: option "transition" must be one of "none", "fade", "slide", "convex", "concave", "zoom" (got string "fadee")',
    );
    expect(parseError('---\nkeywords: 5\n---\n# A\n').toString()).toBe('deck.md:2: option "keywords" must be a string or a list of strings (got number 5)');
    expect(parseError('---\nwidth: 10\n---\n# A\n').toString()).toBe('deck.md:2: option "width" must be at least 320 (got number 10)');
    expect(parseError('---\nhtml: yes\n---\n# A\n').toString()).toBe('deck.md:2: option "html" must be true or false (got string "yes")');
  });

  it('suggests the key a typo meant', () => {
    const deck = parseDeck('---\ntitle: Fine\ntransitoin: fade\n---\n# One\n', 'deck.md');
    expect(deck.warnings).toEqual([{ file: 'deck.md', line: 3, message: 'unknown option "transitoin" is ignored (did you mean "transition"?)' }]);
  });

  it('warns about unknown keys with their line and keeps going', () => {
    const deck = parseDeck('---\ntitle: Fine\ncolour: blue\n---\n# One\n', 'deck.md');
    expect(deck.warnings).toEqual([{ file: 'deck.md', line: 3, message: 'unknown option "colour" is ignored' }]);
  });

  it('keeps prototypes clean whatever keys the YAML holds', () => {
    const deck = parseDeck(
      '---\n__proto__:\n  polluted: true\nbase: &base\n  polluted: true\nmerged:\n  <<: *base\nreveal:\n  __proto__:\n    polluted: true\n---\n# One\n',
      'deck.md',
    );
    expect(deck.slides).toHaveLength(1);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(deck.options.reveal)).toBe(Object.prototype);
  });

  it('refuses reveal options that load scripts by URL', () => {
    expect(parseError('---\nreveal:\n  dependencies:\n    - src: https://example.com/x.js\n---\n# One\n').message).toMatch(
      /reveal\.dependencies would load scripts/,
    );
  });

  it('reports front matter that is never closed', () => {
    expect(parseError('---\ntitle: open\n# One\n').toString()).toMatch(/^deck\.md:1: front matter opened on line 1 is never closed/);
  });
});

describe("reveal-md's option names", () => {
  it('reads revealOptions as reveal and highlight-theme as highlightTheme', () => {
    const deck = parseDeck('---\nrevealOptions:\n  controls: false\nhighlight-theme: monokai\n---\n# A\n', 'md.md');
    expect(deck.options.reveal).toEqual({ controls: false });
    expect(deck.options.highlightTheme).toBe('monokai');
    expect(deck.warnings).toEqual([]);
  });

  it('refuses scripts and preprocessor, naming the key and its line, without running anything', () => {
    for (const key of ['scripts', 'preprocessor']) {
      expect(() => parseDeck(`---\ntitle: T\n${key}: ./run.js\n---\n# A\n`, 'code.md')).toThrow(
        expect.objectContaining({ location: { file: 'code.md', line: 3 }, message: expect.stringContaining(`option "${key}"`) }),
      );
    }
  });
});
