import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../helpers/workspace.js';

describe('deckmark doctor', () => {
  it('names the browser it found, where from, its version, and that it starts', async () => {
    const result = await runCli(['doctor'], makeWorkspace());
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toMatch(
      /^browser: \/\S+\nfound: {3}(system install|bundled @sparticuz\/chromium|\$CHROME_PATH|\$PUPPETEER_EXECUTABLE_PATH)\nversion: \S*Chrom\S*\/\d+[\d.]*\nlaunch: {2}ok$/,
    );
  });

  it('exits with the browser-not-found code for a wrong --chrome-path', async () => {
    const result = await runCli(['doctor', '--chrome-path', '/nonexistent/chrome'], makeWorkspace());
    expect(result.code).toBe(ExitCode.browserNotFound);
    expect(result.stderr).toBe('deckmark: --chrome-path /nonexistent/chrome is not an executable file');
  });
});
