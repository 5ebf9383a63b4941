/**
 * What a slide looks like once Chromium laid it out, as data the PPTX writer turns into
 * shapes. Lengths are CSS pixels from the slide's top-left corner; colours are `#rrggbb`
 * with an opacity from 0 to 1.
 */

export interface Box {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Colour {
  hex: string;
  alpha: number;
}

/** A stretch of text in one style, as the browser shows it (after `text-transform`). */
export interface TextRun {
  text: string;
  bold: boolean;
  italic: boolean;
  underline: boolean;
  strike: boolean;
  /** In a monospace `code` element: the writer keeps its font, tests look for it. */
  code: boolean;
  colour: Colour;
  /** The first family of the CSS font stack, as the theme names it. */
  font: string;
  sizePx: number;
  link?: string;
  /** An inline element's own background, e.g. a code chip. */
  highlight?: Colour;
  /** The browser broke the line before this run: the PPTX breaks it in the same place. */
  breakBefore: boolean;
}

export interface TextParagraph {
  runs: TextRun[];
  align: 'left' | 'center' | 'right' | 'justify';
  lineHeightPx: number;
  /** Where the first line box starts: the gap to the paragraph before becomes spacing. */
  topPx: number;
  /** List items: their marker, nesting level (0 = top) and where their text starts in the box. */
  list?: { ordered: boolean; start: number; level: number; indentPx: number };
}

export interface TextItem {
  kind: 'text';
  box: Box;
  /** What the text was in the page, e.g. `h2`, `ul`, `pre`: PowerPoint shows it as the shape's name. */
  role: string;
  paragraphs: TextParagraph[];
}

export interface TableCell {
  paragraphs: TextParagraph[];
  header: boolean;
  fill?: Colour;
  /** Themes rule tables with bottom borders: the one edge deckmark carries over. */
  bottomBorder?: { colour: Colour; widthPx: number };
  colspan: number;
  rowspan: number;
}

export interface TableItem {
  kind: 'table';
  box: Box;
  columnWidths: number[];
  rows: { heightPx: number; cells: TableCell[] }[];
  /** The first cell's padding, top, right, bottom, left: PowerPoint has one for the table. */
  cellPaddingPx: [number, number, number, number];
}

/** Something PowerPoint cannot draw as shapes: a picture of it replaces it in place. */
export interface PictureItem {
  kind: 'picture';
  box: Box;
  role: string;
  /** An `<img>` showing a file of the deck's own folder: embedded as it is, at full resolution. */
  file?: string;
  alt: string;
}

export type SlideItem = TextItem | TableItem | PictureItem;

export interface SlideLayout {
  background: Colour;
  /** The slide's background has a picture or gradient: it is captured as a picture. */
  backgroundPicture: boolean;
  items: SlideItem[];
}
