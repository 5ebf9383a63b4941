// Diagrams (issue 17): a 50-slide deck with 10 diagrams built cold (empty diagram cache:
// Chromium starts and Mermaid lays out 8 diagrams, Graphviz 2) and cached (no browser at
// all), and the live-reload latency of `serve` after editing one diagram.
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { cli } from './deckmark.mjs';
import { runOnce, summarize } from './measure.mjs';
import { openServedDeck } from './serve-latency.mjs';

const mermaidKinds = [
  (n) => `flowchart LR\n  A${n}[Read] --> B${n}(Parse) --> C${n}{Render}\n  C${n} -->|charts| D${n}[SVG]\n  C${n} -->|diagrams| D${n}`,
  (n) => `sequenceDiagram\n  Author->>deckmark: build ${n}\n  deckmark->>Chromium: layout\n  Chromium-->>deckmark: SVG`,
  (n) => `classDiagram\n  class Deck${n} {\n    +slides\n    +render()\n  }\n  Deck${n} <|-- Talk`,
  (n) => `stateDiagram-v2\n  [*] --> Draft${n}\n  Draft${n} --> Review\n  Review --> [*]`,
  (n) => `pie title Shares ${n}\n  "A" : 42\n  "B" : 58`,
  (n) => `gantt\n  dateFormat YYYY-MM-DD\n  section Plan ${n}\n  Write :a1, 2024-01-01, 30d\n  Rehearse :after a1, 10d`,
  (n) => `erDiagram\n  DECK${n} ||--o{ SLIDE : has`,
  (n) => `mindmap\n  root((Talk ${n}))\n    Why\n    How\n    Next`,
];

function diagram(index) {
  if (index % 5 === 4) return `\`\`\`dot\ndigraph { label="Graph ${index}"; read -> parse -> render${index} }\n\`\`\``;
  return `\`\`\`mermaid\n%% title: Diagram ${index}\n${mermaidKinds[index % mermaidKinds.length](index)}\n\`\`\``;
}

export function writeDiagramDeck(folder) {
  mkdirSync(folder, { recursive: true });
  const slides = Array.from({ length: 50 }, (_, index) =>
    index % 5 === 2 ? `## Slide ${index}\n\n${diagram(Math.floor(index / 5))}` : `## Slide ${index}\n\n- A point\n- Another point`,
  );
  const file = join(folder, 'diagrams-50.md');
  writeFileSync(file, `${slides.join('\n\n---\n\n')}\n`);
  return file;
}

export async function diagramSuite({ work, chromium, runs }) {
  const file = writeDiagramDeck(join(work, 'diagram-deck'));
  const cache = join(work, 'diagram-cache');
  const env = { DECKMARK_CACHE_DIR: cache, CHROME_PATH: chromium };
  const build = () => runOnce(process.execPath, [cli, 'build', file, '-o', join(work, 'diagram-dist')], { cwd: work, env });
  const cold = [];
  for (let run = 0; run < runs.slow; run++) {
    rmSync(cache, { recursive: true, force: true });
    cold.push((await build()).ms);
  }
  const cached = [];
  for (let run = 0; run < runs.fast; run++) cached.push((await build()).ms);
  const reload = await editLatency({ file, work, chromium, env, saves: runs.saves });
  const row = (name, figures, extra = {}) => ({ group: 'diagrams', name, size: 50, ...figures, ...extra });
  return [
    row('build, 10 diagrams, cold cache', summarize(cold)),
    row('build, 10 diagrams, cached', summarize(cached)),
    row('serve: edit a diagram → new SVG visible', reload.fresh),
    row('serve: edit back to a cached diagram → visible', reload.cached, { target: 150, unit: 'ms', met: reload.cached.medianMs < 150 }),
  ];
}

/**
 * Saves the deck with a new label in its first diagram and stops the clock when the label is
 * in the page (a mutation observer, no polling interval). Every other save restores the
 * original text, whose layout is cached: that is the "cached diagram" figure.
 */
async function editLatency({ file, work, chromium, env, saves }) {
  const original = readFileSync(file, 'utf8');
  const { server, browser, page } = await openServedDeck({ file, work, chromium, env, output: join(work, 'diagram-serve'), hash: '#/2' });
  try {
    const fresh = [];
    const cached = [];
    const waitFor = (text) =>
      page.waitForFunction((label) => document.querySelector('.reveal .slides')?.textContent.includes(label), { polling: 'mutation', timeout: 60_000 }, text);
    for (let save = 1; save <= saves; save++) {
      const word = `Edited${save}x${Date.now()}`;
      let seen = waitFor(word);
      let started = performance.now();
      writeFileSync(file, original.replace('A0[Read]', `A0[${word}]`));
      await seen;
      fresh.push(performance.now() - started);
      seen = waitFor('Read');
      started = performance.now();
      writeFileSync(file, original);
      await seen;
      cached.push(performance.now() - started);
    }
    return { fresh: summarize(fresh), cached: summarize(cached) };
  } finally {
    writeFileSync(file, original);
    await browser.close();
    server.kill('SIGTERM');
  }
}
