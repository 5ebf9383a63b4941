import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../helpers/workspace.js';

describe('themes', () => {
  it('are names, never paths: a theme that climbs out of the folders is unknown', async () => {
    const outside = makeWorkspace({ 'evil.css': '.reveal { color: red; }' });
    const cwd = makeWorkspace({ 'talk.md': `---\ntheme: ../../../../../../../../..${join(outside, 'evil')}\n---\n# One\n` });
    const result = await runCli(['build', 'talk.md'], cwd);
    expect(result.code).toBe(ExitCode.input);
    expect(result.stderr).toMatch(/^deckmark: talk\.md: unknown theme "\.\.\//);
  });

  it('refuse a url() that is a link to a file outside the theme folder', async () => {
    const outside = makeWorkspace({ 'secret.bin': 'TOPSECRET' });
    const cwd = makeWorkspace({ 'talk.md': '---\ntheme: mine\n---\n# One\n' });
    mkdirSync(join(cwd, 'tpl', 'themes'), { recursive: true });
    writeFileSync(join(cwd, 'tpl', 'themes', 'mine.css'), '.reveal { background: url(secret.bin); }');
    symlinkSync(join(outside, 'secret.bin'), join(cwd, 'tpl', 'themes', 'secret.bin'));
    const result = await runCli(['build', 'talk.md', '--template', 'tpl'], cwd);
    expect(result.code).toBe(ExitCode.input);
    expect(result.stderr).toContain('theme file "secret.bin" is a link to a file outside the theme\'s folder');
  });
});
