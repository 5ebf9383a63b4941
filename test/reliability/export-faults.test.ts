import { chmodSync, cpSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import {
  browserOf,
  chromiumOf,
  type ExportProcess,
  earlierPdf,
  expectFolderInTheWayRefused,
  expectNoChromiumLeft,
  expectNoStackTrace,
  seedEarlierPdf,
  startExport,
  temporaryFilesUnder,
  userLines,
  waitForLog,
} from '../helpers/export-process.js';
import { fixturesFolder, makeWorkspace } from '../helpers/workspace.js';

// Faults test/export/faults.test.ts does not cover: a browser path that cannot run or is not a
// browser, Chromium dying mid-print, SIGTERM, unwritable output, output over the input, and two
// exports racing. Each checks the same promises: the right exit code, one clear message and no
// stack, the earlier PDF byte for byte, no temporary files, no Chromium left running.

function workspace(): string {
  return makeWorkspace({}, 'export-faults');
}

/** Every path and its content under `folder`, to show that a failed run touched nothing. */
function snapshot(folder: string): Record<string, string> {
  const entries = readdirSync(folder, { recursive: true, withFileTypes: true });
  return Object.fromEntries(
    entries.map((entry) => {
      const path = join(entry.parentPath, entry.name);
      return [path, entry.isFile() ? readFileSync(path, 'base64') : 'folder'];
    }),
  );
}

describe('deckmark pdf with a browser path that cannot work', () => {
  it('a file without the execute bit, by --chrome-path or CHROME_PATH: exit 4, says how to fix it', async () => {
    const cwd = workspace();
    const pdf = seedEarlierPdf(cwd);
    const browser = join(cwd, 'chromium');
    cpSync(join(fixturesFolder, 'export-faults', 'not-a-browser.sh'), browser);
    // No x bit for anyone: even root may not execute it (root's X_OK needs one x bit).
    chmodSync(browser, 0o644);

    const byFlag = await runCli(['pdf', 'talk.md', '--chrome-path', browser], cwd);
    expect(byFlag.code).toBe(ExitCode.browserNotFound);
    expect(byFlag.stderr).toBe(`deckmark: --chrome-path ${browser} is not an executable file; it lacks the execute permission (chmod +x ${browser})`);

    // The browser finder reads the real environment, so CHROME_PATH needs a process of its own.
    const byEnvironment = startExport(['pdf', 'talk.md'], cwd, { CHROME_PATH: browser });
    const { code, stderr } = await byEnvironment.exited;
    expect(code, stderr).toBe(ExitCode.browserNotFound);
    expect(userLines(stderr)).toEqual([
      `deckmark: CHROME_PATH=${browser} is not an executable file; it lacks the execute permission (chmod +x ${browser}); fix or unset it`,
    ]);
    expect(readFileSync(pdf, 'utf8')).toBe(earlierPdf);
    expect(existsSync(join(cwd, 'dist', 'talk'))).toBe(false);
  });

  // The test's own timeout bounds the run: a launcher waiting on a dead program would hang.
  it('a program that is not a browser and exits at once: exit 5 naming the path, no hang', { timeout: 30_000 }, async () => {
    const cwd = workspace();
    const pdf = seedEarlierPdf(cwd);
    const browser = join(cwd, 'not-a-browser.sh');
    chmodSync(browser, 0o755);

    for (const [args, env, source] of [
      [['--chrome-path', browser], {}, '--chrome-path'],
      [[], { CHROME_PATH: browser }, '$CHROME_PATH'],
    ] as const) {
      const run = startExport(['pdf', 'talk.md', ...args], cwd, env);
      const { code, stderr } = await run.exited;
      expect(code, stderr).toBe(ExitCode.browserFailed);
      expect(userLines(stderr)).toEqual([
        `deckmark: Chromium at ${browser} (${source}) did not start: it exited at once with code 1; check that it is a Chromium, Chrome or Edge executable (\`deckmark doctor\` tests it)`,
      ]);
      expect(chromiumOf(run)).toEqual([]);
    }
    expect(readFileSync(pdf, 'utf8')).toBe(earlierPdf);
    expect(temporaryFilesUnder(join(cwd, 'dist'))).toEqual([]);
  });
});

/** Kills the export's Chromium once `stage` starts, and checks the failure is one clear line. */
async function killChromiumDuring(run: ExportProcess, stage: RegExp, deck: string): Promise<void> {
  await waitForLog(run, stage);
  const browser = browserOf(run);
  expect(browser, run.stderr()).toBeDefined();
  process.kill(browser!, 'SIGKILL');
  const { code, stderr } = await run.exited;
  expect(code, stderr).toBe(ExitCode.browserFailed);
  expectNoStackTrace(stderr);
  expect(userLines(stderr)).toEqual([
    expect.stringMatching(new RegExp(`^deckmark: ${deck.replace('.', '\\.')}: Chromium at .+ quit unexpectedly: .+\\. Earlier output is unchanged`)),
  ]);
}

describe('deckmark pdf and png stopped mid-export', () => {
  // print-hangs.md holds Chromium in the print stage (its beforeprint handler never returns),
  // and the debug log says when printing starts: the fault lands mid-print every time.
  it('Chromium killed mid-print: exit 5 with a clear message, earlier PDF intact, nothing left behind', async () => {
    const cwd = workspace();
    const pdf = seedEarlierPdf(cwd, 'print-hangs');
    const run = startExport(['pdf', 'print-hangs.md', '--template', 'print-hangs-template'], cwd);
    await killChromiumDuring(run, /print-hangs\.md: printing 1 pages/, 'print-hangs.md');
    expect(readFileSync(pdf, 'utf8')).toBe(earlierPdf);
    expect(temporaryFilesUnder(join(cwd, 'dist'))).toEqual([]);
    await expectNoChromiumLeft(run);
  });

  // capture-hangs.md holds `deckmark png` on its second slide the same way.
  it('Chromium killed while png captures: exit 5, earlier images intact, nothing left behind', async () => {
    const cwd = workspace();
    const folder = join(cwd, 'dist', 'capture-hangs-png');
    mkdirSync(folder, { recursive: true });
    writeFileSync(join(folder, 'capture-hangs-01.png'), 'an image from an earlier export');
    const run = startExport(['png', 'capture-hangs.md', '--template', 'capture-hangs-template'], cwd);
    await killChromiumDuring(run, /capture-hangs\.md: capturing 2 slides/, 'capture-hangs.md');
    expect(readdirSync(folder)).toEqual(['capture-hangs-01.png']);
    expect(readFileSync(join(folder, 'capture-hangs-01.png'), 'utf8')).toBe('an image from an earlier export');
    expect(temporaryFilesUnder(join(cwd, 'dist'))).toEqual([]);
    await expectNoChromiumLeft(run);
  });

  it('SIGTERM mid-print: exit 143, one line saying so, earlier PDF intact, nothing left behind', async () => {
    const cwd = workspace();
    const pdf = seedEarlierPdf(cwd, 'print-hangs');
    const run = startExport(['pdf', 'print-hangs.md', '--template', 'print-hangs-template'], cwd);
    await waitForLog(run, /print-hangs\.md: printing 1 pages/);
    expect(chromiumOf(run).length).toBeGreaterThan(0);
    run.child.kill('SIGTERM');

    const { code, stderr } = await run.exited;
    expect(code, stderr).toBe(ExitCode.terminated);
    // Closing Chromium fails the print under way; that is the shutdown, not a second error.
    expect(userLines(stderr)).toEqual(['deckmark: stopped by SIGTERM']);
    expect(readFileSync(pdf, 'utf8')).toBe(earlierPdf);
    expect(temporaryFilesUnder(join(cwd, 'dist'))).toEqual([]);
    await expectNoChromiumLeft(run);
  });
});

describe('deckmark pdf with nowhere good to write', () => {
  it('a read-only output folder: exit 7 naming the path, nothing touched', async () => {
    const cwd = workspace();
    let outDir = join(cwd, 'read-only');
    mkdirSync(outDir);
    chmodSync(outDir, 0o555);
    // Root writes through chmod (tests run as root in containers). A regular file where the
    // output folder's parent should be stops root as well: mkdir fails with ENOTDIR. No mount
    // or chattr needed, both of which a container may refuse.
    const chmodBindsUs = process.getuid?.() !== 0;
    if (!chmodBindsUs) {
      writeFileSync(join(cwd, 'not-a-folder'), 'a file, not a folder\n');
      outDir = join(cwd, 'not-a-folder', 'dist');
    }
    const before = snapshot(cwd);

    const run = startExport(['pdf', 'talk.md', '-o', outDir], cwd);
    const { code, stderr } = await run.exited;
    expect(code, stderr).toBe(ExitCode.output);
    expectNoStackTrace(stderr);
    const lines = userLines(stderr);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(new RegExp(`^deckmark: ${outDir}/talk/\\S+: cannot write this file: `));
    expect(lines[0]).toContain(
      chmodBindsUs
        ? 'permission denied; make the folder writable or choose another --out-dir'
        : `${join(cwd, 'not-a-folder')} is a file, not a folder; move it or choose another --out-dir`,
    );
    expect(snapshot(cwd)).toEqual(before);
    await expectNoChromiumLeft(run);
  });

  it('a folder where the PDF goes: exit 7 naming the PDF, the folder kept, no temporary file', async () => {
    const cwd = workspace();
    await expectFolderInTheWayRefused(['pdf', 'talk.md'], cwd, join(cwd, 'dist', 'talk.pdf'));
  });

  it('an output path equal to the input: refused before anything is written, the input unchanged', async () => {
    const cwd = workspace();
    const markdown = readFileSync(join(cwd, 'talk.md'), 'utf8');
    // A deck named talk.pdf printed into its own folder would become its own PDF, however
    // the folder is spelled.
    writeFileSync(join(cwd, 'talk.pdf'), markdown);
    const before = snapshot(cwd);

    for (const [args, deck] of [
      [['pdf', 'talk.pdf', '-o', '.'], 'talk.pdf'],
      [['pdf', './talk.pdf', '--handout', '2', '-o', join('..', basename(cwd))], './talk.pdf'],
    ] as const) {
      const run = startExport([...args], cwd);
      const { code, stderr } = await run.exited;
      expect(code, stderr).toBe(ExitCode.output);
      expect(userLines(stderr)).toEqual([
        `deckmark: ${deck}: the output ${join(cwd, deck)} would be written over this deck's own file; rename the deck (decks end in .md) or choose another --out-dir`,
      ]);
      await expectNoChromiumLeft(run);
    }
    expect(snapshot(cwd)).toEqual(before);
  });
});

describe('deckmark pdf twice at once', () => {
  it('two exports of one deck to one file: both succeed, the PDF is whole, no temporary files', async () => {
    const cwd = workspace();
    const runs = [startExport(['pdf', 'talk.md'], cwd), startExport(['pdf', 'talk.md'], cwd)];
    const results = await Promise.all(runs.map((run) => run.exited));
    for (const { code, stderr } of results) {
      expect(code, stderr).toBe(0);
      expectNoStackTrace(stderr);
    }
    // Both renamed a complete file into place; whichever came last, the PDF parses whole.
    const pdf = await PDFDocument.load(readFileSync(join(cwd, 'dist', 'talk.pdf')));
    expect(pdf.getPageCount()).toBe(3);
    expect(pdf.getTitle()).toBe('Fault Fixture Talk');
    expect(readFileSync(join(cwd, 'dist', 'talk', 'index.html'), 'utf8')).toContain('First slide');
    expect(temporaryFilesUnder(join(cwd, 'dist'))).toEqual([]);
    for (const run of runs) await expectNoChromiumLeft(run);
  });
});
