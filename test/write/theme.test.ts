import { mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../helpers/workspace.js';

describe('themes', () => {
  it('names the front-matter line of an unknown theme or highlight theme, and suggests the one meant', async () => {
    const cwd = makeWorkspace({ 'a.md': '---\ntitle: A\ntheme: drakula\n---\n# One\n', 'b.md': '---\ntitle: B\nhighlightTheme: nope\n---\n# One\n' });
    expect((await runCli(['build', 'a.md'], cwd)).stderr).toBe(
      'deckmark: a.md:3: unknown theme "drakula" (did you mean "dracula"?); valid themes: beige, black, black-contrast, blood, deckmark, dracula, league, moon, night, serif, simple, sky, solarized, white, white-contrast (or the path of a .css file)',
    );
    expect(await runCli(['build', 'b.md'], cwd)).toEqual({
      code: ExitCode.input,
      stdout: '',
      stderr:
        'deckmark: b.md:3: unknown highlightTheme "nope"; use a highlight.js style name such as github, github-dark or atom-one-light (the files in highlight.js/styles/)',
    });
  });

  it('names no line when the theme came from the command line', async () => {
    const cwd = makeWorkspace({ 'a.md': '---\ntheme: black\n---\n# One\n' });
    expect((await runCli(['build', 'a.md', '--theme', 'nope'], cwd)).stderr).toMatch(/^deckmark: a\.md: unknown theme "nope"; valid themes: /);
  });

  it('are names, never paths: a theme that climbs out of the folders is unknown', async () => {
    const outside = makeWorkspace({ 'evil.css': '.reveal { color: red; }' });
    const cwd = makeWorkspace({ 'talk.md': `---\ntheme: ../../../../../../../../..${join(outside, 'evil')}\n---\n# One\n` });
    const result = await runCli(['build', 'talk.md'], cwd);
    expect(result.code).toBe(ExitCode.input);
    expect(result.stderr).toMatch(/^deckmark: talk\.md:2: unknown theme "\.\.\//);
  });

  it('may be a .css file beside the deck (reveal-md), with the files it loads copied', async () => {
    const cwd = makeWorkspace({
      'talk/talk.md': '---\ntheme: theme/mine.css\n---\n# One\n',
      'talk/theme/mine.css': '.reveal { color: rgb(1, 2, 3); background: url(paper.png); }',
      'talk/theme/paper.png': 'png',
    });
    const result = await runCli(['build', 'talk/talk.md'], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'dist', 'talk', 'assets', 'theme.css'), 'utf8')).toContain('rgb(1, 2, 3)');
    expect(readFileSync(join(cwd, 'dist', 'talk', 'assets', 'paper.png'), 'utf8')).toBe('png');
  });

  it('as a .css file outside the deck’s and the project’s folders is refused, unless --allow-outside', async () => {
    const outside = makeWorkspace({ 'evil.css': '.reveal { color: red; }' });
    const cwd = makeWorkspace({ 'talk.md': `---\ntheme: ${join(outside, 'evil.css')}\n---\n# One\n` });
    const result = await runCli(['build', 'talk.md'], cwd);
    expect(result.code).toBe(ExitCode.input);
    expect(result.stderr).toMatch(/^deckmark: talk\.md:2: theme ".*evil\.css" is outside the deck's folder/);
    expect((await runCli(['build', 'talk.md', '--allow-outside'], cwd)).code).toBe(0);
  });

  it('as a missing .css file names the line', async () => {
    const cwd = makeWorkspace({ 'talk.md': '---\ntitle: T\ntheme: nope.css\n---\n# One\n' });
    expect((await runCli(['build', 'talk.md'], cwd)).stderr).toBe(
      "deckmark: talk.md:3: theme file not found: nope.css (a path is read from the deck's folder)",
    );
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
