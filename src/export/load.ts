import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import type { Deadline } from '../browser/deadline.js';
import { RequestGuard } from '../browser/page-guard.js';
import { toFindings } from '../check/findings.js';
import { probeImages } from '../check/images.js';
import { inspectOpenPage } from '../check/inspect.js';
import { probeOverflow } from '../check/overflow.js';
import { exportRules, type Finding } from '../check/types.js';
import type { BuiltDeck } from '../pipeline.js';
import type { Warning } from '../types.js';
import { installPrintHooks, listPrintedPages, type PrintedElement, waitForPrintReady } from './print-view.js';

export interface PrintViewOptions {
  /** `final`: one page per slide, every fragment shown; `separate`: one page per fragment step. */
  fragments: 'final' | 'separate';
  /** A page of speaker notes after each slide that has notes. */
  notes: boolean;
}

export interface PrintedPage {
  /** Index into the deck's rendered slides. */
  slide: number;
  kind: 'slide' | 'notes';
}

export interface PrintView {
  /** One entry per page the PDF will have. */
  pages: PrintedPage[];
  warnings: Warning[];
  /** What `check` would say of the page as laid out for print: overflow, broken images, fonts. */
  findings: Finding[];
}

// Notes pages at slide scale: Reveal's own style (18px text, no height) is made for letter
// paper and leaves a page mostly empty or runs one page's notes onto the next.
const notesPageCss = (height: number) => `
html.reveal-print .reveal .speaker-notes-pdf[data-layout="separate-page"] {
  box-sizing: border-box; min-height: ${height - 1}px; padding: 96px 120px; font-size: 40px; line-height: 1.45;
  background: #fff; color: #1d2330; font-family: var(--r-main-font, Inter, sans-serif); text-align: left;
}
/* The slide's number and title (set by deck.js), where reveal writes "Speaker notes". */
html.reveal-print .reveal .speaker-notes-pdf[data-layout="separate-page"]::before {
  content: attr(data-dm-heading); margin-bottom: 40px; padding-bottom: 20px; border-bottom: 3px solid var(--dm-accent, #b4441b);
  font-family: var(--r-heading-font, Inter, sans-serif); font-size: 44px; font-weight: 700; opacity: 1; color: #1d2330;
}
/* reveal.css ends the break run at the last slide page only: notes after the last slide made a blank page. */
html.reveal-print .reveal .slides > .speaker-notes-pdf:last-child { page-break-after: avoid; break-after: avoid; }`;

/**
 * Opens a built deck in Reveal's print view from file://, with the network closed: only
 * files inside the deck's own folder load; anything else is aborted at once and reported.
 * Resolves when the layout is final (see `waitForPrintReady`) — no sleeps, no network-idle
 * guesses.
 */
export async function openPrintView(page: Page, built: BuiltDeck, options: PrintViewOptions, deadline: Deadline): Promise<PrintView> {
  const { width, height } = built.rendered.deck.options;
  const guard = new RequestGuard(built.outputs.folder);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(String((error as Error).message ?? error)));
  await page.setViewport({ width, height });
  await guard.attach(page);
  await page.evaluateOnNewDocument(installPrintHooks);

  // Reveal reads config overrides from the query string; one slide is one page, never split.
  const query = new URLSearchParams({
    pdfMaxPagesPerSlide: '1',
    pdfSeparateFragments: String(options.fragments === 'separate'),
    showNotes: options.notes ? 'separate-page' : 'false',
  });
  const url = `${pathToFileURL(built.page).href}?print-pdf&${query}`;
  await deadline.run('load', page.goto(url, { waitUntil: 'load', timeout: 0 }));
  await deadline.run('load', page.evaluate(waitForPrintReady));
  // Measured on the laid-out page before the notes style goes in: the facts are already here.
  const found = await deadline.run('load', inspectOpenPage(page, { width, height, failedUrls: [...guard.failed] }, [probeOverflow, probeImages]));
  const slides = built.rendered.slides.map((slide) => slide.source);
  const findings = toFindings(
    found.filter((finding) => exportRules.has(finding.rule)),
    built.file,
    slides,
    [],
  );
  await page.addStyleTag({ content: notesPageCss(height) });

  const printed = await page.evaluate(listPrintedPages, height);
  const warnings: Warning[] = await guard.warnings(page, built.file);
  for (const error of new Set(pageErrors)) warnings.push({ file: built.file, message: `the deck's page reported an error while printing: ${error}` });
  return { pages: toPages(printed, built), warnings, findings };
}

function toPages(printed: PrintedElement[], built: BuiltDeck): PrintedPage[] {
  const slides = built.rendered.slides;
  const pages: PrintedPage[] = [];
  let fallback = -1;
  for (const element of printed) {
    if (element.kind === 'slide') fallback++;
    // A custom template may drop data-line; the print order is then the slide order.
    const found = element.line === null ? -1 : slides.findIndex((slide) => slide.source.line === element.line);
    const slide = found >= 0 ? found : Math.min(Math.max(fallback, 0), slides.length - 1);
    for (let i = 0; i < element.pages; i++) pages.push({ slide, kind: element.kind });
  }
  return pages;
}
