import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { chromiumOf, earlierPdf, expectNoChromiumLeft, seedEarlierPdf, startExport, temporaryFilesUnder } from '../helpers/export-process.js';
import { makeWorkspace } from '../helpers/workspace.js';
import { readPdf } from './pdf-reader.js';

const temporaryFiles = (cwd: string) => temporaryFilesUnder(join(cwd, 'dist'));

describe('deckmark pdf when things go wrong', () => {
  it('exits with the browser-not-found code and says what to do, leaving the earlier PDF alone', async () => {
    const cwd = makeWorkspace({}, 'export');
    const pdf = seedEarlierPdf(cwd);
    const result = await runCli(['pdf', 'talk.md', '--chrome-path', '/nonexistent/chrome'], cwd);
    expect(result.code).toBe(ExitCode.browserNotFound);
    expect(result.stderr).toBe('deckmark: --chrome-path /nonexistent/chrome is not an executable file');
    expect(readFileSync(pdf, 'utf8')).toBe(earlierPdf);
  });

  it('times out naming the stage, leaves the earlier PDF byte-identical, and no Chromium behind', async () => {
    // This template has no scripts: Reveal never starts, so the deck never becomes ready.
    const cwd = makeWorkspace({}, 'export');
    const pdf = seedEarlierPdf(cwd);
    const run = startExport(['pdf', 'talk.md', '--template', 'never-ready', '--timeout', '3'], cwd);
    const { code, stderr } = await run.exited;
    expect(code).toBe(ExitCode.timeout);
    expect(stderr).toContain('talk.md: timed out after 3.0 s in the load stage');
    expect(readFileSync(pdf, 'utf8')).toBe(earlierPdf);
    expect(temporaryFiles(cwd)).toEqual([]);
    await expectNoChromiumLeft(run);
  });

  it('closes Chromium, removes temporary files and exits 130 on Ctrl-C', async () => {
    const cwd = makeWorkspace({}, 'export');
    const pdf = seedEarlierPdf(cwd);
    const run = startExport(['pdf', 'talk.md', '--template', 'never-ready', '--timeout', '60'], cwd);
    // Interrupt once Chromium runs: the export is then stuck waiting for the deck.
    await expect.poll(() => chromiumOf(run).length, { timeout: 30_000, interval: 100 }).toBeGreaterThan(0);
    run.child.kill('SIGINT');
    const { code } = await run.exited;
    expect(code).toBe(ExitCode.interrupted);
    expect(readFileSync(pdf, 'utf8')).toBe(earlierPdf);
    expect(temporaryFiles(cwd)).toEqual([]);
    await expectNoChromiumLeft(run);
  });

  it('blocks a request to the network at once, warns with the URL and slide, and still writes the PDF', async () => {
    const cwd = makeWorkspace({}, 'export');
    const result = await runCli(['pdf', 'external.md'], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toContain('external.md:1: warning: blocked a request to https://example.invalid/logo.png');
    const pdf = await readPdf(join(cwd, 'dist', 'external.pdf'));
    expect(pdf.pages).toHaveLength(1);
    expect(pdf.pages[0]).toContain('Remote picture');
  });

  it('rejects unknown handout layouts, paper and fragment modes as usage errors', async () => {
    const cwd = makeWorkspace({}, 'export');
    for (const [flags, message] of [
      [['--handout', '5'], '--handout must be 1, 2, 3, 4 or 6 slides a page (got "5")'],
      [['--paper', 'a3'], '--paper must be a4 or letter (got "a3")'],
      [['--fragments', 'all'], '--fragments must be final or separate (got "all")'],
    ] as const) {
      const result = await runCli(['pdf', 'talk.md', ...flags], cwd);
      expect(result.code).toBe(ExitCode.usage);
      expect(result.stderr).toBe(`deckmark: ${message}`);
    }
  });
});
