import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../helpers/workspace.js';

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): [number, number] {
  const bytes = readFileSync(file);
  expect(bytes.subarray(1, 4).toString('latin1')).toBe('PNG');
  return [bytes.readUInt32BE(16), bytes.readUInt32BE(20)];
}

describe('deckmark png', () => {
  it('writes one image per slide at the slide size times --scale, and drops stale ones', async () => {
    const cwd = makeWorkspace({}, 'export');
    const folder = join(cwd, 'dist', 'talk-png');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'talk-09.png'), 'left from a longer version of the deck');

    const result = await runCli(['png', 'talk.md', '--scale', '0.25'], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(/^talk\.md → dist\/talk-png\/ · 5 images · \d+ KB · [\d.]+ m?s$/);
    const names = readdirSync(folder).sort();
    expect(names).toEqual(['talk-01.png', 'talk-02.png', 'talk-03.png', 'talk-04.png', 'talk-05.png']);
    for (const name of names) expect(pngSize(join(folder, name))).toEqual([480, 270]);
    // Different slides, different pictures: the view really moved.
    const images = names.map((name) => readFileSync(join(folder, name)).toString('base64'));
    expect(new Set(images).size).toBe(5);
  });

  it('rejects a scale out of range as a usage error', async () => {
    const result = await runCli(['png', 'talk.md', '--scale', '9'], makeWorkspace({}, 'export'));
    expect(result.code).toBe(2);
    expect(result.stderr).toBe('deckmark: --scale must be a number from 0.1 to 4 (got "9")');
  });
});
