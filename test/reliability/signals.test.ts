import { spawn } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeWorkspace } from '../helpers/workspace.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'deckmark.js');

// Slow inputs known to keep a stage busy on the main thread for minutes.
const slowDecks = {
  'a backtracking separator': `---\nseparator: "^(a+)+$"\n---\n# A\n\n${'a'.repeat(80)}b\n`,
};

/** Starts the real bin, sends `signal` one second into parsing, and measures how long it lives on. */
async function stopAfterOneSecond(args: string[], cwd: string, signal: NodeJS.Signals): Promise<{ lingeredMs: number; stderr: string }> {
  const child = spawn(process.execPath, [bin, ...args], { cwd, stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, NODE_DEBUG: 'deckmark' } });
  let stderr = '';
  const parsing = new Promise<void>((resolve) =>
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
      if (/DECKMARK \d+: parse /.test(stderr)) resolve();
    }),
  );
  const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
  // Past start-up, where the signal handlers are installed: the stage is what must stop.
  await Promise.race([parsing, exited]);
  await new Promise((resolve) => setTimeout(resolve, 1000));
  const sent = performance.now();
  child.kill(signal);
  const stopped = await Promise.race([exited.then(() => true), new Promise<boolean>((resolve) => setTimeout(() => resolve(false), 5000))]);
  const lingeredMs = stopped ? performance.now() - sent : Number.POSITIVE_INFINITY;
  if (!stopped) child.kill('SIGKILL');
  await exited;
  return { lingeredMs, stderr };
}

describe('Ctrl-C and SIGTERM stop every command within two seconds, whatever the deck', () => {
  for (const [name, deck] of Object.entries(slowDecks)) {
    for (const [command, args] of [
      ['build', ['build', 'deck.md']],
      ['serve', ['serve', 'deck.md', '--port', '0']],
    ] as const) {
      for (const signal of ['SIGTERM', 'SIGINT'] as const) {
        it(`${command} on ${name}, ${signal}`, { timeout: 30_000 }, async () => {
          const cwd = makeWorkspace({ 'deck.md': deck });
          const { lingeredMs, stderr } = await stopAfterOneSecond([...args], cwd, signal);
          expect(lingeredMs, stderr).toBeLessThan(2000);
        });
      }
    }
  }
});
