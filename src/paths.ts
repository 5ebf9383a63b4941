import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder holding package.json, templates/ and node_modules/, wherever deckmark runs from. */
export const packageRoot = join(dirname(fileURLToPath(import.meta.url)), '..');
export const builtInTemplates = join(packageRoot, 'templates');

const require = createRequire(import.meta.url);

/**
 * The folder of an installed package, searched along Node's own lookup path. Not through
 * `require.resolve('x/package.json')`: packages with an `exports` map (reveal.js) refuse it.
 */
export function packageFolder(name: string): string {
  const folder = (require.resolve.paths(name) ?? []).map((base) => join(base, name)).find((candidate) => existsSync(join(candidate, 'package.json')));
  if (!folder) throw new Error(`package ${name} is not installed; run npm install`);
  return folder;
}

/** An installed package's version: part of cache keys, since a new release may draw differently. */
export function packageVersion(name: string): string {
  return (JSON.parse(readFileSync(join(packageFolder(name), 'package.json'), 'utf8')) as { version: string }).version;
}

export const deckmarkVersion: string = (require(join(packageRoot, 'package.json')) as { version: string }).version;
