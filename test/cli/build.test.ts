import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../helpers/workspace.js';

const deck = '---\ntitle: Demo\n---\n\n# One\n\n---\n\n## Two\n\n----\n\n## Two below\n\nNote: notes\n';

describe('deckmark build', () => {
  it('writes the deck and everything it needs, and prints one summary line', async () => {
    const cwd = makeWorkspace({ 'talk.md': deck });
    const result = await runCli(['build', 'talk.md'], cwd);
    expect(result.code).toBe(0);
    // The duration says nothing about correctness (speed goals live in `npm run bench`), only its form.
    expect(result.stdout).toMatch(/^talk\.md → dist\/talk\/index\.html · 3 slides · (?:\d+ ms|\d+\.\d s)$/);
    for (const file of [
      'index.html',
      'assets/reveal.js',
      'assets/notes.js',
      'assets/reveal.css',
      'assets/theme.css',
      'assets/highlight.css',
      'assets/fonts/inter-latin-400-normal.woff2',
    ]) {
      expect(existsSync(join(cwd, 'dist', 'talk', file)), file).toBe(true);
    }
    const html = readFileSync(join(cwd, 'dist', 'talk', 'index.html'), 'utf8');
    expect(html).not.toMatch(/https?:\/\//);
  });

  it('builds every deck in a folder, and slides/ when given nothing', async () => {
    const cwd = makeWorkspace();
    mkdirSync(join(cwd, 'slides'));
    writeFileSync(join(cwd, 'slides', 'a.md'), '# A\n');
    writeFileSync(join(cwd, 'slides', 'b.md'), '# B\n');
    const result = await runCli(['build', '-o', 'out'], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n').map((line) => line.split(' → ')[0])).toEqual(['slides/a.md', 'slides/b.md']);
    expect(existsSync(join(cwd, 'out', 'b', 'index.html'))).toBe(true);
  });

  it('applies one precedence: flag over front matter over config file', async () => {
    const cwd = makeWorkspace({
      'deckmark.config.json': JSON.stringify({ theme: 'black', transition: 'fade', highlightTheme: 'github-dark' }),
      'talk.md': '---\ntheme: white\n---\n# One\n',
    });
    const viaFrontMatter = await runCli(['build', 'talk.md'], cwd);
    expect(viaFrontMatter.code).toBe(0);
    const html = readFileSync(join(cwd, 'dist', 'talk', 'index.html'), 'utf8');
    expect(html).toContain('"transition":"fade"');
    expect(readFileSync(join(cwd, 'dist', 'talk', 'assets', 'theme.css'), 'utf8')).toContain('--r-background-color:#fff');
    await runCli(['build', 'talk.md', '--theme', 'deckmark'], cwd);
    expect(readFileSync(join(cwd, 'dist', 'talk', 'assets', 'theme.css'), 'utf8')).toContain('--dm-paper');
  });

  it('fails on a missing input with its own message and exit code', async () => {
    const result = await runCli(['build', 'nope.md'], makeWorkspace());
    expect(result).toEqual({ code: ExitCode.input, stdout: '', stderr: 'deckmark: nope.md: no such file or folder' });
  });

  it('fails on bad front matter naming file and line, without a stack trace, and leaves the earlier output alone', async () => {
    const cwd = makeWorkspace({ 'talk.md': deck });
    await runCli(['build', 'talk.md'], cwd);
    const page = join(cwd, 'dist', 'talk', 'index.html');
    const before = readFileSync(page);
    writeFileSync(join(cwd, 'talk.md'), '---\ntitle: "unclosed\n---\n# One\n');
    const result = await runCli(['build', 'talk.md'], cwd);
    expect(result.code).toBe(ExitCode.input);
    expect(result.stderr).toMatch(/^deckmark: talk\.md:\d+:\d+: invalid front matter: /);
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(readFileSync(page).equals(before)).toBe(true);
  });

  it('lists the valid themes for an unknown theme', async () => {
    const result = await runCli(['build', 'talk.md'], makeWorkspace({ 'talk.md': '---\ntheme: no-such-theme\n---\n# One\n' }));
    expect(result.code).toBe(ExitCode.input);
    expect(result.stderr).toMatch(/^deckmark: talk\.md:2: unknown theme "no-such-theme"; valid themes: .*\bblack\b.*\bdeckmark\b.*\bwhite\b/);
  });

  it('self-hosts the Google fonts a reveal theme imports, from their @fontsource packages', async () => {
    const cwd = makeWorkspace({ 'talk.md': '---\ntheme: night\n---\n# One\n' });
    const result = await runCli(['build', 'talk.md'], cwd);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    const css = readFileSync(join(cwd, 'dist', 'talk', 'assets', 'theme.css'), 'utf8');
    expect(css).not.toContain('googleapis');
    expect(css).toMatch(/font-family: 'Montserrat';[^}]*font-weight: 700;[^}]*url\(fonts\/montserrat-latin-700-normal\.woff2\)/);
    expect(css).toMatch(/font-family: 'Open Sans';[^}]*font-style: italic;/);
    expect(existsSync(join(cwd, 'dist', 'talk', 'assets', 'fonts', 'montserrat-latin-700-normal.woff2'))).toBe(true);
  });

  it('warns once per run, not per deck, when a theme imports web fonts no package self-hosts', async () => {
    const cwd = makeWorkspace({ 'a.md': '---\ntheme: web\n---\n# A\n', 'b.md': '---\ntheme: web\n---\n# B\n' });
    mkdirSync(join(cwd, 'tpl', 'themes'), { recursive: true });
    writeFileSync(join(cwd, 'tpl', 'themes', 'web.css'), '@import url("https://fonts.example.com/css?family=Nope");\n.reveal { color: #111; }\n');
    const result = await runCli(['build', 'a.md', 'b.md', '--template', 'tpl'], cwd);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe(
      'a.md: warning: theme "web" imports web fonts from fonts.example.com; deckmark never fetches them, so the theme\'s fallback fonts are used (self-host the fonts in the theme\'s folder, or remove the @import, to silence this)',
    );
    expect(readFileSync(join(cwd, 'dist', 'b', 'assets', 'theme.css'), 'utf8')).not.toContain('fonts.example.com');
  });

  it('writes a single file even when a URL holds a malformed escape', async () => {
    const cwd = makeWorkspace({ 'talk.md': '# One\n\n![remote](https://example.com/a%zz.png)\n' });
    const result = await runCli(['build', 'talk.md', '--single-file'], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'dist', 'talk.html'), 'utf8')).toContain('https://example.com/a%zz.png');
  });

  it('refuses two decks that would be written to the same place', async () => {
    const cwd = makeWorkspace();
    mkdirSync(join(cwd, 'a'));
    mkdirSync(join(cwd, 'b'));
    writeFileSync(join(cwd, 'a', 'talk.md'), '# A\n');
    writeFileSync(join(cwd, 'b', 'talk.md'), '# B\n');
    const result = await runCli(['build', 'a/talk.md', 'b/talk.md'], cwd);
    expect(result.code).toBe(ExitCode.usage);
    expect(result.stderr).toBe(
      'deckmark: a/talk.md and b/talk.md would both be written as "talk"; build them separately (with different --out-dir) or rename one',
    );
    expect(existsSync(join(cwd, 'dist'))).toBe(false);
  });

  it('keeps building other decks when one fails, and still fails the run', async () => {
    const cwd = makeWorkspace({ 'bad.md': '---\nwidth: wide\n---\n# x\n', 'good.md': '# Good\n' });
    const result = await runCli(['build', 'bad.md', 'good.md'], cwd);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(/bad\.md:2: option "width"/);
    expect(result.stdout).toMatch(/^good\.md → /);
  });
});

describe('the command line', () => {
  it('prints help and version', async () => {
    const cwd = makeWorkspace();
    expect((await runCli(['--help'], cwd)).stdout).toMatch(/Usage: deckmark <command>[\s\S]*build[\s\S]*doctor/);
    expect((await runCli(['build', '--help'], cwd)).stdout).toMatch(/--out-dir DIR/);
    for (const command of ['pdf', 'png', 'serve', 'check', 'doctor']) {
      expect(await runCli([command, '-h'], cwd), command).toMatchObject({ code: 0, stdout: expect.stringMatching(new RegExp(`^deckmark ${command} `)) });
    }
    const version = JSON.parse(readFileSync(join(import.meta.dirname, '..', '..', 'package.json'), 'utf8')).version;
    expect(await runCli(['--version'], cwd)).toEqual({ code: 0, stdout: version, stderr: '' });
  });

  it('rejects unknown commands and flags as usage errors', async () => {
    const cwd = makeWorkspace();
    expect(await runCli(['bild'], cwd)).toMatchObject({ code: ExitCode.usage, stderr: expect.stringMatching(/unknown command "bild"/) });
    expect(await runCli(['build', '--nope'], cwd)).toMatchObject({
      code: ExitCode.usage,
      stderr: expect.stringMatching(/Unknown option '--nope'.*deckmark build --help/),
    });
  });
});
