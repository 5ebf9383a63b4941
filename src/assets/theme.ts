import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import { fail } from '../errors.js';
import { isInside, isInsideLexically } from '../inside.js';
import { builtInTemplates, packageFolder } from '../paths.js';
import { didYouMean } from '../suggest.js';
import type { Warning } from '../types.js';
import { cssUrls, dropWebImports, isRelativeCssUrl, parseCss } from './css.js';
import { selfHostedFontFaces, webFontPackages } from './web-fonts.js';

export interface ResolvedTheme {
  name: string;
  css: string;
  /** Files the CSS loads by relative URL, to copy next to it. */
  files: { from: string; to: string }[];
  warnings: Warning[];
}

const themeName = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;

/** Where the fonts of themes come from: npm packages, never the network. */
const fontPackages = [
  '@fontsource/inter',
  '@fontsource/jetbrains-mono',
  '@fontsource/noto-sans-math',
  '@fontsource/noto-sans-symbols-2',
  ...Object.values(webFontPackages),
];

/**
 * Finds a theme by name: a `themes/NAME.css` in the template folder or deckmark's own, or
 * one of reveal.js's themes. Google Fonts imports become the same families self-hosted from
 * @fontsource packages; other web-font imports are dropped with a warning, so the deck never
 * waits on the network and the look does not change silently.
 */
export function resolveTheme(name: string, deckFile: string, templateDir?: string, line?: number): ResolvedTheme {
  // A theme is a name, never a path: `../../x` must not read CSS from anywhere on disk.
  const unknown = (): never =>
    fail(`unknown theme "${name}"${didYouMean(name, listThemes(templateDir))}; valid themes: ${listThemes(templateDir).join(', ')}`, 'input', {
      file: deckFile,
      line,
    });
  if (!themeName.test(name)) unknown();
  const own = [templateDir, builtInTemplates]
    .filter((dir): dir is string => dir !== undefined)
    .map((dir) => join(dir, 'themes', `${name}.css`))
    .find((file) => existsSync(file));
  const revealThemes = join(packageFolder('reveal.js'), 'dist', 'theme');
  const revealFile = join(revealThemes, `${name}.css`);
  const file = own ?? (existsSync(revealFile) ? revealFile : unknown());

  const root = parseCss(readFileSync(file, 'utf8'), file);
  const hosts = dropWebImports(root, (url) => (new URL(url).host === 'fonts.googleapis.com' ? selfHostedFontFaces(url) : undefined));
  const warnings: Warning[] = hosts.map((host) => ({
    file: deckFile,
    once: `web-fonts:${name}:${host}`,
    message: `theme "${name}" imports web fonts from ${host}; deckmark never fetches them, so the theme's fallback fonts are used (self-host the fonts in the theme's folder, or remove the @import, to silence this)`,
  }));
  const css = root.toString();
  return { name, css, files: themeFiles(cssUrls(root), file), warnings };
}

export function listThemes(templateDir?: string): string[] {
  const names = new Set<string>();
  for (const dir of [templateDir && join(templateDir, 'themes'), join(builtInTemplates, 'themes'), join(packageFolder('reveal.js'), 'dist', 'theme')]) {
    if (dir && existsSync(dir)) for (const entry of readdirSync(dir)) if (entry.endsWith('.css')) names.add(basename(entry, '.css'));
  }
  return [...names].sort();
}

/**
 * The files a theme loads by relative `url()` — fonts, background images — copied next to
 * the generated theme.css. Our own fonts may come from their npm packages; anything else
 * must sit in the theme's folder, so a theme cannot pull in files from elsewhere.
 */
function themeFiles(urls: string[], themeFile: string): { from: string; to: string }[] {
  const themeFolder = dirname(themeFile);
  const files = new Map<string, { from: string; to: string }>();
  for (const url of urls.filter(isRelativeCssUrl)) {
    const relativePath = url.replace(/[?#].*$/, '');
    const candidate = resolve(themeFolder, relativePath);
    if (!isInsideLexically(themeFolder, candidate))
      fail(`theme file "${url}" is outside the theme's folder; move it next to the theme`, 'input', { file: themeFile });
    const fallbacks = relativePath.startsWith('fonts/') ? fontPackages.map((pkg) => join(packageFolder(pkg), 'files', basename(relativePath))) : [];
    const from = [candidate, ...fallbacks].find((path) => existsSync(path));
    if (!from) fail(`theme file not found: ${relativePath} (looked next to the theme)`, 'input', { file: themeFile });
    if (from === candidate && !isInside(themeFolder, candidate))
      fail(`theme file "${url}" is a link to a file outside the theme's folder`, 'input', { file: themeFile });
    files.set(relativePath, { from, to: relativePath });
  }
  return [...files.values()];
}
