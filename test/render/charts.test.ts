import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeckmarkError } from '../../src/errors.js';
import { parseDeck } from '../../src/parse/index.js';
import { chartThemeFromCss } from '../../src/render/chart-theme.js';
import { renderCharts } from '../../src/render/charts.js';
import { renderDeck } from '../../src/render/index.js';
import { fixturesFolder } from '../helpers/workspace.js';

const theme = chartThemeFromCss(readFileSync(join(import.meta.dirname, '..', '..', 'templates', 'themes', 'deckmark.css'), 'utf8'));

async function build(markdown: string) {
  const deck = parseDeck(markdown, 'deck.md');
  const { charts, warnings } = await renderCharts(deck, theme);
  return { rendered: renderDeck(deck, { charts }), warnings };
}

async function chartError(markdown: string): Promise<DeckmarkError> {
  const error = await build(markdown).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (error instanceof DeckmarkError) return error;
  throw new Error(`expected a DeckmarkError, got ${String(error)}`);
}

const bars = (values: number[]) =>
  JSON.stringify({
    description: 'Revenue by year',
    data: { values: values.map((value, index) => ({ year: String(2020 + index), value })) },
    mark: 'bar',
    encoding: { x: { field: 'year', type: 'nominal' }, y: { field: 'value', type: 'quantitative' } },
  });

describe('vega-lite charts', () => {
  it('become an inline, responsive, labelled SVG with one mark per datum', async () => {
    const { rendered } = await build(`## Revenue\n\n\`\`\`vega-lite\n${bars([3, 5, 8, 2])}\n\`\`\`\n`);
    const html = rendered.slides[0]!.regions[0]!;
    expect(html).toMatch(/^<figure class="dm-chart"><svg /);
    const svgTag = /<svg[^>]*>/.exec(html)![0];
    expect(svgTag).toMatch(/viewBox="0 0 [\d.]+ [\d.]+"/);
    expect(svgTag).not.toMatch(/\s(width|height)="/);
    expect(svgTag).toContain('role="img"');
    expect(svgTag).toContain('aria-label="Revenue by year"');
    const marks = /<g class="mark-rect role-mark marks"[^>]*>([\s\S]*?)<\/g>/.exec(html)![1]!;
    expect(marks.match(/<path /g)).toHaveLength(4);
    expect(html).not.toContain('hljs');
  });

  it('takes its font and colours from the deck theme', async () => {
    const { rendered } = await build(`\`\`\`vega-lite\n${bars([1, 2])}\n\`\`\`\n`);
    const html = rendered.slides[0]!.regions[0]!;
    expect(html).toContain(`fill="${theme.accent}"`);
    expect(html).toMatch(/font-family="Inter"/);
    expect(html).toMatch(/font-size="30px"/);
  });

  it('reads YAML specs and uses the title when there is no description', async () => {
    const yaml =
      'title: Shares\ndata:\n  values:\n    - { q: Q1, v: 1 }\n    - { q: Q2, v: 3 }\nmark: line\nencoding:\n  x: { field: q, type: ordinal }\n  y: { field: v, type: quantitative }\n';
    const { rendered } = await build(`\`\`\`vega-lite\n${yaml}\`\`\`\n`);
    expect(rendered.slides[0]!.regions[0]).toContain('aria-label="Shares"');
  });

  it('keeps .element attributes on the chart figure (fragments)', async () => {
    const { rendered } = await build(`\`\`\`vega-lite\n${bars([1])}\n\`\`\`\n<!-- .element: class="fragment" data-fragment-index="2" -->\n`);
    expect(rendered.slides[0]!.regions[0]).toMatch(/^<figure class="dm-chart fragment" data-fragment-index="2"><svg /);
  });

  it('ignores vega-lite text in other code blocks', async () => {
    const { rendered } = await build('````markdown\n```vega-lite\n{"mark": "nope"}\n```\n````\n');
    expect(rendered.slides[0]!.regions[0]).toMatch(/^<pre><code class="hljs language-markdown">/);
  });

  it('refuses an invalid spec with the line of its fence', async () => {
    const error = await chartError(`---\ntitle: t\n---\n## Chart\n\n\`\`\`vega-lite\n{"data": {"values": []}, "mark": "pie-in-the-sky"}\n\`\`\`\n`);
    expect(error.location).toEqual({ file: 'deck.md', line: 6 });
    expect(error.message).toMatch(/^invalid vega-lite chart: .*pie-in-the-sky/);
  });

  it('refuses JSON that does not parse, at the deck line and column where it breaks', async () => {
    const error = await chartError('## A\n\ntext\n\n---\n\n## B\n\n```vega-lite\n{"mark": "bar",\n```\n');
    expect(error.toString()).toBe('deck.md:10:16: invalid vega-lite chart: the spec is not valid JSON: Expected double-quoted property name');
  });

  it('points at a trailing comma in JSON, where the comma is', async () => {
    const error = await chartError('# A\n\n```vega-lite\n{\n  "data": {"values": [{"a": 1}]},\n  "mark": "bar",\n}\n```\n');
    expect(error.toString()).toBe(
      'deck.md:6:16: invalid vega-lite chart: the spec is not valid JSON: Expected double-quoted property name (JSON allows no comma before a closing } or ])',
    );
  });

  it('refuses YAML that does not parse, at the deck line of the problem', async () => {
    const error = await chartError('# A\n\n```vega-lite\ndata:\n  values: [{a: 1}]\n mark: bar\n```\n');
    expect(error.toString()).toBe('deck.md:6:1: invalid vega-lite chart: All mapping items must start at the same column');
  });

  it('never loads data from a file or the network', async () => {
    const error = await chartError(
      '```vega-lite\n{"data": {"url": "/etc/passwd"}, "mark": "bar", "encoding": {"x": {"field": "a", "type": "nominal"}}}\n```\n',
    );
    expect(error.message).toMatch(/inline data/);
  });

  it('renders a chart whose marks link somewhere, without the links', async () => {
    const spec = JSON.stringify({
      data: { values: [{ a: 'x', b: 1, u: 'https://example.com' }] },
      mark: 'bar',
      encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'b', type: 'quantitative' }, href: { field: 'u' } },
    });
    const { rendered } = await build(`\`\`\`vega-lite\n${spec}\n\`\`\`\n`);
    const html = rendered.slides[0]!.regions.join('');
    expect(html).toContain('<svg');
    expect(html).not.toMatch(/href="https?:/);
  });

  it('interprets expressions in a spec instead of compiling them into functions', async () => {
    const spec = JSON.stringify({
      data: {
        values: [
          { a: 'x', b: 1 },
          { a: 'y', b: 3 },
        ],
      },
      transform: [{ calculate: 'datum.b * 2 + 1', as: 'c' }, { filter: 'datum.c > 2' }],
      mark: 'bar',
      encoding: { x: { field: 'a', type: 'nominal' }, y: { field: 'c', type: 'quantitative' } },
    });
    // Parsed first: zod compiles its own schemas with Function, which is not the deck's text.
    const deck = parseDeck(`\`\`\`vega-lite\n${spec}\n\`\`\`\n`, 'deck.md');
    const original = globalThis.Function;
    let compiled = 0;
    globalThis.Function = new Proxy(original, {
      apply: (target, self, args) => {
        compiled++;
        return Reflect.apply(target, self, args);
      },
      construct: (target, args) => {
        compiled++;
        return Reflect.construct(target, args);
      },
    });
    try {
      const { charts } = await renderCharts(deck, theme);
      expect(renderDeck(deck, { charts }).slides[0]!.regions.join('')).toContain('aria-label="a: y; c: 7"');
    } finally {
      globalThis.Function = original;
    }
    expect(compiled).toBe(0);
  });

  it('renders the charts of the fixture deck', async () => {
    const { rendered, warnings } = await build(readFileSync(join(fixturesFolder, 'authoring', 'math-charts.md'), 'utf8'));
    expect(warnings).toEqual([]);
    expect(rendered.slides.filter((slide) => slide.regions.join('').includes('<svg'))).toHaveLength(2);
  });
});
