import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../helpers/workspace.js';
import { readPdf } from './pdf-reader.js';

// Reveal's print view numbers pages 1, 2, 3 (3.1 for fragment steps) whatever the deck shows
// on screen; the PDF must show the deck's own numbers.
const slides = ['# One', '## Two', '## Two down\n\n- a <!-- .element: class="fragment" -->', '## Three'];
const deck = (slideNumber: string) =>
  `---\nslideNumber: ${slideNumber}\n---\n${slides[0]}\n\n---\n\n${slides[1]}\n\n----\n\n${slides[2]}\n\n---\n\n${slides[3]}\n`;

/** The last word of each page's text: where the slide number is printed. */
async function pageNumbers(cwd: string): Promise<string[]> {
  const pdf = await readPdf(join(cwd, 'dist', 'talk.pdf'));
  return pdf.pages.map((text) => text.replace(/\s+/g, ' ').trim().split(' ').slice(-3).join(''));
}

describe('slide numbers in the PDF', () => {
  it('read "c / t" by default, one number per slide across its fragment pages', async () => {
    const cwd = makeWorkspace({ 'talk.md': deck('c/t') });
    expect((await runCli(['pdf', 'talk.md', '--fragments', 'separate'], cwd)).code).toBe(0);
    const numbers = await pageNumbers(cwd);
    expect(numbers.map((text) => /(\d+\/\d+)$/.exec(text)?.[1])).toEqual(['1/4', '2/4', '3/4', '3/4', '4/4']);
  });

  it('follow h.v when the deck asks for it', async () => {
    const cwd = makeWorkspace({ 'talk.md': deck('h.v') });
    expect((await runCli(['pdf', 'talk.md'], cwd)).code).toBe(0);
    const numbers = await pageNumbers(cwd);
    expect(numbers.map((text) => /(\d+(?:\.\d+)?)$/.exec(text)?.[1])).toEqual(['1', '2', '2.2', '3']);
  });

  it('with --notes on a deck whose last slide has notes: no blank page after it', async () => {
    const cwd = makeWorkspace({ 'talk.md': '# One\n\nNote: first\n\n---\n\n## Two\n\nNote: last words\n' });
    const result = await runCli(['pdf', 'talk.md', '--notes'], cwd);
    expect(result.code, result.stderr).toBe(0);
    const pdf = await readPdf(join(cwd, 'dist', 'talk.pdf'));
    expect(pdf.pages).toHaveLength(4);
    expect(pdf.pages[3]).toContain('last words');
  });
});
