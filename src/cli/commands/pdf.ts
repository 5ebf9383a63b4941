import { relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fail } from '../../errors.js';
import { formatDuration } from '../../format.js';
import { type HandoutLayout, handoutLayouts } from '../../outputs.js';
import { parseCommandArgs } from '../args.js';
import { runDeckBatch } from '../browser-batch.js';
import { folderBuildFlags, folderBuildFlagsHelp, settingsFromFlags } from '../build-settings.js';
import type { Command } from '../command.js';
import { deckInputsOrDefault, expandDeckInputs } from '../inputs.js';
import { reportWarnings } from '../io.js';
import { batchOptionsFrom, exportFlags, exportFlagsHelp, reportPrintFindings, summaryLine } from './export-flags.js';

const pdfFlags = {
  ...folderBuildFlags,
  ...exportFlags,
  fragments: { type: 'string' },
  notes: { type: 'boolean' },
  handout: { type: 'string' },
  paper: { type: 'string' },
  strict: { type: 'boolean' },
} as const;

export const pdfCommand: Command = {
  name: 'pdf',
  summary: 'export decks to PDF slides and N-up PDF handouts',
  usage: `deckmark pdf [files or folders…] [options]

Builds each deck (so the PDF always shows the current Markdown), then prints it with
Chromium to DIR/<deck>.pdf: one page per slide at the slide's own size, vector text,
fonts embedded, an outline of slide titles, metadata from the front matter. With no
input, exports slides/.

      --handout N       also write a handout with N slides a page: 1 or 3 (notes or
                        ruled lines beside each slide), 2, 4 or 6 (grids); named
                        DIR/<deck>-handout.pdf for 1, DIR/<deck>-handout-Nup.pdf else
      --paper SIZE      handout paper: a4 (default) or letter
      --fragments MODE  final (default): one page per slide, every fragment shown;
                        separate: one page per fragment step
      --notes           a page of speaker notes after each slide that has notes
      --strict          fail (exit 9) when a printed slide overflows, an image is
                        broken or a font failed; without it these are warnings
${exportFlagsHelp}
${folderBuildFlagsHelp}`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('pdf', args, pdfFlags);
    const fragments = values.fragments ?? 'final';
    if (fragments !== 'final' && fragments !== 'separate') fail(`--fragments must be final or separate (got "${fragments}")`, 'usage');
    const paper = values.paper ?? 'a4';
    if (paper !== 'a4' && paper !== 'letter') fail(`--paper must be a4 or letter (got "${paper}")`, 'usage');
    const perPage = values.handout === undefined ? undefined : Number(values.handout);
    if (perPage !== undefined && !(handoutLayouts as readonly number[]).includes(perPage)) {
      fail(`--handout must be ${handoutLayouts.slice(0, -1).join(', ')} or ${handoutLayouts.at(-1)} slides a page (got "${values.handout}")`, 'usage');
    }
    const handout = perPage === undefined ? undefined : { perPage: perPage as HandoutLayout, paper: paper as 'a4' | 'letter' };
    const settings = settingsFromFlags(values, io);
    const decks = expandDeckInputs(deckInputsOrDefault(positionals, io.cwd, 'pdf'), io.cwd);
    const { exportPdf } = await import('../../export/pdf.js');
    let done = 0;
    const batch = await runDeckBatch(decks, io, batchOptionsFrom(values, settings), {
      // The handout's name, <deck>-handout….pdf, can never be the deck's own.
      outputs: (outputs) => [outputs.pdf],
      async run(built, { manager, deadline, progress }) {
        const started = performance.now();
        const result = await exportPdf(manager, built, deadline, {
          fragments,
          notes: values.notes ?? false,
          handout,
          onStage: (stage) => progress.show(`${done}/${decks.length} decks · ${built.file}: ${stage}`),
        });
        progress.clear();
        reportWarnings(io, result.warnings);
        reportPrintFindings(io, result.findings, values.strict ?? false);
        for (const output of result.files) io.out(summaryLine(built.file, relative(io.cwd, output.path), output));
        if (values.strict && result.findings.length > 0) {
          fail(`${result.findings.length} problem${result.findings.length === 1 ? '' : 's'} in the printed slides (--strict)`, 'checkFailed', {
            file: built.file,
          });
        }
        progress.show(`${++done}/${decks.length} decks · ${formatDuration(performance.now() - started)}`);
      },
    });
    return batch.code;
  },
};
