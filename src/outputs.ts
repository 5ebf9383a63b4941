import { basename, extname, join } from 'node:path';
import { fail } from './errors.js';

/** The handout layouts `pdf --handout N` can make. */
export const handoutLayouts = [1, 2, 3, 4, 6] as const;
export type HandoutLayout = (typeof handoutLayouts)[number];

/** `slides/talk.md` → `talk`: the one name every output of a deck is made from. */
export function deckName(file: string): string {
  return basename(file, extname(file));
}

/** `talk.pdf`, beside the deck's folder. */
export function pdfFileName(name: string): string {
  return `${name}.pdf`;
}

/**
 * `talk-handout.pdf` for one slide a page (notes beside it, the handout people expect);
 * `talk-handout-4up.pdf` for grids, so two layouts made in one folder never overwrite each other.
 */
export function handoutFileName(name: string, perPage: HandoutLayout): string {
  return perPage === 1 ? `${name}-handout.pdf` : `${name}-handout-${perPage}up.pdf`;
}

/** `talk-01.png`, numbers padded so the files sort. */
export function slideImageFileName(name: string, index: number, total: number): string {
  const digits = Math.max(2, String(total).length);
  return `${name}-${String(index + 1).padStart(digits, '0')}.png`;
}

/** Whether a file name is one of a deck's numbered slide images. */
export function isSlideImageFileName(name: string, file: string): boolean {
  return file.startsWith(`${name}-`) && /^\d+\.png$/.test(file.slice(name.length + 1));
}

/**
 * Two decks with one file name would write the same dist/<name>/ and PDF, one over the other
 * (and serve one under the other's URL): refused before anything is built.
 */
export function assertUniqueDeckNames(files: string[]): void {
  const names = files.map(deckName);
  const clash = names.findIndex((name, index) => names.indexOf(name) !== index);
  if (clash === -1) return;
  fail(
    `${files[names.indexOf(names[clash]!)]} and ${files[clash]} would both be written as "${names[clash]}"; build them separately (with different --out-dir) or rename one`,
    'usage',
  );
}

/** Where every output of one deck goes: the only place these names are spelled. */
export interface DeckOutputs {
  name: string;
  /** `dist/talk/`, holding `index.html` and its assets. */
  folder: string;
  page: string;
  /** `dist/talk.html`, written by `--single-file` instead of the folder. */
  singleFile: string;
  pdf: string;
  handout(perPage: HandoutLayout): string;
  /** `dist/talk-png/`, holding `talk-01.png`, … */
  imageFolder: string;
  pptx: string;
}

export function deckOutputs(outDir: string, file: string): DeckOutputs {
  const name = deckName(file);
  const folder = join(outDir, name);
  return {
    name,
    folder,
    page: join(folder, 'index.html'),
    singleFile: join(outDir, `${name}.html`),
    pdf: join(outDir, pdfFileName(name)),
    handout: (perPage) => join(outDir, handoutFileName(name, perPage)),
    imageFolder: join(outDir, `${name}-png`),
    pptx: join(outDir, `${name}.pptx`),
  };
}
