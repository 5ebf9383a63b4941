import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeWorkspace } from '../helpers/workspace.js';

const root = join(import.meta.dirname, '..', '..');

describe('what build loads of the export code', () => {
  // Through tsx the log names src/ files; from the compiled lib/ it names chunks, and pdf-lib
  // stays an import of its own in both.
  it('never loads pdf-lib or src/export/, even though pdf and png are registered commands', () => {
    const cwd = makeWorkspace({ 'talk.md': '# One\n' });
    const log = join(cwd, 'imports.log');
    execFileSync(process.execPath, ['--import', join(root, 'test', 'helpers', 'record-imports.mjs'), join(root, 'bin', 'deckmark.js'), 'build', 'talk.md'], {
      cwd,
      env: { ...process.env, DECKMARK_IMPORT_LOG: log },
    });
    const loaded = readFileSync(log, 'utf8');
    expect(loaded).toMatch(/\/(src\/cli\/commands\/pdf\.ts|lib\/deckmark\.js)/);
    expect(loaded).not.toMatch(/pdf-lib|src\/export\//);
  });
});
