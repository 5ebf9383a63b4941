import { basename, dirname, extname, join, resolve } from 'node:path';
import type { ProjectConfig } from './config/file.js';
import type { PartialDeckOptions } from './config/schema.js';
import { parseDeck } from './parse/index.js';
import { deckmarkVersion } from './paths.js';
import { readDeckSource } from './read.js';
import type { MarkdownCache } from './render/cache.js';
import { chartThemeFromCss } from './render/chart-theme.js';
import { renderCharts } from './render/charts.js';
import { renderDeck } from './render/index.js';
import { renderPage } from './template/index.js';
import type { Templates } from './template/load.js';
import type { RenderedDeck, Warning } from './types.js';
import { resolveDeckAssets } from './write/deck-assets.js';
import { planOutput, writeDeck } from './write/index.js';
import { applyDeckLook } from './write/look.js';
import { rewriteAssetUrls } from './write/page-urls.js';
import { resolveTheme } from './write/theme.js';

export interface BuildSettings {
  /** Set by long-running commands (`serve`): unchanged slides skip marked on a rebuild. */
  markdownCache?: MarkdownCache;
  /** Deck paths are relative to this folder; messages show them as given. */
  cwd: string;
  outDir: string;
  templates: Templates;
  templateDir?: string;
  allowOutside: boolean;
  /** Write one self-contained DIR/<deck>.html instead of a folder. */
  singleFile?: boolean;
  cliOptions: PartialDeckOptions;
  config: ProjectConfig;
}

export interface BuiltDeck {
  file: string;
  name: string;
  /** The deck's output folder and its page. */
  folder: string;
  page: string;
  rendered: RenderedDeck;
  warnings: Warning[];
}

/** `slides/talk.md` → `talk`: the name of the deck's folder, PDF and handout in dist/. */
export function deckName(file: string): string {
  return basename(file, extname(file));
}

/**
 * The build pipeline, in order: read → parse → theme → render → template → write.
 * Every check that can fail runs before the first file is written.
 */
export async function buildDeck(file: string, settings: BuildSettings): Promise<BuiltDeck> {
  const text = await readDeckSource(resolve(settings.cwd, file), file);
  const deck = parseDeck(text, file, { cli: settings.cliOptions, configFile: settings.config.options });
  const theme = applyDeckLook(resolveTheme(deck.options.theme, file, settings.templateDir), deck.options);
  const charts = await renderCharts(deck, chartThemeFromCss(theme.css));
  const rendered = renderDeck(deck, { charts: charts.charts, cache: settings.markdownCache });
  const folder = join(settings.outDir, deckName(file));
  const assets = resolveDeckAssets(rendered, dirname(resolve(settings.cwd, file)), settings.allowOutside);
  const plan = planOutput(folder, theme, deck.options.highlightTheme, assets.copies, { math: rendered.usesMath });
  const html = rewriteAssetUrls(renderPage(rendered, settings.templates, plan.page, deckmarkVersion), plan.copies);
  // The single-file writer (and its media-type table) loads only when asked for.
  const page = settings.singleFile
    ? await (await import('./write/single-file.js')).writeSingleFile(plan, html, join(settings.outDir, `${deckName(file)}.html`))
    : await writeDeck(plan, html);
  return {
    file,
    name: deckName(file),
    folder,
    page,
    rendered,
    warnings: [...deck.warnings, ...charts.warnings, ...rendered.warnings, ...theme.warnings, ...assets.warnings],
  };
}
