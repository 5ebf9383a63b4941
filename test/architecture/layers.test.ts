import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const src = resolve(import.meta.dirname, '..', '..', 'src');

/**
 * The layers of src/, lowest first (the README's Architecture section says the same). A module
 * may import from its own layer and the ones below it, never from a layer above: a stage never
 * reaches into the CLI, the exports never into `serve`.
 */
const layers: string[][] = [
  ['errors.ts', 'log.ts', 'paths.ts', 'lifecycle.ts', 'inside.ts', 'outputs.ts', 'suggest.ts', 'files.ts', 'html'],
  // The stage hand-off types carry the resolved options, so they sit with the option schema.
  ['config', 'types.ts', 'format.ts'],
  ['read.ts', 'parse'],
  // The theme is resolved before rendering (charts and diagrams take its look): assets sit below render.
  ['assets'],
  ['render'],
  ['template'],
  ['write'],
  ['pipeline.ts'],
  ['browser'],
  ['export', 'check'],
  ['serve', 'init'],
  ['cli'],
];

function layerOf(file: string): number {
  const top = relative(src, file).split(/[\\/]/)[0]!;
  const index = layers.findIndex((layer) => layer.includes(top));
  if (index === -1) throw new Error(`${relative(src, file)} belongs to no layer: add it to the table and to the README`);
  return index;
}

function sourceFiles(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Relative imports, static and dynamic, as resolved files. */
function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  const specifiers = [...text.matchAll(/(?:from\s+|import\s*\(\s*)'(\.{1,2}\/[^']+)'/g)].map((match) => match[1]!);
  return specifiers.map((specifier) => resolve(dirname(file), specifier.replace(/\.js$/, '.ts')));
}

describe('layers of src/', () => {
  it('has every module in a layer, and no import from a higher layer', () => {
    const violations: string[] = [];
    for (const file of sourceFiles(src)) {
      for (const imported of importsOf(file)) {
        if (layerOf(imported) > layerOf(file)) violations.push(`${relative(src, file)} imports ${relative(src, imported)}`);
      }
    }
    expect(violations).toEqual([]);
  });
});
