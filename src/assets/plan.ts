import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fail } from '../errors.js';
import { builtInTemplates, packageFolder } from '../paths.js';
import type { AuthorStylesheet } from './author-styles.js';
import type { CopyPlan } from './deck-assets.js';
import { katexAssets } from './katex.js';
import type { ResolvedTheme } from './theme.js';

/** Where the page finds what the write stage puts next to it. */
export interface PageAssets {
  stylesheets: string[];
  /** Loaded in order by the page's one inline script; data: URLs in single-file output. */
  scripts: string[];
}

/** Everything a built deck needs beside its index.html, decided before anything is written. */
export interface OutputPlan {
  folder: string;
  copies: CopyPlan[];
  generated: { to: string; content: string }[];
  page: PageAssets;
}

/** The fixed files every deck carries: reveal.js, its notes plugin and the highlight style (our starter is inlined, by hash). */
export function planOutput(
  folder: string,
  theme: ResolvedTheme,
  highlightTheme: string,
  deckAssets: CopyPlan[],
  features: { math?: boolean; deckFile?: string; highlightThemeLine?: number; authorStyles?: AuthorStylesheet[] } = {},
): OutputPlan {
  const authorStyles = features.authorStyles ?? [];
  const reveal = join(packageFolder('reveal.js'), 'dist');
  const highlight = join(packageFolder('highlight.js'), 'styles', `${highlightTheme}.css`);
  if (!/^[a-z0-9-]+(?:\/[a-z0-9-]+)?$/.test(highlightTheme) || !existsSync(highlight)) {
    fail(
      `unknown highlightTheme "${highlightTheme}"; use a highlight.js style name such as github, github-dark or atom-one-light (the files in highlight.js/styles/)`,
      'input',
      features.deckFile === undefined ? undefined : { file: features.deckFile, line: features.highlightThemeLine },
    );
  }
  const copies: CopyPlan[] = [
    { from: join(reveal, 'reset.css'), to: 'assets/reset.css' },
    { from: join(reveal, 'reveal.css'), to: 'assets/reveal.css' },
    { from: join(reveal, 'reveal.js'), to: 'assets/reveal.js' },
    { from: join(reveal, 'plugin', 'notes.js'), to: 'assets/notes.js' },
    { from: highlight, to: 'assets/highlight.css' },
    { from: join(builtInTemplates, 'styles', 'layouts.css'), to: 'assets/layouts.css' },
    ...theme.files.map((file) => ({ from: file.from, to: `assets/${file.to}` })),
    ...authorStyles.flatMap((sheet) => sheet.files),
    ...deckAssets,
  ];
  const generated = [{ to: 'assets/theme.css', content: theme.css }, ...authorStyles.map((sheet) => ({ to: sheet.to, content: sheet.css }))];
  // layouts.css after the theme: every theme gets the layouts' structure and the type scale;
  // the author's own stylesheets last, so they win over both.
  const stylesheets = [
    'assets/reset.css',
    'assets/reveal.css',
    'assets/theme.css',
    'assets/layouts.css',
    'assets/highlight.css',
    ...authorStyles.map((sheet) => sheet.to),
  ];
  // Only decks with formulas carry KaTeX's CSS and fonts (measured: ~280 KB).
  if (features.math) {
    const katex = katexAssets();
    copies.push(...katex.copies);
    generated.push(katex.generated);
    stylesheets.splice(2, 0, katex.stylesheet);
  }
  return {
    folder,
    copies,
    generated,
    page: {
      stylesheets,
      scripts: ['assets/reveal.js', 'assets/notes.js'],
    },
  };
}
