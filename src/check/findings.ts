import { fail } from '../errors.js';
import type { Slide } from '../types.js';
import { type Finding, type PageFinding, ruleNames } from './types.js';

/**
 * What the page found, as findings on the Markdown: the slide's first line (a deck-wide
 * finding points at line 1), Reveal's indices, and rules the author switched off removed —
 * for the run with `--ignore`, for one slide with `<!-- .slide: data-check-ignore="…" -->`.
 * Sorted by line, errors first within a slide.
 */
export function toFindings(found: PageFinding[], file: string, slides: Slide[], ignored: string[]): Finding[] {
  const byLine = new Map(slides.map((slide) => [slide.line, slide]));
  const findings: Finding[] = [];
  for (const { line, rule, severity, message } of found) {
    const slide = line === null ? undefined : byLine.get(line);
    const slideIgnored = slide?.attributes['data-check-ignore']?.split(/[\s,]+/) ?? [];
    if (isIgnored(rule, ignored) || isIgnored(rule, slideIgnored)) continue;
    findings.push({ file, line: line ?? 1, slide: slide ? { h: slide.h, v: slide.v } : null, severity, rule, message });
  }
  const rank = (finding: Finding) => (finding.severity === 'error' ? 0 : 1);
  return findings.sort((a, b) => a.line - b.line || rank(a) - rank(b));
}

/** `accessibility` switches off every axe rule; `accessibility/color-contrast` just that one. */
export function isIgnored(rule: string, ignored: string[]): boolean {
  return ignored.some((name) => rule === name || rule.startsWith(`${name}/`));
}

/** `--ignore` values, comma- or repeat-separated, checked against the known rule names. */
export function parseIgnoredRules(values: string[] = []): string[] {
  const names = values
    .flatMap((value) => value.split(','))
    .map((name) => name.trim())
    .filter(Boolean);
  for (const name of names) {
    const known = (ruleNames as readonly string[]).includes(name) || /^accessibility\/[a-z0-9-]+$/.test(name);
    if (!known) fail(`--ignore: unknown rule "${name}"; rules: ${ruleNames.join(', ')}, accessibility/<axe rule id>`, 'usage');
  }
  return names;
}
