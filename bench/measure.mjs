// Runs a command as a whole process and measures it: wall time, the Node process's own peak
// memory (reported by peak-rss.mjs at exit), and optionally the peak of the whole process
// tree (Node + Chromium), by sampling /proc.
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const peakRssHook = join(import.meta.dirname, 'peak-rss.mjs');
const pageKB = 4;

/** One run: `{ ms, nodeKB, treeKB? }`; throws with the command's stderr when it fails. */
export async function runOnce(command, args, { cwd, env = {}, sampleTree = false, acceptExit = [0] } = {}) {
  const rssFile = join(tmpdir(), `deckmark-bench-rss-${process.pid}-${Math.random().toString(36).slice(2)}`);
  const nodeOptions = [process.env.NODE_OPTIONS, `--import=${peakRssHook}`].filter(Boolean).join(' ');
  const started = performance.now();
  const child = spawn(command, args, {
    cwd,
    env: { ...process.env, ...env, NODE_OPTIONS: nodeOptions, BENCH_RSS_FILE: rssFile },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  let treeKB = 0;
  const sampler = sampleTree ? setInterval(() => (treeKB = Math.max(treeKB, treeResidentKB(child.pid))), 25) : undefined;
  const code = await new Promise((resolve) => child.on('close', resolve));
  const ms = performance.now() - started;
  clearInterval(sampler);
  let nodeKB = 0;
  try {
    // The first line is the process we started; children that are Node processes add lines.
    nodeKB = Number(readFileSync(rssFile, 'utf8').split('\n')[0].split(' ')[1]);
    rmSync(rssFile);
  } catch {}
  if (!acceptExit.includes(code)) throw new Error(`${command} ${args.join(' ')} exited with ${code}: ${stderr.trim().split('\n').slice(-3).join(' / ')}`);
  return sampleTree ? { ms, nodeKB, treeKB } : { ms, nodeKB };
}

/** Resident memory of a process and all its descendants, in KB (RSS summed: shared pages count per process, for floor and deckmark alike). */
function treeResidentKB(root) {
  const children = new Map();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const parent = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (!children.has(parent)) children.set(parent, []);
      children.get(parent).push(Number(name));
    } catch {}
  }
  let total = 0;
  const pending = [root];
  while (pending.length > 0) {
    const pid = pending.pop();
    try {
      total += Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * pageKB;
    } catch {}
    pending.push(...(children.get(pid) ?? []));
  }
  return total;
}

/**
 * `runs` timed runs (after one untimed warm-up that fills the OS file cache), then one
 * run that samples the process tree's memory when asked, so sampling never slows the timings.
 */
export async function measure(command, args, { runs, warmup = true, sampleTree = false, ...options }) {
  if (warmup) await runOnce(command, args, options);
  const times = [];
  const nodePeaks = [];
  for (let run = 0; run < runs; run++) {
    const result = await runOnce(command, args, options);
    times.push(result.ms);
    nodePeaks.push(result.nodeKB);
  }
  const tree = sampleTree ? await runOnce(command, args, { ...options, sampleTree: true }) : undefined;
  return { ...summarize(times), nodeMB: Math.max(...nodePeaks) / 1024, treeMB: tree ? tree.treeKB / 1024 : undefined, runs };
}

/**
 * A subject and its floor, run alternately (floor, subject, floor, …): on a shared machine
 * a burst of load then hits both, and the ratio stays honest.
 */
export async function measurePair(floor, subject, { runs, warmup = true, sampleTree = false }) {
  const specs = [floor, subject];
  if (warmup) for (const spec of specs) await runOnce(spec.command, spec.args, spec.options);
  const results = specs.map(() => ({ times: [], nodeKB: [] }));
  for (let run = 0; run < runs; run++) {
    for (const [index, spec] of specs.entries()) {
      const result = await runOnce(spec.command, spec.args, spec.options);
      results[index].times.push(result.ms);
      results[index].nodeKB.push(result.nodeKB);
    }
  }
  const trees = [];
  if (sampleTree) for (const spec of specs) trees.push(await runOnce(spec.command, spec.args, { ...spec.options, sampleTree: true }));
  return results.map((result, index) => ({
    ...summarize(result.times),
    nodeMB: Math.max(...result.nodeKB) / 1024,
    treeMB: trees[index] ? trees[index].treeKB / 1024 : undefined,
    runs,
  }));
}

export function summarize(times) {
  const sorted = [...times].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
  return { medianMs: median, minMs: sorted[0], maxMs: sorted[sorted.length - 1] };
}
