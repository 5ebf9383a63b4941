import { availableParallelism } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { buildDeck } from '../../pipeline.js';
import { parseCommandArgs, parseNumberFlag } from '../args.js';
import { mapBounded, settleDecks } from '../batch.js';
import { buildFlags, folderBuildFlagsHelp, settingsFromFlags } from '../build-settings.js';
import type { Command } from '../command.js';
import { expandDeckInputs } from '../inputs.js';
import { reportWarnings } from '../io.js';
import { exportFlags, exportFlagsHelp, progressFor, summaryLine } from './export-flags.js';

const { 'single-file': _singleFile, ...deckFlags } = buildFlags;
const pngFlags = { ...deckFlags, ...exportFlags, scale: { type: 'string' } } as const;

export const pngCommand: Command = {
  name: 'png',
  summary: 'export one PNG image per slide',
  usage: `deckmark png [files or folders…] [options]

Builds each deck, then writes one image per slide to DIR/<deck>-png/<deck>-01.png, …
(every fragment shown; vertical slides after their stack's first). With no input,
exports slides/.

      --scale S         image size as a multiple of the slide's size (default 1:
                        1920×1080 for a 16:9 deck; 0.25 for thumbnails, 2 for print)
${exportFlagsHelp}
${folderBuildFlagsHelp}`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('png', args, pngFlags);
    const scale = parseNumberFlag('scale', values.scale, { min: 0.1, max: 4 }) ?? 1;
    const timeout = parseNumberFlag('timeout', values.timeout, { min: 1, max: 86_400 });
    const settings = settingsFromFlags(values, io);
    const decks = expandDeckInputs(positionals.length > 0 ? positionals : ['slides'], io.cwd);
    const [{ BrowserManager }, { captureSlides }, { Deadline, defaultTimeoutMs, launchBudgetMs }, { writeSlideImages }] = await Promise.all([
      import('../../browser/manager.js'),
      import('../../export/png.js'),
      import('../../export/deadline.js'),
      import('../../export/png-files.js'),
    ]);
    const manager = new BrowserManager({ chromePath: values['chrome-path'], environment: io.env });
    const progress = await progressFor(io);
    try {
      await manager.locate();
      const results = await mapBounded(decks, availableParallelism(), async (file) => {
        const built = await buildDeck(file, settings);
        reportWarnings(io, built.warnings);
        const budget = timeout === undefined ? defaultTimeoutMs(built.rendered.slides.length) : timeout * 1000;
        await new Deadline(launchBudgetMs(budget), file).run('launch', manager.browser());
        const deadline = new Deadline(budget, file);
        const started = performance.now();
        const shot = await manager.withPage(
          (page) => captureSlides(page, built, scale, deadline, (done, total) => progress.count(`${file}`, done, total)),
          file,
        );
        const folder = join(dirname(built.folder), `${built.name}-png`);
        const bytes = await writeSlideImages(folder, built.name, shot.images);
        progress.clear();
        reportWarnings(io, shot.warnings);
        io.out(summaryLine(file, `${relative(io.cwd, folder)}/`, { pages: shot.images.length, bytes, ms: performance.now() - started }, 'image'));
      });
      progress.clear();
      return settleDecks(results, io);
    } finally {
      progress.clear();
      await manager.dispose();
    }
  },
};
