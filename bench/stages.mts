// In-process stage timings of `build`: buildDeck (src/pipeline.ts) announces each stage as it
// starts; this script only records when. Run through tsx: it imports the pipeline from src/.
// Usage: node --import tsx bench/stages.mts deck.md outDir runs → JSON on stdout.
import { dirname, resolve } from 'node:path';
import { settingsFromFlags } from '../src/cli/build-settings.js';
import { processIO } from '../src/cli/io.js';
import { buildDeck } from '../src/pipeline.js';
import { stageClock } from './stage-clock.mjs';

const [input = '', outDir = '', runsText = '3'] = process.argv.slice(2);
const file = resolve(input);
const io = { ...processIO(), cwd: dirname(file), out: () => undefined, err: () => undefined };
const timings: Record<string, number[]> = {};
// The first run pays for lazy loads and JIT warm-up: it is reported apart, as `first`.
for (let run = 0; run <= Number(runsText); run++) {
  const clock = stageClock(run === 0 ? 'first:' : '');
  await buildDeck(file, { ...settingsFromFlags({ 'out-dir': outDir }, io), onStage: clock.start });
  clock.stop();
  for (const [stage, times] of Object.entries(clock.timings)) (timings[stage] ??= []).push(...times);
}
process.stdout.write(`${JSON.stringify({ timings })}\n`);
