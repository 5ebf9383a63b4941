import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import type { AxeResults, RunOptions } from 'axe-core';
import type { PageFinding } from './types.js';

let axeSource: Promise<string> | undefined;

/** axe-core's browser build, read once from the installed package and injected as text. */
export function loadAxeSource(): Promise<string> {
  axeSource ??= readFile(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
  return axeSource;
}

/**
 * Runs axe-core once over every slide (the inspection view shows them all) and reports each
 * failed rule once per slide, with the first element's details and how many more there are.
 * WCAG 2.x A and AA rules only: axe's best practices (landmarks, one h1 per page) are about
 * web pages, not slides. Missing alt text and scrolling boxes have rules of their own, with
 * advice for slides.
 * Runs in the page, after axe's script was added.
 */
export async function probeAccessibility(): Promise<PageFinding[]> {
  const axe = (window as unknown as { axe: { run(context: Element, options: RunOptions): Promise<AxeResults> } }).axe;
  const slides = document.querySelector('.reveal .slides');
  if (!slides) return [];
  // Content that overflows one slide would lie over the next one in the inspection view and
  // leave axe unable to tell the colour behind it. On screen a slide is cut at its edges (the
  // overflow itself is already reported), so cut it here too.
  const clip = document.createElement('style');
  clip.textContent = '.reveal .slides > section:not(.stack), .reveal .slides > section.stack > section { overflow: hidden !important; }';
  document.head.append(clip);
  const results = await axe.run(slides, {
    runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] },
    rules: { 'image-alt': { enabled: false }, 'scrollable-region-focusable': { enabled: false } },
    resultTypes: ['violations'],
    elementRef: true,
    selectors: false,
    performanceTimer: false,
  });

  const findings: PageFinding[] = [];
  for (const violation of results.violations) {
    const bySlide = new Map<number | null, Element[]>();
    for (const node of violation.nodes) {
      const element = node.element;
      if (!element) continue;
      const section = element.closest('section[data-line]');
      const line = section ? Number(section.getAttribute('data-line')) : null;
      bySlide.set(line, [...(bySlide.get(line) ?? []), element]);
    }
    for (const [line, elements] of bySlide) {
      const first = violation.nodes.find((node) => node.element === elements[0]);
      const detail = first?.any[0]?.message ?? first?.all[0]?.message ?? first?.none[0]?.message ?? violation.help;
      const text = (elements[0]?.textContent ?? '').trim().replace(/\s+/g, ' ');
      const quoted = text ? ` "${text.length > 40 ? `${text.slice(0, 40)}…` : text}"` : ` <${elements[0]?.tagName.toLowerCase()}>`;
      const more = elements.length > 1 ? ` (and ${elements.length - 1} more on this slide)` : '';
      findings.push({
        line,
        rule: `accessibility/${violation.id}`,
        severity: 'warning',
        message: `${violation.help}:${quoted} — ${detail}${more}`,
      });
    }
  }
  return findings;
}
