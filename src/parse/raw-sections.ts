import { Lexer, type Token } from 'marked';
import { parseHtml } from '../html/dom.js';
import type { Slide, Warning } from '../types.js';

const opening = /^<section(?:\s[^>]*)?>$/i;
const closing = /^<\/section>$/i;

interface RawSection {
  markdown: string;
  /** Offset of the content in the slide's Markdown. */
  offset: number;
  attributes: Record<string, string>;
}

/**
 * A slide made of raw `<section>` blocks (the way reveal.js decks pair slides for
 * `data-auto-animate`) is, in reveal.js, a stack: each inner section a vertical slide. The
 * same here, when the slide holds nothing but those sections; otherwise the sections stay
 * inside the slide and the author is told, never silently.
 */
export function expandRawSections(slides: Slide[], file: string): { slides: Slide[]; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const out: Slide[] = [];
  const stackSizes = new Map<number, number>();
  for (const slide of slides) stackSizes.set(slide.h, (stackSizes.get(slide.h) ?? 0) + 1);
  for (const slide of slides) {
    if (!/<section/i.test(slide.markdown)) {
      out.push({ ...slide, h: slide.h });
      continue;
    }
    const sections = topLevelSections(slide.markdown);
    const alone = stackSizes.get(slide.h) === 1;
    if (sections && alone && slide.notes === '' && Object.keys(slide.attributes).length === 0) {
      sections.forEach((section, v) => {
        const lead = section.markdown.length - section.markdown.trimStart().length;
        const line = slide.markdownLine + countNewlines(slide.markdown.slice(0, section.offset + lead));
        out.push({ ...slide, h: slide.h, v, line, markdownLine: line, notesLine: line, markdown: section.markdown.trim(), attributes: section.attributes });
      });
      continue;
    }
    out.push({ ...slide, h: slide.h });
    warnings.push({
      file,
      line: slide.markdownLine,
      message: sections
        ? 'raw <section> blocks stay inside this slide: they become vertical slides only on a slide of their own, without notes or .slide: attributes (reveal.js would nest them)'
        : 'a raw <section> inside a slide stays part of the slide; reveal.js would make it a vertical slide — give the sections a slide of their own',
    });
  }
  return { slides: out, warnings };
}

/** The slide's raw `<section>` blocks, or undefined when it holds anything else around them. */
function topLevelSections(markdown: string): RawSection[] | undefined {
  const sections: RawSection[] = [];
  let offset = 0;
  let current: { start: number; attributes: Record<string, string> } | undefined;
  for (const token of new Lexer({ gfm: true }).blockTokens(markdown, []) as Token[]) {
    const tags = token.type === 'html' ? sectionTags(token.raw) : undefined;
    if (tags) {
      // `</section>` and the next `<section>` on consecutive lines are one HTML block.
      for (const tag of tags) {
        if (closing.test(tag.text) && current !== undefined) {
          sections.push({ markdown: markdown.slice(current.start, offset + tag.start), offset: current.start, attributes: current.attributes });
          current = undefined;
        } else if (opening.test(tag.text) && current === undefined) current = { start: offset + tag.end, attributes: attributesOf(tag.text) };
        else return undefined;
      }
    } else if (current === undefined && token.type !== 'space') return undefined;
    else if (token.type === 'html' && /<\/?section\b/i.test(token.raw)) return undefined;
    offset += token.raw.length;
  }
  return current === undefined && sections.length > 0 ? sections : undefined;
}

/** The section tags an HTML block is made of, or undefined if it holds anything else. */
function sectionTags(raw: string): { text: string; start: number; end: number }[] | undefined {
  const tags: { text: string; start: number; end: number }[] = [];
  let last = 0;
  for (const match of raw.matchAll(/<\/?section\b[^>]*>/gi)) {
    if (raw.slice(last, match.index).trim() !== '') return undefined;
    tags.push({ text: match[0], start: match.index, end: match.index + match[0].length });
    last = match.index + match[0].length;
  }
  return tags.length > 0 && raw.slice(last).trim() === '' ? tags : undefined;
}

function attributesOf(tag: string): Record<string, string> {
  const element = parseHtml(`${tag}</section>`).children[0] as { attribs?: Record<string, string> } | undefined;
  const attributes: Record<string, string> = Object.create(null);
  for (const [name, value] of Object.entries(element?.attribs ?? {})) attributes[name.toLowerCase()] = value;
  return { ...attributes };
}

function countNewlines(text: string): number {
  return text.split('\n').length - 1;
}
