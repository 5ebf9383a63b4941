import Handlebars from 'handlebars';
import type { PageAssets } from '../assets/plan.js';
import { fail } from '../errors.js';
import { isAllowedAttribute } from '../render/attribute-policy.js';
import type { RenderedDeck, RenderedSlide } from '../types.js';
import type { Templates } from './load.js';
import { bootScript, contentSecurityPolicy } from './page-scripts.js';

/** The template stage: rendered slides in, one HTML page out. Pure given compiled templates. */
export function renderPage(rendered: RenderedDeck, templates: Templates, assets: PageAssets, version: string): string {
  const { options } = rendered.deck;
  const sections = rendered.slides.map((slide, index) => renderSlide(slide, index, rendered, templates));
  const stacks: { vertical: boolean; slides: string[] }[] = [];
  rendered.slides.forEach((slide, index) => {
    if (slide.source.v === 0 || stacks.length === 0) stacks.push({ vertical: false, slides: [] });
    const stack = stacks[stacks.length - 1]!;
    stack.slides.push(sections[index]!);
    stack.vertical = stack.slides.length > 1;
  });
  const boot = bootScript({ config: revealConfig(rendered), scripts: assets.scripts });
  return templates.page({
    version,
    lang: options.lang,
    title: rendered.title,
    author: options.author,
    description: options.description,
    stylesheets: assets.stylesheets,
    stacks,
    boot,
    contentSecurityPolicy: contentSecurityPolicy([boot]),
  });
}

function renderSlide(slide: RenderedSlide, index: number, rendered: RenderedDeck, templates: Templates): string {
  const { source } = slide;
  const layout = templates.layouts.get(source.layout);
  if (!layout) {
    fail(`unknown layout "${source.layout}"; valid layouts: ${[...templates.layouts.keys()].join(', ')}`, 'input', {
      file: rendered.deck.file,
      line: layoutLine(source),
    });
  }
  const sectionNumber = rendered.slides.slice(0, index + 1).filter((other) => other.source.layout === 'section').length;
  const context = {
    heading: slide.heading,
    content: slide.regions.join('\n'),
    columns: slide.regions,
    title: slide.title,
    notes: slide.notesHtml,
    number: String(sectionNumber).padStart(2, '0'),
    index,
    attributes: source.attributes,
  };
  return templates.slide({ attributes: formatAttributes(sectionAttributes(slide)), body: layout(context), notes: slide.notesHtml });
}

function sectionAttributes(slide: RenderedSlide): Record<string, string> {
  const { attributes, layout, line } = slide.source;
  const classes = [`layout-${layout}`, attributes.class ?? ''].join(' ').trim();
  return { ...attributes, class: classes, 'data-layout': layout, 'data-line': String(line) };
}

/**
 * Slide attributes come from `.slide:` comments and reach the page without the sanitiser,
 * so they pass the same per-element table the sanitiser applies to a raw <section>.
 */
function formatAttributes(attributes: Record<string, string>): string {
  return Object.entries(attributes)
    .filter(([name, value]) => isAllowedAttribute('section', name, value))
    .map(([name, value]) => ` ${name}="${Handlebars.escapeExpression(value)}"`)
    .join('');
}

function layoutLine(slide: RenderedSlide['source']): number {
  return slide.layoutLine ?? slide.line;
}

function revealConfig(rendered: RenderedDeck): Record<string, unknown> {
  const { options } = rendered.deck;
  // Precedence inside the page: the deck's `reveal:` keys win over the options deckmark derives.
  return {
    width: options.width,
    height: options.height,
    margin: 0,
    center: false,
    hash: true,
    transition: options.transition,
    slideNumber: options.slideNumber,
    pdfSeparateFragments: false,
    ...options.reveal,
  };
}
