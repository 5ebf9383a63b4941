import type { HandoutLayout } from '../../outputs.js';
import type { RenderedDeck } from '../../types.js';

export const papers = {
  a4: { width: '210mm', height: '297mm', name: 'A4' },
  letter: { width: '8.5in', height: '11in', name: 'Letter' },
} as const;
export type Paper = keyof typeof papers;

export interface HandoutItem {
  /** Index into the deck's slides. */
  slide: number;
  /** 1-based, as the audience counts. */
  number: number;
  notesHtml: string;
}

export interface HandoutContext {
  lang: string;
  title: string;
  author: string;
  date: string;
  perPage: HandoutLayout;
  paper: (typeof papers)[Paper];
  ratio: string;
  /** 1-up and 3-up print notes (or ruled lines) beside each slide. */
  withNotes: boolean;
  notesLabel: string;
  pageLabel: string;
  rules: null[];
  fontCss: string;
  sheets: { number: number; total: number; items: HandoutItem[] }[];
}

/** What the handout template needs, decided without a browser: slides grouped into sheets. */
export function handoutContext(rendered: RenderedDeck, perPage: HandoutLayout, paper: Paper, fontCss: string, today = new Date()): HandoutContext {
  const { options } = rendered.deck;
  const items = rendered.slides.map((slide, index) => ({ slide: index, number: index + 1, notesHtml: slide.notesHtml.trim() }));
  const sheets: HandoutContext['sheets'] = [];
  for (let start = 0; start < items.length; start += perPage) sheets.push({ number: sheets.length + 1, total: 0, items: items.slice(start, start + perPage) });
  for (const sheet of sheets) sheet.total = sheets.length;
  return {
    lang: options.lang,
    title: rendered.title,
    author: options.author,
    date: options.date || formatDate(today, options.lang),
    perPage,
    paper: papers[paper],
    ratio: `${options.width} / ${options.height}`,
    withNotes: perPage === 1 || perPage === 3,
    notesLabel: 'Notes',
    pageLabel: 'page',
    // Enough lines for the tallest notes area (1-up); overflow hides the rest.
    rules: new Array(perPage === 1 ? 14 : 7).fill(null),
    fontCss,
    sheets,
  };
}

function formatDate(date: Date, lang: string): string {
  try {
    return new Intl.DateTimeFormat(lang, { dateStyle: 'long' }).format(date);
  } catch {
    return date.toISOString().slice(0, 10);
  }
}
