import { performance } from 'node:perf_hooks';
import type { Deadline } from '../../browser/deadline.js';
import type { BrowserManager } from '../../browser/manager.js';
import { writeFileAtomic } from '../../files.js';
import { debug } from '../../log.js';
import type { BuiltDeck } from '../../pipeline.js';
import type { Warning } from '../../types.js';
import { deckMetadata } from '../metadata.js';
import type { ExportedFile } from '../pdf.js';
import { type CaptureOptions, captureSlides } from './capture.js';
import { finishPackage } from './finish-package.js';
import { notesText } from './notes-text.js';
import { writePptx } from './write-pptx.js';

/**
 * Exports one built deck to PowerPoint with a shared browser. The file is written only
 * once everything succeeded, through a temporary file and a rename: a failure at any
 * stage leaves an earlier PPTX as it was.
 */
export async function exportPptx(
  manager: BrowserManager,
  built: BuiltDeck,
  deadline: Deadline,
  options: CaptureOptions,
): Promise<{ file: ExportedFile; warnings: Warning[] }> {
  const started = performance.now();
  // The debug line lets a developer (and the fault tests) see which stage a deck is in.
  debug('%s: loading', built.file);
  const captured = await manager.withPage((page) => captureSlides(page, built, options, deadline), built.file);
  const metadata = deckMetadata(built.rendered);
  const { width, height } = built.rendered.deck.options;
  const pptx = await writePptx({ width, height, metadata, slides: captured.slides, notes: built.rendered.slides.map((slide) => notesText(slide.notesHtml)) });
  const bytes = await finishPackage(pptx, metadata);
  const path = built.outputs.pptx;
  await writeFileAtomic(path, bytes);
  return { file: { path, pages: captured.slides.length, bytes: bytes.byteLength, ms: performance.now() - started }, warnings: captured.warnings };
}
