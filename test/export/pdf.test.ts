import { join } from 'node:path';
import { PDFBool, PDFDict, PDFName } from 'pdf-lib';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../helpers/workspace.js';
import { embeddedFonts, readPdf } from './pdf-reader.js';

type Read = Awaited<ReturnType<typeof readPdf>>;
const titles = ['Alpha opening', 'Bravo stack', 'Bravo child', 'Charlie fragments', 'Delta code'];

/** Exports the fixture talk with `flags` in a fresh folder and reads the PDF back. */
async function exportTalk(...flags: string[]): Promise<{ pdf: Read; stdout: string; cwd: string }> {
  const cwd = makeWorkspace({}, 'export');
  const result = await runCli(['pdf', 'talk.md', ...flags], cwd);
  expect(result.code, result.stderr).toBe(0);
  return { pdf: await readPdf(join(cwd, 'dist', 'talk.pdf')), stdout: result.stdout, cwd };
}

describe('deckmark pdf: the slides PDF', () => {
  let plain: Awaited<ReturnType<typeof exportTalk>>;
  let withNotes: Read;
  let separate: Read;

  beforeAll(async () => {
    [plain, { pdf: withNotes }, { pdf: separate }] = await Promise.all([exportTalk(), exportTalk('--notes'), exportTalk('--fragments', 'separate')]);
  });

  it('prints one page per slide, vertical slides in reading order, each showing its title', () => {
    expect(plain.pdf.pages).toHaveLength(5);
    for (const [index, text] of plain.pdf.pages.entries()) expect(text).toContain(titles[index]);
  });

  it('shows every fragment on the slide page by default', () => {
    expect(plain.pdf.pages[3]).toContain('First fragment');
    expect(plain.pdf.pages[3]).toContain('Second fragment');
  });

  it('makes each page exactly the slide: 1920×1080 CSS px = 1440×810 pt', () => {
    for (const page of plain.pdf.lib.getPages()) {
      expect(page.getWidth()).toBeCloseTo(1440, 0);
      expect(page.getHeight()).toBeCloseTo(810, 0);
    }
  });

  it('leaves speaker notes out unless --notes adds a notes page after each slide with notes', () => {
    expect(plain.pdf.pages.join(' ')).not.toMatch(/ALPHANOTE|BRAVONOTE/);
    expect(withNotes.pages).toHaveLength(7);
    expect(withNotes.pages[0]).toContain('Alpha opening');
    expect(withNotes.pages[1]).toContain('ALPHANOTE');
    expect(withNotes.pages[3]).toContain('Bravo child');
    expect(withNotes.pages[4]).toContain('BRAVONOTE');
    // Each notes page is headed with its slide's number and title.
    expect(withNotes.pages[1]).toMatch(/^\s*1 \/ 5 · Alpha opening/);
    expect(withNotes.pages[4]).toMatch(/^\s*3 \/ 5 · Bravo child/);
  });

  it('prints one page per fragment step with --fragments separate', () => {
    // Charlie: before any fragment, after the first, after the second.
    expect(separate.pages).toHaveLength(7);
    expect(separate.pages[3]).not.toContain('First fragment');
    expect(separate.pages[4]).toContain('First fragment');
    expect(separate.pages[4]).not.toContain('Second fragment');
    expect(separate.pages[5]).toContain('Second fragment');
    expect(separate.pages[6]).toContain('Delta code');
  });

  it('carries the front matter as document metadata', () => {
    const { lib } = plain.pdf;
    expect(lib.getTitle()).toBe('Export Fixture Talk');
    expect(lib.getAuthor()).toBe('Ada Lovelace');
    expect(lib.getSubject()).toBe('A deck that exercises every PDF export feature');
    expect(lib.getKeywords()).toBe('export, pdf, handout, edge ml');
    expect(lib.getCreator()).toBe('deckmark');
    expect(lib.getProducer()).toMatch(/^deckmark \d/);
    expect(lib.catalog.get(PDFName.of('Lang'))?.toString()).toBe('(en-GB)');
  });

  it('has an outline of slide titles with the vertical stack nested under its first slide', () => {
    expect(plain.pdf.outline).toEqual([
      { title: 'Alpha opening', items: [] },
      { title: 'Bravo stack', items: [{ title: 'Bravo child', items: [] }] },
      { title: 'Charlie fragments', items: [] },
      { title: 'Delta code', items: [] },
    ]);
    expect(plain.pdf.firstPageOfOutline).toEqual([0, 1, 3, 4]);
  });

  it('points outline entries at the slide, not its notes or fragment pages', () => {
    expect(withNotes.outline.map((item) => item.title)).toEqual(['Alpha opening', 'Bravo stack', 'Charlie fragments', 'Delta code']);
    expect(withNotes.firstPageOfOutline).toEqual([0, 2, 5, 6]);
    expect(separate.firstPageOfOutline).toEqual([0, 1, 3, 6]);
  });

  it('is tagged for accessibility and embeds its fonts', () => {
    const markInfo = plain.pdf.lib.catalog.lookupMaybe(PDFName.of('MarkInfo'), PDFDict);
    expect(markInfo?.get(PDFName.of('Marked'))).toBe(PDFBool.True);
    expect(plain.pdf.lib.catalog.has(PDFName.of('StructTreeRoot'))).toBe(true);
    const fonts = embeddedFonts(plain.pdf.lib);
    expect(fonts.some((name) => name.includes('Inter'))).toBe(true);
    expect(fonts.some((name) => name.includes('JetBrainsMono'))).toBe(true);
  });

  it('ends with one summary line per output: pages, size, time', () => {
    expect(plain.stdout).toMatch(/^talk\.md → dist\/talk\.pdf · 5 pages · \d+ KB · [\d.]+ m?s$/);
  });
});
