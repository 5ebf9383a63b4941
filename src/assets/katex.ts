import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { packageFolder } from '../paths.js';
import type { CopyPlan } from './deck-assets.js';

export interface KatexAssets {
  stylesheet: string;
  copies: CopyPlan[];
  generated: { to: string; content: string };
}

/**
 * KaTeX's stylesheet and fonts, for decks with formulas. Every browser that runs reveal.js
 * reads WOFF2, so the CSS keeps only those sources: ~260 KB of fonts instead of ~1.2 MB,
 * and a single-file deck inlines a third as much.
 */
export function katexAssets(): KatexAssets {
  const dist = join(packageFolder('katex'), 'dist');
  const css = readFileSync(join(dist, 'katex.min.css'), 'utf8').replace(/,\s*url\(fonts\/[^)]+\.(?:woff|ttf)\)\s*format\("(?:woff|truetype)"\)/g, '');
  const fonts = readdirSync(join(dist, 'fonts')).filter((name) => name.endsWith('.woff2'));
  return {
    stylesheet: 'assets/katex/katex.css',
    copies: fonts.map((name) => ({ from: join(dist, 'fonts', name), to: `assets/katex/fonts/${name}` })),
    generated: { to: 'assets/katex/katex.css', content: css },
  };
}
