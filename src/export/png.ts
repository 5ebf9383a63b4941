import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import type { Deadline } from '../browser/deadline.js';
import { RequestGuard } from '../browser/page-guard.js';
import { toFindings } from '../check/findings.js';
import { probeImages } from '../check/images.js';
import { inspectCurrentSlide, inspectFonts } from '../check/inspect.js';
import { probeOverflow } from '../check/overflow.js';
import { exportRules, type Finding, type PageFinding } from '../check/types.js';
import { debug } from '../log.js';
import type { BuiltDeck } from '../pipeline.js';
import type { Warning } from '../types.js';

export interface SlideImages {
  /** One PNG per slide, in reading order (vertical slides after their stack's first). */
  images: Uint8Array[];
  warnings: Warning[];
  /** Overflowing slides, broken images and failed fonts, as `check` words them. */
  findings: Finding[];
}

/**
 * Photographs each slide in the deck's normal view, every fragment shown, at the slide's
 * own size times `scale`. The same network rule as the PDF: only the deck's folder loads.
 */
export async function captureSlides(
  page: Page,
  built: BuiltDeck,
  scale: number,
  deadline: Deadline,
  onSlide?: (done: number, total: number) => void,
): Promise<SlideImages> {
  const { width, height } = built.rendered.deck.options;
  const guard = new RequestGuard(built.outputs.folder);
  await page.setViewport({ width, height, deviceScaleFactor: scale });
  await guard.attach(page);
  // Reveal reads these from the query: no chrome over the slide, no animation to wait out,
  // fragments disabled (= all shown).
  const query = new URLSearchParams({
    controls: 'false',
    progress: 'false',
    transition: 'none',
    backgroundTransition: 'none',
    fragments: 'false',
    hash: 'false',
  });
  await deadline.run('load', page.goto(`${pathToFileURL(built.page).href}?${query}`, { waitUntil: 'load', timeout: 0 }));
  await deadline.run(
    'load',
    page.evaluate(async () => {
      await (window as unknown as { deckmarkReady: Promise<unknown> }).deckmarkReady;
      await document.fonts.ready;
    }),
  );

  const images: Uint8Array[] = [];
  const slides = built.rendered.slides;
  // As for the PDF's stages: shows a developer (and the fault tests) where a deck is.
  debug('%s: capturing %d slides', built.file, slides.length);
  const found: PageFinding[] = [];
  for (const [index, slide] of slides.entries()) {
    await deadline.run('png', page.evaluate(showSlide, slide.source.h, slide.source.v));
    images.push(await deadline.run('png', page.screenshot({ type: 'png', captureBeyondViewport: false })));
    // The slide is on screen and laid out: measuring it now costs no extra page load.
    found.push(...(await deadline.run('png', inspectCurrentSlide(page, { width, height, failedUrls: [...guard.failed] }, [probeOverflow, probeImages]))));
    onSlide?.(index + 1, slides.length);
  }
  found.push(...(await deadline.run('png', inspectFonts(page))));
  const findings = toFindings(
    found.filter((finding) => exportRules.has(finding.rule)),
    built.file,
    slides.map((slide) => slide.source),
    [],
  );
  const warnings = await guard.warnings(page, built.file);
  return { images, warnings, findings };
}

/** Runs in the page: moves to a slide and resolves once its images are decoded and painted. */
async function showSlide(h: number, v: number): Promise<void> {
  const reveal = (window as unknown as { Reveal: { slide(h: number, v: number): void; getCurrentSlide(): HTMLElement } }).Reveal;
  reveal.slide(h, v);
  const images = [...reveal.getCurrentSlide().querySelectorAll('img')];
  await Promise.all(images.map((image) => image.decode().catch(() => undefined)));
  // Two frames: the first applies Reveal's class changes, the second is painted.
  await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
}
