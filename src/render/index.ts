import GithubSlugger from 'github-slugger';
import { fail } from '../errors.js';
import { assetUrlAttributesOf, holdsUrl, isLocalUrl } from '../html/url-attributes.js';
import { deckName } from '../outputs.js';
import { compilePattern } from '../parse/patterns.js';
import type { AssetReference, Deck, RenderedDeck, RenderedSlide, Slide } from '../types.js';
import type { MarkdownCache } from './cache.js';
import type { RenderedCharts } from './charts.js';
import type { RenderedDiagrams } from './diagrams/index.js';
import { MathError } from './extensions/math.js';
import { detectUntrustedMarkup } from './extensions/untrusted-markup.js';
import { runHtmlPass } from './html-pass.js';
import { createMarkdownRenderer } from './markdown.js';
import { sanitize } from './sanitize.js';
import { TrustedFragments } from './trusted.js';

export interface RenderInputs {
  /** SVGs of the deck's ```vega-lite blocks, from `renderCharts` (vega is asynchronous). */
  charts?: RenderedCharts;
  /** SVGs of the deck's ```mermaid and ```dot blocks, from `renderDiagrams`. */
  diagrams?: RenderedDiagrams;
  /** marked's output from earlier builds in this process, reused for unchanged slides. */
  cache?: MarkdownCache;
}

/** The render stage: each slide's Markdown and notes become HTML. Pure, like parse. */
export function renderDeck(deck: Deck, inputs: RenderInputs = {}): RenderedDeck {
  const trusted = new TrustedFragments();
  const untrusted = detectUntrustedMarkup();
  const markdown = createMarkdownRenderer(trusted, { charts: inputs.charts ?? new Map(), diagrams: inputs.diagrams ?? new Map() }, untrusted);
  const slugger = new GithubSlugger();
  const { html: trustAuthorHtml, incremental } = deck.options;
  // Author HTML is sanitised first; only then do build-made fragments (KaTeX, SVG) go in.
  const cleaner = (needsSanitizing: boolean) => (html: string) => trusted.fill(needsSanitizing && !trustAuthorHtml ? sanitize(html) : html);
  const toHtml = (text: string, slide: Slide) => {
    const cached = inputs.cache?.get(text);
    if (cached) return { html: cached.html, clean: cleaner(cached.needsSanitizing) };
    try {
      const fragmentsBefore = trusted.size;
      const html = markdown.parse(text, { async: false });
      const needsSanitizing = untrusted.take();
      // Formulas and charts leave placeholders keyed to this build's nonce: never reuse those.
      if (trusted.size === fragmentsBefore) inputs.cache?.set(text, { html, needsSanitizing });
      return { html, clean: cleaner(needsSanitizing) };
    } catch (error) {
      if (!(error instanceof MathError)) throw error;
      fail(`cannot render formula "${error.tex.trim()}": ${error.reason.split('\n')[0]}`, 'input', locateText(error.tex, slide, deck.file));
    }
  };

  const attributePatterns = {
    element: compilePattern(deck.options.elementAttributes, { key: 'elementAttributes', file: deck.file }, { multiline: true }),
    slide: compilePattern(deck.options.slideAttributes, { key: 'slideAttributes', file: deck.file }, { multiline: true }),
  };
  const slides = deck.slides.map((parsedSlide): RenderedSlide => {
    const parsed = toHtml(parsedSlide.markdown, parsedSlide);
    const body = runHtmlPass(parsed.html, {
      incremental: incremental || parsedSlide.attributes.incremental === 'true',
      slugger,
      attributePatterns,
      plainText: (text) => trusted.fillText(text),
    });
    const slide =
      Object.keys(body.slideAttributes).length === 0 ? parsedSlide : { ...parsedSlide, attributes: { ...body.slideAttributes, ...parsedSlide.attributes } };
    const notes = slide.notes === '' ? undefined : toHtml(slide.notes, slide);
    const notesHtml = notes
      ? notes.clean(runHtmlPass(notes.html, { incremental: false, slugger: new GithubSlugger(), attributePatterns }).regions.join('\n'))
      : '';
    return {
      source: slide,
      heading: parsed.clean(body.heading),
      regions: body.regions.map(parsed.clean),
      notesHtml,
      title: body.title,
      assets: [...body.urls, ...backgroundUrls(slide)].map((url) => locateReference(url, slide)),
    };
  });
  return { deck, title: displayTitle(deck, slides), slides, usesMath: trusted.kinds.has('dm-math'), warnings: [] };
}

/** The deck's name wherever it is shown (page title, PDF metadata, handout, serve's index). */
function displayTitle(deck: Deck, slides: RenderedSlide[]): string {
  return deck.options.title || slides.find((slide) => slide.title !== '')?.title || deckName(deck.file);
}

/** Where a piece of the slide's text is, for an error; the slide's line when not found. */
function locateText(text: string, slide: Slide, file: string): { file: string; line: number } {
  for (const [source, firstLine] of [
    [slide.markdown, slide.markdownLine],
    [slide.notes, slide.notesLine],
  ] as const) {
    const index = source.indexOf(text);
    if (index !== -1) return { file, line: firstLine + source.slice(0, index).split('\n').length - 1 };
  }
  return { file, line: slide.line };
}

/** Files the slide's own attributes load (`data-background-*` from its `.slide:` comment). */
function backgroundUrls(slide: Slide): string[] {
  return assetUrlAttributesOf('section')
    .map(({ attribute }) => ({ attribute, value: slide.attributes[attribute] }))
    .filter(({ attribute, value }) => value !== undefined && holdsUrl(attribute, value) && isLocalUrl(value))
    .map(({ value }) => value!);
}

/** The line where the reference is written, for messages; the slide's line when not found. */
function locateReference(url: string, slide: Slide): AssetReference {
  const lines = slide.markdown.split('\n');
  const index = lines.findIndex((line) => line.includes(url));
  return { url, line: index === -1 ? slide.line : slide.markdownLine + index };
}
