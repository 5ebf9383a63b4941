import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeWorkspace } from '../helpers/workspace.js';

const root = join(import.meta.dirname, '..', '..');

describe('what build loads', () => {
  it('never loads Puppeteer, Chromium or the browser manager', () => {
    const cwd = makeWorkspace({ 'talk.md': '# One\n\n```js\nlet a = 1;\n```\n' });
    const log = join(cwd, 'imports.log');
    execFileSync(process.execPath, ['--import', join(root, 'test', 'helpers', 'record-imports.mjs'), join(root, 'bin', 'deckmark.js'), 'build', 'talk.md'], {
      cwd,
      env: { ...process.env, DECKMARK_IMPORT_LOG: log },
    });
    const loaded = readFileSync(log, 'utf8');
    // bin/deckmark.js runs lib/ when npm install compiled it, src/ through tsx otherwise.
    expect(loaded).toMatch(/\/src\/pipeline\.ts|\/lib\/deckmark\.js/);
    expect(loaded).not.toMatch(/puppeteer|@sparticuz|src\/browser\/|lib\/manager-/);
  });
});
