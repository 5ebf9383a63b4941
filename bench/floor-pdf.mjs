// The floor for `pdf`: bare puppeteer-core, one page.pdf() of a deck deckmark has built,
// after Reveal's print view says `pdf-ready`. No request guard, no outline, no metadata,
// no post-processing — the least any Reveal → PDF exporter does.
// With `-` as out.pdf it stops before printing: the floor of opening a deck (for `check`).
// Usage: node bench/floor-pdf.mjs CHROMIUM deck/index.html out.pdf|- [width height]
import { writeFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import puppeteer from 'puppeteer-core';

const [executablePath, page, output, width = '1920', height = '1080'] = process.argv.slice(2);
const browser = await puppeteer.launch({ executablePath, headless: true, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
try {
  const tab = await browser.newPage();
  await tab.setViewport({ width: Number(width), height: Number(height) });
  // Reveal dispatches `pdf-ready` (bubbling) once the print layout is done.
  await tab.evaluateOnNewDocument(() => {
    window.benchPdfReady = new Promise((resolve) => document.addEventListener('pdf-ready', resolve, { once: true }));
  });
  await tab.goto(`${pathToFileURL(page).href}?print-pdf`, { waitUntil: 'load' });
  await tab.evaluate(() => Promise.all([window.benchPdfReady, document.fonts.ready]));
  if (output !== '-') writeFileSync(output, await tab.pdf({ width: `${width}px`, height: `${height}px`, printBackground: true }));
} finally {
  await browser.close();
}
