import { cpSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const fixturesFolder = join(import.meta.dirname, '..', 'fixtures');

/** A fresh folder under the OS temp dir, optionally seeded with files or a fixture folder. */
export function makeWorkspace(files: Record<string, string> = {}, fixture?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'deckmark-test-'));
  if (fixture) cpSync(join(fixturesFolder, fixture), dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}
