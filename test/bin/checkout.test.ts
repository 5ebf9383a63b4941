import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readFileSync, rmSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isStale } from '../../bin/checkout.js';
import { makeWorkspace } from '../helpers/workspace.js';

const root = join(import.meta.dirname, '..', '..');

/** A checkout whose lib/deckmark.js and src/ files carry the given modification times (seconds). */
function checkoutWith(times: { lib?: number; source: number }): string {
  const folder = makeWorkspace({ 'package.json': '{}' });
  mkdirSync(join(folder, 'src', 'cli'), { recursive: true });
  mkdirSync(join(folder, 'scripts'));
  const source = join(folder, 'src', 'cli', 'main.ts');
  writeFileSync(source, '');
  writeFileSync(join(folder, 'scripts', 'compile.mjs'), '');
  utimesSync(source, times.source, times.source);
  for (const path of ['package.json', 'src', 'src/cli', 'scripts/compile.mjs']) utimesSync(join(folder, path), 1000, 1000);
  if (times.lib !== undefined) {
    mkdirSync(join(folder, 'lib'));
    writeFileSync(join(folder, 'lib', 'deckmark.js'), '');
    utimesSync(join(folder, 'lib', 'deckmark.js'), times.lib, times.lib);
  }
  return folder;
}

describe('bin/deckmark.js in a checkout', () => {
  it('keeps lib/ while it is at least as new as every file it is compiled from', () => {
    expect(isStale(checkoutWith({ lib: 2000, source: 2000 }))).toBe(false);
  });

  it('judges lib/ stale when a source file changed after the compile, or lib/ is missing', () => {
    expect(isStale(checkoutWith({ lib: 2000, source: 3000 }))).toBe(true);
    expect(isStale(checkoutWith({ source: 2000 }))).toBe(true);
  });

  it('recompiles a stale lib/ before it runs, so an edit to src/ takes effect at once', () => {
    const copy = makeWorkspace();
    // bin/ and scripts/ copied, not linked: Node runs a linked script from where the link points.
    for (const name of ['src', 'templates', 'node_modules', 'package.json']) symlinkSync(join(root, name), join(copy, name));
    for (const name of ['bin', 'scripts']) cpSync(join(root, name), join(copy, name), { recursive: true });
    const deck = makeWorkspace({ 'talk.md': '# Talk\n' });
    try {
      execFileSync(process.execPath, [join(copy, 'bin', 'deckmark.js'), 'build', join(deck, 'talk.md'), '-o', join(deck, 'out')]);
      expect(isStale(copy)).toBe(false);
      expect(readFileSync(join(deck, 'out', 'talk', 'index.html'), 'utf8')).toContain('<h1');
    } finally {
      rmSync(copy, { recursive: true, force: true });
      rmSync(deck, { recursive: true, force: true });
    }
  });

  it('builds the same page compiled as through tsx', () => {
    const copy = makeWorkspace();
    for (const name of ['src', 'templates', 'node_modules', 'package.json']) symlinkSync(join(root, name), join(copy, name));
    execFileSync(process.execPath, [join(root, 'scripts', 'compile.mjs'), join(copy, 'lib')]);
    const deck = makeWorkspace({ 'talk.md': '# Talk\n\n```ts\nconst a = 1;\n```\n\n---\n\n## Two\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nNote: said aloud\n' });
    try {
      execFileSync(process.execPath, [join(copy, 'lib', 'deckmark.js'), 'build', join(deck, 'talk.md'), '-o', join(deck, 'compiled')], { cwd: root });
      execFileSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), 'build', join(deck, 'talk.md'), '-o', join(deck, 'tsx')], {
        cwd: root,
      });
      const compiled = readFileSync(join(deck, 'compiled', 'talk', 'index.html'), 'utf8');
      expect(compiled).toContain('<span class="hljs-keyword">const</span>');
      expect(compiled).toBe(readFileSync(join(deck, 'tsx', 'talk', 'index.html'), 'utf8'));
    } finally {
      rmSync(copy, { recursive: true, force: true });
      rmSync(deck, { recursive: true, force: true });
    }
  });
});
