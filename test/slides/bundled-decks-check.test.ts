import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../helpers/workspace.js';

const root = join(import.meta.dirname, '..', '..');

describe('the bundled decks', () => {
  it('pass deckmark check with no errors and no warnings', async () => {
    const out = makeWorkspace();
    const result = await runCli(['check', join(root, 'slides'), '--json', '--strict', '-o', out], root);
    expect(result.code, result.stdout + result.stderr).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual([]);
  });
});
