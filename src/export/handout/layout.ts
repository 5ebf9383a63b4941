import type { Page } from 'puppeteer-core';
import type { Deadline } from '../../browser/deadline.js';

/** Where one slide goes on a sheet, in CSS pixels from the sheet's top-left corner. */
export interface SlotBox {
  slide: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export interface HandoutLayoutResult {
  pdf: Uint8Array;
  /** Per sheet (= per printed page), its slots. */
  sheets: { width: number; height: number; slots: SlotBox[] }[];
  /** Slides whose notes did not fit their box. */
  cutNotes: number[];
}

/**
 * Chromium lays the handout out — it wraps the notes text and draws header, footer and
 * ruled lines — and prints it with empty boxes where the slides go; the boxes are measured
 * so the slides can be placed into them as vector pages afterwards.
 */
export async function layoutHandout(page: Page, html: string, paper: { width: string; height: string }, deadline: Deadline): Promise<HandoutLayoutResult> {
  // The page comes from a string with its fonts inlined: nothing may load from anywhere.
  await page.setOfflineMode(true);
  await page.setRequestInterception(true);
  page.on('request', (request) => {
    if (/^(data|about):/i.test(request.url())) request.continue().catch(() => undefined);
    else request.abort('blockedbyclient').catch(() => undefined);
  });
  await deadline.run('handout', page.setContent(html, { waitUntil: 'load', timeout: 0 }));
  await deadline.run(
    'handout',
    page.evaluate(() => document.fonts.ready.then(() => undefined)),
  );
  const measured = await page.evaluate(measureSheets);
  const pdf = await deadline.run(
    'handout',
    page.pdf({ width: paper.width, height: paper.height, margin: { top: 0, right: 0, bottom: 0, left: 0 }, printBackground: true, tagged: true, timeout: 0 }),
  );
  return { pdf, ...measured };
}

/** Runs in the page: self-contained. */
function measureSheets(): Omit<HandoutLayoutResult, 'pdf'> {
  const sheets = [...document.querySelectorAll<HTMLElement>('.sheet')].map((sheet) => {
    const origin = sheet.getBoundingClientRect();
    const slots = [...sheet.querySelectorAll<HTMLElement>('.slot')].map((slot) => {
      const box = slot.getBoundingClientRect();
      return { slide: Number(slot.dataset.slide), x: box.left - origin.left, y: box.top - origin.top, width: box.width, height: box.height };
    });
    return { width: origin.width, height: origin.height, slots };
  });
  const cutNotes = [...document.querySelectorAll<HTMLElement>('.notes')]
    .filter((notes) => notes.scrollHeight > notes.clientHeight + 1 && !notes.querySelector('.rule'))
    .map((notes) => Number(notes.dataset.slide));
  return { sheets, cutNotes };
}
