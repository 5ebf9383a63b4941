import { readFile } from 'node:fs/promises';
import { extname } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Page } from 'puppeteer-core';
import type { Deadline } from '../../browser/deadline.js';
import { debug } from '../../log.js';
import type { BuiltDeck } from '../../pipeline.js';
import type { Warning } from '../../types.js';
import { openPrintView } from '../load.js';
import { describePrintedPage } from './describe-page.js';
import type { Box, SlideLayout } from './layout.js';
import { trimTransparent } from './trim.js';

export interface Picture {
  /** `image/png`, `image/jpeg`, `image/gif`. */
  type: string;
  bytes: Uint8Array;
}

/** A picture placed at `box`, where its element was. */
export interface PlacedPicture extends Picture {
  box: Box;
}

export interface CapturedSlide {
  /** Index into the deck's rendered slides. */
  slide: number;
  /** The editable description; absent with `--pptx-images`. */
  layout?: SlideLayout;
  /** Per picture item of the layout, in order. */
  pictures: Picture[];
  /** What the theme paints besides text and pictures (rules, bars, boxes, markers), on transparency. */
  decorations?: PlacedPicture;
  /** The slide's own background picture, or the whole slide with `--pptx-images`. */
  backgroundPicture?: Picture;
}

export interface CaptureOptions {
  fragments: 'final' | 'separate';
  /** One picture per slide instead of editable shapes. */
  imagesOnly: boolean;
  onSlide?: (done: number, total: number) => void;
}

// Pictures of elements at twice the slide's resolution: sharp on a 4K projector and in print.
const pictureScale = 2;

// Toggled on <html> for one screenshot each: only the theme's paint (no text, pictures or
// page background), or only the slide's background.
// Transitions off first: a fragment read mid-fade would keep its fading colour in the PPTX.
const captureCss = `
html.reveal-print .reveal * { transition: none !important; animation: none !important; }
html.dm-pptx-decorations, html.dm-pptx-decorations body, html.dm-pptx-decorations .reveal-viewport,
html.dm-pptx-decorations .reveal, html.dm-pptx-decorations .pdf-page { background: transparent !important; }
html.dm-pptx-decorations .slide-background, html.dm-pptx-decorations [data-dm-pptx-picture] { visibility: hidden !important; }
html.dm-pptx-decorations .pdf-page * { color: transparent !important; text-shadow: none !important; }
html.dm-pptx-decorations .pdf-page li::marker { color: transparent !important; }
html.dm-pptx-decorations .pdf-page :is(table, tr, td, th) { border-color: transparent !important; }
html.dm-pptx-background .pdf-page > :not(.slide-background) { visibility: hidden !important; }`;

/**
 * Lays the deck out in Reveal's print view — the page `deckmark pdf` prints, so fragments
 * and vertical slides come out as they do in the PDF — and describes every printed page.
 */
export async function captureSlides(
  page: Page,
  built: BuiltDeck,
  options: CaptureOptions,
  deadline: Deadline,
): Promise<{ slides: CapturedSlide[]; warnings: Warning[] }> {
  // tsx and the bundle compile with esbuild's keepNames, which wraps nested functions in
  // __name(); the describer is sent to the page as source text and needs one too.
  await page.evaluateOnNewDocument('globalThis.__name = (target) => target;');
  const view = await openPrintView(page, built, { fragments: options.fragments, notes: false }, deadline);
  await page.addStyleTag({ content: captureCss });
  const { width, height } = built.rendered.deck.options;
  debug('%s: describing %d slides', built.file, view.pages.length);

  const slides: CapturedSlide[] = [];
  for (const [index, printed] of view.pages.entries()) {
    // The printed page is scrolled into the viewport, which is exactly one slide: screenshots
    // then need no resize of the page (captureBeyondViewport re-lays it out every time).
    const top = await page.evaluate((at) => {
      const element = document.querySelectorAll<HTMLElement>('.reveal .slides > .pdf-page')[at]!;
      window.scrollTo(0, element.getBoundingClientRect().top + window.scrollY);
      return window.scrollY;
    }, index);
    const shoot = (box: Box, scale: number, transparent = false) =>
      deadline.run(
        'pptx',
        page.screenshot({
          type: 'png',
          clip: { x: box.x, y: top + box.y, width: box.w, height: box.h, scale },
          captureBeyondViewport: false,
          omitBackground: transparent,
        }),
      );
    const whole = { x: 0, y: 0, w: width, h: height };
    if (options.imagesOnly) {
      slides.push({ slide: printed.slide, pictures: [], backgroundPicture: { type: 'image/png', bytes: await shoot(whole, 1) } });
      options.onSlide?.(index + 1, view.pages.length);
      continue;
    }

    const layout = await deadline.run('pptx', page.evaluate(describePrintedPage, index));
    const pictures: Picture[] = [];
    for (const item of layout.items) {
      if (item.kind !== 'picture') continue;
      pictures.push(item.file ? await readPicture(item.file) : { type: 'image/png', bytes: await shoot(item.box, pictureScale) });
    }
    const decorations = await withClass(page, 'dm-pptx-decorations', async () => trimTransparent(await shoot(whole, 1, true)));
    const backgroundPicture = layout.backgroundPicture
      ? { type: 'image/png', bytes: await withClass(page, 'dm-pptx-background', () => shoot(whole, 1)) }
      : undefined;
    slides.push({ slide: printed.slide, layout, pictures, decorations: decorations && { type: 'image/png', ...decorations }, backgroundPicture });
    options.onSlide?.(index + 1, view.pages.length);
  }
  return { slides, warnings: view.warnings };
}

async function withClass<T>(page: Page, name: string, work: () => Promise<T>): Promise<T> {
  await page.evaluate((className) => document.documentElement.classList.add(className), name);
  try {
    return await work();
  } finally {
    await page.evaluate((className) => document.documentElement.classList.remove(className), name);
  }
}

const pictureTypes: Record<string, string> = { '.png': 'image/png', '.jpg': 'image/jpeg', '.jpeg': 'image/jpeg', '.gif': 'image/gif' };

/** A deck's own image file, as it is (the request guard let only the deck's folder load). */
async function readPicture(url: string): Promise<Picture> {
  const path = fileURLToPath(url);
  return { type: pictureTypes[extname(path).toLowerCase()] ?? 'image/png', bytes: await readFile(path) };
}
