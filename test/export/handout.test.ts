import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../helpers/workspace.js';
import { pageXObjects, readPdf } from './pdf-reader.js';

type Read = Awaited<ReturnType<typeof readPdf>>;
const layouts = [1, 2, 3, 4, 6] as const;
const slideCount = 5;

describe('deckmark pdf --handout N', () => {
  const handouts = new Map<number, Read>();
  let letter: Read;
  let slides: Read;

  beforeAll(async () => {
    const runs = [...layouts.map((n) => ['--handout', String(n)]), ['--handout', '4', '--paper', 'letter']];
    const read = await Promise.all(
      runs.map(async (flags) => {
        const cwd = makeWorkspace({}, 'export');
        const result = await runCli(['pdf', 'talk.md', ...flags], cwd);
        expect(result.code, result.stderr).toBe(0);
        // One slide a page keeps the plain name; grids say their layout, so two never collide.
        const name = flags[1] === '1' ? 'talk-handout.pdf' : `talk-handout-${flags[1]}up.pdf`;
        expect(result.stdout).toContain(`talk.md → dist/${name}`);
        return { handout: await readPdf(join(cwd, 'dist', name)), slides: await readPdf(join(cwd, 'dist', 'talk.pdf')) };
      }),
    );
    for (const [index, n] of layouts.entries()) handouts.set(n, read[index]!.handout);
    letter = read[layouts.length]!.handout;
    slides = read[0]!.slides;
  });

  it.each(layouts)('%i-up has ceil(slides / N) pages, each with its header and "page x / y" footer', (n) => {
    const handout = handouts.get(n)!;
    const pages = Math.ceil(slideCount / n);
    expect(handout.pages).toHaveLength(pages);
    handout.pages.forEach((text, index) => {
      expect(text).toContain('Export Fixture Talk');
      expect(text).toContain('1 April 2030');
      expect(text).toContain(`page ${index + 1} / ${pages}`);
    });
  });

  it.each(layouts)('%i-up places slides as vector forms, never images, with their text selectable', (n) => {
    const handout = handouts.get(n)!;
    handout.pages.forEach((text, index) => {
      const onPage = Math.min(n, slideCount - index * n);
      const kinds = pageXObjects(handout.lib, index);
      expect(kinds.filter((kind) => kind === '/Form').length).toBeGreaterThanOrEqual(onPage);
      expect(kinds).not.toContain('/Image');
      expect(text).toContain(['Alpha opening', 'Bravo stack', 'Bravo child', 'Charlie fragments', 'Delta code'][index * n]);
    });
  });

  it('prints A4 by default and Letter with --paper letter', () => {
    // Chromium rounds the paper to whole CSS pixels: within a point of 595.3×841.9 / 612×792.
    const a4 = handouts.get(4)!.lib.getPage(0);
    expect(Math.abs(a4.getWidth() - 595.3)).toBeLessThan(1);
    expect(Math.abs(a4.getHeight() - 841.9)).toBeLessThan(1);
    const us = letter.lib.getPage(0);
    expect(Math.abs(us.getWidth() - 612)).toBeLessThan(1);
    expect(Math.abs(us.getHeight() - 792)).toBeLessThan(1);
  });

  it('puts each slide notes beside or below it on 1-up and 3-up, and none on the grids', () => {
    for (const n of [1, 3]) {
      const text = handouts.get(n)!.pages.join(' ');
      expect(text).toContain('ALPHANOTE spoken on the first slide.');
      expect(text).toContain('BRAVONOTE spoken on the child slide.');
    }
    expect(handouts.get(1)!.pages[0]).toContain('ALPHANOTE');
    expect(handouts.get(1)!.pages[2]).toContain('BRAVONOTE');
    for (const n of [2, 4, 6]) expect(handouts.get(n)!.pages.join(' ')).not.toMatch(/ALPHANOTE|BRAVONOTE/);
  });

  it('shows the slides in their final state, every fragment visible', () => {
    expect(handouts.get(6)!.pages[0]).toContain('Second fragment');
  });

  it('leaves the slides PDF as it is without a handout', () => {
    expect(slides.pages).toHaveLength(slideCount);
    expect(handouts.get(1)!.lib.getTitle()).toBe('Export Fixture Talk (handout)');
  });
});
