import { execFileSync, spawn } from 'node:child_process';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../helpers/workspace.js';
import { readPdf } from './pdf-reader.js';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'deckmark.js');
const earlierPdf = '%PDF-1.4 the PDF from an earlier, good export\n';

/**
 * Chromium processes started under `marker`: Chromium inherits the environment, and `ps e`
 * shows it. Only pid and program are returned, never the environment.
 */
function chromiumWith(marker: string): string[] {
  return execFileSync('ps', ['axeww', '-o', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(marker))
    .map((line) => line.trim().split(/\s+/).slice(0, 2).join(' '))
    .filter((process) => /chrom/i.test(process));
}

/**
 * Chromium's crash reporter detaches itself and exits a moment after the browser it
 * watches; waiting for the process table to settle is not a speed claim.
 */
const noChromiumLeft = (marker: string) => expect.poll(() => chromiumWith(marker), { timeout: 10_000, interval: 200 }).toEqual([]);

/** Runs the real bin in a child process, as a user would, tagged with a unique marker. */
function startCli(args: string[], cwd: string, marker: string) {
  const child = spawn(process.execPath, [bin, ...args], { cwd, env: { ...process.env, DECKMARK_TEST_MARKER: marker }, stdio: ['ignore', 'pipe', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk) => {
    stderr += chunk;
  });
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('exit', (code) => resolve({ code, stderr })));
  return { child, exited };
}

function seedEarlierPdf(cwd: string): string {
  const file = join(cwd, 'dist', 'talk.pdf');
  execFileSync('mkdir', ['-p', join(cwd, 'dist')]);
  writeFileSync(file, earlierPdf);
  return file;
}

const temporaryFiles = (cwd: string) => readdirSync(join(cwd, 'dist')).filter((name) => name.endsWith('.tmp'));

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
    const marker = `timeout-${process.pid}-${Date.now()}`;
    const { exited } = startCli(['pdf', 'talk.md', '--template', 'never-ready', '--timeout', '3'], cwd, marker);
    const { code, stderr } = await exited;
    expect(code).toBe(ExitCode.timeout);
    expect(stderr).toContain('talk.md: timed out after 3.0 s in the load stage');
    expect(readFileSync(pdf, 'utf8')).toBe(earlierPdf);
    expect(temporaryFiles(cwd)).toEqual([]);
    await noChromiumLeft(marker);
  });

  it('closes Chromium, removes temporary files and exits 130 on Ctrl-C', async () => {
    const cwd = makeWorkspace({}, 'export');
    const pdf = seedEarlierPdf(cwd);
    const marker = `sigint-${process.pid}-${Date.now()}`;
    const { child, exited } = startCli(['pdf', 'talk.md', '--template', 'never-ready', '--timeout', '60'], cwd, marker);
    // Interrupt once Chromium runs: the export is then stuck waiting for the deck.
    await expect.poll(() => chromiumWith(marker).length, { timeout: 30_000, interval: 100 }).toBeGreaterThan(0);
    child.kill('SIGINT');
    const { code } = await exited;
    expect(code).toBe(ExitCode.interrupted);
    expect(readFileSync(pdf, 'utf8')).toBe(earlierPdf);
    expect(temporaryFiles(cwd)).toEqual([]);
    await noChromiumLeft(marker);
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
