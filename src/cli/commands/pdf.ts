import { availableParallelism } from 'node:os';
import { relative, resolve } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fail } from '../../errors.js';
import { buildDeck, deckName } from '../../pipeline.js';
import { refuseToOverwriteInput } from '../../write/input-guard.js';
import { parseCommandArgs, parseNumberFlag } from '../args.js';
import { mapBounded, settleDecks } from '../batch.js';
import { buildFlags, folderBuildFlagsHelp, settingsFromFlags } from '../build-settings.js';
import type { Command } from '../command.js';
import { expandDeckInputs } from '../inputs.js';
import { formatDuration, reportWarnings } from '../io.js';
import { exportFlags, exportFlagsHelp, progressFor, summaryLine } from './export-flags.js';

const { 'single-file': _singleFile, ...deckFlags } = buildFlags;

const pdfFlags = {
  ...deckFlags,
  ...exportFlags,
  fragments: { type: 'string' },
  notes: { type: 'boolean' },
  handout: { type: 'string' },
  paper: { type: 'string' },
} as const;

export const pdfCommand: Command = {
  name: 'pdf',
  summary: 'export decks to PDF slides and N-up PDF handouts',
  usage: `deckmark pdf [files or folders…] [options]

Builds each deck (so the PDF always shows the current Markdown), then prints it with
Chromium to DIR/<deck>.pdf: one page per slide at the slide's own size, vector text,
fonts embedded, an outline of slide titles, metadata from the front matter. With no
input, exports slides/.

      --handout N       also write DIR/<deck>-handout.pdf with N slides a page:
                        1 or 3 (notes or ruled lines beside each slide), 2, 4 or 6 (grids)
      --paper SIZE      handout paper: a4 (default) or letter
      --fragments MODE  final (default): one page per slide, every fragment shown;
                        separate: one page per fragment step
      --notes           a page of speaker notes after each slide that has notes
${exportFlagsHelp}
${folderBuildFlagsHelp}`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('pdf', args, pdfFlags);
    const fragments = values.fragments ?? 'final';
    if (fragments !== 'final' && fragments !== 'separate') fail(`--fragments must be final or separate (got "${fragments}")`, 'usage');
    const paper = values.paper ?? 'a4';
    if (paper !== 'a4' && paper !== 'letter') fail(`--paper must be a4 or letter (got "${paper}")`, 'usage');
    const perPage = values.handout === undefined ? undefined : Number(values.handout);
    if (perPage !== undefined && ![1, 2, 3, 4, 6].includes(perPage)) fail(`--handout must be 1, 2, 3, 4 or 6 slides a page (got "${values.handout}")`, 'usage');
    const timeout = parseNumberFlag('timeout', values.timeout, { min: 1, max: 86_400 });

    const settings = settingsFromFlags(values, io);
    const decks = expandDeckInputs(positionals.length > 0 ? positionals : ['slides'], io.cwd);
    const [{ BrowserManager }, { exportPdf, pdfPathFor }] = await Promise.all([import('../../browser/manager.js'), import('../../export/pdf.js')]);
    const manager = new BrowserManager({ chromePath: values['chrome-path'], environment: io.env });
    const progress = await progressFor(io);
    let done = 0;
    try {
      // Fail before building anything when there is no browser to print with.
      await manager.locate();
      // Chromium starts while the decks build, on the other core (measured in bench/: the
      // build's time is hidden). A failed launch surfaces where the export awaits the browser.
      manager.browser().catch(() => undefined);
      const results = await mapBounded(decks, availableParallelism(), async (file) => {
        const started = performance.now();
        // Before the build writes anything: `deckmark pdf talk.pdf -o .` would print over the
        // deck. (The handout's name, <deck>-handout.pdf, can never be the deck's own.)
        await refuseToOverwriteInput(file, resolve(io.cwd, file), [pdfPathFor(settings.outDir, deckName(file))]);
        const built = await buildDeck(file, settings);
        reportWarnings(io, built.warnings);
        const result = await exportPdf(manager, built, {
          fragments,
          notes: values.notes ?? false,
          handout: perPage === undefined ? undefined : { perPage: perPage as 1 | 2 | 3 | 4 | 6, paper },
          timeoutMs: timeout === undefined ? undefined : timeout * 1000,
          onStage: (stage) => progress.show(`${done}/${decks.length} decks · ${file}: ${stage}`),
        });
        progress.clear();
        reportWarnings(io, result.warnings);
        for (const output of result.files) io.out(summaryLine(file, relative(io.cwd, output.path), output));
        progress.show(`${++done}/${decks.length} decks · ${formatDuration(performance.now() - started)}`);
      });
      progress.clear();
      return settleDecks(results, io);
    } finally {
      progress.clear();
      await manager.dispose();
    }
  },
};
