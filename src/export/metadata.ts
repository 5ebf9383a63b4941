import { type PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { deckmarkVersion } from '../paths.js';
import type { RenderedDeck } from '../types.js';

export interface PdfMetadata {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  /** BCP 47 tag; screen readers pick their voice from it. */
  lang: string;
}

/** The document properties a deck's front matter sets; the title falls back to the first slide's. */
export function deckMetadata(rendered: RenderedDeck): PdfMetadata {
  const { options } = rendered.deck;
  return {
    title: rendered.title,
    author: options.author,
    subject: options.description,
    keywords: options.keywords,
    lang: options.lang,
  };
}

export function applyMetadata(pdf: PDFDocument, metadata: PdfMetadata): void {
  // Viewers show the title, not the file name, in their window bar.
  pdf.setTitle(metadata.title, { showInWindowTitleBar: true });
  if (metadata.author) pdf.setAuthor(metadata.author);
  if (metadata.subject) pdf.setSubject(metadata.subject);
  // pdf-lib joins the list with spaces, which runs "edge ml" and "raspberry pi" together.
  if (metadata.keywords.length > 0) pdf.setKeywords([metadata.keywords.join(', ')]);
  pdf.setCreator('deckmark');
  pdf.setProducer(`deckmark ${deckmarkVersion}`);
  pdf.catalog.set(PDFName.of('Lang'), PDFString.of(metadata.lang));
}
