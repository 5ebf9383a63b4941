// Preloaded into measured Node processes (NODE_OPTIONS=--import): on exit, appends the
// process's own peak resident memory (getrusage maxRSS, in KB) to BENCH_RSS_FILE.
import { appendFileSync } from 'node:fs';

const file = process.env.BENCH_RSS_FILE;
if (file) process.on('exit', () => appendFileSync(file, `${process.pid} ${process.resourceUsage().maxRSS}\n`));
