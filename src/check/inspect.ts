import type { Page } from 'puppeteer-core';
import { probeFonts } from './fonts.js';
import type { PageFinding, ProbeContext, SlideProbe } from './types.js';

/**
 * Runs slide probes on every slide of a page already open and laid out, plus the deck-wide
 * font probe: `check` on its inspection view, `pdf` on the print view it is about to print.
 */
export async function inspectOpenPage(page: Page, context: ProbeContext, probes: SlideProbe[]): Promise<PageFinding[]> {
  const slides = `(${inspectSlides})(${JSON.stringify(context)}, [${probes.join(',\n')}], '.reveal .slides section[data-line]')`;
  return (await page.evaluate(`[...${slides}, ...(${probeFonts})()]`)) as PageFinding[];
}

/** The same probes on the slide Reveal shows now (`png` photographs one slide at a time). */
export async function inspectCurrentSlide(page: Page, context: ProbeContext, probes: SlideProbe[]): Promise<PageFinding[]> {
  return (await page.evaluate(
    `(${inspectSlides})(${JSON.stringify(context)}, [${probes.join(',\n')}], '.reveal .slides section.present[data-line]:not(.stack)')`,
  )) as PageFinding[];
}

/** Font faces that failed, for the whole deck. */
export async function inspectFonts(page: Page): Promise<PageFinding[]> {
  return (await page.evaluate(`(${probeFonts})()`)) as PageFinding[];
}

/** Runs every slide probe on every slide the selector finds. Runs in the page: self-contained. */
function inspectSlides(context: ProbeContext, probes: SlideProbe[], selector: string): PageFinding[] {
  const found: PageFinding[] = [];
  for (const section of document.querySelectorAll<HTMLElement>(selector)) {
    const line = Number(section.dataset.line);
    for (const probe of probes) for (const finding of probe(section, context)) found.push({ ...finding, line });
  }
  return found;
}
