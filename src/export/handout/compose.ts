import { PDFDocument, rgb } from 'pdf-lib';
import { fail } from '../../errors.js';
import type { HandoutLayoutResult } from './layout.js';

/**
 * Places the slides into the measured boxes of the printed layout. `embedPdf` turns each
 * slide page into a form XObject, so slides stay vector with selectable text, and each
 * slide's page is stored once however often it is drawn.
 */
export async function composeHandout(layout: HandoutLayoutResult, slidesPdf: Uint8Array, pageOfSlide: number[]): Promise<PDFDocument> {
  const pdf = await PDFDocument.load(layout.pdf, { updateMetadata: false });
  const pages = pdf.getPages();
  if (pages.length !== layout.sheets.length) fail(`the handout layout printed ${pages.length} pages for ${layout.sheets.length} sheets`, 'generic');
  const embedded = await pdf.embedPdf(slidesPdf, pageOfSlide);

  layout.sheets.forEach((sheet, index) => {
    const page = pages[index]!;
    // CSS px → PDF points from the printed page itself (nominally 0.75), and PDF's y axis
    // grows upwards from the bottom edge.
    const scale = page.getWidth() / sheet.width;
    for (const slot of sheet.slots) {
      const slide = embedded[slot.slide];
      if (!slide) continue;
      const box = { x: slot.x * scale, y: page.getHeight() - (slot.y + slot.height) * scale, width: slot.width * scale, height: slot.height * scale };
      const fit = Math.min(box.width / slide.width, box.height / slide.height);
      const width = slide.width * fit;
      const height = slide.height * fit;
      const x = box.x + (box.width - width) / 2;
      const y = box.y + (box.height - height) / 2;
      page.drawPage(slide, { x, y, width, height });
      page.drawRectangle({ x, y, width, height, borderColor: rgb(0.72, 0.74, 0.78), borderWidth: 0.5 });
    }
  });
  return pdf;
}
