import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { makeWorkspace } from '../helpers/workspace.js';

const root = join(import.meta.dirname, '..', '..');

describe('what build loads', () => {
  // bin/deckmark.js runs lib/, where the heavy packages stay imports of their own.
  it('never loads Puppeteer, Chromium, the browser manager, pdf-lib, pptxgenjs or the export code', () => {
    const cwd = makeWorkspace({ 'talk.md': '# One\n\n```js\nlet a = 1;\n```\n' });
    const log = join(cwd, 'imports.log');
    execFileSync(process.execPath, ['--import', join(root, 'test', 'helpers', 'record-imports.mjs'), join(root, 'bin', 'deckmark.js'), 'build', 'talk.md'], {
      cwd,
      env: { ...process.env, DECKMARK_IMPORT_LOG: log },
    });
    const loaded = readFileSync(log, 'utf8');
    expect(loaded).toMatch(/\/lib\/deckmark\.js/);
    expect(loaded).not.toMatch(/puppeteer|@sparticuz|src\/browser\/|lib\/manager-|pdf-lib|pptxgenjs|jszip|pngjs|src\/export\//);
  });
});
