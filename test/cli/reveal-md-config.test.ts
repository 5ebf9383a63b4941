import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../helpers/workspace.js';

/** The Reveal config a built page starts with (the boot script is called with it). */
function revealConfig(page: string): Record<string, unknown> {
  const html = readFileSync(page, 'utf8');
  const match = /"config":(\{.*?\}),"scripts"/s.exec(html);
  if (!match) throw new Error('no config in page');
  return JSON.parse(match[1]!);
}

describe("a reveal-md project's configuration", () => {
  it('reads reveal-md.json as deck options and reveal.json as reveal.js options', async () => {
    const cwd = makeWorkspace({
      'reveal-md.json': JSON.stringify({ separator: '^\\n\\n\\n', 'highlight-theme': 'github-dark' }),
      'reveal.json': JSON.stringify({ controls: false, transition: 'fade' }),
      'talk.md': '# One\n\n\n\n# Two\n',
    });
    const result = await runCli(['build', 'talk.md'], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stdout).toContain('2 slides');
    const config = revealConfig(join(cwd, 'dist', 'talk', 'index.html'));
    expect(config.controls).toBe(false);
    expect(config.transition).toBe('fade');
    expect(readFileSync(join(cwd, 'dist', 'talk', 'assets', 'highlight.css'), 'utf8')).toContain('#0d1117');
  });

  it('lets deckmark.config.json and front matter win over them', async () => {
    const cwd = makeWorkspace({
      'reveal.json': JSON.stringify({ controls: false, progress: false }),
      'deckmark.config.json': JSON.stringify({ reveal: { controls: true } }),
      'talk.md': '---\nreveal:\n  progress: true\n---\n# One\n',
    });
    expect((await runCli(['build', 'talk.md'], cwd)).code).toBe(0);
    const config = revealConfig(join(cwd, 'dist', 'talk', 'index.html'));
    expect(config.controls).toBe(true);
    expect(config.progress).toBe(true);
  });

  it('refuses code-loading keys in reveal-md.json and reveal.json, naming the file', async () => {
    const scripts = makeWorkspace({ 'reveal-md.json': JSON.stringify({ scripts: ['x.js'] }), 'talk.md': '# One\n' });
    const refused = await runCli(['build', 'talk.md'], scripts);
    expect(refused.code).toBe(ExitCode.input);
    expect(refused.stderr).toMatch(/^deckmark: reveal-md\.json: option "scripts" \(reveal-md\) runs code/);
    const plugins = makeWorkspace({ 'reveal.json': JSON.stringify({ dependencies: [{ src: 'x.js' }] }), 'talk.md': '# One\n' });
    expect((await runCli(['build', 'talk.md'], plugins)).stderr).toMatch(/^deckmark: reveal\.json: reveal\.dependencies would load scripts/);
  });

  it("links the author's css after the theme, copying what it loads; refuses one outside the folders", async () => {
    const cwd = makeWorkspace({
      'talk/talk.md': '---\ncss: style/a.css, style/b.css\n---\n# One\n',
      'talk/style/a.css': 'h1 { color: rgb(9, 8, 7); background: url(dot.png); }',
      'talk/style/dot.png': 'png',
      'talk/style/b.css': 'h1 { font-weight: 200; }',
    });
    const result = await runCli(['build', 'talk/talk.md'], cwd);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(join(cwd, 'dist', 'talk', 'index.html'), 'utf8');
    const links = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) => match[1]);
    expect(links.slice(-3)).toEqual(['assets/highlight.css', 'assets/css/1/a.css', 'assets/css/2/b.css']);
    expect(readFileSync(join(cwd, 'dist', 'talk', 'assets', 'css', '1', 'dot.png'), 'utf8')).toBe('png');

    const outside = makeWorkspace({ 'x.css': 'h1 {}' });
    const far = makeWorkspace({ 'talk.md': `---\ntitle: T\ncss: ${join(outside, 'x.css')}\n---\n# One\n` });
    expect((await runCli(['build', 'talk.md'], far)).stderr).toMatch(/^deckmark: talk\.md:3: stylesheet ".*x\.css" is outside the deck's folder/);
  });

  it('reads css paths in reveal-md.json from its own folder', async () => {
    const cwd = makeWorkspace({
      'reveal-md.json': JSON.stringify({ css: 'shared.css' }),
      'shared.css': 'h1 { color: rgb(4, 5, 6); }',
      'decks/talk.md': '# One\n',
    });
    const result = await runCli(['build', 'decks/talk.md'], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'dist', 'talk', 'assets', 'css', '1', 'shared.css'), 'utf8')).toContain('rgb(4, 5, 6)');
  });
});
