import { join, resolve } from 'node:path';
import { fail } from '../../errors.js';
import { starterDeck, starterScripts, writeStarter } from '../../init/starter.js';
import { parseCommandArgs } from '../args.js';
import type { Command } from '../command.js';

export const initCommand: Command = {
  name: 'init',
  summary: 'start a talk: a starter deck, a config file and an images folder',
  usage: `deckmark init [folder]

Writes a starter talk (${starterDeck}: every feature once, with speaker notes), a
deckmark.config.json and an images/ folder into the folder (default: the current one). When
the folder has a package.json, adds the scripts ${Object.entries(starterScripts)
    .map(([name, script]) => `"${name}" (${script})`)
    .join(', ')}, leaving any it already has alone. Never overwrites a file.`,
  async run(args, io) {
    const { positionals } = parseCommandArgs('init', args, {});
    if (positionals.length > 1) fail(`init takes one folder (got ${positionals.length}); see \`deckmark init --help\``, 'usage');
    const shownAs = positionals[0] ?? '.';
    const folder = resolve(io.cwd, shownAs);
    const written = await writeStarter(folder, shownAs);
    const inFolder = (file: string) => (shownAs === '.' ? file : join(shownAs, file));
    io.out(`created ${written.files.map(inFolder).join(', ')}`);
    if (written.scriptsAdded.length > 0) io.out(`added to ${inFolder('package.json')}: ${written.scriptsAdded.map((name) => `npm run ${name}`).join(', ')}`);
    if (written.scriptsKept.length > 0)
      io.out(`kept the ${written.scriptsKept.join(', ')} script${written.scriptsKept.length === 1 ? '' : 's'} package.json already had`);
    const cd = shownAs === '.' ? '' : `cd ${shownAs} && `;
    io.out(`next: ${cd}npx deckmark serve ${starterDeck}   (live preview at http://127.0.0.1:8000)`);
    return 0;
  },
};
