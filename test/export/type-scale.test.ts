import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../helpers/workspace.js';
import { readPdf, textSizes } from './pdf-reader.js';

// Reveal's print view leaves each section 1px tall until its page is laid out; deck.js's
// fit step measured against that box, took every slide for overflowing and printed the
// deck at half size (most visibly with --fragments separate).
const deck = ['# Short title', '', '```js [1|2]', 'const a = 1;', 'const b = 2;', '```', '', '---', '', '## Second', '', 'Body text', ''].join('\n');

describe('the PDF keeps the slides’ type scale', () => {
  const cwd = makeWorkspace({ 'talk.md': deck });

  it('prints a short slide at full size, with fragments final and separate (a page per code step)', async () => {
    const sizes: number[] = [];
    for (const fragments of ['final', 'separate']) {
      const result = await runCli(['pdf', 'talk.md', '--fragments', fragments], cwd);
      expect(result.code, result.stderr).toBe(0);
      const size = (await textSizes(join(cwd, 'dist', 'talk.pdf'), 1)).get('Short title');
      expect(size).toBeDefined();
      sizes.push(size!);
      // The code's two highlight steps are two fragment states: one page each when separate.
      expect((await readPdf(join(cwd, 'dist', 'talk.pdf'))).pages).toHaveLength(fragments === 'separate' ? 3 : 2);
    }
    expect(sizes[1]).toBeCloseTo(sizes[0]!, 1);
    // The title is set at 104 design px on a 1920×1080 slide: 78 pt on a 1440×810 pt page.
    expect(sizes[0]).toBeGreaterThan(70);
  });
});
