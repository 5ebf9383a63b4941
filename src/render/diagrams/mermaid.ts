import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'puppeteer-core';
import { packageFolder } from '../../paths.js';

/** What the diagram stage needs of a browser: a page for a while (BrowserManager has it). */
export interface PageRunner {
  withPage<T>(work: (page: Page) => Promise<T>, deck?: string): Promise<T>;
}

export interface MermaidJob {
  /** The SVG's id; Mermaid derives every inner id (markers, styles) from it. */
  id: string;
  source: string;
}

export type MermaidResult = { svg: string; title: string } | { error: string };

let script: string | undefined;

/**
 * Renders Mermaid diagrams in one page of a headless Chromium: Mermaid lays out text with
 * the browser's own engine, so sizes match what the deck shows. The page may load nothing
 * (every request is refused) and has the theme's fonts inlined, so measuring uses the
 * deck's real font. Each diagram has `timeoutMs`; a slower one is reported, never awaited.
 * Results stop at the first failure.
 */
export async function renderMermaid(
  runner: PageRunner,
  jobs: MermaidJob[],
  settings: { config: Record<string, unknown>; fontFaces: string; timeoutMs: number; deck: string },
): Promise<MermaidResult[]> {
  // The installed package's self-contained browser build (3.5 MB), read once per process.
  script ??= readFileSync(join(packageFolder('mermaid'), 'dist', 'mermaid.min.js'), 'utf8');
  const bundle = script;
  return runner.withPage(async (page) => {
    await page.setRequestInterception(true);
    page.on('request', (request) => {
      if (request.isInterceptResolutionHandled()) return;
      if (request.url().startsWith('data:')) request.continue().catch(() => undefined);
      else request.abort('blockedbyclient').catch(() => undefined);
    });
    await page.setContent(`<!doctype html><html><head><style>${settings.fontFaces}</style></head><body></body></html>`);
    await page.addScriptTag({ content: bundle });
    await page.evaluate(async (config) => {
      const fonts = [...document.fonts];
      await Promise.all(fonts.map((face) => face.load().catch(() => undefined)));
      (window as unknown as { mermaid: { initialize(config: unknown): void } }).mermaid.initialize(config);
    }, settings.config);
    const results: MermaidResult[] = [];
    for (const job of jobs) {
      const result = await withTimeout(renderOne(page, job), settings.timeoutMs);
      results.push(result);
      // The build stops at this diagram; a page stuck in a layout must not take another one.
      if ('error' in result) break;
    }
    return results;
  }, settings.deck);
}

function renderOne(page: Page, job: MermaidJob): Promise<MermaidResult> {
  return page.evaluate(async ({ id, source }) => {
    interface Db {
      getDiagramTitle?: () => string;
      getAccTitle?: () => string;
    }
    const mermaid = (
      window as unknown as {
        mermaid: {
          render(id: string, text: string): Promise<{ svg: string }>;
          mermaidAPI: { getDiagramFromText(text: string): Promise<{ db: Db }> };
        };
      }
    ).mermaid;
    try {
      const { db } = await mermaid.mermaidAPI.getDiagramFromText(source);
      const title = db.getDiagramTitle?.() || db.getAccTitle?.() || '';
      const { svg } = await mermaid.render(id, source);
      return { svg, title };
    } catch (error) {
      return { error: String((error as Error)?.message ?? error) };
    } finally {
      // A failed render leaves its scratch element behind; the next diagram must not see it.
      document.getElementById(`d${id}`)?.remove();
    }
  }, job);
}

async function withTimeout(work: Promise<MermaidResult>, timeoutMs: number): Promise<MermaidResult> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<MermaidResult>((resolve) => {
    timer = setTimeout(() => resolve({ error: `it took longer than ${Math.round(timeoutMs / 1000)} s to lay out; split it or simplify it` }), timeoutMs);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
