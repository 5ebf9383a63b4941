import { readFileSync } from 'node:fs';
import type { ResolvedTheme } from '../../assets/theme.js';

/**
 * The theme's @font-face rules for `family`, with each font file inlined as a data URL:
 * Mermaid measures labels in a page that may load nothing, and must measure them in the
 * font the deck will show, or boxes come out too small or too wide.
 */
export function inlineFontFaces(theme: ResolvedTheme, family: string): string {
  const files = new Map(theme.files.map((file) => [file.to, file.from]));
  const rules = theme.css.match(/@font-face\s*\{[^}]*\}/g) ?? [];
  return rules
    .filter((rule) => new RegExp(`font-family:\\s*["']?${family.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*;`, 'i').test(rule))
    .map((rule) =>
      rule.replace(/url\(\s*(["']?)([^"')]+)\1\s*\)/g, (whole, _quote: string, url: string) => {
        const from = files.get(url.replace(/[?#].*$/, ''));
        return from ? `url(data:font/woff2;base64,${readFileSync(from).toString('base64')})` : whole;
      }),
    )
    .join('\n');
}
