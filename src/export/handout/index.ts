import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import type { Deadline } from '../../browser/deadline.js';
import type { BrowserManager } from '../../browser/manager.js';
import type { HandoutLayout } from '../../outputs.js';
import { builtInTemplates } from '../../paths.js';
import type { BuiltDeck } from '../../pipeline.js';
import type { Warning } from '../../types.js';
import { applyMetadata, deckMetadata } from '../metadata.js';
import type { SlidesPdf } from '../slides-pdf.js';
import { composeHandout } from './compose.js';
import { handoutContext, type Paper, papers } from './data.js';
import { handoutFontCss } from './fonts.js';
import { layoutHandout } from './layout.js';

export type { Paper } from './data.js';

export interface HandoutOptions {
  perPage: HandoutLayout;
  paper: Paper;
}

export interface Handout {
  bytes: Uint8Array;
  pageCount: number;
  warnings: Warning[];
}

let template: HandlebarsTemplateDelegate | undefined;

/** An N-up handout on paper, built from the finished slides PDF so both show the same slides. */
export async function makeHandout(manager: BrowserManager, built: BuiltDeck, slides: SlidesPdf, options: HandoutOptions, deadline: Deadline): Promise<Handout> {
  template ??= Handlebars.compile(readFileSync(join(builtInTemplates, 'handout.hbs'), 'utf8'), { strict: false });
  const context = handoutContext(built.rendered, options.perPage, options.paper, handoutFontCss());
  const layout = await manager.withPage((page) => layoutHandout(page, template!(context), papers[options.paper], deadline), built.file);
  const pdf = await composeHandout(layout, slides.bytes, slides.finalPage);
  const metadata = deckMetadata(built.rendered);
  applyMetadata(pdf, { ...metadata, title: `${metadata.title} (handout)` });
  const cut = layout.cutNotes.map((slide) => slide + 1);
  // One warning per deck: a talk with long notes would otherwise print one line per slide.
  const warnings: Warning[] =
    cut.length === 0
      ? []
      : [
          {
            file: built.file,
            ...(cut.length === 1 ? { line: built.rendered.slides[cut[0]! - 1]?.source.line } : {}),
            message: `the speaker notes of ${cut.length === 1 ? 'slide' : 'slides'} ${cut.join(', ')} are longer than the ${options.perPage}-up handout has room for and are cut; shorten them or use --handout ${options.perPage === 1 ? '1 with shorter notes' : '1'}`,
          },
        ];
  return { bytes: await pdf.save(), pageCount: pdf.getPageCount(), warnings };
}
