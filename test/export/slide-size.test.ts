import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../helpers/workspace.js';
import { readPdf } from './pdf-reader.js';

// reveal's spelling of the slide size used to reach the page only: pdf, png and check read
// deckmark's `width`/`height` and letterboxed a 1280×720 slide inside 1920×1080 pages.
const deck = [
  '---',
  'title: Small slides',
  'reveal:',
  '  width: 1280',
  '  height: 720',
  '---',
  '',
  '# Fits',
  '',
  '---',
  '',
  '## Too wide for 1280',
  '',
  '<div style="width: 1500px; height: 40px; background: #ccc">wide</div>',
  '',
].join('\n');

/** Width and height from a PNG's IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const bytes = readFileSync(file);
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}

describe('the slide size from reveal: { width, height }', () => {
  const cwd = makeWorkspace({ 'talk.md': deck });

  it('sizes the PDF pages: 1280×720 CSS px = 960×540 pt', async () => {
    const result = await runCli(['pdf', 'talk.md'], cwd);
    expect(result.code, result.stderr).toBe(0);
    const pdf = await readPdf(join(cwd, 'dist', 'talk.pdf'));
    for (const page of pdf.lib.getPages()) {
      expect(page.getWidth()).toBeCloseTo(960, 0);
      expect(page.getHeight()).toBeCloseTo(540, 0);
    }
  });

  it('sizes the slide images', async () => {
    const result = await runCli(['png', 'talk.md'], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(pngSize(join(cwd, 'dist', 'talk-png', 'talk-01.png'))).toEqual({ width: 1280, height: 720 });
  });

  it('measures overflow against it in check', async () => {
    const result = await runCli(['check', 'talk.md', '--ignore', 'accessibility'], cwd);
    expect(result.stdout).toMatch(/talk\.md:12: error: content overflows the 1280×720 slide by \d+ px on the right/);
  });
});
