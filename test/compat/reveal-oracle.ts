import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';

/**
 * The oracle of the compatibility tests: reveal.js's own Markdown plugin, from the installed
 * reveal.js package, splitting and rendering a deck in Chromium the way reveal.js's example
 * pages and reveal-md's template set it up — one `<section data-markdown>` holding the text,
 * the separators as `data-separator*` attributes, the highlight and notes plugins loaded.
 */
const revealDist = join(dirname(createRequire(import.meta.url).resolve('reveal.js')), '.');

/** reveal-md's default separators: what a deck that names none was written against. */
export const revealMdDefaults = { separator: '\\r?\\n---\\r?\\n', verticalSeparator: '\\r?\\n----\\r?\\n' };

export interface OracleSeparators {
  separator?: string;
  verticalSeparator?: string;
  notesSeparator?: string;
  /** reveal.js's `data-element-attributes` / `data-attributes`. */
  elementAttributes?: string;
  slideAttributes?: string;
}

export function oraclePage(body: string, separators: OracleSeparators): string {
  const file = (name: string) => pathToFileURL(join(revealDist, name)).href;
  const attribute = (name: string, value: string | undefined) => (value === undefined ? '' : ` ${name}="${escapeHtml(value)}"`);
  return `<!doctype html>
<html><head><meta charset="utf-8"><link rel="stylesheet" href="${file('reveal.css')}"></head>
<body><div class="reveal"><div class="slides">
<section data-markdown${attribute('data-separator', separators.separator)}${attribute('data-separator-vertical', separators.verticalSeparator)}${attribute('data-separator-notes', separators.notesSeparator)}${attribute('data-element-attributes', separators.elementAttributes)}${attribute('data-attributes', separators.slideAttributes)}><textarea data-template>${escapeHtml(body)}</textarea></section>
</div></div>
<script src="${file('reveal.js')}"></script>
<script src="${file('plugin/markdown.js')}"></script>
<script src="${file('plugin/highlight.js')}"></script>
<script src="${file('plugin/notes.js')}"></script>
<script>window.deckmarkReady = Reveal.initialize({ plugins: [RevealMarkdown, RevealHighlight, RevealNotes] });</script>
</body></html>`;
}

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');
}

/** What both pages are compared on. */
export interface DeckShape {
  horizontal: number;
  perStack: number[];
  total: number;
  /** Per slide, in order: notes or not, fragments, the author's slide and element attributes. */
  slides: { notes: boolean; fragments: number; attributes: string[]; elements: string[] }[];
}

/** Measures the deck in `page` after Reveal is ready; the same code runs on both pages. */
export async function measureDeck(page: Page): Promise<DeckShape> {
  await page.evaluate(() => (window as unknown as { deckmarkReady: Promise<unknown> }).deckmarkReady);
  return page.evaluate(() => {
    type RevealApi = { getHorizontalSlides(): Element[]; getSlides(): Element[]; getTotalSlides(): number; getSlideNotes(slide: Element): string | null };
    const reveal = (window as unknown as { Reveal: RevealApi }).Reveal;
    // Attributes each tool adds on its own: Reveal's state, the plugins' bookkeeping,
    // deckmark's layout markers and heading ids, highlight.js's colouring.
    const toolAttributes =
      /^(?:style|hidden|aria-hidden|data-markdown|data-markdown-parsed|data-layout|data-line|data-fit|data-index-[hv]|data-previous-indexv|data-fragment-index|data-highlighted|data-noescape|data-trim|tabindex|data-line-numbers|data-ln-start-from|data-attributes|data-element-attributes)$/;
    const toolClasses = /^(?:present|past|future|stack|visible|current-fragment|layout-.*|dm-.*|hljs.*|language-.*|has-highlights|highlight-line|hljs-ln.*)$/;
    const describe = (element: Element, keepId: boolean): string | undefined => {
      const parts: string[] = [];
      for (const { name, value } of [...element.attributes].sort((a, b) => a.name.localeCompare(b.name))) {
        if (toolAttributes.test(name) || (name === 'id' && !keepId)) continue;
        if (name === 'class') {
          const classes = value.split(/\s+/).filter((token) => token !== '' && !toolClasses.test(token));
          if (classes.length > 0) parts.push(`.${classes.sort().join('.')}`);
        } else parts.push(`[${name}=${value}]`);
      }
      return parts.length === 0 ? undefined : `${element.tagName.toLowerCase()}${parts.join('')}`;
    };
    const slides = reveal.getSlides().map((slide) => {
      const elements: string[] = [];
      for (const element of slide.querySelectorAll('*')) {
        if (element.closest('aside.notes, pre, svg, .katex')) continue;
        // Headings get ids from both tools' slugger rules, which differ; author ids elsewhere count.
        const described = describe(element, !/^H[1-6]$/.test(element.tagName));
        if (described) elements.push(described);
      }
      // A numbered block: its steps, the number of its first line and which lines each step lights.
      const codeSteps = [...slide.querySelectorAll('pre code[data-line-numbers]')].map((code) => {
        const numbers = [...code.querySelectorAll('td.hljs-ln-code')].map((cell) => cell.getAttribute('data-line-number'));
        const lit = [...code.querySelectorAll('tr.highlight-line td.hljs-ln-code')].map((cell) => cell.getAttribute('data-line-number'));
        return `${code.getAttribute('data-line-numbers')}:${numbers[0]}+${numbers.length}:${lit.join(',')}`;
      });
      return {
        notes: (reveal.getSlideNotes(slide) ?? '').trim() !== '',
        fragments: slide.querySelectorAll('.fragment').length,
        attributes: (describe(slide, true) ?? '').split(/(?=[.[])/).filter((part) => part !== '' && part !== 'section'),
        elements: [...elements, ...codeSteps.filter(Boolean).map((steps) => `code[data-line-numbers=${steps}]`)],
      };
    });
    const horizontal = reveal.getHorizontalSlides();
    return {
      horizontal: horizontal.length,
      perStack: horizontal.map((stack) => Math.max(1, stack.querySelectorAll(':scope > section').length)),
      total: reveal.getTotalSlides(),
      slides,
    };
  });
}
