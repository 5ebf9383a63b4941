import { copyFileSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { fixturesFolder, makeWorkspace } from '../helpers/workspace.js';

const tall = `---\ntitle: Tall\n---\n## Fits\n\n---\n\n## Far too many points\n\n${Array.from({ length: 40 }, (_, i) => `- Point ${i + 1}`).join('\n')}\n`;
const images = '---\ntitle: Images\n---\n# A\n\n![broken](broken.png)\n\n---\n\n## B\n\n![A dot](dot.png)\n';

function workspace(): string {
  const cwd = makeWorkspace({ 'tall.md': tall, 'images.md': images });
  for (const name of ['broken.png', 'dot.png']) copyFileSync(join(fixturesFolder, 'check', name), join(cwd, name));
  return cwd;
}

describe('pdf and png report what they saw on the exported page', () => {
  it('warns about an overflowing slide and a broken image with file and slide line, and still writes the PDF', async () => {
    const cwd = workspace();
    const result = await runCli(['pdf', 'tall.md', 'images.md'], cwd);
    expect(result.code).toBe(0);
    const lines = result.stderr.split('\n');
    expect(lines).toContainEqual(
      expect.stringMatching(
        /^tall\.md:8: warning: content overflows the 1920×1080 slide by \d+ px at the bottom; shorten it, split the slide or make it smaller \[overflow\]$/,
      ),
    );
    expect(lines).toContain(
      'images.md:4: warning: image "broken.png" did not load: the file is missing or is not an image the browser can decode [image-missing]',
    );
    // The slide whose image loads has nothing to report.
    expect(result.stderr).not.toMatch(/images\.md:10/);
    expect(existsSync(join(cwd, 'dist', 'tall.pdf'))).toBe(true);
  });

  it('turns them into errors and a failed run with --strict', async () => {
    const cwd = workspace();
    const result = await runCli(['pdf', '--strict', 'images.md'], cwd);
    expect(result.code).toBe(ExitCode.checkFailed);
    expect(result.stderr.split('\n')).toEqual([
      'images.md:4: error: image "broken.png" did not load: the file is missing or is not an image the browser can decode [image-missing]',
      'deckmark: images.md: 1 problem in the printed slides (--strict)',
    ]);
  });

  it('png measures each slide it photographs, the same way', async () => {
    const cwd = workspace();
    const result = await runCli(['png', '--strict', 'tall.md'], cwd);
    expect(result.code).toBe(ExitCode.checkFailed);
    expect(result.stderr.split('\n')).toEqual([
      expect.stringMatching(
        /^tall\.md:8: error: content overflows the 1920×1080 slide by \d+ px at the bottom; shorten it, split the slide or make it smaller \[overflow\]$/,
      ),
      'deckmark: tall.md: 1 problem in the slide images (--strict)',
    ]);
    expect(existsSync(join(cwd, 'dist', 'tall-png', 'tall-01.png'))).toBe(true);
  });
});
