import { PDFDict, type PDFDocument, PDFHexString, PDFName, PDFNumber, type PDFRef } from 'pdf-lib';
import type { RenderedDeck } from '../types.js';

export interface OutlineEntry {
  title: string;
  /** 0-based page index the entry opens. */
  page: number;
  children: OutlineEntry[];
}

/**
 * Bookmarks from slide titles: one entry per horizontal slide, the slides of a vertical
 * stack nested under the stack's first slide. `firstPage[i]` is where slide i starts.
 */
export function slideOutline(rendered: RenderedDeck, firstPage: number[]): OutlineEntry[] {
  const entries: OutlineEntry[] = [];
  rendered.slides.forEach((slide, index) => {
    const entry: OutlineEntry = { title: slide.title.trim() || `Slide ${index + 1}`, page: firstPage[index] ?? 0, children: [] };
    const parent = entries[entries.length - 1];
    if (slide.source.v > 0 && parent) parent.children.push(entry);
    else entries.push(entry);
  });
  return entries;
}

/**
 * Writes the outline into the PDF's catalog (ISO 32000-1 §12.3.3). pdf-lib has no outline
 * API, so the dictionaries are built by hand: each item links to its parent and siblings
 * and opens its page fitted to the window. Stacks start expanded.
 */
export function addOutline(pdf: PDFDocument, entries: OutlineEntry[]): void {
  if (entries.length === 0) return;
  const root = pdf.context.nextRef();
  const pages = pdf.getPages();
  const visible = writeItems(
    pdf,
    entries,
    root,
    pages.map((page) => page.ref),
  );
  const outlines = pdf.context.obj({ Type: 'Outlines' });
  outlines.set(PDFName.of('First'), visible.first);
  outlines.set(PDFName.of('Last'), visible.last);
  outlines.set(PDFName.of('Count'), PDFNumber.of(visible.count));
  pdf.context.assign(root, outlines);
  pdf.catalog.set(PDFName.of('Outlines'), root);
  pdf.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}

function writeItems(pdf: PDFDocument, entries: OutlineEntry[], parent: PDFRef, pageRefs: PDFRef[]): { first: PDFRef; last: PDFRef; count: number } {
  const refs = entries.map(() => pdf.context.nextRef());
  let count = entries.length;
  entries.forEach((entry, index) => {
    const item = PDFDict.withContext(pdf.context);
    item.set(PDFName.of('Title'), PDFHexString.fromText(entry.title));
    item.set(PDFName.of('Parent'), parent);
    const previous = refs[index - 1];
    const next = refs[index + 1];
    if (previous) item.set(PDFName.of('Prev'), previous);
    if (next) item.set(PDFName.of('Next'), next);
    const page = pageRefs[Math.min(entry.page, pageRefs.length - 1)];
    if (page) item.set(PDFName.of('Dest'), pdf.context.obj([page, PDFName.of('Fit')]));
    if (entry.children.length > 0) {
      const children = writeItems(pdf, entry.children, refs[index]!, pageRefs);
      item.set(PDFName.of('First'), children.first);
      item.set(PDFName.of('Last'), children.last);
      item.set(PDFName.of('Count'), PDFNumber.of(children.count));
      count += children.count;
    }
    pdf.context.assign(refs[index]!, item);
  });
  return { first: refs[0]!, last: refs[refs.length - 1]!, count };
}
