import { relative } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatDuration } from '../../format.js';
import { buildDeck } from '../../pipeline.js';
import { parseCommandArgs } from '../args.js';
import { mapBounded, settleDecks } from '../batch.js';
import { buildFlags, buildFlagsHelp, settingsFromFlags } from '../build-settings.js';
import type { Command } from '../command.js';
import { deckInputsOrDefault, expandDeckInputs } from '../inputs.js';
import { reportWarnings } from '../io.js';
import { LazyBrowser } from '../lazy-browser.js';

export const buildCommand: Command = {
  name: 'build',
  summary: 'build decks to HTML in dist/',
  usage: `deckmark build [files or folders…] [options]

Builds each deck to DIR/<deck>/index.html with everything it needs beside it (reveal.js,
theme, fonts, images): it opens from file:// with the network off. A folder builds every
.md in it. With no input, builds slides/.

${buildFlagsHelp}`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('build', args, buildFlags);
    const browser = new LazyBrowser({ environment: io.env });
    const settings = settingsFromFlags(values, io, browser);
    const decks = expandDeckInputs(deckInputsOrDefault(positionals, io.cwd, 'build'), io.cwd);
    try {
      const results = await mapBounded(decks, 1, async (file) => {
        const started = performance.now();
        const built = await buildDeck(file, settings);
        reportWarnings(io, built.warnings);
        const slides = built.rendered.slides.length;
        io.out(`${file} → ${relative(io.cwd, built.page)} · ${slides} slide${slides === 1 ? '' : 's'} · ${formatDuration(performance.now() - started)}`);
      });
      return settleDecks(results, io);
    } finally {
      await browser.dispose();
    }
  },
};
