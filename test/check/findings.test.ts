import { describe, expect, it } from 'vitest';
import { isIgnored, parseIgnoredRules, toFindings } from '../../src/check/findings.js';
import { formatFinding, formatJson, formatSummary } from '../../src/check/report.js';
import type { PageFinding } from '../../src/check/types.js';
import { DeckmarkError, ExitCode } from '../../src/errors.js';
import type { Slide } from '../../src/types.js';

const slide = (line: number, h: number, v: number, attributes: Record<string, string> = {}): Slide => ({
  line,
  notesLine: line,
  h,
  v,
  markdown: '',
  markdownLine: line,
  notes: '',
  attributes,
  layout: 'default',
});

const slides = [slide(5, 0, 0), slide(12, 1, 0), slide(20, 1, 1, { 'data-check-ignore': 'no-heading, accessibility/color-contrast' })];

describe('toFindings', () => {
  it('puts findings on their slide, deck-wide ones on line 1, errors first within a slide', () => {
    const found: PageFinding[] = [
      { line: 12, rule: 'no-heading', severity: 'warning', message: 'w' },
      { line: null, rule: 'font-failed', severity: 'warning', message: 'f' },
      { line: 12, rule: 'overflow', severity: 'error', message: 'e' },
    ];
    expect(toFindings(found, 'talk.md', slides, [])).toEqual([
      { file: 'talk.md', line: 1, slide: null, severity: 'warning', rule: 'font-failed', message: 'f' },
      { file: 'talk.md', line: 12, slide: { h: 1, v: 0 }, severity: 'error', rule: 'overflow', message: 'e' },
      { file: 'talk.md', line: 12, slide: { h: 1, v: 0 }, severity: 'warning', rule: 'no-heading', message: 'w' },
    ]);
  });

  it('drops rules ignored for the run, and for one slide by data-check-ignore', () => {
    const found: PageFinding[] = [
      { line: 5, rule: 'accessibility/color-contrast', severity: 'warning', message: '' },
      { line: 20, rule: 'accessibility/color-contrast', severity: 'warning', message: '' },
      { line: 20, rule: 'accessibility/link-name', severity: 'warning', message: '' },
      { line: 20, rule: 'no-heading', severity: 'warning', message: '' },
      { line: 5, rule: 'image-alt', severity: 'warning', message: '' },
    ];
    const kept = toFindings(found, 'talk.md', slides, ['image-alt']).map(({ line, rule }) => `${line} ${rule}`);
    expect(kept).toEqual(['5 accessibility/color-contrast', '20 accessibility/link-name']);
  });

  it('matches a rule family by its prefix only', () => {
    expect(isIgnored('accessibility/color-contrast', ['accessibility'])).toBe(true);
    expect(isIgnored('accessibility/color-contrast', ['accessibility/link-name'])).toBe(false);
    expect(isIgnored('overflow', ['over'])).toBe(false);
  });
});

describe('parseIgnoredRules', () => {
  it('accepts comma-separated and repeated names, and axe rule ids', () => {
    expect(parseIgnoredRules(['no-heading,image-alt', 'accessibility/color-contrast'])).toEqual(['no-heading', 'image-alt', 'accessibility/color-contrast']);
  });

  it('refuses unknown names with a usage error that lists the rules', () => {
    let error: unknown;
    try {
      parseIgnoredRules(['headings']);
    } catch (caught) {
      error = caught;
    }
    expect(error).toBeInstanceOf(DeckmarkError);
    expect((error as DeckmarkError).exitCode).toBe(ExitCode.usage);
    expect((error as DeckmarkError).message).toContain('no-heading');
  });
});

describe('report', () => {
  const finding = { file: 'talk.md', line: 12, slide: { h: 1, v: 0 }, severity: 'error', rule: 'overflow', message: 'too tall' } as const;

  it('prints one finding per line in the file:line: severity: message form', () => {
    expect(formatFinding(finding)).toBe('talk.md:12: error: too tall [overflow]');
  });

  it('summarises a deck with counts', () => {
    expect(formatSummary('talk.md', 1, [], 40)).toBe('talk.md: 1 slide checked · no problems · 40 ms');
    expect(formatSummary('talk.md', 3, [finding], 1500)).toBe('talk.md: 3 slides checked · 1 error, 0 warnings · 1.5 s');
  });

  it('prints JSON with exactly the documented fields', () => {
    expect(JSON.parse(formatJson([finding]))).toEqual([finding]);
  });
});
