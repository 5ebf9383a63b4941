import { PDFDocument } from 'pdf-lib';
import { fail } from '../errors.js';
import type { RenderedDeck } from '../types.js';
import type { PrintedPage } from './load.js';
import { applyMetadata, deckMetadata } from './metadata.js';
import { addOutline, slideOutline } from './outline.js';

export interface SlidesPdf {
  bytes: Uint8Array;
  pageCount: number;
  /** Per slide, the page showing its final state (all fragments): what a handout shows. */
  finalPage: number[];
}

/** Chromium's PDF plus what Chromium cannot write: the deck's metadata and a slide outline. */
export async function finishSlidesPdf(printed: Uint8Array, rendered: RenderedDeck, pages: PrintedPage[]): Promise<SlidesPdf> {
  const pdf = await PDFDocument.load(printed, { updateMetadata: false });
  if (pdf.getPageCount() !== pages.length) {
    // The page map drives the outline and the handout; a mismatch would silently misplace both.
    fail(
      `${rendered.deck.file}: Chromium printed ${pdf.getPageCount()} pages where the print view laid out ${pages.length}; a custom theme may set a fixed height on pages or slides`,
      'generic',
    );
  }
  const firstPage = rendered.slides.map((_, slide) => pages.findIndex((page) => page.slide === slide));
  const finalPage = rendered.slides.map((_, slide) => pages.findLastIndex((page) => page.slide === slide && page.kind === 'slide'));
  applyMetadata(pdf, deckMetadata(rendered));
  addOutline(pdf, slideOutline(rendered, firstPage));
  return { bytes: await pdf.save(), pageCount: pages.length, finalPage };
}
