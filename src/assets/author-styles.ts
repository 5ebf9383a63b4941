import { existsSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { fail } from '../errors.js';
import { isInside } from '../inside.js';
import type { Warning } from '../types.js';
import { loadStylesheet } from './stylesheet.js';

/** An author's stylesheet (reveal-md's `css:`), placed in the page after the theme. */
export interface AuthorStylesheet {
  /** Where it is written, relative to the deck's output folder. */
  to: string;
  css: string;
  files: { from: string; to: string }[];
}

export interface AuthorStylesRequest {
  paths: string[];
  deckFile: string;
  deckFolder: string;
  roots: string[];
  allowOutside: boolean;
  line?: number;
}

/**
 * Reads each stylesheet the deck lists. Each gets a folder of its own in the output, so two
 * `style.css` files from different folders never collide and each keeps its relative URLs.
 */
export function resolveAuthorStyles(request: AuthorStylesRequest): { sheets: AuthorStylesheet[]; warnings: Warning[] } {
  const where = { file: request.deckFile, line: request.line };
  const warnings: Warning[] = [];
  const sheets = request.paths.map((path, index) => {
    const file = resolve(request.deckFolder, path);
    if (!existsSync(file) || !statSync(file).isFile())
      fail(`stylesheet not found: ${path} (option "css"; a path is read from the deck's folder)`, 'input', where);
    if (!request.allowOutside && !request.roots.some((root) => isInside(root, file)))
      fail(`stylesheet "${path}" is outside the deck's folder; move it next to the deck, or pass --allow-outside`, 'input', where);
    const sheet = loadStylesheet(file, 'stylesheet');
    for (const host of sheet.droppedHosts)
      warnings.push({ ...where, message: `stylesheet "${path}" imports ${host}; deckmark never fetches from the network, so the import is dropped` });
    const folder = `assets/css/${index + 1}`;
    return { to: `${folder}/${basename(file)}`, css: sheet.css, files: sheet.files.map((copy) => ({ from: copy.from, to: `${folder}/${copy.to}` })) };
  });
  return { sheets, warnings };
}
