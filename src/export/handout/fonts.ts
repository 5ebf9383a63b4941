import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commaList, mapCssUrls, parseCss } from '../../assets/css.js';
import { packageFolder } from '../../paths.js';

/** The Inter subsets the handout's own text needs: the decks' languages are Latin-script. */
const subsets = ['latin', 'latin-ext'];

/**
 * Inter for the handout's own text (title, notes), inlined as data: URLs: the handout page
 * is built from a string, so it has no folder to load font files from, and the request
 * guard lets data: through. Other scripts fall back to system fonts.
 */
export function handoutFontCss(weights = [400, 700]): string {
  const folder = packageFolder('@fontsource/inter');
  return weights
    .map((weight) => {
      const file = join(folder, `${weight}.css`);
      const root = parseCss(readFileSync(file, 'utf8'), file);
      // @fontsource writes one @font-face per subset, each preceded by a comment naming it.
      root.walkAtRules('font-face', (rule) => {
        const label = rule.prev();
        const subset = label?.type === 'comment' ? /^inter-(.+)-\d+-normal$/.exec(label.text)?.[1] : undefined;
        if (subset === undefined || !subsets.includes(subset)) rule.remove();
      });
      root.walkComments((comment) => {
        comment.remove();
      });
      mapCssUrls(root, (url) => {
        if (!url.endsWith('.woff2')) return undefined;
        return `data:font/woff2;base64,${readFileSync(join(folder, url)).toString('base64')}`;
      });
      // Only the WOFF2 source is kept: every browser that prints the handout reads it.
      root.walkDecls('src', (declaration) => {
        declaration.value = commaList(declaration.value).find((source) => source.includes('data:font/woff2')) ?? declaration.value;
      });
      return root.toString();
    })
    .join('\n');
}
