// What the bench measures, one function per goal of issue 8. Each returns result rows:
// { group, name, size?, medianMs, minMs, maxMs, nodeMB, treeMB?, floor?, ratio?, target?, met? }.
import { execFileSync } from 'node:child_process';
import { copyFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { cli, root } from './deckmark.mjs';
import { measure, measurePair } from './measure.mjs';

const node = process.execPath;
const deckmark = (...args) => [cli, ...args];

function row(group, name, size, figures, floor, target) {
  const ratio = floor ? figures.medianMs / floor.medianMs : undefined;
  return { group, size, ...figures, name, floor: floor?.name, ratio, target, met: target === undefined || ratio === undefined ? undefined : ratio <= target };
}

export async function buildSuite({ decks, work, runs }) {
  const rows = [];
  for (const [size, file] of decks) {
    const [floorFigures, build] = await measurePair(
      { command: node, args: [join(import.meta.dirname, 'floor-render.mjs'), file, join(work, `floor-${size}.html`)] },
      { command: node, args: deckmark('build', file, '-o', join(work, 'dist')), options: { cwd: work } },
      { runs },
    );
    const floor = { name: 'bare render', ...floorFigures };
    rows.push(row('build', 'bare marked+Handlebars', size, floor));
    // At 10 slides the run is nearly all start-up: the ratio there is the start-up goal.
    rows.push(row('build', size === 10 ? 'deckmark build (start-up)' : 'deckmark build', size, build, floor, size === 10 || size === 200 ? 1.3 : undefined));
  }
  const at = (size) => rows.find((r) => r.name.startsWith('deckmark build') && r.size === size);
  if (at(200) && at(1000)) rows.push(row('build', 'build 1000 / build 200 (linear)', 1000, at(1000), { name: 'build 200', ...at(200) }, 6));
  const largest = at(1000) ?? at(Math.max(...decks.keys()));
  rows.push({
    group: 'memory',
    name: 'build: Node peak (MB)',
    size: largest.size,
    medianMs: largest.medianMs,
    nodeMB: largest.nodeMB,
    target: 200,
    unit: 'MB',
    met: largest.nodeMB < 200,
  });
  return rows;
}

/** In-process stage timings of build (bench/stages.mts, through tsx: it imports src/). */
export function stageSuite({ decks, work, runs }) {
  const rows = [];
  for (const size of [200, 1000].filter((s) => decks.has(s))) {
    const output = execFileSync(node, ['--import', 'tsx', join(import.meta.dirname, 'stages.mts'), decks.get(size), work, String(runs)], {
      cwd: root,
      encoding: 'utf8',
    });
    const { timings } = JSON.parse(output);
    for (const [stage, times] of Object.entries(timings)) {
      const sorted = [...times].sort((a, b) => a - b);
      rows.push({ group: 'stages', name: `build: ${stage}`, size, medianMs: sorted[Math.floor(sorted.length / 2)], minMs: sorted[0], maxMs: sorted.at(-1) });
    }
  }
  // Deck patterns: usual separators must cost what V8's RegExp costs (bench/separators.mts).
  const largest = Math.max(...decks.keys());
  const output = execFileSync(node, ['--import', 'tsx', join(import.meta.dirname, 'separators.mts'), decks.get(largest), String(runs)], {
    cwd: root,
    encoding: 'utf8',
  });
  for (const [name, times] of Object.entries(JSON.parse(output).timings)) {
    const sorted = [...times].sort((a, b) => a - b);
    rows.push({ group: 'stages', name, size: largest, medianMs: sorted[Math.floor(sorted.length / 2)], minMs: sorted[0], maxMs: sorted.at(-1) });
  }
  return rows;
}

/** In-process stage timings of pdf (bench/pdf-stages.mts): build, launch, load, print, post-process, handout. */
export function pdfStageSuite({ decks, work }) {
  const rows = [];
  for (const size of [10, 200].filter((s) => decks.has(s))) {
    const output = execFileSync(node, ['--import', 'tsx', join(import.meta.dirname, 'pdf-stages.mts'), decks.get(size), join(work, 'pdf-stages')], {
      cwd: root,
      encoding: 'utf8',
    });
    for (const [stage, ms] of Object.entries(JSON.parse(output).timings)) rows.push({ group: 'stages', name: `pdf: ${stage}`, size, medianMs: ms });
  }
  return rows;
}

export async function pdfSuite({ decks, work, runs, chromium, commands }) {
  const rows = [];
  for (const [size, file] of decks) {
    // The floor prints the very page deckmark builds.
    execFileSync(node, deckmark('build', file, '-o', join(work, 'floor')), { cwd: work });
    const page = join(work, 'floor', `deck-${size}`, 'index.html');
    const floorSpec = { command: node, args: [join(import.meta.dirname, 'floor-pdf.mjs'), chromium, page, join(work, `floor-${size}.pdf`)] };
    const pdfSpec = { command: node, args: deckmark('pdf', file, '-o', join(work, 'dist')), options: { cwd: work } };
    // Browser runs are slow: no warm-up (the build above filled the file cache), and the
    // process tree is sampled at the largest size only, where the memory goal applies.
    const options = { runs, warmup: false, sampleTree: size === Math.max(...decks.keys()) };
    const [floorFigures, pdfFigures] = commands.has('pdf') ? await measurePair(floorSpec, pdfSpec, options) : [await measure(node, floorSpec.args, options)];
    const floor = { name: 'bare page.pdf()', ...floorFigures };
    rows.push(row('pdf', 'bare puppeteer page.pdf()', size, floor));
    if (commands.has('pdf')) {
      const pdf = { name: 'deckmark pdf', ...pdfFigures };
      rows.push(row('pdf', 'deckmark pdf', size, pdf, floor, 1.15));
      if (pdf.treeMB && floor.treeMB) {
        rows.push({
          group: 'memory',
          name: 'pdf: process tree peak (MB)',
          size,
          medianMs: pdf.medianMs,
          treeMB: pdf.treeMB,
          floor: 'bare page.pdf()',
          ratio: pdf.treeMB / floor.treeMB,
          target: 1.2,
          met: pdf.treeMB / floor.treeMB <= 1.2,
        });
      }
      const handout = await measure(node, deckmark('pdf', file, '--handout', '6', '-o', join(work, 'dist')), { runs, warmup: false, cwd: work });
      rows.push(row('pdf', 'deckmark pdf --handout 6', size, handout, pdf, 1.4));
    }
    if (commands.has('check')) {
      const [loadFigures, check] = await measurePair(
        { command: node, args: [join(import.meta.dirname, 'floor-pdf.mjs'), chromium, page, '-'] },
        { command: node, args: deckmark('check', file, '-o', join(work, 'dist')), options: { cwd: work, acceptExit: [0, 1] } },
        { runs, warmup: false },
      );
      const load = { name: 'bare page load', ...loadFigures };
      rows.push(row('check', 'bare puppeteer page load', size, load));
      rows.push(row('check', 'deckmark check', size, check, load));
    }
  }
  return rows;
}

/** Ten decks in one `deckmark pdf` (one browser) against ten separate runs. */
export async function batchSuite({ decks, work, runs }) {
  const source = decks.get(10) ?? [...decks.values()][0];
  const folder = join(work, 'batch');
  mkdirSync(folder, { recursive: true });
  const files = Array.from({ length: 10 }, (_, index) => join(folder, `talk-${index + 1}.md`));
  for (const file of files) copyFileSync(source, file);
  const one = await measure(node, deckmark('pdf', ...files, '-o', join(work, 'batch-out')), { runs, warmup: false, cwd: work });
  const times = [];
  for (let run = 0; run < runs; run++) {
    const started = performance.now();
    for (const file of files) execFileSync(node, deckmark('pdf', file, '-o', join(work, 'batch-out')), { cwd: work });
    times.push(performance.now() - started);
  }
  times.sort((a, b) => a - b);
  const separate = { name: '10 separate runs', medianMs: times[Math.floor(times.length / 2)], minMs: times[0], maxMs: times.at(-1) };
  return [row('batch', '10 separate pdf runs', 10, separate), row('batch', 'one pdf run of 10 decks', 10, one, separate, 0.4)];
}
