import type { Page } from 'puppeteer-core';
import type { Deadline } from '../browser/deadline.js';

/**
 * Prints the open print view: the page is the slide's own size in CSS pixels, so a slide
 * is exactly one page with no letterboxing; backgrounds are printed; the PDF is tagged for
 * screen readers. Text stays text — Chromium embeds the fonts and never rasterises.
 */
export async function printSlides(page: Page, size: { width: number; height: number }, deadline: Deadline): Promise<Uint8Array> {
  return deadline.run(
    'print',
    page.pdf({
      width: `${size.width}px`,
      height: `${size.height}px`,
      margin: { top: 0, right: 0, bottom: 0, left: 0 },
      printBackground: true,
      tagged: true,
      timeout: 0,
    }),
  );
}
