import { readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { runCli } from '../helpers/cli.js';
import { fixturesFolder, makeWorkspace } from '../helpers/workspace.js';

/**
 * Every built-in layout keeps its shape in deckmark's theme and in reveal.js's themes, at
 * the sizes decks use. Asserted by geometry, one page load per theme and size.
 */
const themes = ['deckmark', 'black', 'white', 'league', 'serif', 'night'];
const sizes = [
  [1920, 1080],
  [1280, 720],
  [1024, 768],
] as const;

const layouts = readFileSync(join(fixturesFolder, 'authoring', 'layouts.md'), 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
const extraSlides = `
---

<!-- .slide: data-background-color="#123" -->

## A dark slide

- Text that must stay readable on a dark background

---

## A slide that would overflow

${Array.from({ length: 12 }, (_, index) => `- Point ${index + 1}, a line a speaker might say aloud`).join('\n')}

---

## Symbols

Arrows and maths → ≈ ≤ ≥ ✓ in the theme's own type

---

<!-- .slide: class="dense" -->

## A dense slide

- One
- Two
- Three
`;

interface Box {
  left: number;
  top: number;
  right: number;
  bottom: number;
}

interface SlideGeometry {
  layout: string;
  slide: Box;
  overflow: { tag: string; box: Box }[];
  /** Text boxes whose content is wider than they are. */
  spills: string[];
  scrolls: boolean;
  heading: Box | null;
  columns: Box[];
  items: Box[];
  body: Box | null;
  content: Box | null;
  fontSize: number;
  contrast: number;
  fit: number;
}

/** Runs in the page: measures the present slide. Self-contained (Puppeteer sends its source). */
function measure(): SlideGeometry {
  const section = document.querySelector<HTMLElement>('.reveal .slides section.present:not(.stack)')!;
  const rect = (element: Element): Box => {
    const { left, top, right, bottom } = element.getBoundingClientRect();
    return { left, top, right, bottom };
  };
  const slide = rect(section);
  const overflow = [...section.querySelectorAll('*')]
    .filter((element) => !element.closest('.notes, svg') && element.getClientRects().length > 0)
    .map((element) => ({ tag: `${element.tagName.toLowerCase()}.${element.className}`, box: rect(element) }))
    .filter(({ box }) => box.left < slide.left - 1 || box.top < slide.top - 1 || box.right > slide.right + 1 || box.bottom > slide.bottom + 1);
  const spills = [...section.querySelectorAll<HTMLElement>('h1, h2, h3, p, li, th, td, .dm-column')]
    .filter((element) => element.scrollWidth > element.clientWidth + 1)
    .map((element) => `${element.tagName.toLowerCase()}: ${element.textContent?.slice(0, 30)}`);
  const heading = section.querySelector(':scope > h1, :scope > h2, :scope > h3');
  const body = section.querySelector('.dm-body, .dm-figures, .dm-timeline, .dm-columns');
  const children = body ? [...body.children].filter((child) => child.getClientRects().length > 0) : [];
  const content = children.length > 0 ? { ...rect(children[0]!), bottom: rect(children[children.length - 1]!).bottom } : null;
  const luminance = (colour: string) => {
    const [r, g, b] = (colour.match(/[\d.]+/g) ?? []).slice(0, 3).map((value) => {
      const channel = Number(value) / 255;
      return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4;
    });
    return 0.2126 * r! + 0.7152 * g! + 0.0722 * b!;
  };
  const text = section.querySelector('li, p') ?? section;
  const background = section.getAttribute('data-background-color');
  let contrast = 0;
  if (background) {
    const probe = document.createElement('div');
    probe.style.color = background;
    document.body.append(probe);
    const [a, b] = [luminance(getComputedStyle(text).color), luminance(getComputedStyle(probe).color)].sort((x, y) => y - x);
    probe.remove();
    contrast = (a! + 0.05) / (b! + 0.05);
  }
  return {
    layout: section.dataset.layout ?? '',
    slide,
    overflow,
    spills,
    scrolls: section.scrollHeight > section.clientHeight + 1 || section.scrollWidth > section.clientWidth + 1,
    heading: heading ? rect(heading) : null,
    columns: [...section.querySelectorAll('.dm-column')].map(rect),
    items: [...section.querySelectorAll('.dm-figures li, .dm-timeline li')].map(rect),
    body: body ? rect(body) : null,
    content,
    fontSize: Number.parseFloat(getComputedStyle(section.querySelector('li, p') ?? section).fontSize),
    contrast,
    fit: Number(section.dataset.fit ?? 1),
  };
}

/** The fonts Chromium drew a paragraph's text with (DevTools' "Rendered fonts"). */
async function fontsDrawing(page: Page, text: string): Promise<string[]> {
  const session = await page.createCDPSession();
  try {
    await session.send('DOM.enable');
    await session.send('CSS.enable');
    const { root } = await session.send('DOM.getDocument', { depth: -1 });
    const { nodeIds } = await session.send('DOM.querySelectorAll', { nodeId: root.nodeId, selector: '.dm-body p' });
    for (const nodeId of nodeIds) {
      const { outerHTML } = await session.send('DOM.getOuterHTML', { nodeId });
      if (!outerHTML.includes(text)) continue;
      const { fonts } = await session.send('CSS.getPlatformFontsForNode', { nodeId });
      return fonts.map((font) => font.familyName);
    }
    return [];
  } finally {
    await session.detach();
  }
}

describe('layouts in every theme and size', () => {
  const browser = new BrowserManager();
  let cwd: string;
  const measured = new Map<string, SlideGeometry[]>();
  let look: Record<string, string | number> = {};
  let symbolFonts: string[] = [];

  beforeAll(async () => {
    cwd = makeWorkspace({}, 'authoring');
    const decks: Record<string, string> = {};
    for (const theme of themes) {
      for (const [width, height] of sizes) {
        decks[`${theme}-${width}x${height}.md`] = `---\ntheme: ${theme}\nwidth: ${width}\nheight: ${height}\ntransition: none\n---\n${layouts}${extraSlides}`;
      }
    }
    decks['look.md'] =
      `---\ntheme: white\naccent: "#0b6e4f"\nalign: top\nheader: 'Q1 review "draft" <b>'\nfooter: Mistral AI · 2024\n---\n## Short\n\n- one line\n`;
    for (const [name, text] of Object.entries(decks)) writeFileSync(join(cwd, name), text);
    const built = await runCli(['build', ...Object.keys(decks)], cwd);
    expect(built.code, built.stderr).toBe(0);
    const page = await (await browser.browser()).newPage();
    try {
      for (const theme of themes) {
        for (const [width, height] of sizes) {
          await page.setViewport({ width, height });
          await page.goto(pathToFileURL(join(cwd, 'dist', `${theme}-${width}x${height}`, 'index.html')).href);
          await page.evaluate(() => (window as unknown as { deckmarkReady: Promise<unknown> }).deckmarkReady);
          await page.evaluate(() => document.fonts.ready.then(() => undefined));
          const slides: SlideGeometry[] = [];
          const count = await page.evaluate(() => (window as unknown as { Reveal: { getTotalSlides(): number } }).Reveal.getTotalSlides());
          for (let index = 0; index < count; index++) {
            await page.evaluate((h) => (window as unknown as { Reveal: { slide(h: number): void } }).Reveal.slide(h), index);
            slides.push(await page.evaluate(measure));
          }
          measured.set(`${theme} ${width}×${height}`, slides);
          if (theme === 'deckmark' && width === 1920) symbolFonts = await fontsDrawing(page, 'Arrows and maths');
        }
      }
      await page.setViewport({ width: 1920, height: 1080 });
      await page.goto(pathToFileURL(join(cwd, 'dist', 'look', 'index.html')).href);
      await page.evaluate(() => (window as unknown as { deckmarkReady: Promise<unknown> }).deckmarkReady);
      look = await page.evaluate(() => {
        const section = document.querySelector('section.present')!;
        const body = section.querySelector('.dm-body')!.getBoundingClientRect();
        return {
          header: getComputedStyle(section, '::before').content,
          footer: getComputedStyle(section, '::after').content,
          footerBox: getComputedStyle(section, '::after').bottom,
          accent: getComputedStyle(section.querySelector('li')!, '::marker').color,
          gapAbove: section.querySelector('.dm-body > ul')!.getBoundingClientRect().top - body.top,
        };
      });
    } finally {
      await page.close();
    }
  }, 240_000);

  afterAll(async () => {
    await browser.dispose();
    if (cwd) rmSync(cwd, { recursive: true, force: true });
  });

  const cases = themes.flatMap((theme) => sizes.map(([width, height]) => `${theme} ${width}×${height}`));

  it.each(cases)('%s: every slide fills the slide box and nothing spills out of it', (key) => {
    for (const slide of measured.get(key)!) {
      const scale = (slide.slide.bottom - slide.slide.top) / 1080;
      expect(slide.overflow, `${key} ${slide.layout}`).toEqual([]);
      expect(slide.spills, `${key} ${slide.layout}`).toEqual([]);
      expect(slide.scrolls, `${key} ${slide.layout} overflows`).toBe(false);
      // Headings sit inside the padding, never against the top edge.
      if (slide.heading && slide.layout !== 'image') expect(slide.heading.top - slide.slide.top, `${key} ${slide.layout}`).toBeGreaterThan(60 * scale);
    }
  });

  it.each(cases)('%s: columns side by side, figures and timeline steps in a row', (key) => {
    const slides = measured.get(key)!;
    const [left, right] = slides.find((slide) => slide.layout === 'two-column')!.columns;
    expect(Math.abs(left!.top - right!.top), key).toBeLessThan(2);
    expect(right!.left, key).toBeGreaterThan(left!.right);
    for (const layout of ['figures', 'timeline']) {
      const items = slides.find((slide) => slide.layout === layout)!.items;
      expect(items.length, `${key} ${layout}`).toBe(3);
      for (let index = 1; index < items.length; index++) {
        expect(Math.abs(items[index]!.top - items[0]!.top), `${key} ${layout}`).toBeLessThan(2);
        expect(items[index]!.left, `${key} ${layout}`).toBeGreaterThan(items[index - 1]!.right);
      }
    }
  });

  it.each(cases)('%s: short content is balanced below the heading, and type follows the slide size', (key) => {
    const slides = measured.get(key)!;
    const slide = slides.find((each) => each.layout === 'default')!;
    const above = slide.content!.top - slide.body!.top;
    const below = slide.body!.bottom - slide.content!.bottom;
    expect(Math.abs(above - below), key).toBeLessThan(0.1 * (slide.body!.bottom - slide.body!.top));
    const scale = Math.min((slide.slide.right - slide.slide.left) / 1440, (slide.slide.bottom - slide.slide.top) / 1080);
    expect(slide.fontSize / scale, key).toBeCloseTo(46, 0);
  });

  it.each(cases)('%s: a slide that would overflow shrinks to fit, and only that one', (key) => {
    const shrunk = measured.get(key)!.filter((slide) => slide.fit < 1);
    expect(
      shrunk.map((slide) => slide.heading && slide.layout),
      key,
    ).toEqual(['default']);
    expect(shrunk[0]!.fit, key).toBeGreaterThanOrEqual(0.5);
  });

  it.each(cases)('%s: a dark slide switches its text to a light colour', (key) => {
    const dark = measured.get(key)!.find((slide) => slide.contrast > 0)!;
    expect(dark.contrast, key).toBeGreaterThan(7);
  });

  it('applies the accent, alignment, header and footer of the front matter in any theme', () => {
    expect(look.header).toBe('"Q1 review \\"draft\\" <b>"');
    expect(look.footer).toBe('"Mistral AI · 2024"');
    expect(look.accent).toBe('rgb(11, 110, 79)');
    expect(look.gapAbove).toBeLessThan(2);
  });

  it('draws arrows, maths symbols and check marks in the deckmark theme with its own fonts, never a fallback', () => {
    expect(symbolFonts.length).toBeGreaterThan(0);
    expect(symbolFonts.filter((family) => !['Inter', 'Noto Sans Math', 'Noto Sans Symbols 2'].includes(family))).toEqual([]);
  });
});
