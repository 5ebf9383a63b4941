import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../helpers/workspace.js';
import { type PptxFile, readPptx } from './pptx-reader.js';

const titles = ['Alpha opening', 'Bravo stack', 'Bravo child', 'Charlie fragments', 'Delta code'];
// PowerPoint's 16:9 slide, in EMU: 13.333 × 7.5 in.
const slideWidth = 12_192_000;
const slideHeight = 6_858_000;

/** Exports a fixture deck with `flags` in a fresh folder and reads the PPTX back. */
async function exportDeck(deck: string, ...flags: string[]): Promise<{ pptx: PptxFile; stdout: string; cwd: string }> {
  const cwd = makeWorkspace({}, 'export');
  // A machine shared with other test files can be slow; the budget is not what is tested here.
  const result = await runCli(['pptx', `${deck}.md`, '--timeout', '240', ...flags], cwd);
  expect(result.code, result.stderr).toBe(0);
  return { pptx: await readPptx(join(cwd, 'dist', `${deck}.pptx`)), stdout: result.stdout, cwd };
}

const textOf = (pptx: PptxFile, slide: number) => pptx.slides[slide]!.paragraphs.join('\n');

describe('deckmark pptx: an editable PowerPoint', () => {
  let talk: Awaited<ReturnType<typeof exportDeck>>;
  let separate: PptxFile;
  let rich: Awaited<ReturnType<typeof exportDeck>>;
  let pictures: PptxFile;

  beforeAll(async () => {
    // One after another: four Chromiums at once overload two cores.
    talk = await exportDeck('talk');
    separate = (await exportDeck('talk', '--fragments', 'separate')).pptx;
    rich = await exportDeck('rich');
    pictures = (await exportDeck('talk', '--pptx-images')).pptx;
  }, 600_000);

  it('writes one slide per deck slide, vertical slides in reading order, each title as text', () => {
    expect(talk.stdout).toMatch(/^talk\.md → dist\/talk\.pptx · 5 slides · \d+ KB · [\d.]+ m?s$/);
    expect(talk.pptx.slides).toHaveLength(5);
    for (const [index, title] of titles.entries()) expect(talk.pptx.slides[index]!.paragraphs[0]).toBe(title);
    expect(textOf(talk.pptx, 0)).toContain('The first slide of the fixture.');
    // Every fragment is shown by default.
    expect(textOf(talk.pptx, 3)).toContain('First fragment');
    expect(textOf(talk.pptx, 3)).toContain('Second fragment');
  });

  it("is the deck's size and aspect, and every shape lies inside the slide", () => {
    expect([talk.pptx.width, talk.pptx.height]).toEqual([slideWidth, slideHeight]);
    for (const slide of [...talk.pptx.slides, ...rich.pptx.slides]) {
      for (const shape of [...slide.shapes, ...slide.pictures]) {
        expect(shape.x, shape.name).toBeGreaterThanOrEqual(0);
        expect(shape.y, shape.name).toBeGreaterThanOrEqual(0);
        expect(shape.y + shape.h, shape.name).toBeLessThanOrEqual(slideHeight);
      }
    }
    // The title sits above the body text, both in the slide's top half, indented from its left edge.
    const [title, body] = talk.pptx.slides[0]!.shapes;
    expect(title!.y).toBeLessThan(body!.y);
    expect(body!.y).toBeLessThan(slideHeight / 2);
    expect(title!.x).toBeGreaterThan(0);
  });

  it('keeps speaker notes as the notes of their slide, and only there', () => {
    expect(talk.pptx.slides[0]!.notes).toContain('ALPHANOTE spoken on the first slide.');
    expect(talk.pptx.slides[2]!.notes).toContain('BRAVONOTE spoken on the child slide.');
    expect(talk.pptx.slides[1]!.notes).toBe('');
    // Notes are not on the slide itself.
    expect(textOf(talk.pptx, 0)).not.toContain('ALPHANOTE');
  });

  it('carries the front matter as document properties', () => {
    expect(talk.pptx.core).toMatchObject({
      'dc:title': 'Export Fixture Talk',
      'dc:creator': 'Ada Lovelace',
      'dc:subject': 'A deck that exercises every PDF export feature',
      'cp:keywords': 'export, pdf, handout, edge ml',
      'dc:language': 'en-GB',
    });
    expect(talk.pptx.slides[0]!.runs.every((run) => run.text === '' || run.font === 'Inter')).toBe(true);
  });

  it('makes one slide per fragment step with --fragments separate, hidden steps left out', () => {
    // Charlie: before any fragment, after the first, after the second.
    expect(separate.slides).toHaveLength(7);
    expect(textOf(separate, 3)).not.toContain('First fragment');
    expect(textOf(separate, 4)).toContain('First fragment');
    expect(textOf(separate, 4)).not.toContain('Second fragment');
    expect(textOf(separate, 5)).toContain('Second fragment');
    expect(separate.slides[6]!.paragraphs[0]).toBe('Delta code');
  });

  it('writes bold, italic, code and link runs with their fonts, and lists with bullets and numbers', () => {
    const runs = rich.pptx.slides[0]!.runs;
    const run = (text: string) => runs.find((candidate) => candidate.text === text);
    expect(run('bold words')).toMatchObject({ bold: true, italic: false });
    expect(run('italic words')).toMatchObject({ italic: true, bold: false });
    expect(run('inline code')).toMatchObject({ font: 'JetBrains Mono' });
    expect(run('a link')).toMatchObject({ link: true });
    expect(rich.pptx.slides[0]!.paragraphs).toEqual(expect.arrayContaining(['First numbered', 'Second numbered', 'Nested bullet']));
    expect(rich.pptx.slides[0]!.hasBullets).toBe(true);
    expect(rich.pptx.core['dc:language']).toBe('fr');
  });

  it('writes a Markdown table as a PowerPoint table with its cells', () => {
    expect(rich.pptx.slides[1]!.tables).toEqual([
      [
        ['Model', 'Cost'],
        ['Mistral Large', 'under 20'],
        ['GPT-4', '50 to 100'],
      ],
    ]);
  });

  it('embeds images as they are, and a formula as a picture of just that element', () => {
    const slide = rich.pptx.slides[2]!;
    expect(slide.pictures.length).toBeGreaterThanOrEqual(2);
    const original = readFileSync(join(rich.cwd, 'images', 'pic.png'));
    expect([...rich.pptx.media.values()].some((bytes) => Buffer.from(bytes).equals(original))).toBe(true);
    // The formula's text is in its picture, not repeated as text.
    expect(rich.pptx.slides[2]!.paragraphs[0]).toBe('A picture and a formula');
    expect(textOf(rich.pptx, 2)).not.toMatch(/dx|∫|frac/);
    const formula = slide.pictures.find((picture) => picture.name === 'span');
    expect(formula, JSON.stringify(slide.pictures)).toBeDefined();
    expect(formula!.w).toBeLessThan(slideWidth / 2);
  });

  it('writes code as text in its font, with its line breaks and highlight colours', () => {
    const code = rich.pptx.slides[3]!.runs.filter((run) => run.font === 'JetBrains Mono');
    expect(code.map((run) => run.text).join('')).toBe('const answer: number = 42;function ask() { return answer; }');
    expect(new Set(code.map((run) => run.colour)).size).toBeGreaterThan(2);
    expect(rich.pptx.slides[3]!.paragraphs).toContain('const answer: number = 42;\nfunction ask() { return answer; }'.replace('\n', '') + '\n');
  });

  it('writes one picture per slide and keeps the notes with --pptx-images', () => {
    expect(pictures.slides).toHaveLength(5);
    for (const slide of pictures.slides) {
      expect(slide.runs).toEqual([]);
    }
    expect(pictures.slides[0]!.notes).toContain('ALPHANOTE');
    expect(pictures.media.size).toBe(5);
  });
});
