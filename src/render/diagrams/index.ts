import { createHash } from 'node:crypto';
import { fail } from '../../errors.js';
import { debug } from '../../log.js';
import { packageVersion } from '../../paths.js';
import type { Deck, Warning } from '../../types.js';
import type { ChartTheme } from '../chart-theme.js';
import { type FencedBlock, findFencedBlocks } from '../fences.js';
import { type CachedDiagram, DiagramDiskCache } from './disk-cache.js';
import { renderGraphviz } from './graphviz.js';
import { type MermaidResult, type PageRunner, renderMermaid } from './mermaid.js';
import { finishDiagramSvg } from './svg.js';
import { maxDiagramText, mermaidConfig } from './theme.js';

export type { PageRunner } from './mermaid.js';

/** The fence languages that are diagrams, and the library that draws each. */
export const diagramLanguages = { mermaid: 'mermaid', dot: 'graphviz', graphviz: 'graphviz' } as const;

/**
 * Finished diagram SVGs by `diagramKey(language, text)`. Their ids start with
 * `diagramIdPrefix`, which the Markdown pass replaces per occurrence, so two copies of one
 * diagram in a deck still have ids of their own.
 */
export type RenderedDiagrams = ReadonlyMap<string, string>;

export const diagramIdPrefix = 'dm-diagram-id-';

export function diagramKey(language: string, text: string): string {
  return `${diagramLanguages[language as keyof typeof diagramLanguages] ?? language}\n${text}`;
}

export interface DiagramTheme {
  colours: ChartTheme;
  /** @font-face rules with inlined fonts (see `inlineFontFaces`), read only when Mermaid runs. */
  fontFaces: () => string;
}

export interface DiagramSettings {
  /** Chromium for Mermaid; asked for a page only when a Mermaid diagram is not cached. */
  browser?: PageRunner;
  /** Where finished layouts are kept between runs; no disk cache without it. */
  cacheFolder?: string;
  /** Per Mermaid diagram. */
  timeoutMs?: number;
}

interface Job {
  block: FencedBlock;
  library: 'mermaid' | 'graphviz';
  key: string;
}

/**
 * The diagrams stage, beside charts: ```mermaid and ```dot fences become SVG before the
 * (synchronous) Markdown pass. Graphviz runs in-process as WebAssembly; Mermaid needs a
 * browser's layout engine, so a browser starts only for a Mermaid diagram that is not in
 * the disk cache. Neither library loads for a deck without diagrams.
 */
export async function renderDiagrams(
  deck: Deck,
  theme: DiagramTheme,
  settings: DiagramSettings = {},
): Promise<{ diagrams: RenderedDiagrams; warnings: Warning[] }> {
  const blocks = findFencedBlocks(deck, Object.keys(diagramLanguages));
  const diagrams = new Map<string, string>();
  const warnings: Warning[] = [];
  if (blocks.length === 0) return { diagrams, warnings };

  const config = mermaidConfig(theme.colours);
  const versions = { mermaid: '', graphviz: '' };
  const jobs = blocks.map((block): Job => {
    if (block.text.length > maxDiagramText) {
      fail(`diagram too large: ${block.text.length} characters, the limit is ${maxDiagramText}; split it into several`, 'input', {
        file: deck.file,
        line: block.line,
      });
    }
    const library = diagramLanguages[block.language as keyof typeof diagramLanguages];
    if (!versions[library]) versions[library] = library === 'mermaid' ? packageVersion('mermaid') : packageVersion('@viz-js/viz');
    const inputs = library === 'mermaid' ? config : theme.colours;
    const key = createHash('sha256').update(library).update(versions[library]).update(JSON.stringify(inputs)).update(block.text).digest('hex');
    return { block, library, key };
  });

  const cache = settings.cacheFolder === undefined ? undefined : new DiagramDiskCache(settings.cacheFolder);
  const done = new Map<string, CachedDiagram>();
  for (const job of jobs) {
    const hit = done.get(job.key) ?? (await cache?.get(job.key));
    if (hit) done.set(job.key, hit);
  }
  const missing = unique(jobs.filter((job) => !done.has(job.key)));
  debug('diagrams: %d in the deck, %d to lay out', jobs.length, missing.length);

  const fresh = new Map<string, CachedDiagram>();
  const mermaidJobs = missing.filter((job) => job.library === 'mermaid');
  if (mermaidJobs.length > 0) {
    if (!settings.browser)
      fail('a Mermaid diagram needs Chromium; pass a browser to renderDiagrams', 'generic', { file: deck.file, line: mermaidJobs[0]!.block.line });
    const results = await renderMermaid(
      settings.browser,
      mermaidJobs.map((job) => ({ id: `dm${job.key.slice(0, 12)}`, source: job.block.text })),
      { config, fontFaces: theme.fontFaces(), timeoutMs: settings.timeoutMs ?? 20_000, deck: deck.file },
    );
    for (const [index, result] of results.entries()) fresh.set(mermaidJobs[index]!.key, settle(result, mermaidJobs[index]!, deck.file));
  }
  for (const job of missing.filter((candidate) => candidate.library === 'graphviz')) {
    fresh.set(job.key, settle(await renderGraphviz(job.block.text, theme.colours), job, deck.file));
  }
  for (const [key, entry] of fresh) {
    done.set(key, entry);
    // A cache that cannot be written (a read-only checkout) costs speed, not the build.
    await cache?.set(key, entry).catch((error: unknown) => debug('diagram cache not written: %s', (error as Error).message));
  }

  for (const job of jobs) {
    const entry = done.get(job.key)!;
    const title = titleComment(job.block.text) ?? entry.title.trim();
    if (!title) {
      warnings.push({
        file: deck.file,
        line: job.block.line,
        message: `diagram has no title for screen readers; add a "${job.library === 'mermaid' ? '%%' : '//'} title: …" line`,
      });
    }
    diagrams.set(diagramKey(job.block.language, job.block.text), finishDiagramSvg(entry.svg, { prefix: diagramIdPrefix, label: title || 'Diagram' }));
  }
  return { diagrams, warnings };
}

/** A Mermaid or Graphviz failure, as the build's error at the fence's line. */
function settle(result: MermaidResult, job: Job, file: string): CachedDiagram {
  if ('error' in result) {
    fail(`invalid ${job.library === 'mermaid' ? 'Mermaid' : 'Graphviz'} diagram: ${conciseMessage(result.error)}`, 'input', { file, line: job.block.line });
  }
  return result;
}

/**
 * Mermaid's parse errors quote the line with a caret under it; the terminal shows the deck's
 * line anyway, so keep the sentences and drop the drawing.
 */
function conciseMessage(message: string): string {
  const lines = message.split('\n').map((line) => line.trim());
  const caret = lines.findIndex((line) => /^-*\^$/.test(line));
  const kept = caret > 0 ? [...lines.slice(0, caret - 1), ...lines.slice(caret + 1)] : lines;
  return kept.filter(Boolean).join(' ');
}

/** `%% title: …` (Mermaid) or `// title: …` (DOT): the author's name for the picture. */
function titleComment(text: string): string | undefined {
  return /^\s*(?:%%|\/\/|#)\s*title\s*:\s*(.+?)\s*$/im.exec(text)?.[1];
}

function unique(jobs: Job[]): Job[] {
  return [...new Map(jobs.map((job) => [job.key, job])).values()];
}
