import { existsSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fail } from '../errors.js';
import { isInside, isInsideLexically } from '../inside.js';
import { packageFolder } from '../paths.js';
import { cssUrls, dropWebImports, isRelativeCssUrl, parseCss } from './css.js';
import { selfHostedFontFaces, webFontPackages } from './web-fonts.js';

/** A stylesheet read from disk, ready to be written next to the page. */
export interface LoadedStylesheet {
  css: string;
  /** Files the CSS loads by relative URL, to copy next to it (`to` is relative to the CSS). */
  files: { from: string; to: string }[];
  /** Hosts of web-font imports that were dropped, not self-hosted. */
  droppedHosts: string[];
}

/** Where the fonts of themes come from: npm packages, never the network. */
const fontPackages = [
  '@fontsource/inter',
  '@fontsource/jetbrains-mono',
  '@fontsource/noto-sans-math',
  '@fontsource/noto-sans-symbols-2',
  ...Object.values(webFontPackages),
];

/**
 * Reads a theme or an author's stylesheet. Google Fonts imports become the same families
 * self-hosted from @fontsource packages; other web imports are dropped (and reported), so the
 * deck never waits on the network.
 */
export function loadStylesheet(file: string, kind: 'theme' | 'stylesheet'): LoadedStylesheet {
  const root = parseCss(readFileSync(file, 'utf8'), file);
  const droppedHosts = dropWebImports(root, (url) => (new URL(url).host === 'fonts.googleapis.com' ? selfHostedFontFaces(url) : undefined));
  return { css: root.toString(), files: stylesheetFiles(cssUrls(root), file, kind), droppedHosts };
}

/**
 * The files a stylesheet loads by relative `url()` — fonts, background images — copied next
 * to it. Our own fonts may come from their npm packages; anything else must sit in the
 * stylesheet's folder, so a stylesheet cannot pull in files from elsewhere.
 */
function stylesheetFiles(urls: string[], cssFile: string, kind: string): { from: string; to: string }[] {
  const folder = dirname(cssFile);
  const files = new Map<string, { from: string; to: string }>();
  for (const url of urls.filter(isRelativeCssUrl)) {
    const relativePath = url.replace(/[?#].*$/, '');
    const candidate = resolve(folder, relativePath);
    if (!isInsideLexically(folder, candidate))
      fail(`${kind} file "${url}" is outside the ${kind}'s folder; move it next to the ${kind}`, 'input', { file: cssFile });
    const fallbacks = relativePath.startsWith('fonts/') ? fontPackages.map((pkg) => join(packageFolder(pkg), 'files', basename(relativePath))) : [];
    const from = [candidate, ...fallbacks].find((path) => existsSync(path));
    if (!from) fail(`${kind} file not found: ${relativePath} (looked next to the ${kind})`, 'input', { file: cssFile });
    if (from === candidate && !isInside(folder, candidate))
      fail(`${kind} file "${url}" is a link to a file outside the ${kind}'s folder`, 'input', { file: cssFile });
    files.set(relativePath, { from, to: relativePath });
  }
  return [...files.values()];
}
