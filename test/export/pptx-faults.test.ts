import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import {
  chromiumOf,
  expectFolderInTheWayRefused,
  expectNoChromiumLeft,
  expectNoStackTrace,
  startExport,
  temporaryFilesUnder,
  userLines,
} from '../helpers/export-process.js';
import { makeWorkspace } from '../helpers/workspace.js';

// The promises `deckmark pdf` keeps when things go wrong, kept by `deckmark pptx`: the right
// exit code, one clear line, the earlier PPTX byte for byte, no temporary file, no Chromium.

const earlierPptx = 'PK the PPTX from an earlier, good export\n';

function seedEarlierPptx(cwd: string): string {
  mkdirSync(join(cwd, 'dist'), { recursive: true });
  const file = join(cwd, 'dist', 'talk.pptx');
  writeFileSync(file, earlierPptx);
  return file;
}

describe('deckmark pptx when things go wrong', () => {
  it('exits with the browser-not-found code and says what to do, leaving the earlier PPTX alone', async () => {
    const cwd = makeWorkspace({}, 'export');
    const pptx = seedEarlierPptx(cwd);
    const result = await runCli(['pptx', 'talk.md', '--chrome-path', '/nonexistent/chrome'], cwd);
    expect(result.code).toBe(ExitCode.browserNotFound);
    expect(result.stderr).toBe('deckmark: --chrome-path /nonexistent/chrome is not an executable file');
    expect(readFileSync(pptx, 'utf8')).toBe(earlierPptx);
  });

  it('times out naming the stage, leaves the earlier PPTX byte-identical, and no Chromium behind', async () => {
    // This template has no scripts: Reveal never starts, so the deck never becomes ready.
    const cwd = makeWorkspace({}, 'export');
    const pptx = seedEarlierPptx(cwd);
    const run = startExport(['pptx', 'talk.md', '--template', 'never-ready', '--timeout', '3'], cwd);
    const { code, stderr } = await run.exited;
    expect(code, stderr).toBe(ExitCode.timeout);
    expectNoStackTrace(stderr);
    expect(userLines(stderr)).toEqual([expect.stringContaining('deckmark: talk.md: timed out after 3.0 s in the load stage')]);
    expect(readFileSync(pptx, 'utf8')).toBe(earlierPptx);
    expect(temporaryFilesUnder(join(cwd, 'dist'))).toEqual([]);
    await expectNoChromiumLeft(run);
  });

  it('closes Chromium, removes temporary files and exits 130 on Ctrl-C', async () => {
    const cwd = makeWorkspace({}, 'export');
    const pptx = seedEarlierPptx(cwd);
    const run = startExport(['pptx', 'talk.md', '--template', 'never-ready', '--timeout', '60'], cwd);
    // Interrupt once Chromium runs: the export is then stuck waiting for the deck.
    await expect.poll(() => chromiumOf(run).length, { timeout: 30_000, interval: 100 }).toBeGreaterThan(0);
    run.child.kill('SIGINT');
    const { code, stderr } = await run.exited;
    expect(code).toBe(ExitCode.interrupted);
    expect(userLines(stderr)).toEqual(['deckmark: stopped by SIGINT']);
    expect(readFileSync(pptx, 'utf8')).toBe(earlierPptx);
    expect(temporaryFilesUnder(join(cwd, 'dist'))).toEqual([]);
    await expectNoChromiumLeft(run);
  });

  it('a folder where the PPTX goes: exit 7 naming the file, the folder kept, no temporary file', async () => {
    const cwd = makeWorkspace({}, 'export');
    await expectFolderInTheWayRefused(['pptx', 'talk.md', '--timeout', '240'], cwd, join(cwd, 'dist', 'talk.pptx'));
  });

  it('rejects an unknown fragment mode as a usage error', async () => {
    const result = await runCli(['pptx', 'talk.md', '--fragments', 'all'], makeWorkspace({}, 'export'));
    expect(result.code).toBe(ExitCode.usage);
    expect(result.stderr).toBe('deckmark: --fragments must be final or separate (got "all")');
  });
});
