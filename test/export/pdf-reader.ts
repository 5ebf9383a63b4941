import { readFileSync } from 'node:fs';
import { PDFDict, PDFDocument, PDFName, PDFRawStream, type PDFRef } from 'pdf-lib';
import { getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

/**
 * Reads back what an exported PDF holds: text per page and the outline through PDF.js
 * (the text is CID-encoded; only a real PDF reader maps it back), structure through pdf-lib.
 */
export async function readPdf(file: string) {
  const bytes = new Uint8Array(readFileSync(file));
  const document = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let number = 1; number <= document.numPages; number++) {
    const content = await (await document.getPage(number)).getTextContent();
    pages.push(content.items.map((item) => ('str' in item ? item.str : '')).join(' '));
  }
  const outline = ((await document.getOutline()) ?? []).map(function simplify(item): OutlineItem {
    return { title: item.title, items: item.items.map(simplify) };
  });
  const destinations = await Promise.all(
    ((await document.getOutline()) ?? []).map(async (item) => document.getPageIndex((item.dest as [{ num: number; gen: number }])[0])),
  );
  await document.destroy();
  return { bytes, pages, outline, firstPageOfOutline: destinations, lib: await PDFDocument.load(bytes, { updateMetadata: false }) };
}

export interface OutlineItem {
  title: string;
  items: OutlineItem[];
}

/** Subtypes (Form, Image) of the XObjects a page draws directly. */
export function pageXObjects(pdf: PDFDocument, pageIndex: number): string[] {
  const resources = pdf.getPage(pageIndex).node.Resources();
  const xobjects = resources?.lookupMaybe(PDFName.of('XObject'), PDFDict);
  if (!xobjects) return [];
  return xobjects.keys().map((name) => {
    const object = pdf.context.lookup(xobjects.get(name) as PDFRef);
    const dict = object instanceof PDFRawStream ? object.dict : (object as PDFDict);
    return String(dict.get(PDFName.of('Subtype')));
  });
}

/** Names of fonts whose program is embedded (a FontDescriptor with a FontFile). */
export function embeddedFonts(pdf: PDFDocument): string[] {
  const names: string[] = [];
  for (const [, object] of pdf.context.enumerateIndirectObjects()) {
    if (!(object instanceof PDFDict) || String(object.get(PDFName.of('Type'))) !== '/FontDescriptor') continue;
    const embedded = ['FontFile', 'FontFile2', 'FontFile3'].some((key) => object.has(PDFName.of(key)));
    if (embedded) names.push(String(object.get(PDFName.of('FontName'))));
  }
  return names;
}

/** The font size, in points, of each piece of text on a page, by its text. */
export async function textSizes(file: string, pageNumber: number): Promise<Map<string, number>> {
  const document = await getDocument({ data: new Uint8Array(readFileSync(file)), verbosity: 0, isEvalSupported: false }).promise;
  const content = await (await document.getPage(pageNumber)).getTextContent();
  const sizes = new Map<string, number>();
  for (const item of content.items) if ('str' in item && item.str.trim() !== '') sizes.set(item.str.trim(), Math.hypot(item.transform[2]!, item.transform[3]!));
  await document.destroy();
  return sizes;
}
