import { createRequire } from 'node:module';
import type { RE2JS } from 're2js';
import { defaultElementAttributes, defaultSlideAttributes } from '../config/schema.js';
import { fail } from '../errors.js';

/**
 * Every regular expression a deck supplies (separators, the notes marker, attribute comment
 * patterns) is compiled here, by RE2's JavaScript port: matching takes time linear in the text
 * whatever the pattern, so `^(a+)+$` cannot hang a build or freeze `serve` (issue 12).
 * RE2 refuses what needs backtracking (lookahead, backreferences); the message says so.
 */
export interface DeckPattern {
  /** Each match, left to right, as [start, end) offsets; empty matches are skipped. */
  matches(text: string): Generator<{ start: number; end: number; groups: (string | null)[] }>;
  /** True when the pattern matches somewhere in `text`. */
  test(text: string): boolean;
}

export interface PatternSource {
  /** The option or attribute the pattern came from, for the message. */
  key: string;
  file: string;
  line?: number;
}

export function compilePattern(source: string, where: PatternSource, flags: { multiline?: boolean; ignoreCase?: boolean } = {}): DeckPattern {
  if (knownLinearPatterns.has(source)) return nativePattern(new RegExp(source, `g${flags.multiline ? 'm' : ''}${flags.ignoreCase ? 'i' : ''}`));
  let compiled: RE2JS;
  try {
    const engine = loadRe2();
    compiled = engine.compile(source, (flags.multiline ? engine.MULTILINE : 0) | (flags.ignoreCase ? engine.CASE_INSENSITIVE : 0));
  } catch (error) {
    const reason = (error as Error).message.replace(/^error parsing regexp: /, '');
    fail(
      `option "${where.key}" is not a regular expression deckmark can run in linear time (${reason}); lookahead, lookbehind and backreferences are not supported`,
      'input',
      { file: where.file, line: where.line },
    );
  }
  return {
    *matches(text) {
      const matcher = compiled.matcher(text);
      while (matcher.find()) {
        if (matcher.end() === matcher.start()) continue;
        const groups: (string | null)[] = [];
        for (let group = 1; group <= matcher.groupCount(); group++) groups.push(matcher.group(group));
        yield { start: matcher.start(), end: matcher.end(), groups };
      }
    },
    test(text) {
      return compiled.matcher(text).find();
    },
  };
}

/**
 * RE2's JavaScript port runs about a thousand times slower than V8's RegExp (it has no DFA), so
 * the separators nearly every deck uses — deckmark's, reveal.js's and reveal-md's defaults, and
 * the forms their documentation shows — run natively: none holds a quantifier that can
 * backtrack (no nested or adjacent overlapping repeats), so each runs in linear time anyway.
 * `bench/separators.mts` checks both engines find the same matches on them.
 */
export const knownLinearPatterns: ReadonlySet<string> = new Set([
  ...[
    '---',
    '----',
    '^---$',
    '^----$',
    '\\r?\\n---\\r?\\n',
    '\\r?\\n----\\r?\\n',
    '\\n---\\n',
    '\\n----\\n',
    '^\\n\\n\\n',
    '^\\n\\n',
    '^\n\n\n',
    '^\n\n',
  ].flatMap((separator) => [separator, separatorSource(separator)]),
  ...['Notes?:', 'Note:', 'note:', 'notes?:', '^Note:', '^s*notes?:'].map((marker) => `^(?:${marker})`),
  '^(\\r\\n?|\\n)---(\\r\\n?|\\n)$',
  '^(\\r\\n?|\\n)----(\\r\\n?|\\n)$',
  ...[
    ['---', '----'],
    ['\\r?\\n---\\r?\\n', '\\r?\\n----\\r?\\n'],
  ].map(([horizontal, vertical]) => `(?:${separatorSource(horizontal!)})|(?:${separatorSource(vertical!)})`),
  defaultElementAttributes,
  defaultSlideAttributes,
]);

/** RE2 takes a quarter of a second to load: only decks with an uncommon pattern pay for it. */
let re2: typeof RE2JS | undefined;
function loadRe2(): typeof RE2JS {
  re2 ??= (createRequire(import.meta.url)('re2js') as { RE2JS: typeof RE2JS }).RE2JS;
  return re2;
}

function nativePattern(pattern: RegExp): DeckPattern {
  return {
    *matches(text) {
      for (const match of text.matchAll(pattern)) {
        if (match[0] === '') continue;
        yield { start: match.index, end: match.index + match[0].length, groups: match.slice(1).map((group) => group ?? null) };
      }
    },
    test(text) {
      pattern.lastIndex = 0;
      return pattern.test(text);
    },
  };
}

/**
 * A separator written without a line break (`---`, deckmark's default) is matched against a whole
 * line, trailing blanks allowed. One written with line breaks (`\n---\n`, `^\n\n\n`, as reveal.js
 * and reveal-md take them) is matched against the raw text exactly as reveal.js does.
 */
export function isMultilineSeparator(source: string): boolean {
  return source.includes('\n') || /\\[nr]/.test(source);
}

/** The separator as a regular expression over the whole body (multiline flag on). */
export function separatorSource(source: string): string {
  // The line break is part of the match, so the next slide starts on the line after it.
  return isMultilineSeparator(source) ? source : `^(?:${source})[ \\t]*(?:\\n|$)`;
}
