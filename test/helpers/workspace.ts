import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';

export const fixturesFolder = join(import.meta.dirname, '..', 'fixtures');

const created = new Set<string>();

/**
 * A fresh folder under the OS temp dir, optionally seeded with files (`a/b.md` makes `a/`) or a
 * fixture folder.
 * Removed after the test file by `removeWorkspaces` (registered in test/setup/cleanup.ts).
 */
export function makeWorkspace(files: Record<string, string> = {}, fixture?: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'deckmark-test-'));
  created.add(dir);
  if (fixture) cpSync(join(fixturesFolder, fixture), dir, { recursive: true });
  for (const [name, content] of Object.entries(files)) {
    mkdirSync(dirname(join(dir, name)), { recursive: true });
    writeFileSync(join(dir, name), content);
  }
  return dir;
}

export function removeWorkspaces(): void {
  for (const dir of created) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  created.clear();
}
