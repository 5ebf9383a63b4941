import { relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { fail } from '../../errors.js';
import { parseCommandArgs, parseNumberFlag } from '../args.js';
import { runDeckBatch } from '../browser-batch.js';
import { folderBuildFlags, folderBuildFlagsHelp, settingsFromFlags } from '../build-settings.js';
import type { Command } from '../command.js';
import { deckInputsOrDefault, expandDeckInputs } from '../inputs.js';
import { reportWarnings } from '../io.js';
import { batchOptionsFrom, exportFlags, exportFlagsHelp, reportPrintFindings, summaryLine } from './export-flags.js';

const pngFlags = { ...folderBuildFlags, ...exportFlags, scale: { type: 'string' }, strict: { type: 'boolean' } } as const;

export const pngCommand: Command = {
  name: 'png',
  summary: 'export one PNG image per slide',
  usage: `deckmark png [files or folders…] [options]

Builds each deck, then writes one image per slide to DIR/<deck>-png/<deck>-01.png, …
(every fragment shown; vertical slides after their stack's first). With no input,
exports slides/.

      --scale S         image size as a multiple of the slide's size (default 1:
                        1920×1080 for a 16:9 deck; 0.25 for thumbnails, 2 for print)
      --strict          fail (exit 9) when a slide overflows, an image is broken or a
                        font failed; without it these are warnings
${exportFlagsHelp}
${folderBuildFlagsHelp}`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('png', args, pngFlags);
    const scale = parseNumberFlag('scale', values.scale, { min: 0.1, max: 4 }) ?? 1;
    const settings = settingsFromFlags(values, io);
    const decks = expandDeckInputs(deckInputsOrDefault(positionals, io.cwd, 'png'), io.cwd);
    const [{ captureSlides }, { writeSlideImages }] = await Promise.all([import('../../export/png.js'), import('../../export/png-files.js')]);
    const batch = await runDeckBatch(decks, io, batchOptionsFrom(values, settings), {
      async run(built, { manager, deadline, progress }) {
        const started = performance.now();
        const shot = await manager.withPage(
          (page) => captureSlides(page, built, scale, deadline, (done, total) => progress.count(built.file, done, total)),
          built.file,
        );
        const folder = built.outputs.imageFolder;
        const bytes = await writeSlideImages(folder, built.outputs.name, shot.images);
        progress.clear();
        reportWarnings(io, shot.warnings);
        reportPrintFindings(io, shot.findings, values.strict ?? false);
        io.out(summaryLine(built.file, `${relative(io.cwd, folder)}/`, { pages: shot.images.length, bytes, ms: performance.now() - started }, 'image'));
        if (values.strict && shot.findings.length > 0) {
          fail(`${shot.findings.length} problem${shot.findings.length === 1 ? '' : 's'} in the slide images (--strict)`, 'checkFailed', { file: built.file });
        }
      },
    });
    return batch.code;
  },
};
