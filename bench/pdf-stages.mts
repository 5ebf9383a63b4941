// In-process stage timings of `pdf`: exportPdf (src/export/pdf.ts) announces each stage as it
// starts; this script only records when. Run through tsx: it imports the stages from src/.
// Usage: node --import tsx bench/pdf-stages.mts deck.md outDir → JSON on stdout.
import { resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Deadline } from '../src/browser/deadline.js';
import { BrowserManager } from '../src/browser/manager.js';
import { settingsFromFlags } from '../src/cli/build-settings.js';
import { processIO } from '../src/cli/io.js';
import { exportPdf } from '../src/export/pdf.js';
import { buildDeck } from '../src/pipeline.js';
import { stageClock } from './stage-clock.mjs';

const [input = '', outDir = ''] = process.argv.slice(2);
const io = { ...processIO(), out: () => undefined, err: () => undefined };
const clock = stageClock();
const manager = new BrowserManager();
try {
  clock.start('build');
  const built = await buildDeck(resolve(input), settingsFromFlags({ 'out-dir': outDir }, io));
  clock.start('launch');
  await manager.browser();
  const started = performance.now();
  await exportPdf(manager, built, new Deadline(600_000, input), {
    fragments: 'final',
    notes: false,
    handout: { perPage: 6, paper: 'a4' },
    // Stage names carry counts ("printing 12 pages"): the benchmark keys them by their first word.
    onStage: (stage) => clock.start(stage.split(' ')[0]!),
  });
  clock.stop();
  (clock.timings.export ??= []).push(performance.now() - started);
} finally {
  await manager.dispose();
}
const timings = Object.fromEntries(Object.entries(clock.timings).map(([stage, times]) => [stage, times[0]]));
process.stdout.write(`${JSON.stringify({ timings })}\n`);
