// `npm run bench`: measures deckmark against the floors of issue 8 and prints the table.
//   --quick         fewer runs (the whole bench in a few minutes on 2 cores)
//   --sizes 10,200  deck sizes (default 10,50,200,1000)
//   --only build,stages,pdf,batch,serve,diagrams  which suites
//   --out FILE      where the figures go (default bench/results.local.json, git-ignored)
//   --update        write the committed bench/results.json instead: only for a full run
//                   whose figures the README's table is to show
// Commands this checkout does not have yet are skipped with a note.
import { rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { availableCommands, compileCli, findChromium, root } from './deckmark.mjs';
import { writeDecks } from './decks.mjs';
import { diagramSuite } from './diagrams.mjs';
import { serveLatency } from './serve-latency.mjs';
import { batchSuite, buildSuite, pdfStageSuite, pdfSuite, stageSuite } from './suites.mjs';
import { formatTable } from './table.mjs';

const { values } = parseArgs({
  options: { quick: { type: 'boolean' }, sizes: { type: 'string' }, only: { type: 'string' }, out: { type: 'string' }, update: { type: 'boolean' } },
});
if (values.out && values.update) throw new Error('--out and --update name two places for the figures; pass one');
const resultsFile = values.update ? join(import.meta.dirname, 'results.json') : resolve(values.out ?? join(import.meta.dirname, 'results.local.json'));
const sizes = (values.sizes ?? '10,50,200,1000').split(',').map(Number);
const suites = new Set((values.only ?? 'build,stages,pdf,batch,serve,diagrams').split(','));
const runs = values.quick ? { fast: 3, slow: 1, saves: 5 } : { fast: 5, slow: 3, saves: 10 };

const work = join(root, '.bench-tmp');
rmSync(work, { recursive: true, force: true });
const started = performance.now();
const note = (message) => process.stderr.write(`bench: ${message}\n`);

compileCli();
const commands = availableCommands();
const decks = writeDecks(join(work, 'decks'), sizes);
const chromium = suites.has('pdf') || suites.has('batch') || suites.has('serve') || suites.has('diagrams') ? findChromium() : undefined;
const context = { decks, work, chromium, commands };
const rows = [];

async function suite(name, needs, run) {
  if (!suites.has(name)) return;
  const missing = needs.filter((command) => !commands.has(command));
  if (missing.length > 0) return note(`skipping ${name}: this deckmark has no \`${missing.join('`, `')}\` command yet`);
  note(`${name}…`);
  rows.push(...(await run()));
}

await suite('build', ['build'], () => buildSuite({ ...context, runs: runs.fast }));
await suite('stages', ['build'], () => stageSuite({ ...context, runs: runs.fast }));
await suite('stages', ['pdf'], () => pdfStageSuite(context));
await suite('pdf', [], () => {
  for (const command of ['pdf', 'check']) if (!commands.has(command)) note(`no \`${command}\` command yet: measuring its floor only`);
  return pdfSuite({ ...context, runs: runs.slow });
});
await suite('batch', ['pdf'], () => batchSuite({ ...context, runs: runs.slow }));
await suite('serve', ['serve'], async () => {
  const size = decks.has(200) ? 200 : Math.max(...decks.keys());
  const latency = await serveLatency({ ...context, file: decks.get(size), saves: runs.saves });
  return [{ group: 'serve', name: 'serve: save → text visible', size, ...latency, target: 150, unit: 'ms', met: latency.medianMs < 150 }];
});
await suite('diagrams', ['build', 'serve'], () => diagramSuite({ ...context, runs }));

const machine = { node: process.version, cpus: availableParallelism(), cpu: cpus()[0]?.model, chromium, quick: values.quick ?? false };
writeFileSync(resultsFile, `${JSON.stringify({ date: new Date().toISOString(), machine, rows }, null, 2)}\n`);
console.log(formatTable(rows));
note(`done in ${Math.round((performance.now() - started) / 1000)} s; figures in ${relative(process.cwd(), resultsFile)}`);
