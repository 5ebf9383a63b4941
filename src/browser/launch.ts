import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'puppeteer-core';
import { fail } from '../errors.js';
import type { FoundBrowser } from './finders/types.js';

/**
 * Flags for a quiet, deterministic headless Chromium. Background networking, component
 * updates and sync are off because a closed network turns them into refused connections
 * at every start; the sandbox is dropped only where Chromium cannot have one.
 */
export function chromiumArgs(needsNoSandbox: boolean): string[] {
  return [
    '--disable-background-networking',
    // The crash reporter outlives a killed browser and writes into its profile after deckmark removed it.
    '--disable-crash-reporter',
    '--disable-breakpad',
    '--disable-component-update',
    '--disable-sync',
    '--no-first-run',
    '--no-default-browser-check',
    '--disable-default-apps',
    '--disable-extensions',
    '--disable-gpu',
    '--disable-dev-shm-usage',
    '--disable-features=Translate,MediaRouter,OptimizationHints',
    '--font-render-hinting=none',
    '--hide-scrollbars',
    '--mute-audio',
    ...(needsNoSandbox ? ['--no-sandbox', '--disable-setuid-sandbox'] : []),
  ];
}

/** Chromium refuses its sandbox as root, the usual case in containers and CI. */
export function needsNoSandbox(environment: NodeJS.ProcessEnv = process.env): boolean {
  return process.getuid?.() === 0 || environment.DECKMARK_NO_SANDBOX === '1';
}

export interface LaunchedBrowser {
  browser: Browser;
  /** Removes Chromium's profile and temp files; call once the browser has exited. */
  removeProfile(): void;
}

/**
 * Starts Chromium with a profile folder of ours that also serves as its TMPDIR: a Chromium
 * that is killed cannot clean up after itself, so deckmark removes the folder, whatever
 * happened to the browser, and nothing is left in the system temp dir.
 */
export async function launchBrowser(found: FoundBrowser, timeoutMs: number, environment: NodeJS.ProcessEnv = process.env): Promise<LaunchedBrowser> {
  const puppeteer = await import('puppeteer-core');
  const profile = mkdtempSync(join(tmpdir(), 'deckmark-chromium-'));
  const removeProfile = () => rmSync(profile, { recursive: true, force: true, maxRetries: 3 });
  try {
    const browser = await puppeteer.launch({
      executablePath: found.path,
      headless: true,
      userDataDir: join(profile, 'profile'),
      env: { ...process.env, TMPDIR: profile },
      args: chromiumArgs(needsNoSandbox(environment)),
      timeout: timeoutMs,
      protocolTimeout: Math.max(timeoutMs, 180_000),
      handleSIGINT: false,
      handleSIGTERM: false,
      handleSIGHUP: false,
    });
    return { browser, removeProfile };
  } catch (error) {
    removeProfile();
    fail(`Chromium at ${found.path} (${found.source}) did not start: ${launchFailure((error as Error).message)}`, 'browserFailed', undefined, error);
  }
}

/**
 * Puppeteer's launch error is several paragraphs with a double space and a troubleshooting
 * link; keep what tells the user something — the exit code and the program's first stderr
 * line — and say what to check, since a wrong program (not a browser) is the usual cause.
 */
export function launchFailure(message: string): string {
  const exited = /Failed to launch the browser process:\s*Code: (\S+)/.exec(message);
  if (!exited) return message.split('\n')[0]!;
  const said = /\nstderr:\n([^\n]+)/.exec(message)?.[1]?.trim();
  return `it exited at once with code ${exited[1]}${said ? ` ("${said}")` : ''}; check that it is a Chromium, Chrome or Edge executable (\`deckmark doctor\` tests it)`;
}
