import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../helpers/workspace.js';

const starterFiles = 'deckmark.config.json, images/example.svg, talk.md';

describe('deckmark init', () => {
  it('writes a starter talk that builds and passes check --strict', async () => {
    const cwd = makeWorkspace();
    expect(await runCli(['init'], cwd)).toEqual({
      code: 0,
      stdout: `created ${starterFiles}\nnext: npx deckmark serve talk.md   (live preview at http://127.0.0.1:8000)`,
      stderr: '',
    });
    expect(readdirSync(cwd).sort()).toEqual(['deckmark.config.json', 'images', 'talk.md']);
    const talk = readFileSync(join(cwd, 'talk.md'), 'utf8');
    // Every slide carries notes, and each layout and block kind appears.
    expect(
      talk
        .split(/^---$/m)
        .slice(2)
        .every((slide) => /^Note:/m.test(slide)),
    ).toBe(true);
    for (const layout of ['title', 'section', 'two-column', 'figures', 'timeline', 'quote'])
      expect(talk, layout).toContain(`<!-- .slide: layout="${layout}" -->`);
    for (const feature of ['```js', '```vega-lite', '$$', '![', '----', 'class="fragment"', 'incremental="true"', '| --- |'])
      expect(talk, feature).toContain(feature);

    const built = await runCli(['talk.md'], cwd);
    expect(built).toMatchObject({ code: 0, stderr: '' });
    const page = readFileSync(join(cwd, 'dist', 'talk', 'index.html'), 'utf8');
    expect(page).toContain('class="katex"');
    expect(page).toContain('<svg');
    expect(existsSync(join(cwd, 'dist', 'talk', 'images', 'example.svg'))).toBe(true);

    const checked = await runCli(['check', '--strict', 'talk.md'], cwd);
    expect(checked, checked.stdout).toMatchObject({ code: 0, stdout: expect.stringMatching(/^talk\.md: 13 slides checked · no problems/) });
  });

  it("adds deck, start and pdf scripts to a package.json, keeping the ones it has and the file's indentation", async () => {
    const cwd = makeWorkspace({ 'package.json': '{\n\t"name": "mine",\n\t"scripts": {\n\t\t"start": "node server.js"\n\t}\n}\n' });
    const result = await runCli(['init'], cwd);
    expect(result.stdout.split('\n').slice(1, 3)).toEqual([
      'added to package.json: npm run deck, npm run pdf',
      'kept the start script package.json already had',
    ]);
    expect(readFileSync(join(cwd, 'package.json'), 'utf8')).toBe(
      '{\n\t"name": "mine",\n\t"scripts": {\n\t\t"start": "node server.js",\n\t\t"deck": "deckmark build talk.md",\n\t\t"pdf": "deckmark pdf talk.md --handout 1"\n\t}\n}\n',
    );
  });

  it('writes into a folder it names, creating it', async () => {
    const cwd = makeWorkspace();
    const result = await runCli(['init', 'my-talk'], cwd);
    expect(result.stdout).toBe(
      'created my-talk/deckmark.config.json, my-talk/images/example.svg, my-talk/talk.md\nnext: cd my-talk && npx deckmark serve talk.md   (live preview at http://127.0.0.1:8000)',
    );
    expect(existsSync(join(cwd, 'my-talk', 'talk.md'))).toBe(true);
  });

  it('refuses to overwrite, and writes nothing when one file exists', async () => {
    const cwd = makeWorkspace({ 'talk.md': 'my own talk', 'package.json': '{"name":"mine"}' });
    expect(await runCli(['init'], cwd)).toEqual({
      code: ExitCode.output,
      stdout: '',
      stderr: 'deckmark: .: talk.md already exists; init never overwrites files: move them away, or run `deckmark init NEW-FOLDER`',
    });
    expect(readdirSync(cwd).sort()).toEqual(['package.json', 'talk.md']);
    expect(readFileSync(join(cwd, 'talk.md'), 'utf8')).toBe('my own talk');
    expect(readFileSync(join(cwd, 'package.json'), 'utf8')).toBe('{"name":"mine"}');
  });

  it('writes nothing when package.json is not valid JSON', async () => {
    const cwd = makeWorkspace({ 'package.json': '{"name": "mine",}' });
    const result = await runCli(['init'], cwd);
    expect(result.code).toBe(ExitCode.input);
    expect(result.stderr).toMatch(/^deckmark: .*package\.json: invalid JSON, so init cannot add its scripts: /);
    expect(readdirSync(cwd)).toEqual(['package.json']);
  });

  it('takes one folder at most', async () => {
    expect(await runCli(['init', 'a', 'b'], makeWorkspace())).toMatchObject({
      code: ExitCode.usage,
      stderr: 'deckmark: init takes one folder (got 2); see `deckmark init --help`',
    });
  });
});
