import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageFolder } from '../paths.js';
import { commaList, mapCssUrls, parseCss } from './css.js';

/**
 * The Google Fonts families reveal.js's themes import, each with the @fontsource package
 * that ships the same family. One table: the theme resolver rewrites imports with it and
 * copies font files from these packages.
 */
export const webFontPackages: Record<string, string> = {
  Lato: '@fontsource/lato',
  Ubuntu: '@fontsource/ubuntu',
  Montserrat: '@fontsource/montserrat',
  'Open Sans': '@fontsource/open-sans',
  'News Cycle': '@fontsource/news-cycle',
  Quicksand: '@fontsource/quicksand',
};

/** Subsets served for every family: Latin and Latin Extended, as Google's default CSS does. */
const subsets = ['latin-ext', 'latin'];

/**
 * The @font-face rules that self-host a Google Fonts CSS URL
 * (`…/css?family=Lato:400,700,400italic`), with `url(fonts/FILE)` sources the theme
 * resolver copies from the package; `undefined` when a family has no package here.
 */
export function selfHostedFontFaces(url: string): string | undefined {
  const families = new URL(url).searchParams.get('family')?.split('|') ?? [];
  const rules: string[] = [];
  for (const family of families) {
    const [name = '', variants = '400'] = family.split(':');
    const pkg = webFontPackages[name];
    if (!pkg) return undefined;
    const folder = packageFolder(pkg);
    for (const variant of variants.split(',')) {
      const weight = variant.replace(/italic$/, '') || '400';
      const suffix = variant.endsWith('italic') ? '-italic' : '';
      for (const subset of subsets) {
        const file = join(folder, `${subset}-${weight}${suffix}.css`);
        // Some families lack a style (Quicksand has no italic): the browser synthesises it.
        if (existsSync(file)) rules.push(fontFaceFromPackage(readFileSync(file, 'utf8'), file));
      }
    }
  }
  return rules.join('\n');
}

/** A package's rule with its woff2 source only (every browser reveal supports reads it), as `url(fonts/FILE)`. */
function fontFaceFromPackage(css: string, file: string): string {
  const root = parseCss(css, file);
  root.walkComments((comment) => {
    comment.remove();
  });
  root.walkDecls('src', (declaration) => {
    declaration.value = commaList(declaration.value).find((source) => /woff2/.test(source)) ?? declaration.value;
  });
  mapCssUrls(root, (url) => (url.startsWith('./files/') ? `fonts/${url.slice('./files/'.length)}` : undefined));
  // Block, not swap: a printed slide must never be laid out in the fallback font.
  root.walkDecls('font-display', (declaration) => {
    declaration.value = 'block';
  });
  return root.toString().trim();
}
