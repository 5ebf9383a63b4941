import { Lexer, type Token } from 'marked';
import type { Slide, Warning } from '../types.js';
import { commentBlockPattern, parseAttributeList } from './attributes.js';
import { compilePattern, type DeckPattern, isMultilineSeparator, separatorSource } from './patterns.js';

export interface SlideSeparators {
  separator: string;
  verticalSeparator: string;
  notesSeparator: string;
  slideAttributes: string;
}

interface BodyStructure {
  /** 0-based body lines that belong to code blocks: never separators, never notes. */
  codeLines: Set<number>;
  /** Offsets [start, end) of each code block, its last line break excluded. */
  codeRanges: [number, number][];
  /** `.slide:` comments found as top-level HTML blocks, by 0-based body line. */
  slideComments: Map<number, { lines: number; raw: string; attributes: Record<string, string> }>;
  warnings: Warning[];
}

/**
 * Cuts the Markdown body into slides the way reveal.js's Markdown plugin does — one regular
 * expression over the raw text, separators with line breaks included — except that a match
 * inside a code block, found from marked's own tokens, never splits (reveal.js splits there).
 */
export function splitSlides(
  body: string,
  file: string,
  firstLine: number,
  separators: SlideSeparators,
  lineOf: (key: string) => number | undefined = () => undefined,
): { slides: Slide[]; warnings: Warning[] } {
  const where = (key: string) => ({ key, file, line: lineOf(key) });
  const slideComment = compilePattern(separators.slideAttributes, where('slideAttributes'), { multiline: true });
  const structure = readStructure(body, file, firstLine, slideComment);
  const horizontal = separatorSource(separators.separator);
  const vertical = separatorSource(separators.verticalSeparator);
  compilePattern(vertical, where('verticalSeparator'));
  const horizontalAlone = compilePattern(horizontal, where('separator'), { multiline: !isMultilineSeparator(separators.separator) });
  const anySeparator = compilePattern(`(?:${horizontal})|(?:${vertical})`, where('separator'), { multiline: true });
  const notes = compilePattern(`^(?:${separators.notesSeparator})`, where('notesSeparator'), { multiline: true, ignoreCase: true });
  const lineStarts = lineOffsets(body);
  const context = { body, file, firstLine, structure, notes, lineStarts };

  const slides: Slide[] = [];
  let h = 0;
  let v = 0;
  let start = 0;
  for (const match of anySeparator.matches(body)) {
    if (structure.codeRanges.some(([codeStart, codeEnd]) => match.start < codeEnd && match.end > codeStart)) continue;
    slides.push(buildSlide(start, match.start, h, v, context));
    if (horizontalAlone.test(body.slice(match.start, match.end))) {
      h++;
      v = 0;
    } else v++;
    start = match.end;
  }
  slides.push(buildSlide(start, body.length, h, v, context));
  return { slides: dropEmptyEdges(slides), warnings: structure.warnings };
}

interface SlideContext {
  body: string;
  file: string;
  firstLine: number;
  structure: BodyStructure;
  notes: DeckPattern;
  lineStarts: number[];
}

function buildSlide(startOffset: number, endOffset: number, h: number, v: number, context: SlideContext): Slide {
  const { structure, firstLine, notes, body } = context;
  const startLine = lineAt(context.lineStarts, startOffset);
  const lines = body.slice(startOffset, endOffset).split('\n');
  // No prototype: attribute names come from the author and may be `__proto__`.
  const attributes: Record<string, string> = Object.create(null);
  const content: string[] = [];
  let layoutLine: number | undefined;
  for (let index = 0; index < lines.length; index++) {
    const bodyLine = startLine + index;
    const comment = structure.slideComments.get(bodyLine);
    if (comment) {
      Object.assign(attributes, comment.attributes);
      if (comment.attributes.layout !== undefined) layoutLine = firstLine + bodyLine;
      // The comment goes, its lines stay (blank): content line i is still source line start + i.
      const withoutComment = lines
        .slice(index, index + comment.lines)
        .join('\n')
        .replace(comment.raw, () => '\n'.repeat(countNewlines(comment.raw)));
      content.push(...withoutComment.split('\n'));
      index += Math.min(comment.lines, lines.length - index) - 1;
      continue;
    }
    const line = lines[index]!;
    // A column marker becomes a comment, which ends a paragraph without a blank line, so
    // `left\n|||\nright` splits like the spaced form and line numbers stay those of the file.
    content.push(!structure.codeLines.has(bodyLine) && line.trim() === '|||' ? columnBreak : line);
  }
  const text = content.join('\n');
  const lineStarts = lineOffsets(text);
  let notesMatch: { start: number; end: number } | undefined;
  for (const match of notes.matches(text)) {
    if (!structure.codeLines.has(startLine + lineAt(lineStarts, match.start))) {
      notesMatch = match;
      break;
    }
  }
  const bodyText = notesMatch ? text.slice(0, notesMatch.start) : text;
  const notesText = notesMatch ? text.slice(notesMatch.end) : '';
  const { layout = 'default', ...rest } = attributes;
  const lineOfOffset = (offset: number) => firstLine + startLine + lineAt(lineStarts, offset);
  return {
    // The first line with content, not the blank one after the separator: messages point there.
    line: lineOfOffset(firstContent(lines.join('\n'), 0)),
    markdownLine: lineOfOffset(firstContent(bodyText, 0)),
    notesLine: notesMatch ? lineOfOffset(firstContent(text, notesMatch.end)) : lineOfOffset(0),
    h,
    v,
    markdown: bodyText.trim(),
    notes: notesText.trim(),
    attributes: rest,
    layout,
    ...(layoutLine === undefined ? {} : { layoutLine }),
  };
}

/** Offset of the first line holding something other than blanks, from `from` on. */
function firstContent(text: string, from: number): number {
  const found = /\S/.exec(text.slice(from));
  if (!found) return from;
  const offset = from + found.index;
  return text.lastIndexOf('\n', offset - 1) + 1;
}

function lineOffsets(text: string): number[] {
  const starts = [0];
  for (let index = text.indexOf('\n'); index !== -1; index = text.indexOf('\n', index + 1)) starts.push(index + 1);
  return starts;
}

/** 0-based line holding `offset`, by binary search over the line starts. */
function lineAt(starts: number[], offset: number): number {
  let low = 0;
  let high = starts.length - 1;
  while (low < high) {
    const middle = (low + high + 1) >>> 1;
    if (starts[middle]! <= offset) low = middle;
    else high = middle - 1;
  }
  return low;
}

/** What a `|||` line becomes; the render stage cuts the slide's columns there. */
export const columnBreak = '<!--deckmark-columns-->';

function readStructure(body: string, file: string, firstLine: number, slideComment: DeckPattern): BodyStructure {
  const structure: BodyStructure = { codeLines: new Set(), codeRanges: [], slideComments: new Map(), warnings: [] };
  let offset = 0;
  let line = 0;
  // reveal.js splits before it parses, so an unclosed fence ends at the next separator there.
  // Here the fence guards nothing: lexing starts again on the line after it.
  for (let restarts = 0; restarts <= maxUnclosedFences; restarts++) {
    const unclosed = readBlocks(body.slice(offset), offset, line, structure, slideComment);
    if (unclosed === undefined) break;
    structure.warnings.push({
      file,
      line: firstLine + unclosed.line,
      message: 'code fence is never closed: it runs to the end of its slide, and separators after it still split',
    });
    const next = body.indexOf('\n', unclosed.offset);
    if (next === -1) break;
    offset = next + 1;
    line = unclosed.line + 1;
  }
  return structure;
}

/** Past this many unclosed fences the rest of the deck is read as one code block (each restart lexes the rest again). */
const maxUnclosedFences = 100;

/** Records code and `.slide:` comments; stops at an unclosed fence and returns where it opens. */
function readBlocks(
  text: string,
  offset: number,
  line: number,
  structure: BodyStructure,
  slideComment: DeckPattern,
): { offset: number; line: number } | undefined {
  // Block tokens are all the structure needs; skipping marked's inline pass halves this lex.
  for (const token of new Lexer({ gfm: true }).blockTokens(text, []) as Token[]) {
    const lineCount = countNewlines(token.raw);
    if (token.type === 'code') {
      if (isUnclosedFence(token.raw)) return { offset, line };
      const code = token.raw.trimEnd();
      structure.codeRanges.push([offset, offset + code.length]);
      for (let index = line; index <= line + countNewlines(code); index++) structure.codeLines.add(index);
    } else if (token.type === 'html') {
      const inner = commentBlockPattern.exec(token.raw)?.[1];
      const match = inner === undefined ? undefined : slideComment.matches(inner).next().value;
      if (match) {
        structure.slideComments.set(line, {
          lines: lineCount + (token.raw.endsWith('\n') ? 0 : 1),
          raw: token.raw.trim(),
          attributes: parseAttributeList(match.groups[0] ?? ''),
        });
      }
    }
    line += lineCount;
    offset += token.raw.length;
  }
  return undefined;
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
