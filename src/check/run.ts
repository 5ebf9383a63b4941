import { performance } from 'node:perf_hooks';
import { pathToFileURL } from 'node:url';
import type { Page } from 'puppeteer-core';
import type { Deadline } from '../browser/deadline.js';
import type { BrowserManager } from '../browser/manager.js';
import { RequestGuard } from '../browser/page-guard.js';
import { DeckmarkError, fail } from '../errors.js';
import { debug } from '../log.js';
import type { BuiltDeck } from '../pipeline.js';
import { loadAxeSource, probeAccessibility } from './accessibility.js';
import { toFindings } from './findings.js';
import { probeFit } from './fit.js';
import { probeImages } from './images.js';
import { inspectOpenPage } from './inspect.js';
import { openInspectionView } from './inspection-view.js';
import { probeLinks } from './links.js';
import { probeOverflow } from './overflow.js';
import { probeStructure } from './structure.js';
import type { Finding, PageFinding, ProbeContext, SlideProbe } from './types.js';

export interface CheckOptions {
  /** Rules switched off for the whole run (see `isIgnored`). */
  ignore: string[];
  /** The deck's budget: loading (fonts, images) and inspecting every slide. */
  deadline: Deadline;
}

/** Every rule that looks at one slide, in the order their findings are listed. */
const slideProbes: SlideProbe[] = [probeOverflow, probeFit, probeImages, probeLinks, probeStructure];

/**
 * Checks a built deck in Chromium: one page load, one pass over every slide, one axe run.
 * Findings point at the slide's first line in the deck's Markdown.
 */
export async function checkDeck(built: BuiltDeck, browser: BrowserManager, options: CheckOptions): Promise<Finding[]> {
  const { width, height } = built.rendered.deck.options;
  const found = await browser.withPage((page) => inspectPage(page, built, { width, height }, options), built.file);
  return toFindings(
    found,
    built.file,
    built.rendered.slides.map((slide) => slide.source),
    options.ignore,
  );
}

async function inspectPage(page: Page, built: BuiltDeck, size: { width: number; height: number }, { ignore, deadline }: CheckOptions): Promise<PageFinding[]> {
  const guard = new RequestGuard(built.outputs.folder, built.page);
  await guard.attach(page);
  const scriptErrors: string[] = [];
  page.on('pageerror', (error) => scriptErrors.push((error as Error).message ?? String(error)));
  await page.setViewport({ ...size, deviceScaleFactor: 1 });
  // tsx compiles with esbuild's keepNames, which wraps nested functions in __name(); the probes
  // are sent to the page as source text, so the page needs a do-nothing __name too.
  await page.evaluateOnNewDocument('globalThis.__name = (target) => target;');

  const started = performance.now();
  const lap = (phase: string) => debug('check %s: %s after %d ms', built.outputs.name, phase, Math.round(performance.now() - started));
  try {
    await deadline.run('load', page.goto(pathToFileURL(built.page).href, { waitUntil: 'load', timeout: 0 }));
    await deadline.run('load', page.evaluate(`(${openInspectionView})(${JSON.stringify(size)})`));
    lap('deck ready');
  } catch (error) {
    if (error instanceof DeckmarkError) throw error;
    fail(`could not open the built deck ${built.page}: ${(error as Error).message.split('\n')[0]}`, 'browserFailed', { file: built.file }, error);
  }

  const context: ProbeContext = { ...size, failedUrls: [...guard.failed] };
  const found = (await deadline.run('inspect', inspectOpenPage(page, context, slideProbes))) as PageFinding[];
  lap('slides inspected');

  // axe is most of a check's time on a large deck: skip it when its findings would be dropped.
  if (!ignore.includes('accessibility')) {
    await page.addScriptTag({ content: await loadAxeSource() });
    found.push(...((await deadline.run('inspect', page.evaluate(`(${probeAccessibility})()`))) as PageFinding[]));
    lap('axe done');
  }

  for (const blocked of await guard.report(page)) found.push({ line: blocked.line, rule: 'external-request', severity: 'warning', message: blocked.message });
  for (const message of new Set(scriptErrors)) {
    found.push({ line: null, rule: 'page-error', severity: 'warning', message: `a script in the deck failed: ${message.split('\n')[0]}` });
  }
  return found;
}
