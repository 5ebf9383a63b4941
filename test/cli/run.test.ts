import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../helpers/workspace.js';

describe('what the first argument means', () => {
  it('builds a deck named as the first argument, as `deckmark build` would', async () => {
    const cwd = makeWorkspace({ 'talk.md': '# One\n' });
    const result = await runCli(['talk.md', '-o', 'out'], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^talk\.md → out\/talk\/index\.html · 1 slide · (\d+ ms|\d+\.\d s)$/);
    expect(existsSync(join(cwd, 'out', 'talk', 'index.html'))).toBe(true);
  });

  it('builds a folder named as the first argument', async () => {
    const cwd = makeWorkspace();
    mkdirSync(join(cwd, 'decks'));
    writeFileSync(join(cwd, 'decks', 'a.md'), '# A\n');
    expect(await runCli(['decks'], cwd)).toMatchObject({ code: 0, stdout: expect.stringMatching(/^decks\/a\.md → dist\/a\/index\.html/) });
  });

  it('reports a missing deck named first as a missing file, not as an unknown command', async () => {
    expect(await runCli(['talk.md'], makeWorkspace())).toEqual({ code: ExitCode.input, stdout: '', stderr: 'deckmark: talk.md: no such file or folder' });
  });

  it('suggests the command a typo meant, and lists them all', async () => {
    expect(await runCli(['buld'], makeWorkspace())).toEqual({
      code: ExitCode.usage,
      stdout: '',
      stderr: 'deckmark: unknown command "buld" (did you mean "build"?); commands: init, build, serve, pdf, png, pptx, check, doctor',
    });
    expect((await runCli(['zzz'], makeWorkspace())).stderr).toBe(
      'deckmark: unknown command "zzz"; commands: init, build, serve, pdf, png, pptx, check, doctor',
    );
  });

  it('suggests the option a typo meant', async () => {
    expect(await runCli(['build', '--out-dri', 'x'], makeWorkspace())).toEqual({
      code: ExitCode.usage,
      stdout: '',
      stderr: `deckmark: Unknown option '--out-dri' (did you mean "--out-dir"?); see \`deckmark build --help\``,
    });
    expect((await runCli(['check', '--stirct'], makeWorkspace())).stderr).toBe(
      `deckmark: Unknown option '--stirct' (did you mean "--strict"?); see \`deckmark check --help\``,
    );
  });

  it('says how to name a deck or start one when there is neither a deck nor slides/', async () => {
    for (const command of ['build', 'pdf', 'png', 'check', 'serve']) {
      expect(await runCli([command], makeWorkspace()), command).toEqual({
        code: ExitCode.usage,
        stdout: '',
        stderr: `deckmark: no deck named and no slides/ folder here; name one (\`deckmark ${command} talk.md\`) or start one with \`deckmark init\``,
      });
    }
  });

  it('lists exit codes in words in --help', async () => {
    const { stdout } = await runCli(['--help'], makeWorkspace());
    expect(stdout.split('\n').at(-1)).toBe(
      'Exit codes: 0 success, 1 failure, 2 usage error, 3 bad input, 4 no browser found, 5 the browser failed, 6 timeout, 7 cannot write output, 8 server error, 9 check found errors, 130 interrupted, 143 terminated',
    );
  });
});
