import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fail } from '../errors.js';
import { builtInTemplates, packageFolder } from '../paths.js';
import type { PageAssets } from '../template/index.js';
import type { CopyPlan } from './deck-assets.js';
import { copyFileIfChanged, writeFileAtomic } from './files.js';
import { katexAssets } from './katex.js';
import type { ResolvedTheme } from './theme.js';

/** Everything a built deck needs beside its index.html, decided before anything is written. */
export interface OutputPlan {
  folder: string;
  copies: CopyPlan[];
  generated: { to: string; content: string }[];
  page: PageAssets;
}

/** The fixed files every deck carries: reveal.js, its notes plugin, the highlight style and our starter. */
export function planOutput(
  folder: string,
  theme: ResolvedTheme,
  highlightTheme: string,
  deckAssets: CopyPlan[],
  features: { math?: boolean } = {},
): OutputPlan {
  const reveal = join(packageFolder('reveal.js'), 'dist');
  const highlight = join(packageFolder('highlight.js'), 'styles', `${highlightTheme}.css`);
  if (!/^[a-z0-9-]+(?:\/[a-z0-9-]+)?$/.test(highlightTheme) || !existsSync(highlight)) {
    fail(`unknown highlightTheme "${highlightTheme}"; use a highlight.js style name such as github, github-dark or atom-one-light`, 'input');
  }
  const copies: CopyPlan[] = [
    { from: join(reveal, 'reset.css'), to: 'assets/reset.css' },
    { from: join(reveal, 'reveal.css'), to: 'assets/reveal.css' },
    { from: join(reveal, 'reveal.js'), to: 'assets/reveal.js' },
    { from: join(reveal, 'plugin', 'notes.js'), to: 'assets/notes.js' },
    { from: highlight, to: 'assets/highlight.css' },
    { from: join(builtInTemplates, 'client', 'deck.js'), to: 'assets/deck.js' },
    { from: join(builtInTemplates, 'styles', 'layouts.css'), to: 'assets/layouts.css' },
    ...theme.files.map((file) => ({ from: file.from, to: `assets/${file.to}` })),
    ...deckAssets,
  ];
  const generated = [{ to: 'assets/theme.css', content: theme.css }];
  // layouts.css after the theme: every theme gets the layouts' structure and the type scale.
  const stylesheets = ['assets/reset.css', 'assets/reveal.css', 'assets/theme.css', 'assets/layouts.css', 'assets/highlight.css'];
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
      scripts: ['assets/reveal.js', 'assets/notes.js', 'assets/deck.js'],
    },
  };
}

/** The write stage: the page last, so a reader never finds a page whose assets are missing. */
export async function writeDeck(plan: OutputPlan, html: string): Promise<string> {
  await Promise.all(plan.copies.map((copy) => copyFileIfChanged(copy.from, join(plan.folder, copy.to))));
  await Promise.all(plan.generated.map((file) => writeFileAtomic(join(plan.folder, file.to), file.content)));
  const page = join(plan.folder, 'index.html');
  await writeFileAtomic(page, html);
  return page;
}
