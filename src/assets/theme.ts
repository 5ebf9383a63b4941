import { existsSync, readdirSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fail } from '../errors.js';
import { isInside } from '../inside.js';
import { builtInTemplates, packageFolder } from '../paths.js';
import { didYouMean } from '../suggest.js';
import type { Warning } from '../types.js';
import { loadStylesheet } from './stylesheet.js';

export interface ResolvedTheme {
  name: string;
  css: string;
  /** Files the CSS loads by relative URL, to copy next to it. */
  files: { from: string; to: string }[];
  warnings: Warning[];
}

export interface ThemeRequest {
  /** A theme's name, or the path of a CSS file (`theme/mine.css`, as reveal-md allows). */
  name: string;
  deckFile: string;
  /** A path is read from here (config-file and command-line paths arrive absolute). */
  deckFolder: string;
  /** Folders a theme file may come from: the deck's and the project's. */
  roots: string[];
  allowOutside: boolean;
  templateDir?: string;
  line?: number;
}

const themeName = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/**
 * Finds a theme: a `themes/NAME.css` in the template folder or deckmark's own, one of
 * reveal.js's themes, or a CSS file given by path. Web-font imports never reach the network
 * (see loadStylesheet); the author is told when a theme's fonts were dropped.
 */
export function resolveTheme(request: ThemeRequest): ResolvedTheme {
  const { name, deckFile, templateDir, line } = request;
  const file = name.toLowerCase().endsWith('.css') ? themeFile(request) : namedTheme(name, deckFile, templateDir, line);
  const sheet = loadStylesheet(file, 'theme');
  const warnings: Warning[] = sheet.droppedHosts.map((host) => ({
    file: deckFile,
    once: `web-fonts:${name}:${host}`,
    message: `theme "${name}" imports web fonts from ${host}; deckmark never fetches them, so the theme's fallback fonts are used (self-host the fonts in the theme's folder, or remove the @import, to silence this)`,
  }));
  return { name: basename(name).replace(/\.css$/i, ''), css: sheet.css, files: sheet.files, warnings };
}

function namedTheme(name: string, deckFile: string, templateDir: string | undefined, line: number | undefined): string {
  // A name is never a path: `../../x` must not read CSS from anywhere on disk.
  const unknown = (): never =>
    fail(
      `unknown theme "${name}"${didYouMean(name, listThemes(templateDir))}; valid themes: ${listThemes(templateDir).join(', ')} (or the path of a .css file)`,
      'input',
      {
        file: deckFile,
        line,
      },
    );
  if (!themeName.test(name)) unknown();
  const own = [templateDir, builtInTemplates]
    .filter((dir): dir is string => dir !== undefined)
    .map((dir) => join(dir, 'themes', `${name}.css`))
    .find((file) => existsSync(file));
  const revealFile = join(packageFolder('reveal.js'), 'dist', 'theme', `${name}.css`);
  return own ?? (existsSync(revealFile) ? revealFile : unknown());
}

/** A theme given as a CSS file: inside the deck's or the project's folder, like every asset. */
function themeFile(request: ThemeRequest): string {
  const file = resolve(request.deckFolder, request.name);
  const where = { file: request.deckFile, line: request.line };
  if (!existsSync(file) || !statSync(file).isFile()) fail(`theme file not found: ${request.name} (a path is read from the deck's folder)`, 'input', where);
  if (!request.allowOutside && !request.roots.some((root) => isInside(root, file)))
    fail(`theme "${request.name}" is outside the deck's folder; move it next to the deck, or pass --allow-outside`, 'input', where);
  return file;
}

export function listThemes(templateDir?: string): string[] {
  const names = new Set<string>();
  for (const dir of [templateDir && join(templateDir, 'themes'), join(builtInTemplates, 'themes'), join(packageFolder('reveal.js'), 'dist', 'theme')]) {
    if (dir && existsSync(dir)) for (const entry of readdirSync(dir)) if (entry.endsWith('.css')) names.add(basename(entry, '.css'));
  }
  return [...names].sort();
}
