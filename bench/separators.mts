// Separator matching as deckmark runs it (src/parse/patterns.ts: usual separators natively,
// any other through RE2) against JavaScript's own RegExp on the same text, plus one uncommon
// separator that goes through RE2, to show what the linear-time engine costs. Usage: node --import tsx bench/separators.mts deck.md runs → JSON on stdout.
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { compilePattern, separatorSource } from '../src/parse/patterns.js';

const [input = '', runsText = '5'] = process.argv.slice(2);
const text = readFileSync(input, 'utf8');
const patterns = {
  'line ---': separatorSource('---'),
  'reveal-md \\r?\\n---\\r?\\n': '\\r?\\n---\\r?\\n',
  'notes ^Notes?:': '^(?:Notes?:)',
  'uncommon ^-{3}$': separatorSource('-{3}'),
};
const timings: Record<string, number[]> = {};
const time = (name: string, work: () => number) => {
  const started = performance.now();
  const count = work();
  (timings[name] ??= []).push(performance.now() - started);
  return count;
};
for (let run = 0; run <= Number(runsText); run++) {
  for (const [name, source] of Object.entries(patterns)) {
    const re2 = compilePattern(source, { key: name, file: input }, { multiline: true, ignoreCase: name.startsWith('notes') });
    const native = new RegExp(source, name.startsWith('notes') ? 'gmi' : 'gm');
    // Run 0 warms the JIT up and is not reported.
    const record = run === 0 ? (_: string, work: () => number) => work() : time;
    const a = record(`separators: ${name} (deckmark)`, () => [...re2.matches(text)].length);
    const b = record(`separators: ${name} (RegExp)`, () => [...text.matchAll(native)].length);
    if (a !== b) throw new Error(`${name}: RE2 found ${a} matches, RegExp ${b}`);
  }
}
process.stdout.write(`${JSON.stringify({ timings })}\n`);
