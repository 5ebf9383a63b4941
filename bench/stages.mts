// In-process stage timings of `build`, in the order of `buildDeck` (src/pipeline.ts):
// read → parse → render → template → write. Run through tsx: it imports the stages from src/.
// Usage: node --import tsx bench/stages.mts deck.md outDir runs → JSON on stdout.
import { dirname, join, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadProjectConfig } from '../src/config/file.js';
import { parseDeck } from '../src/parse/index.js';
import { deckmarkVersion } from '../src/paths.js';
import { readDeckSource } from '../src/read.js';
import { chartThemeFromCss } from '../src/render/chart-theme.js';
import { renderCharts } from '../src/render/charts.js';
import { renderDeck } from '../src/render/index.js';
import { renderPage } from '../src/template/index.js';
import { loadTemplates } from '../src/template/load.js';
import { resolveDeckAssets } from '../src/write/deck-assets.js';
import { planOutput, writeDeck } from '../src/write/index.js';
import { rewriteAssetUrls } from '../src/write/page-urls.js';
import { resolveTheme } from '../src/write/theme.js';

const [input = '', outDir = '', runsText = '3'] = process.argv.slice(2);
const file = resolve(input);
const timings: Record<string, number[]> = {};
const time = async <T,>(stage: string, work: () => T | Promise<T>): Promise<T> => {
  const started = performance.now();
  const result = await work();
  (timings[stage] ??= []).push(performance.now() - started);
  return result;
};

const templates = loadTemplates();
const config = loadProjectConfig(dirname(file));
// The first run pays for lazy loads and JIT warm-up: it is reported apart, as `first`.
for (let run = 0; run <= Number(runsText); run++) {
  const label = (stage: string) => (run === 0 ? `first:${stage}` : stage);
  const text = await time(label('read'), () => readDeckSource(file));
  const deck = await time(label('parse'), () => parseDeck(text, file, { configFile: config.options }));
  const theme = resolveTheme(deck.options.theme, file);
  const rendered = await time(label('render'), async () => renderDeck(deck, { charts: (await renderCharts(deck, chartThemeFromCss(theme.css))).charts }));
  const plan = planOutput(join(outDir, 'stages'), theme, deck.options.highlightTheme, resolveDeckAssets(rendered, dirname(file), false).copies, { math: rendered.usesMath });
  const html = await time(label('template'), () => rewriteAssetUrls(renderPage(rendered, templates, plan.page, deckmarkVersion), plan.copies));
  await time(label('write'), () => writeDeck(plan, html));
}
process.stdout.write(`${JSON.stringify({ timings })}\n`);
