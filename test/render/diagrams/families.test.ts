import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserManager } from '../../../src/browser/manager.js';
import { DeckmarkError } from '../../../src/errors.js';
import { parseDeck } from '../../../src/parse/index.js';
import { chartThemeFromCss } from '../../../src/render/chart-theme.js';
import { type PageRunner, renderDiagrams } from '../../../src/render/diagrams/index.js';
import { renderDeck } from '../../../src/render/index.js';

const css = readFileSync(join(import.meta.dirname, '..', '..', '..', 'templates', 'themes', 'deckmark.css'), 'utf8');
const theme = { colours: chartThemeFromCss(css), fontFaces: () => '' };

/** One Chromium for the file; `pages` counts how often the stage asked for one. */
const manager = new BrowserManager();
let pages = 0;
const browser: PageRunner = {
  withPage<T>(work: (page: Page) => Promise<T>, deck?: string) {
    pages++;
    return manager.withPage(work, deck);
  },
};
const cacheFolder = mkdtempSync(join(tmpdir(), 'deckmark-diagram-cache-'));
afterAll(async () => {
  await manager.dispose();
  rmSync(cacheFolder, { recursive: true, force: true });
});

async function build(markdown: string, settings = { browser, cacheFolder }) {
  const deck = parseDeck(markdown, 'deck.md');
  const { diagrams, warnings } = await renderDiagrams(deck, theme, settings);
  return { html: renderDeck(deck, { diagrams }).slides.map((slide) => slide.regions.join('\n')), warnings };
}

async function diagramError(markdown: string): Promise<DeckmarkError> {
  const error = await build(markdown).then(
    () => undefined,
    (reason: unknown) => reason,
  );
  if (error instanceof DeckmarkError) return error;
  throw new Error(`expected a DeckmarkError, got ${String(error)}`);
}

/** One diagram of every family Mermaid documents, each with a label that must be drawn. */
const families: Record<string, string> = {
  flowchart: 'flowchart LR\n  A[Alpha label] --> B(Beta)',
  sequence: 'sequenceDiagram\n  Alice->>Bob: Alpha label',
  class: 'classDiagram\n  class AlphaLabel {\n    +int size\n  }\n  AlphaLabel <|-- Beta',
  state: 'stateDiagram-v2\n  [*] --> AlphaLabel\n  AlphaLabel --> [*]',
  er: 'erDiagram\n  ALPHALABEL ||--o{ BETA : places',
  gantt: 'gantt\n  dateFormat YYYY-MM-DD\n  section Plan\n  Alpha label :a1, 2024-01-01, 30d',
  pie: 'pie title Shares\n  "Alpha label" : 42\n  "Beta" : 58',
  mindmap: 'mindmap\n  root((Alpha label))\n    Beta\n    Gamma',
  timeline: 'timeline\n  title History\n  2023 : Alpha label\n  2024 : Beta',
  gitGraph: 'gitGraph\n  commit id: "Alpha label"\n  branch feature\n  commit\n  checkout main\n  merge feature',
};

describe('Mermaid diagrams (in Chromium)', () => {
  it.each(Object.entries(families))('draw a %s as inline, labelled SVG with no script', async (_, source) => {
    const { html } = await build(`## D\n\n\`\`\`mermaid\n${source}\n\`\`\`\n`);
    const figure = html[0]!;
    expect(figure).toMatch(/^<h2[^>]*>D<\/h2>|^<figure class="dm-diagram">/m);
    const svg = /<figure class="dm-diagram">(<svg[\s\S]*<\/svg>)<\/figure>/.exec(figure)?.[1];
    expect(svg).toBeDefined();
    // The label is drawn as SVG text (maybe wrapped into several tspans).
    const text = svg!.replace(/<style>[\s\S]*?<\/style>/, '').replace(/<[^>]+>/g, ' ');
    expect(text).toMatch(/Alpha\s*label|ALPHALABEL|AlphaLabel/);
    expect(svg).toMatch(/^<svg[^>]* role="img"[^>]* aria-label="[^"]+"/);
    expect(svg).toMatch(/^<svg[^>]*viewBox="[\d. -]+"/);
    expect(svg).not.toMatch(/<script|\son\w+=/i);
  });

  it('take the theme font and colours', async () => {
    const { html } = await build('```mermaid\nflowchart LR\n  A --> B\n```\n');
    expect(html[0]).toContain(theme.colours.accent);
    expect(html[0]).toMatch(/font-family:\s*"?Inter/);
  });

  it('are named by a %% title line, by their own title, or warned about', async () => {
    const named = await build('```mermaid\n%% title: Request flow\nflowchart LR\n  A --> B\n```\n');
    expect(named.html[0]).toContain('aria-label="Request flow"');
    expect(named.warnings).toEqual([]);
    const titled = await build('```mermaid\npie title Market shares\n  "A" : 1\n```\n');
    expect(titled.html[0]).toContain('aria-label="Market shares"');
    const anonymous = await build('## A\n\n```mermaid\nflowchart LR\n  A --> B\n```\n');
    expect(anonymous.warnings).toEqual([{ file: 'deck.md', line: 3, message: expect.stringMatching(/no title for screen readers/) }]);
  });

  it('give two copies of one diagram on a page ids of their own', async () => {
    const block = '```mermaid\n%% title: Same\nflowchart LR\n  A --> B\n```\n';
    const { html } = await build(`${block}\n${block}`);
    const ids = [...html[0]!.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]);
    expect(ids.length).toBeGreaterThan(4);
    expect(new Set(ids).size).toBe(ids.length);
    // Markers are referenced by the renamed ids, not the originals.
    const references = [...html[0]!.matchAll(/url\(#([^)]+)\)/g)].map((match) => match[1]);
    for (const reference of references) expect(ids).toContain(reference);
  });

  it('can be fragments', async () => {
    const { html } = await build('```mermaid\n%% title: F\nflowchart LR\n  A --> B\n```\n<!-- .element: class="fragment" -->\n');
    expect(html[0]).toMatch(/^<figure class="dm-diagram fragment"><svg /);
  });

  it('stop the build with the fence line and Mermaid’s message', async () => {
    const error = await diagramError('---\ntitle: t\n---\n## A\n\ntext\n\n```mermaid\nflowchart LR\n  A --> \n```\n');
    expect(error.location).toEqual({ file: 'deck.md', line: 8 });
    expect(error.message).toMatch(/^invalid Mermaid diagram: .*(Parse error|Expecting)/);
  });

  it('refuse a diagram past the size bound without starting a layout', async () => {
    const before = pages;
    const error = await diagramError(`\`\`\`mermaid\nflowchart LR\n${'  A --> B\n'.repeat(3000)}\`\`\`\n`);
    expect(error.message).toMatch(/diagram too large/);
    expect(pages).toBe(before);
  });

  it('come from the disk cache on a second build, without a browser', async () => {
    const source = '```mermaid\n%% title: Cached\nsequenceDiagram\n  A->>B: cached once\n```\n';
    const first = await build(source);
    const refuse: PageRunner = { withPage: () => Promise.reject(new Error('the browser was asked for')) };
    const second = await build(source, { browser: refuse, cacheFolder });
    expect(second.html).toEqual(first.html);
  });

  it('lay out in one page for all diagrams of a deck', async () => {
    const before = pages;
    await build('```mermaid\nflowchart LR\n  X1 --> Y1\n```\n\n---\n\n```mermaid\nflowchart LR\n  X2 --> Y2\n```\n');
    expect(pages - before).toBe(1);
  });
});

describe('Graphviz diagrams (WebAssembly, no browser)', () => {
  const none: PageRunner = { withPage: () => Promise.reject(new Error('the browser was asked for')) };

  it('draw DOT as themed, labelled SVG', async () => {
    const { html } = await build('```dot\ndigraph { label="Stages"; read -> parse -> render }\n```\n', { browser: none, cacheFolder });
    expect(html[0]).toMatch(/^<figure class="dm-diagram"><svg [^>]*role="img"[^>]* aria-label="Stages"/);
    expect(html[0]).toContain('>parse</text>');
    expect(html[0]).toContain(`stroke="${theme.colours.accent}"`);
    expect(html[0]).not.toMatch(/<\?xml|<!DOCTYPE|<script/);
  });

  it('accept ```graphviz as well, and report Graphviz’s error at the fence', async () => {
    const ok = await build('```graphviz\n// title: G\ngraph { a -- b }\n```\n', { browser: none, cacheFolder });
    expect(ok.html[0]).toContain('aria-label="G"');
    const error = await diagramError('## A\n\n```dot\ndigraph { a -> }\n```\n');
    expect(error.location).toEqual({ file: 'deck.md', line: 3 });
    expect(error.message).toMatch(/^invalid Graphviz diagram: syntax error/);
  });

  it('never keep links or script from the DOT', async () => {
    const { html } = await build('```dot\ndigraph { a [URL="javascript:alert(1)", label="a"]; b [href="https://example.com"]; a -> b }\n```\n', {
      browser: none,
      cacheFolder,
    });
    expect(html[0]).toContain('<svg');
    expect(html[0]).not.toMatch(/javascript:|example\.com/);
  });
});
