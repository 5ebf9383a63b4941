import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compiledEntry } from '../../bin/compiled.js';
import { makeWorkspace } from '../helpers/workspace.js';

const root = join(import.meta.dirname, '..', '..');

/** A package folder whose lib/deckmark.js and src/ files carry the given modification times (seconds). */
function packageWith(times: { lib?: number; source: number }): string {
  const folder = makeWorkspace({ 'package.json': '{}' });
  mkdirSync(join(folder, 'src', 'cli'), { recursive: true });
  const source = join(folder, 'src', 'cli', 'main.ts');
  writeFileSync(source, '');
  utimesSync(source, times.source, times.source);
  for (const path of [join(folder, 'package.json'), join(folder, 'src'), join(folder, 'src', 'cli')]) utimesSync(path, 1000, 1000);
  if (times.lib !== undefined) {
    mkdirSync(join(folder, 'lib'));
    writeFileSync(join(folder, 'lib', 'deckmark.js'), '');
    utimesSync(join(folder, 'lib', 'deckmark.js'), times.lib, times.lib);
  }
  return folder;
}

describe('which code bin/deckmark.js runs', () => {
  it('runs lib/ when it is at least as new as every source file', () => {
    const folder = packageWith({ lib: 2000, source: 2000 });
    expect(compiledEntry(folder)).toBe(join(folder, 'lib', 'deckmark.js'));
  });

  it('falls back to src/ when a source file changed after the compile, or lib/ is missing', () => {
    expect(compiledEntry(packageWith({ lib: 2000, source: 3000 }))).toBeUndefined();
    expect(compiledEntry(packageWith({ source: 2000 }))).toBeUndefined();
  });

  it('builds the same page compiled as through tsx', () => {
    // A copy of the package whose lib/ is compiled from the current src/.
    const copy = makeWorkspace();
    for (const name of ['src', 'templates', 'node_modules', 'package.json', 'bin', 'scripts']) symlinkSync(join(root, name), join(copy, name));
    execFileSync(process.execPath, [join(root, 'scripts', 'compile.mjs'), join(copy, 'lib')]);
    const deck = makeWorkspace({ 'talk.md': '# Talk\n\n```ts\nconst a = 1;\n```\n\n---\n\n## Two\n\n| a | b |\n| - | - |\n| 1 | 2 |\n\nNote: said aloud\n' });
    execFileSync(process.execPath, [join(copy, 'lib', 'deckmark.js'), 'build', join(deck, 'talk.md'), '-o', join(deck, 'compiled')], { cwd: root });
    execFileSync(process.execPath, ['--import', 'tsx', join(root, 'src', 'cli', 'main.ts'), 'build', join(deck, 'talk.md'), '-o', join(deck, 'tsx')], {
      cwd: root,
    });
    const compiled = readFileSync(join(deck, 'compiled', 'talk', 'index.html'), 'utf8');
    expect(compiled).toContain('<span class="hljs-keyword">const</span>');
    expect(compiled).toBe(readFileSync(join(deck, 'tsx', 'talk', 'index.html'), 'utf8'));
  });
});
