import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

/** The files lib/ is compiled from: a change to any of them makes lib/ stale. */
function inputs(root) {
  const sources = readdirSync(join(root, 'src'), { recursive: true }).map((name) => join(root, 'src', name));
  return [join(root, 'package.json'), join(root, 'scripts', 'compile.mjs'), ...sources];
}

/** True when lib/deckmark.js is missing or older than a file it is compiled from. */
export function isStale(root) {
  const entry = join(root, 'lib', 'deckmark.js');
  if (!existsSync(entry)) return true;
  const compiledAt = statSync(entry).mtimeMs;
  return inputs(root).some((file) => statSync(file).mtimeMs > compiledAt);
}

const sleep = (ms) => Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);

/**
 * In a checkout, recompiles lib/ when it is stale. A lock folder makes concurrent runs (the
 * test suite starts many) wait for one compile instead of racing; a lock older than a minute
 * is left over from a killed run and is taken over.
 */
export function compileIfStale(root) {
  if (!isStale(root)) return;
  const lock = join(root, 'lib.lock');
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      if (Date.now() - (statSync(lock, { throwIfNoEntry: false })?.mtimeMs ?? 0) > 60_000) rmSync(lock, { recursive: true, force: true });
      else sleep(100);
      if (!isStale(root)) return;
    }
  }
  try {
    if (!isStale(root)) return;
    const compile = spawnSync(process.execPath, [join(root, 'scripts', 'compile.mjs')], { stdio: ['ignore', 'ignore', 'inherit'] });
    if (compile.status !== 0) {
      console.error('deckmark: src/ changed since lib/ was compiled, and compiling it again failed (see above).');
      process.exit(1);
    }
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
