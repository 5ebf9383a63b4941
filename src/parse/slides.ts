import { Lexer, type Token } from 'marked';
import { fail } from '../errors.js';
import type { Slide, Warning } from '../types.js';
import { parseAttributeList, slideCommentPattern } from './attributes.js';

export interface SlideSeparators {
  separator: string;
  verticalSeparator: string;
  notesSeparator: string;
}

interface BodyStructure {
  /** 0-based body lines that belong to code blocks: never separators, never notes. */
  codeLines: Set<number>;
  /** `.slide:` comments found as top-level HTML blocks, by 0-based body line. */
  slideComments: Map<number, { lines: number; attributes: Record<string, string> }>;
  warnings: Warning[];
}

/**
 * Cuts the Markdown body into slides. Separators and notes markers are recognised only on
 * lines outside code blocks, found from marked's own tokens — a `---` inside a fence never
 * splits a slide (reveal.js's regex splitter gets this wrong).
 */
export function splitSlides(body: string, file: string, firstLine: number, separators: SlideSeparators): { slides: Slide[]; warnings: Warning[] } {
  const structure = readStructure(body, file, firstLine);
  const horizontal = lineMatcher(separators.separator, 'separator', file);
  const vertical = lineMatcher(separators.verticalSeparator, 'verticalSeparator', file);
  const notes = new RegExp(`^(?:${separators.notesSeparator})`);
  const lines = body.split('\n');

  const slides: Slide[] = [];
  let h = 0;
  let v = 0;
  let start = 0;
  const close = (end: number) => {
    slides.push(buildSlide(lines, start, end, { h, v, file, firstLine, structure, notes }));
  };
  for (let index = 0; index < lines.length; index++) {
    if (structure.codeLines.has(index)) continue;
    const line = lines[index]!.trimEnd();
    if (vertical(line)) {
      close(index);
      v++;
      start = index + 1;
    } else if (horizontal(line)) {
      close(index);
      h++;
      v = 0;
      start = index + 1;
    }
  }
  close(lines.length);
  return { slides: dropEmptyEdges(slides), warnings: structure.warnings };
}

function buildSlide(
  lines: string[],
  start: number,
  end: number,
  context: { h: number; v: number; file: string; firstLine: number; structure: BodyStructure; notes: RegExp },
): Slide {
  const { structure, firstLine, notes } = context;
  // No prototype: attribute names come from the author and may be `__proto__`.
  const attributes: Record<string, string> = Object.create(null);
  const content: string[] = [];
  let layoutLine: number | undefined;
  let notesStart = -1;
  for (let index = start; index < end; index++) {
    const comment = structure.slideComments.get(index);
    if (comment) {
      Object.assign(attributes, comment.attributes);
      if (comment.attributes.layout !== undefined) layoutLine = firstLine + index;
      // The comment goes, its lines stay (blank): content line i is still source line start + i.
      const withoutComment = lines
        .slice(index, index + comment.lines)
        .join('\n')
        .replace(slideCommentPattern, (match) => '\n'.repeat(countNewlines(match)));
      content.push(...withoutComment.split('\n'));
      index += comment.lines - 1;
      continue;
    }
    const line = lines[index]!;
    const inCode = structure.codeLines.has(index);
    if (notesStart === -1 && !inCode && notes.test(line)) notesStart = content.length;
    // A column marker becomes a comment, which ends a paragraph without a blank line, so
    // `left\n|||\nright` splits like the spaced form and line numbers stay those of the file.
    content.push(!inCode && line.trim() === '|||' ? columnBreak : line);
  }
  const { layout = 'default', ...rest } = attributes;
  const bodyLines = notesStart === -1 ? content : content.slice(0, notesStart);
  const notesLines = notesStart === -1 ? [] : content.slice(notesStart);
  if (notesLines.length > 0) notesLines[0] = notesLines[0]!.replace(notes, '').trimStart();
  const leadingBlank = bodyLines.findIndex((line) => line.trim() !== '');
  const notesLeadingBlank = notesLines.findIndex((line) => line.trim() !== '');
  return {
    // The first line with content, not the blank one after the separator: messages point there.
    line: firstLine + firstContentLine(lines, start, end),
    markdownLine: firstLine + start + Math.max(leadingBlank, 0),
    notesLine: firstLine + start + Math.max(notesStart, 0) + Math.max(notesLeadingBlank, 0),
    h: context.h,
    v: context.v,
    markdown: bodyLines.join('\n').trim(),
    notes: notesLines.join('\n').trim(),
    attributes: rest,
    layout,
    ...(layoutLine === undefined ? {} : { layoutLine }),
  };
}

/** What a `|||` line becomes; the render stage cuts the slide's columns there. */
export const columnBreak = '<!--deckmark-columns-->';

function readStructure(body: string, file: string, firstLine: number): BodyStructure {
  const codeLines = new Set<number>();
  const slideComments: BodyStructure['slideComments'] = new Map();
  const warnings: Warning[] = [];
  let line = 0;
  // Block tokens are all the structure needs; skipping marked's inline pass halves this lex.
  for (const token of new Lexer({ gfm: true }).blockTokens(body, []) as Token[]) {
    const lineCount = countNewlines(token.raw);
    if (token.type === 'code') {
      for (let index = line; index <= line + lineCount; index++) codeLines.add(index);
      if (isUnclosedFence(token.raw)) {
        warnings.push({
          file,
          line: firstLine + line,
          message: 'code fence is never closed: it runs to the end of the deck and swallows every slide separator after it',
        });
      }
    } else if (token.type === 'html') {
      const match = slideCommentPattern.exec(token.raw);
      if (match) slideComments.set(line, { lines: lineCount + (token.raw.endsWith('\n') ? 0 : 1), attributes: parseAttributeList(match[1]!) });
    }
    line += lineCount;
  }
  return { codeLines, slideComments, warnings };
}

function isUnclosedFence(raw: string): boolean {
  const opening = /^ {0,3}(`{3,}|~{3,})/.exec(raw);
  if (!opening) return false;
  const fence = opening[1]!;
  const lines = raw.trimEnd().split('\n');
  if (lines.length < 2) return true;
  const last = lines[lines.length - 1]!.trim();
  return !(last.startsWith(fence[0]!.repeat(fence.length)) && /^(`+|~+)$/.test(last));
}

/**
 * A separator option is a regular expression matched against a whole line, as in reveal-md;
 * the newline parts reveal-md's defaults carry are dropped since lines are matched one by one.
 */
function lineMatcher(source: string, key: string, file: string): (line: string) => boolean {
  const cleaned = source
    .replace(/\(\\r\\n\?\|\\n\)|\\r\?\\n|\\n/g, '')
    .replace(/^\^/, '')
    .replace(/\$$/, '');
  try {
    const pattern = new RegExp(`^(?:${cleaned})$`);
    return (line) => pattern.test(line);
  } catch (error) {
    fail(`option "${key}" is not a valid regular expression: ${(error as Error).message}`, 'input', { file });
  }
}

function firstContentLine(lines: string[], start: number, end: number): number {
  for (let index = start; index < end; index++) if (lines[index]!.trim() !== '') return index;
  return start;
}

function countNewlines(text: string): number {
  let count = 0;
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) count++;
  return count;
}

/**
 * A deck that starts or ends with a separator should not gain an empty first or last slide,
 * but an empty slide between two separators is the author's choice and stays.
 */
function dropEmptyEdges(slides: Slide[]): Slide[] {
  const isEmpty = (slide: Slide) => slide.markdown === '' && slide.notes === '' && Object.keys(slide.attributes).length === 0 && slide.layout === 'default';
  let first = 0;
  let last = slides.length;
  while (first < last && isEmpty(slides[first]!) && slides[first]!.v === 0 && (slides[first + 1]?.v ?? 0) === 0) first++;
  while (last > first && isEmpty(slides[last - 1]!) && slides[last - 1]!.v === 0) last--;
  const kept = slides.slice(first, last);
  const shift = kept[0]?.h ?? 0;
  return kept.map((slide) => ({ ...slide, h: slide.h - shift }));
}
