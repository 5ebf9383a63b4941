import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from 'vitest';

const bin = join(import.meta.dirname, '..', '..', 'bin', 'deckmark.js');
let runs = 0;

export interface ExportProcess {
  child: ChildProcess;
  /** Tags every process started under this run: Chromium inherits the environment. */
  marker: string;
  stderr(): string;
  exited: Promise<{ code: number | null; stderr: string }>;
}

/**
 * Runs the real bin in a child process, as a user would, with the debug log on (so a test
 * can act when a stage starts) and a unique marker in its environment.
 */
export function startExport(args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): ExportProcess {
  const marker = `deckmark-fault-${process.pid}-${++runs}-${Date.now()}`;
  const child = spawn(process.execPath, [bin, ...args], {
    cwd,
    env: { ...process.env, NODE_DEBUG: 'deckmark', DECKMARK_TEST_MARKER: marker, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk) => {
    stderr += chunk;
  });
  child.stdout!.resume();
  const exited = new Promise<{ code: number | null; stderr: string }>((resolve) => child.on('close', (code) => resolve({ code, stderr })));
  return { child, marker, stderr: () => stderr, exited };
}

/** What a user reads: stderr without the `DECKMARK <pid>:` debug lines. */
export function userLines(stderr: string): string[] {
  return stderr.split('\n').filter((line) => line !== '' && !line.startsWith('DECKMARK '));
}

/** The promise every failure keeps: messages only, never a stack or an "internal error". */
export function expectNoStackTrace(stderr: string): void {
  const lines = userLines(stderr);
  expect(
    lines.filter((line) => /^\s+at |internal error|Error:/.test(line)),
    lines.join('\n'),
  ).toEqual([]);
}

/** Resolves once the child's debug log shows `pattern`; bounded so a missed hook fails, not hangs. */
export async function waitForLog(run: ExportProcess, pattern: RegExp): Promise<void> {
  await expect.poll(() => pattern.test(run.stderr()), { timeout: 45_000, interval: 50 }).toBe(true);
}

interface ProcessRow {
  pid: number;
  ppid: number;
  command: string;
}

function processTable(): ProcessRow[] {
  return execFileSync('ps', ['-eo', 'pid=,ppid=,comm='], { encoding: 'utf8' })
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter((fields) => fields.length >= 3)
    .map(([pid, ppid, ...command]) => ({ pid: Number(pid), ppid: Number(ppid), command: command.join(' ') }));
}

/** The browser process the child launched: its direct child whose program is Chromium. */
export function browserOf(run: ExportProcess): number | undefined {
  return processTable().find((row) => row.ppid === run.child.pid && /chrom/i.test(row.command))?.pid;
}

/**
 * Chromium processes started under the run's marker — the browser, its zygotes, renderers and
 * the crash reporter, which re-parents itself to init and so escapes a parent-chain search.
 * Zombies carry no environment and are not counted. Only pid and program are returned.
 */
export function chromiumOf(run: ExportProcess): string[] {
  return execFileSync('ps', ['axeww', '-o', 'pid=,args='], { encoding: 'utf8' })
    .split('\n')
    .filter((line) => line.includes(run.marker))
    .map((line) => line.trim().split(/\s+/).slice(0, 2).join(' '))
    .filter((process) => /chrom/i.test(process));
}

/**
 * Chromium's crash reporter exits a moment after the browser it watches; waiting for the
 * process table to settle is not a speed claim.
 */
export async function expectNoChromiumLeft(run: ExportProcess): Promise<void> {
  await expect.poll(() => chromiumOf(run), { timeout: 10_000, interval: 200 }).toEqual([]);
}

/** Every temporary file (`.<name>.<pid>.<random>.tmp`) anywhere under `folder`. */
export function temporaryFilesUnder(folder: string): string[] {
  return readdirSync(folder, { recursive: true, encoding: 'utf8' }).filter((name) => name.endsWith('.tmp'));
}

/** What an earlier, good export left: every failure must leave it byte-identical. */
export const earlierPdf = '%PDF-1.4 the PDF from an earlier, good export\n';

/** Writes `earlierPdf` where the export would write `dist/<deck>.pdf`, and returns its path. */
export function seedEarlierPdf(cwd: string, deck = 'talk'): string {
  mkdirSync(join(cwd, 'dist'), { recursive: true });
  const file = join(cwd, 'dist', `${deck}.pdf`);
  writeFileSync(file, earlierPdf);
  return file;
}

/**
 * Runs an export whose output file is a folder holding a file, and checks the one promise:
 * exit 7 naming the file, the folder and its content kept, no temporary file, no Chromium left.
 */
export async function expectFolderInTheWayRefused(args: string[], cwd: string, output: string): Promise<void> {
  mkdirSync(join(output, 'keep'), { recursive: true });
  writeFileSync(join(output, 'keep', 'notes.txt'), 'still here\n');
  const run = startExport(args, cwd);
  const { code, stderr } = await run.exited;
  expect(code, stderr).toBe(7);
  expectNoStackTrace(stderr);
  expect(userLines(stderr)).toEqual([`deckmark: ${output}: cannot write this file: a folder of that name is in the way; move it or choose another --out-dir`]);
  expect(readFileSync(join(output, 'keep', 'notes.txt'), 'utf8')).toBe('still here\n');
  expect(temporaryFilesUnder(join(output, '..'))).toEqual([]);
  await expectNoChromiumLeft(run);
}
