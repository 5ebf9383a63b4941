import { type BuildFlagValues, settingsFromFlags } from '../../src/cli/build-settings.js';
import type { CliIO } from '../../src/cli/io.js';
import { type RunningServer, type ServeOptions, startServer } from '../../src/serve/server.js';
import { makeWorkspace } from './workspace.js';

export interface ServedWorkspace {
  cwd: string;
  server: RunningServer;
  out: string[];
  err: string[];
}

/** A copy of a fixture folder, served in-process on a free port, with the output captured. */
export async function serveFixture(
  fixture: string,
  decks: string[],
  options: Partial<ServeOptions> = {},
  flags: BuildFlagValues = {},
): Promise<ServedWorkspace> {
  const cwd = makeWorkspace({}, fixture);
  const out: string[] = [];
  const err: string[] = [];
  const io: CliIO = { out: (line) => out.push(line), err: (line) => err.push(line), progress: () => undefined, cwd, interactive: false, env: {} };
  const server = await startServer({ decks, settings: settingsFromFlags(flags, io), port: 0, log: io, ...options });
  return { cwd, server, out, err };
}
