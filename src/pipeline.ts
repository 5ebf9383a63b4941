import { dirname, resolve } from 'node:path';
import { resolveAuthorStyles } from './assets/author-styles.js';
import { resolveDeckAssets } from './assets/deck-assets.js';
import { applyDeckLook } from './assets/look.js';
import { planOutput } from './assets/plan.js';
import { resolveTheme } from './assets/theme.js';
import type { ProjectConfig } from './config/file.js';
import type { PartialDeckOptions } from './config/schema.js';
import { runStoppable } from './lifecycle.js';
import { debug } from './log.js';
import { type DeckOutputs, deckOutputs } from './outputs.js';
import { optionLine, parseDeck } from './parse/index.js';
import { deckmarkVersion } from './paths.js';
import { readDeckSource } from './read.js';
import type { MarkdownCache } from './render/cache.js';
import { chartThemeFromCss } from './render/chart-theme.js';
import { renderCharts } from './render/charts.js';
import { inlineFontFaces } from './render/diagrams/fonts.js';
import { type DiagramSettings, renderDiagrams } from './render/diagrams/index.js';
import { renderDeck } from './render/index.js';
import { renderPage } from './template/index.js';
import type { Templates } from './template/load.js';
import { rewriteAssetUrls } from './template/page-urls.js';
import type { RenderedDeck, Warning } from './types.js';
import { writeDeck, writeSingleFile } from './write/index.js';

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
  /** Told as each stage starts (the benchmark times them from this). */
  onStage?: (stage: BuildStage) => void;
  /** Chromium and the disk cache for diagrams; commands that own a browser share theirs. */
  diagrams?: DiagramSettings;
}

export type BuildStage = 'read' | 'parse' | 'theme' | 'render' | 'assets' | 'template' | 'write';

export interface BuiltDeck {
  file: string;
  /** Where each output of this deck goes (folder, PDF, handouts, images…). */
  outputs: DeckOutputs;
  /** The page that was written: the folder's index.html, or the single file. */
  page: string;
  rendered: RenderedDeck;
  warnings: Warning[];
}

/**
 * The build pipeline, in the order it runs: read → parse → theme → render → assets →
 * template → write. The theme is resolved before rendering because charts and diagrams
 * take its fonts and colours. Every check that can fail runs before the first file is written.
 */
export async function buildDeck(file: string, settings: BuildSettings): Promise<BuiltDeck> {
  const stage = settings.onStage ?? (() => undefined);
  const outputs = deckOutputs(settings.outDir, file);
  const deckFolder = dirname(resolve(settings.cwd, file));

  stage('read');
  const text = await readDeckSource(resolve(settings.cwd, file), file);
  stage('parse');
  debug('parse %s', file);
  const deck = runStoppable(() => parseDeck(text, file, { cli: settings.cliOptions, configFile: settings.config.options }));
  stage('theme');
  // Files an option names (a theme or stylesheet path) may come from the deck's folder or the project's.
  const fileOption = { deckFile: file, deckFolder, roots: [deckFolder, settings.cwd], allowOutside: settings.allowOutside };
  const theme = applyDeckLook(
    resolveTheme({ ...fileOption, name: deck.options.theme, templateDir: settings.templateDir, line: optionLine(deck, 'theme') }),
    deck.options,
  );
  stage('render');
  const colours = chartThemeFromCss(theme.css);
  const charts = await renderCharts(deck, colours);
  const diagrams = await renderDiagrams(deck, { colours, fontFaces: () => inlineFontFaces(theme, colours.font) }, settings.diagrams);
  const rendered = runStoppable(() => renderDeck(deck, { charts: charts.charts, diagrams: diagrams.diagrams, cache: settings.markdownCache }));
  stage('assets');
  const assets = resolveDeckAssets(rendered, deckFolder, settings.allowOutside);
  const authorStyles = resolveAuthorStyles({ ...fileOption, paths: deck.options.css, line: optionLine(deck, 'css') });
  const plan = planOutput(outputs.folder, theme, deck.options.highlightTheme, assets.copies, {
    math: rendered.usesMath,
    deckFile: file,
    highlightThemeLine: optionLine(deck, 'highlightTheme'),
    authorStyles: authorStyles.sheets,
  });
  stage('template');
  // The inliner (and its media-type table) loads only when asked for.
  const singleFile = settings.singleFile ? await import('./template/single-file.js') : undefined;
  const pageAssets = singleFile ? singleFile.withInlineScripts(plan) : plan.page;
  let html = rewriteAssetUrls(renderPage(rendered, settings.templates, pageAssets, deckmarkVersion), plan.copies);
  if (singleFile) html = singleFile.inlinePage(plan, html, outputs.singleFile);
  stage('write');
  const page = singleFile ? await writeSingleFile(outputs.singleFile, html) : await writeDeck(plan, html);

  return {
    file,
    outputs,
    page,
    rendered,
    warnings: [
      ...deck.warnings,
      ...charts.warnings,
      ...diagrams.warnings,
      ...rendered.warnings,
      ...theme.warnings,
      ...assets.warnings,
      ...authorStyles.warnings,
    ],
  };
}
