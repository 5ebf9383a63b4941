import { isDeckmarkError } from '../../errors.js';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';

export const doctorCommand: Command = {
  name: 'doctor',
  summary: 'show which browser deckmark uses and whether it starts',
  usage: `deckmark doctor [--chrome-path PATH]

Finds Chromium the way pdf, png and check do — --chrome-path, then CHROME_PATH or
PUPPETEER_EXECUTABLE_PATH, then a system install, then the bundled @sparticuz/chromium —
and tries to start it.`,
  async run(args, io) {
    const { values } = parseCommandArgs('doctor', args, { 'chrome-path': { type: 'string' } });
    const { BrowserManager } = await import('../../browser/manager.js');
    const manager = new BrowserManager({ chromePath: values['chrome-path'], environment: io.env });
    try {
      const found = await manager.locate();
      io.out(`browser: ${found.path}`);
      io.out(`found:   ${found.source}`);
      try {
        const version = await (await manager.browser()).version();
        io.out(`version: ${version}`);
        io.out('launch:  ok');
        return 0;
      } catch (error) {
        io.out(`launch:  failed — ${isDeckmarkError(error) ? error.message : String(error)}`);
        return isDeckmarkError(error) ? error.exitCode : 1;
      }
    } finally {
      await manager.dispose();
    }
  },
};
