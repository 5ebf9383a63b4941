import pptxgenjs from 'pptxgenjs';
import type { PdfMetadata } from '../metadata.js';
import type { CapturedSlide, Picture } from './capture.js';
import type { Box, Colour, TableItem, TextItem, TextParagraph } from './layout.js';

// pptxgenjs's types describe a CommonJS default export; its ESM build exports the class itself.
const PptxGenJS = pptxgenjs as unknown as typeof pptxgenjs.default;
type TextProps = pptxgenjs.default.TextProps;
type Slide = pptxgenjs.default.Slide;
type Border = pptxgenjs.default.BorderProps;

export interface PptxDeck {
  /** The deck's size in CSS pixels. */
  width: number;
  height: number;
  metadata: PdfMetadata;
  slides: CapturedSlide[];
  /** Plain-text speaker notes per rendered slide. */
  notes: string[];
}

// PowerPoint's own 16:9 is 13.333 × 7.5 in; every deck keeps that height and its own aspect.
const slideHeightInches = 7.5;

/**
 * Writes the captured slides as a PPTX with pptxgenjs: text boxes, tables and pictures at
 * the places the browser put them. Returns the file's bytes (document properties pptxgenjs
 * cannot set are added by `finishPackage`).
 */
export async function writePptx(deck: PptxDeck): Promise<Uint8Array> {
  const pptx = new PptxGenJS();
  const inch = slideHeightInches / deck.height;
  const units = new Units(inch, deck.metadata.lang);
  pptx.defineLayout({ name: 'deck', width: deck.width * inch, height: slideHeightInches });
  pptx.layout = 'deck';
  pptx.title = deck.metadata.title;
  pptx.author = deck.metadata.author;
  pptx.subject = deck.metadata.subject;
  pptx.company = 'deckmark';

  for (const captured of deck.slides) {
    const slide = pptx.addSlide();
    const layout = captured.layout;
    if (captured.backgroundPicture) slide.background = { data: dataUrl(captured.backgroundPicture) };
    else if (layout) slide.background = { color: units.hex(layout.background), transparency: units.transparency(layout.background) };
    if (captured.decorations) addPicture(slide, captured.decorations, captured.decorations.box, units, 'Theme decorations');
    let picture = 0;
    for (const item of layout?.items ?? []) {
      if (item.kind === 'text') addText(slide, item, units);
      else if (item.kind === 'table') addTable(slide, item, units);
      else addPicture(slide, captured.pictures[picture++]!, item.box, units, item.role, item.alt);
    }
    const notes = deck.notes[captured.slide];
    if (notes) slide.addNotes(notes);
  }
  const written = await pptx.write({ outputType: 'uint8array' });
  return written as Uint8Array;
}

/** CSS pixels to PowerPoint's inches and points, colours to its hex. */
class Units {
  constructor(
    readonly inch: number,
    readonly lang: string,
  ) {}

  box(box: Box): { x: number; y: number; w: number; h: number } {
    return { x: box.x * this.inch, y: box.y * this.inch, w: box.w * this.inch, h: box.h * this.inch };
  }

  points(px: number): number {
    return Math.round(px * this.inch * 72 * 100) / 100;
  }

  hex(colour: Colour): string {
    return colour.hex.slice(1).toUpperCase();
  }

  transparency(colour: Colour): number | undefined {
    return colour.alpha >= 1 ? undefined : Math.round((1 - colour.alpha) * 100);
  }
}

function dataUrl(picture: Picture): string {
  return `${picture.type};base64,${Buffer.from(picture.bytes).toString('base64')}`;
}

function addPicture(slide: Slide, picture: Picture, box: Box, units: Units, name: string, alt = ''): void {
  slide.addImage({ data: dataUrl(picture), ...units.box(box), altText: alt || undefined, objectName: name });
}

/** The runs of paragraphs, in pptxgenjs's terms: browser line wraps become soft breaks. */
function runsOf(paragraphs: TextParagraph[], units: Units): TextProps[] {
  const runs: TextProps[] = [];
  for (const [index, paragraph] of paragraphs.entries()) {
    const list = paragraph.list;
    const before = paragraphs[index - 1];
    const spaceBefore = before ? Math.max(0, paragraph.topPx - (before.topPx + lineCount(before) * before.lineHeightPx)) : 0;
    for (const [position, run] of paragraph.runs.entries()) {
      const last = position === paragraph.runs.length - 1;
      runs.push({
        text: run.text,
        options: {
          bold: run.bold,
          italic: run.italic,
          underline: run.underline ? { style: 'sng' } : undefined,
          strike: run.strike ? 'sngStrike' : undefined,
          fontFace: run.font,
          fontSize: units.points(run.sizePx),
          color: units.hex(run.colour),
          transparency: units.transparency(run.colour),
          highlight: run.highlight && run.highlight.alpha > 0.2 ? units.hex(run.highlight) : undefined,
          hyperlink: run.link ? { url: run.link } : undefined,
          lang: units.lang,
          align: paragraph.align,
          lineSpacing: units.points(paragraph.lineHeightPx),
          paraSpaceBefore: units.points(spaceBefore),
          paraSpaceAfter: 0,
          softBreakBefore: run.breakBefore && position > 0,
          // pptxgenjs starts a paragraph at every run with a bullet: only the first has it.
          bullet:
            list && position === 0
              ? {
                  ...(list.ordered ? { type: 'number' as const } : { characterCode: '2022' }),
                  numberStartAt: list.ordered ? list.start : undefined,
                  indent: units.points(list.indentPx),
                }
              : undefined,
          indentLevel: list?.level,
          breakLine: last && index < paragraphs.length - 1,
        },
      });
    }
  }
  return runs;
}

const lineCount = (paragraph: TextParagraph) => 1 + paragraph.runs.filter((run, index) => index > 0 && run.breakBefore).length;

/**
 * A text box at the block's content box, with no inner margin and no autofit. It is a
 * little wider than the browser's, on the side the text grows to: a font with slightly
 * wider glyphs must not wrap a line the browser did not.
 */
function addText(slide: Slide, item: TextItem, units: Units): void {
  // At least 24 px: a two-digit slide number in a box its own width would otherwise wrap.
  const slack = Math.min(Math.max(item.box.w * 0.08, 24), 64);
  const align = item.paragraphs[0]?.align ?? 'left';
  const shift = align === 'center' ? slack / 2 : align === 'right' ? slack : 0;
  const box = { ...item.box, x: item.box.x - shift, w: item.box.w + slack };
  slide.addText(runsOf(item.paragraphs, units), {
    ...units.box(box),
    margin: 0,
    valign: 'top',
    fit: 'none',
    wrap: true,
    objectName: item.role,
  });
}

/**
 * A PowerPoint table with the browser's column widths (each a little wider, as text boxes
 * are) and row heights, and the cells' fills and bottom rules.
 */
function addTable(slide: Slide, item: TableItem, units: Units): void {
  const none = { type: 'none' as const };
  const rows = item.rows.map((row) =>
    row.cells.map((cell) => ({
      text: cell.paragraphs.length > 0 ? runsOf(cell.paragraphs, units) : '',
      options: {
        fill: cell.fill ? { color: units.hex(cell.fill), transparency: units.transparency(cell.fill) } : undefined,
        colspan: cell.colspan > 1 ? cell.colspan : undefined,
        rowspan: cell.rowspan > 1 ? cell.rowspan : undefined,
        valign: 'middle' as const,
        border: [
          none,
          none,
          cell.bottomBorder ? { type: 'solid' as const, pt: units.points(cell.bottomBorder.widthPx), color: units.hex(cell.bottomBorder.colour) } : none,
          none,
        ] as [Border, Border, Border, Border],
      },
    })),
  );
  const columns = item.columnWidths.map((width) => width * 1.06 * units.inch);
  slide.addTable(rows, {
    ...units.box(item.box),
    w: columns.reduce((sum, width) => sum + width, 0),
    colW: columns,
    rowH: item.rows.map((row) => row.heightPx * units.inch),
    // In inches: pptxgenjs reads a first value of 1 or more as points.
    margin: item.cellPaddingPx.map((px) => Math.min(px * units.inch, 0.99)) as [number, number, number, number],
    autoPage: false,
  });
}
