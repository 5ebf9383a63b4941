import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageFolder } from '../paths.js';

/**
 * Inter for the handout's own text (title, notes), inlined as data: URLs: the handout page
 * is built from a string, so it has no folder to load font files from, and the request
 * guard lets data: through. Latin and Latin Extended cover the decks' languages; other
 * scripts fall back to system fonts.
 */
export function handoutFontCss(weights = [400, 700]): string {
  const folder = packageFolder('@fontsource/inter');
  return weights
    .flatMap((weight) => {
      const css = readFileSync(join(folder, `${weight}.css`), 'utf8');
      return [...css.matchAll(/\/\* inter-(latin|latin-ext)-\d+-normal \*\/\s*@font-face\s*\{[^}]*\}/g)].map(([block]) =>
        block.replace(/src:[^;]*;/, () => {
          const file = block.match(/url\(\.\/files\/([^)]+\.woff2)\)/)?.[1];
          return file ? `src: url(data:font/woff2;base64,${readFileSync(join(folder, 'files', file)).toString('base64')}) format('woff2');` : '';
        }),
      );
    })
    .join('\n');
}
