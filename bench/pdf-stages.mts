// In-process stage timings of `pdf`, in the order of `exportPdf` (src/export/pdf.ts):
// build → launch → load → print → post-process (outline, metadata) → handout. Through tsx.
// Usage: node --import tsx bench/pdf-stages.mts deck.md outDir → JSON on stdout.
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { BrowserManager } from '../src/browser/manager.js';
import { settingsFromFlags } from '../src/cli/build-settings.js';
import { processIO } from '../src/cli/io.js';
import { Deadline } from '../src/export/deadline.js';
import { makeHandout } from '../src/export/handout.js';
import { openPrintView } from '../src/export/load.js';
import { printSlides } from '../src/export/print.js';
import { finishSlidesPdf } from '../src/export/slides-pdf.js';
import { buildDeck } from '../src/pipeline.js';

const [input = '', outDir = ''] = process.argv.slice(2);
const timings: Record<string, number> = {};
const time = async <T,>(stage: string, work: () => Promise<T>): Promise<T> => {
  const started = performance.now();
  const result = await work();
  timings[stage] = performance.now() - started;
  return result;
};

const io = { ...processIO(), out: () => undefined, err: () => undefined };
const built = await time('build', () => buildDeck(resolve(input), settingsFromFlags({ 'out-dir': outDir }, io)));
const manager = new BrowserManager();
const deadline = new Deadline(600_000, input);
try {
  await time('launch', () => manager.browser());
  const { view, printed } = await manager.withPage(async (page) => {
    const view = await time('load', () => openPrintView(page, built, { fragments: 'final', notes: false }, deadline));
    return { view, printed: await time('print', () => printSlides(page, built.rendered.deck.options, deadline)) };
  });
  const slides = await time('post-process', () => finishSlidesPdf(printed, built.rendered, view.pages));
  await time('handout 6-up', () => makeHandout(manager, built, slides, { perPage: 6, paper: 'a4' }, deadline));
} finally {
  await manager.dispose();
}
process.stdout.write(`${JSON.stringify({ timings })}\n`);
