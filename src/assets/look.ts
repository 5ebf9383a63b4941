import type { DeckOptions } from '../config/schema.js';
import type { ResolvedTheme } from './theme.js';

/**
 * The deck's own look on top of its theme: accent colour, vertical alignment, header and
 * footer text, as custom properties that layouts.css reads in every theme. Appended to the
 * theme's CSS, so charts (which read the theme's variables) use the same accent.
 */
export function applyDeckLook(theme: ResolvedTheme, options: Pick<DeckOptions, 'accent' | 'align' | 'header' | 'footer'>): ResolvedTheme {
  const properties: string[] = [];
  // The schema admits only colour syntax here, so the value cannot close the rule.
  if (options.accent) properties.push(`--dm-accent: ${options.accent};`);
  if (options.align === 'top') properties.push('--dm-align: start;');
  if (options.header) properties.push(`--dm-header: ${cssString(options.header)};`);
  if (options.footer) properties.push(`--dm-footer: ${cssString(options.footer)};`);
  if (properties.length === 0) return theme;
  return { ...theme, css: `${theme.css}\n/* the deck's own look (front matter or config) */\n:root { ${properties.join(' ')} }\n` };
}

/** A CSS string that holds any text: quotes and backslashes escaped, `<` too (inlined styles). */
function cssString(text: string): string {
  return `"${text.replace(/[\\"<\n\r]/g, (char) => `\\${char.codePointAt(0)!.toString(16)} `)}"`;
}
