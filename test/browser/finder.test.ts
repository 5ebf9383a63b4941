import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findBrowser } from '../../src/browser/finder.js';
import { systemInstallPaths } from '../../src/browser/finders/system.js';
import { chromiumArgs } from '../../src/browser/launch.js';
import { DeckmarkError, ExitCode } from '../../src/errors.js';
import { makeWorkspace } from '../helpers/workspace.js';

function fakeExecutable(): string {
  const file = join(makeWorkspace(), 'chrome');
  writeFileSync(file, '#!/bin/sh\n');
  chmodSync(file, 0o755);
  return file;
}

describe('finding a browser', () => {
  it('takes --chrome-path before everything else', async () => {
    const path = fakeExecutable();
    expect(await findBrowser({ chromePath: path, environment: { CHROME_PATH: '/nope' } })).toEqual({ path, source: '--chrome-path' });
  });

  it('takes CHROME_PATH, then PUPPETEER_EXECUTABLE_PATH', async () => {
    const path = fakeExecutable();
    expect(await findBrowser({ environment: { CHROME_PATH: path } })).toEqual({ path, source: '$CHROME_PATH' });
    expect(await findBrowser({ environment: { PUPPETEER_EXECUTABLE_PATH: path } })).toEqual({ path, source: '$PUPPETEER_EXECUTABLE_PATH' });
  });

  it('treats a wrong explicit path as an error, not a reason to fall back', async () => {
    await expect(findBrowser({ chromePath: '/nonexistent/chrome' })).rejects.toMatchObject({
      exitCode: ExitCode.browserNotFound,
      message: expect.stringContaining('--chrome-path /nonexistent/chrome'),
    });
    await expect(findBrowser({ environment: { CHROME_PATH: makeWorkspace() } })).rejects.toMatchObject({ message: expect.stringContaining('CHROME_PATH=') });
  });

  it('says what to install or set when nothing is found', async () => {
    const error = await findBrowser({ platform: 'darwin', environment: {} }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DeckmarkError);
    expect((error as DeckmarkError).exitCode).toBe(ExitCode.browserNotFound);
    expect((error as DeckmarkError).message).toMatch(/Install one .*set CHROME_PATH.*--chrome-path/);
  });

  it('knows where Chrome, Chromium and Edge install on each platform', () => {
    expect(systemInstallPaths('linux', {})).toContain('/usr/bin/chromium');
    expect(systemInstallPaths('darwin', {})).toContain('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome');
    expect(systemInstallPaths('win32', { PROGRAMFILES: 'C:\\Program Files' }).some((path) => path.endsWith('msedge.exe'))).toBe(true);
  });

  it('drops the sandbox only when asked to', () => {
    expect(chromiumArgs(false)).not.toContain('--no-sandbox');
    expect(chromiumArgs(true)).toContain('--no-sandbox');
    expect(chromiumArgs(false)).toEqual(
      expect.arrayContaining(['--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run']),
    );
  });
});

describe('the CLI and the environment', () => {
  it('reads CHROME_PATH from the environment the CLI was given', async () => {
    const { runCli } = await import('../helpers/cli.js');
    const result = await runCli(['doctor'], makeWorkspace(), { CHROME_PATH: '/nonexistent/from-io-env' });
    expect(result.code).toBe(ExitCode.browserNotFound);
    expect(result.stderr).toContain('CHROME_PATH=/nonexistent/from-io-env');
  });
});
