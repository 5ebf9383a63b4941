import { createHash } from 'node:crypto';
import { fail } from '../errors.js';
import { parseYaml } from '../parse/frontmatter.js';
import type { Deck, Warning } from '../types.js';
import { type ChartTheme, vegaLiteConfig } from './chart-theme.js';
import { type FencedBlock, findFencedBlocks } from './fences.js';
import { fitSvg } from './svg-fit.js';

/** Chart SVGs by the exact text of their ```vega-lite block. */
export type RenderedCharts = ReadonlyMap<string, string>;

interface ChartResult {
  svg: string;
  warnings: string[];
}

// Same spec and theme, same SVG: the dev server rebuilds on every save, vega is not free.
const cache = new Map<string, Promise<ChartResult>>();

/**
 * Renders the deck's charts to SVG before the (synchronous) Markdown pass: vega renders
 * asynchronously. Vega is loaded only when a deck has a chart.
 */
export async function renderCharts(deck: Deck, theme: ChartTheme): Promise<{ charts: RenderedCharts; warnings: Warning[] }> {
  const blocks = findFencedBlocks(deck, ['vega-lite']);
  const charts = new Map<string, string>();
  const warnings: Warning[] = [];
  const config = vegaLiteConfig(theme);
  for (const block of blocks) {
    const key = createHash('sha256').update(block.text).update(JSON.stringify(config)).digest('hex');
    let result = cache.get(key);
    if (!result) {
      result = renderChart(block, deck.file, config);
      cache.set(key, result);
      result.catch(() => cache.delete(key));
    }
    const { svg, warnings: messages } = await result;
    charts.set(block.text, svg);
    for (const message of messages) warnings.push({ file: deck.file, line: block.line, message: `vega-lite: ${message}` });
  }
  return { charts, warnings };
}

async function renderChart(block: FencedBlock, file: string, config: Record<string, unknown>): Promise<ChartResult> {
  const where = { file, line: block.line };
  const spec = parseSpec(block, file);
  const [vegaLite, vega, { expressionInterpreter }] = await Promise.all([import('vega-lite'), import('vega'), import('vega-interpreter')]);
  const warnings: string[] = [];
  const logger = {
    level: () => logger,
    error: () => logger,
    info: () => logger,
    debug: () => logger,
    warn: (...args: unknown[]) => {
      warnings.push(args.join(' '));
      return logger;
    },
  };
  const errors: string[] = [];
  const describeArgs = (args: unknown[]) => args.map((arg) => (arg instanceof Error ? arg.message : String(arg))).join(' ');
  const viewLogger = {
    ...logger,
    level: () => viewLogger,
    error: (...args: unknown[]) => {
      errors.push(describeArgs(args));
      return viewLogger;
    },
    // A refused data load is only a warning to vega; to us the chart is wrong.
    warn: (...args: unknown[]) => {
      (args[0] === 'Loading failed' ? errors : warnings).push(describeArgs(args));
      return viewLogger;
    },
  };
  let svg: string;
  try {
    assertKnownMarks(spec);
    const compiled = vegaLite.compile(spec as never, { config: config as never, logger: logger as never });
    // Expressions in a spec are the deck's text: they are interpreted, never compiled into
    // JavaScript with Function (vega's CSP-safe mode), so no spec can become code at build time.
    const view = new vega.View(vega.parse(compiled.spec, undefined, { ast: true }), {
      renderer: 'none',
      loader: offlineLoader as never,
      logger: viewLogger as never,
      expr: expressionInterpreter,
    });
    try {
      svg = await view.toSVG();
    } finally {
      view.finalize();
    }
  } catch (error) {
    const reason = (error as Error).message.split('\n')[0];
    fail(
      `invalid vega-lite chart: ${error instanceof TypeError ? `the spec does not compile (${reason})` : reason}; see https://vega.github.io/vega-lite/docs/`,
      'input',
      where,
      error,
    );
  }
  // Vega logs dataflow errors (such as refused data loads) instead of throwing them.
  if (errors.length > 0) fail(`invalid vega-lite chart: ${errors[0]}`, 'input', where);
  return { svg: fitSvg(svg, describe(spec)), warnings };
}

/** The spec as data, its errors at the deck's line: the spec's text starts below the fence. */
function parseSpec(block: FencedBlock, file: string): Record<string, unknown> {
  if (!block.text.trimStart().startsWith('{')) return parseYaml(block.text, file, block.line, 'vega-lite chart').data;
  let spec: unknown;
  try {
    spec = JSON.parse(block.text);
  } catch (error) {
    fail(...jsonError(error as Error, block, file));
  }
  if (spec === null || typeof spec !== 'object' || Array.isArray(spec)) {
    fail('invalid vega-lite chart: the spec must be an object with data, mark and encoding', 'input', { file, line: block.line });
  }
  return spec as Record<string, unknown>;
}

/** JSON.parse names a character offset; a person needs the line, and a hint for the usual slip. */
function jsonError(error: Error, block: FencedBlock, file: string): Parameters<typeof fail> {
  const reason = error.message.replace(/ in JSON at position \d+.*$/s, '');
  const position = Number(/at position (\d+)/.exec(error.message)?.[1] ?? block.text.length);
  const trailingComma = /,\s*$/.test(block.text.slice(0, position)) && /^\s*[}\]]/.test(block.text.slice(position));
  const hint = trailingComma ? ' (JSON allows no comma before a closing } or ])' : '';
  // A trailing comma is reported where the comma is, not at the brace after it.
  const lines = block.text.slice(0, trailingComma ? block.text.lastIndexOf(',', position) : position).split('\n');
  return [
    `invalid vega-lite chart: the spec is not valid JSON: ${reason}${hint}`,
    'input',
    { file, line: block.line + lines.length, column: lines.at(-1)!.length + 1 },
  ];
}

const marks = new Set([
  'arc',
  'area',
  'bar',
  'image',
  'line',
  'point',
  'rect',
  'rule',
  'text',
  'tick',
  'trail',
  'circle',
  'square',
  'geoshape',
  'boxplot',
  'errorband',
  'errorbar',
]);

/** vega-lite meets an unknown mark with a TypeError; name the mark instead. */
function assertKnownMarks(spec: unknown): void {
  if (spec === null || typeof spec !== 'object') return;
  for (const [key, value] of Object.entries(spec)) {
    if (key === 'data' || key === 'datasets') continue;
    if (key === 'mark') {
      const type = typeof value === 'string' ? value : (value as { type?: unknown } | null)?.type;
      if (typeof type !== 'string' || !marks.has(type)) throw new Error(`unknown mark ${JSON.stringify(type)}; use one of ${[...marks].join(', ')}`);
    } else if (typeof value === 'object') assertKnownMarks(value);
  }
}

/** A chart takes its data inline: a build never reads files or the network for it. */
const offlineLoader = {
  load: refuseLoad,
  // Vega asks this for every link and image URL of a mark, and does not handle a rejection
  // (the process died with a stack): an empty href keeps the chart, without links or images.
  sanitize: async () => ({ href: '' }),
  http: refuseLoad,
  file: refuseLoad,
};

async function refuseLoad(uri: unknown): Promise<never> {
  throw new Error(`charts take inline data ("data": {"values": [...]}); cannot load ${String(uri)}`);
}

function describe(spec: Record<string, unknown>): string {
  const title = spec.title;
  const titleText = typeof title === 'string' ? title : typeof (title as { text?: unknown })?.text === 'string' ? (title as { text: string }).text : undefined;
  return typeof spec.description === 'string' ? spec.description : (titleText ?? 'Chart');
}
