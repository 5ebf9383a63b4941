/**
 * Functions that run inside the deck's page. Puppeteer sends them as source text, so each
 * must be self-contained: no imports, no closures over module scope.
 */

/**
 * Installed before the deck's own scripts run. Remembers Reveal's `pdf-ready` (the event
 * bubbles to the document, so no Reveal global is needed yet) and keeps each slide's box as
 * the theme made it. Reveal's print view moves every slide into a `.pdf-page` wrapper —
 * so theme rules on `.slides > section` stop matching — and forces `display: block` and
 * `padding: 0` with `!important` (reveal.css, `html.reveal-print … section`), which undoes
 * layouts that centre a title or pad the slide. Before print view starts, each section's
 * own box is copied inline with `!important`, the one thing that outranks reveal's rule.
 * Computed values can't be read from file:// stylesheets' rules (Chromium blocks
 * `cssRules` there), so the copy is made from `getComputedStyle`.
 */
export function installPrintHooks(): void {
  const state = window as unknown as { deckmarkPdfReady: Promise<void> };
  state.deckmarkPdfReady = new Promise((resolve) => document.addEventListener('pdf-ready', () => resolve(), { once: true }));
  document.addEventListener('DOMContentLoaded', () => {
    const slideHeight = document.querySelector('.reveal .slides')?.getBoundingClientRect().height;
    for (const section of document.querySelectorAll<HTMLElement>('.reveal .slides section:not(.stack)')) {
      const style = getComputedStyle(section);
      // [property, value] pairs, not a helper function: bundlers wrap named functions in
      // helpers that do not exist inside the page.
      const kept: [string, string][] = [
        ['padding', [style.paddingTop, style.paddingRight, style.paddingBottom, style.paddingLeft].join(' ')],
        ['box-sizing', style.boxSizing],
      ];
      if (style.display !== 'none' && style.display !== 'block') kept.push(['display', style.display]);
      // A slide the theme stretches to the full slide height fills the printed page too.
      if (slideHeight && Math.abs(Number.parseFloat(style.height) - slideHeight) < 1) kept.push(['height', '100%']);
      // As a ratio, so headings and code inside keep their own proportion.
      const lineHeight = Number.parseFloat(style.lineHeight) / Number.parseFloat(style.fontSize);
      if (Number.isFinite(lineHeight)) kept.push(['line-height', lineHeight.toFixed(3)]);
      for (const [property, value] of kept) section.style.setProperty(property, value, 'important');
    }
  });
}

/** Resolves once the print layout is done, every font has loaded and every image is decoded. */
export async function waitForPrintReady(): Promise<void> {
  await (window as unknown as { deckmarkPdfReady: Promise<void> }).deckmarkPdfReady;
  await document.fonts.ready;
  // deck.js shrinks overflowing slides once fonts and images are in (absent in a custom deck.hbs).
  await (window as unknown as { deckmarkReady?: Promise<unknown> }).deckmarkReady;
  // A broken image rejects decode(); it is still "done", and the request guard reports it.
  await Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)));
}

export interface PrintedElement {
  /** The `data-line` of the slide this page shows, or of the slide whose notes it holds. */
  line: number | null;
  kind: 'slide' | 'notes';
  /** Pages the element fills: slides always one; long notes may run over. */
  pages: number;
}

/**
 * What each printed page shows, in order: Reveal's print view appends one `.pdf-page` per
 * slide (one per fragment step with separate fragments) and one notes element after a
 * slide that has notes.
 */
export function listPrintedPages(pageHeight: number): PrintedElement[] {
  const printed: PrintedElement[] = [];
  let line: number | null = null;
  for (const element of document.querySelectorAll<HTMLElement>('.reveal .slides > .pdf-page, .reveal .slides > .speaker-notes-pdf')) {
    if (element.classList.contains('pdf-page')) {
      const value = element.querySelector('section[data-line]')?.getAttribute('data-line');
      line = value ? Number(value) : null;
      printed.push({ line, kind: 'slide', pages: 1 });
    } else {
      printed.push({ line, kind: 'notes', pages: Math.max(1, Math.ceil(element.getBoundingClientRect().height / pageHeight)) });
    }
  }
  return printed;
}
