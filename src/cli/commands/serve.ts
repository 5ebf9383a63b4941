import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseCommandArgs, parseNumberFlag } from '../args.js';
import { folderBuildFlags, folderBuildFlagsHelp, settingsFromFlags } from '../build-settings.js';
import type { Command } from '../command.js';
import { deckInputsOrDefault, expandDeckInputs } from '../inputs.js';
import { LazyBrowser } from '../lazy-browser.js';

// A served deck is a folder the server can swap pages in; --single-file is for `build`.

const serveFlags = {
  ...folderBuildFlags,
  port: { type: 'string', short: 'p' },
  host: { type: 'string' },
  open: { type: 'boolean' },
} as const;

export const serveCommand: Command = {
  name: 'serve',
  summary: 'serve decks with live reload that keeps your place',
  usage: `deckmark serve [deck.md | folder] [options]

Builds the deck (or every deck in a folder) to DIR/ and serves it at http://127.0.0.1:8000/.
Saving the Markdown, an image it uses, a template or the theme rebuilds it, and open pages
update in place on the same slide and fragment. A build error is shown over the last good
deck until the next good build. A folder gets an index page at /. With no input, serves slides/.

  -p, --port N          port to listen on (default: 8000; 0 picks a free one)
      --host ADDRESS    address to listen on (default: 127.0.0.1, this machine only);
                        0.0.0.0 exposes the decks to your network, on purpose
      --open            open the deck in the system browser
${folderBuildFlagsHelp}

Press Ctrl-C to stop.`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('serve', args, serveFlags);
    const port = parseNumberFlag('port', values.port, { min: 0, max: 65535 }) ?? 8000;
    const inputs = deckInputsOrDefault(positionals, io.cwd, 'serve');
    const browser = new LazyBrowser({ environment: io.env });
    const settings = settingsFromFlags(values, io, browser);
    try {
      const decks = expandDeckInputs(inputs, io.cwd);
      const isFolder = inputs.some((input) => statSync(resolve(io.cwd, input)).isDirectory());
      // The server, its watcher and chokidar load only for this command.
      const { startServer } = await import('../../serve/server.js');
      const { isWildcardHost } = await import('../../serve/host.js');
      const host = values.host ?? '127.0.0.1';
      const server = await startServer({ decks, settings, host, port, index: isFolder || decks.length > 1, label: inputs.join(', '), log: io });
      // Warned once listening worked: an address this machine does not have fails before it.
      if (isWildcardHost(host) || !/^(127\.|localhost$|::1$)/.test(host)) {
        io.err(`deckmark: warning: listening on ${host}: anyone who can reach this machine on the network can see these decks`);
      }
      io.out(`serving ${decks.length === 1 ? decks[0] : `${decks.length} decks`} at ${server.url} (Ctrl-C to stop)`);
      if (isWildcardHost(host)) {
        const { networkAddresses } = await import('../../serve/host.js');
        for (const address of networkAddresses()) io.out(`  on your network: http://${address}:${server.port}/`);
      }
      if (values.open) {
        const { openInBrowser } = await import('../../serve/open.js');
        openInBrowser(server.url);
      }
      await server.closed;
      return 0;
    } finally {
      // Mermaid diagrams may have started Chromium; it ends with the server.
      await browser.dispose();
    }
  },
};
