import { performance } from 'node:perf_hooks';
import type { Deadline } from '../browser/deadline.js';
import type { BrowserManager } from '../browser/manager.js';
import type { Finding } from '../check/types.js';
import { writeFileAtomic } from '../files.js';
import { debug } from '../log.js';
import type { BuiltDeck } from '../pipeline.js';
import type { Warning } from '../types.js';
import { type HandoutOptions, makeHandout } from './handout/index.js';
import { openPrintView, type PrintViewOptions } from './load.js';
import { printSlides } from './print.js';
import { finishSlidesPdf } from './slides-pdf.js';

export interface PdfExportOptions extends PrintViewOptions {
  handout?: HandoutOptions;
  /** Told when a stage starts, for progress display. */
  onStage?: (stage: string) => void;
}

export interface ExportedFile {
  path: string;
  pages: number;
  bytes: number;
  ms: number;
  /** What kind of file, for the summary: e.g. "4-up handout, A4". */
  detail?: string;
}

export interface PdfExportResult {
  files: ExportedFile[];
  warnings: Warning[];
  /** Overflowing slides, broken images and failed fonts seen on the printed page. */
  findings: Finding[];
}

/**
 * Exports one built deck to PDF (and its handout) with a shared browser. Files are written
 * only once everything succeeded, each through a temporary file and a rename: a failure at
 * any stage leaves earlier PDFs as they were.
 */
export async function exportPdf(manager: BrowserManager, built: BuiltDeck, deadline: Deadline, options: PdfExportOptions): Promise<PdfExportResult> {
  // The debug line lets a developer (and the fault tests) see which stage a deck is in.
  const stage = (name: string) => {
    debug('%s: %s', built.file, name);
    options.onStage?.(name);
  };

  const started = performance.now();
  stage('loading');
  const { view, printed } = await manager.withPage(async (page) => {
    const view = await openPrintView(page, built, options, deadline);
    // page.pdf() is one call with no progress events: the line says what runs, and how much.
    stage(`printing ${view.pages.length} pages in one pass`);
    return { view, printed: await printSlides(page, built.rendered.deck.options, deadline) };
  }, built.file);
  stage('adding the outline and metadata');
  const slides = await finishSlidesPdf(printed, built.rendered, view.pages);
  const outputs = [
    {
      path: built.outputs.pdf,
      bytes: slides.bytes,
      pages: slides.pageCount,
      ms: performance.now() - started,
      detail: undefined as string | undefined,
    },
  ];
  const warnings = [...view.warnings];

  if (options.handout) {
    const handoutStarted = performance.now();
    stage(`laying out the ${options.handout.perPage}-up handout`);
    const handout = await makeHandout(manager, built, slides, options.handout, deadline);
    warnings.push(...handout.warnings);
    outputs.push({
      path: built.outputs.handout(options.handout.perPage),
      bytes: handout.bytes,
      pages: handout.pageCount,
      ms: performance.now() - handoutStarted,
      detail: `${options.handout.perPage}-up, ${options.handout.paper === 'a4' ? 'A4' : 'Letter'}`,
    });
  }

  for (const output of outputs) await writeFileAtomic(output.path, output.bytes);
  return {
    files: outputs.map((output) => ({ path: output.path, pages: output.pages, bytes: output.bytes.byteLength, ms: output.ms, detail: output.detail })),
    warnings,
    findings: view.findings,
  };
}
