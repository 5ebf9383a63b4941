import { relative } from 'node:path';
import { fail } from '../../errors.js';
import { parseCommandArgs } from '../args.js';
import { runDeckBatch } from '../browser-batch.js';
import { folderBuildFlags, folderBuildFlagsHelp, settingsFromFlags } from '../build-settings.js';
import type { Command } from '../command.js';
import { expandDeckInputs } from '../inputs.js';
import { reportWarnings } from '../io.js';
import { batchOptionsFrom, exportFlags, exportFlagsHelp, summaryLine } from './export-flags.js';

const pptxFlags = { ...folderBuildFlags, ...exportFlags, fragments: { type: 'string' }, 'pptx-images': { type: 'boolean' } } as const;

export const pptxCommand: Command = {
  name: 'pptx',
  summary: 'export decks to editable PowerPoint files',
  usage: `deckmark pptx [files or folders…] [options]

Builds each deck, lays every slide out in Chromium (the page \`deckmark pdf\` prints) and
writes DIR/<deck>.pptx: one slide per deck slide at the deck's size, headings, text, lists,
code and tables as editable text where the browser put them, images as pictures, speaker
notes as the slides' notes. Charts, formulas and other drawings become pictures of just
that element. With no input, exports slides/.

      --fragments MODE  final (default): one slide per slide, every fragment shown;
                        separate: one slide per fragment step
      --pptx-images     one picture per slide instead (the exact look, nothing to edit;
                        notes kept)
${exportFlagsHelp}
${folderBuildFlagsHelp}`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('pptx', args, pptxFlags);
    const fragments = values.fragments ?? 'final';
    if (fragments !== 'final' && fragments !== 'separate') fail(`--fragments must be final or separate (got "${fragments}")`, 'usage');
    const settings = settingsFromFlags(values, io);
    const decks = expandDeckInputs(positionals.length > 0 ? positionals : ['slides'], io.cwd);
    const { exportPptx } = await import('../../export/pptx/export-pptx.js');
    const batch = await runDeckBatch(decks, io, batchOptionsFrom(values, settings), {
      outputs: (outputs) => [outputs.pptx],
      async run(built, { manager, deadline, progress }) {
        const result = await exportPptx(manager, built, deadline, {
          fragments,
          imagesOnly: values['pptx-images'] ?? false,
          onSlide: (done, total) => progress.count(built.file, done, total),
        });
        progress.clear();
        reportWarnings(io, result.warnings);
        io.out(summaryLine(built.file, relative(io.cwd, result.file.path), result.file, 'slide'));
      },
    });
    return batch.code;
  },
};
