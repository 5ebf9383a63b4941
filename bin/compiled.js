import { existsSync, readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');

/**
 * lib/deckmark.js (compiled by `npm install`, scripts/compile.mjs) when it is at least as
 * new as every file in src/ and package.json; undefined when missing or stale, so an edit
 * to src/ takes effect at once, through tsx.
 */
export function compiledEntry(packageRoot = root) {
  const entry = join(packageRoot, 'lib', 'deckmark.js');
  if (!existsSync(entry)) return undefined;
  const compiledAt = statSync(entry).mtimeMs;
  const sources = readdirSync(join(packageRoot, 'src'), { recursive: true }).map((name) => join(packageRoot, 'src', name));
  const fresh = [join(packageRoot, 'package.json'), ...sources].every((file) => statSync(file).mtimeMs <= compiledAt);
  return fresh ? entry : undefined;
}
