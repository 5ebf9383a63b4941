import type { ChartTheme } from '../chart-theme.js';
import { graphvizAttributes } from './theme.js';

export type GraphvizResult = { svg: string; title: string } | { error: string };

type Viz = Awaited<ReturnType<typeof import('@viz-js/viz').instance>>;
let viz: Promise<Viz> | undefined;

/** Graphviz compiled to WebAssembly, loaded on the first DOT fence of the process. */
function graphviz(): Promise<Viz> {
  viz ??= import('@viz-js/viz').then((module) => module.instance());
  return viz;
}

export async function graphvizVersion(): Promise<string> {
  return (await graphviz()).graphvizVersion;
}

/**
 * Lays out a DOT graph in-process: no browser, no system Graphviz. The graph's `label` is
 * its title; errors are Graphviz's own messages.
 */
export async function renderGraphviz(source: string, theme: ChartTheme): Promise<GraphvizResult> {
  const instance = await graphviz();
  const options = graphvizAttributes(theme);
  const result = instance.render(source, { format: 'svg', engine: 'dot', ...options });
  if (result.status !== 'success') {
    const message = result.errors.map((error) => error.message.trim()).join('; ') || 'Graphviz could not lay out this graph';
    return { error: message };
  }
  const json = instance.render(source, { format: 'json0', engine: 'dot' });
  const label = json.status === 'success' ? (JSON.parse(json.output) as { label?: unknown }).label : undefined;
  return { svg: result.output, title: typeof label === 'string' ? label : '' };
}
