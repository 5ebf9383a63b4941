import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExitCode } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { fixturesFolder } from '../helpers/workspace.js';

const pwned = '/tmp/deckmark-pwned';
let cwd: string;

/** Builds one bad input and checks the promise every failure keeps: one message, no stack, nothing lost. */
async function buildFails(name: string, message: RegExp, code: number = ExitCode.input) {
  const result = await runCli(['build', name], cwd);
  expect(result.code, result.stdout + result.stderr).toBe(code);
  expect(result.stderr).toMatch(message);
  expect(result.stderr.startsWith(`deckmark: ${name}`)).toBe(true);
  expect(result.stderr).not.toMatch(/\n\s+at |internal error/);
  return result;
}

async function buildSucceeds(name: string) {
  const result = await runCli(['build', name], cwd);
  expect(result.code, result.stderr).toBe(0);
  return { ...result, html: readFileSync(join(cwd, 'dist', name.replace(/\.md$/, ''), 'index.html'), 'utf8') };
}

beforeAll(() => {
  rmSync(pwned, { force: true });
  cwd = mkdtempSync(join(tmpdir(), 'deckmark-bad-'));
  cpSync(join(fixturesFolder, 'bad-inputs'), cwd, { recursive: true });
  execFileSync(process.execPath, [join(cwd, 'gen-large.mjs'), cwd]);
});

afterAll(() => {
  rmSync(cwd, { recursive: true, force: true });
  expect(existsSync(pwned)).toBe(false);
  expect(({} as Record<string, unknown>).polluted).toBeUndefined();
});

describe('bad inputs for build', () => {
  it('malformed YAML: error with the line and column', () =>
    buildFails('malformed-yaml.md', /^deckmark: malformed-yaml\.md:3:\d+: invalid front matter: Missing closing "quote$/));

  it('a !!js tag: error, and no code runs', async () => {
    await buildFails('js-tag.md', /js-tag\.md:2:8: invalid front matter: unknown YAML tag !!js\/function/);
    expect(existsSync(pwned)).toBe(false);
  });

  it('---js front matter: error, never evaluated', async () => {
    await buildFails('js-engine.md', /js-engine\.md:1: front matter "---js" is not supported/);
    expect(existsSync(pwned)).toBe(false);
  });

  it('__proto__, << and constructor keys: builds, prototypes stay clean', async () => {
    const { stderr } = await buildSucceeds('proto-keys.md');
    expect(stderr).toContain('proto-keys.md:3: warning: unknown option "__proto__" is ignored');
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect((Object.prototype as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an empty file and front matter alone: an empty deck with a warning', async () => {
    for (const name of ['empty.md', 'frontmatter-only.md']) {
      const { stderr, html } = await buildSucceeds(name);
      expect(stderr).toContain(`${name}: warning: the deck has no slides`);
      expect(html).not.toContain('<section');
    }
  });

  it('a binary file: error, not a text file', () => buildFails('binary.md', /binary\.md:5: not a text file \(NUL byte at offset 23, line 5\)/));

  it('invalid UTF-8: error naming the byte offset', () => buildFails('invalid-utf8.md', /invalid-utf8\.md:1: invalid UTF-8 at byte offset 5 \(line 1\)/));

  it('BOM and CRLF: exactly two slides, the title, notes on slide 2, identical to LF', async () => {
    const { html } = await buildSucceeds('bom-crlf.md');
    writeFileSync(
      join(cwd, 'lf-version.md'),
      readFileSync(join(cwd, 'bom-crlf.md'), 'utf8')
        .replace(/^\ufeff/, '')
        .replace(/\r\n/g, '\n'),
    );
    const lf = await buildSucceeds('lf-version.md');
    expect(html.match(/<section class="layout/g)).toHaveLength(2);
    expect(html).toContain('<title>BOM and CRLF</title>');
    expect(html).toMatch(/<h1 id="two">Two<\/h1>[\s\S]*<aside class="notes"><p>notes here<\/p><\/aside>/);
    expect(lf.html).toBe(html);
  });

  it('an unclosed fence: it ends with its slide, as in reveal.js, and a warning names line 3', async () => {
    const { stderr, html } = await buildSucceeds('unclosed-fence.md');
    expect(html.match(/<section class="layout/g)).toHaveLength(3);
    expect(stderr).toContain('unclosed-fence.md:3: warning: code fence is never closed');
  });

  it('quotes nested 2,000 deep: error before marked can overflow', () =>
    buildFails('deep-quote.md', /deep-quote\.md:3: lists or quotes nested 2000 levels deep; the limit is 64/));

  it('a list nested 1,500 deep: error, without running out of memory', () =>
    buildFails('deep-list.md', /deep-list\.md:\d+: lists or quotes nested \d+ levels deep; the limit is 64/));

  it('raw scripts, handlers and script URLs: builds with none of them left', async () => {
    const { html } = await buildSucceeds('script-injection.md');
    const slides = html.slice(html.indexOf('<div class="slides">'), html.lastIndexOf('<script>'));
    expect(slides).not.toMatch(/<script|<iframe|\son[a-z]+\s*=/i);
    // Prose may mention javascript: — what must not survive is such a URL in an attribute.
    expect(slides).not.toMatch(/\s[a-z:-]+\s*=\s*["']?\s*(javascript:|vbscript:|data:text\/html)/i);
  });

  it('</script> in front matter: the title shows it literally and the config cannot break out', async () => {
    const { html } = await buildSucceeds('script-close-in-frontmatter.md');
    expect(html).toContain('<title>&lt;/ScRiPt&gt;&lt;script&gt;');
    // One script element: deckmark's own, after the slides.
    expect(html.match(/<script\b/gi)).toEqual(['<script']);
    expect(html.lastIndexOf('<script>')).toBeGreaterThan(html.indexOf('<div class="slides">'));
  });

  it('images escaping the deck folder: error naming each reference', async () => {
    const { stderr } = await buildFails('escape-image.md', /3 referenced files are refused/);
    expect(stderr).toContain('escape-image.md:3: "../../../../../etc/passwd" is outside the deck\'s folder');
    expect(stderr).toContain('escape-image.md:4: "/etc/hostname" is outside the deck\'s folder');
    expect(stderr).toContain('escape-image.md:5: "file:///etc/hostname" is outside the deck\'s folder');
  });

  it('an unknown layout: error naming line 5 and the valid layouts', () =>
    buildFails('unknown-layout.md', /unknown-layout\.md:5: unknown layout "does-not-exist"; valid layouts: default, /));

  it('an unknown theme: error listing the valid themes', () =>
    buildFails('unknown-theme.md', /unknown-theme\.md:\d+: unknown theme "no-such-theme"; valid themes: .*deckmark/));

  it('a template folder probing prototypes: renders without exposing them', async () => {
    writeFileSync(join(cwd, 'plain.md'), '# Plain\n');
    const result = await runCli(['build', 'plain.md', '--template', 'template-proto'], cwd);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(join(cwd, 'dist', 'plain', 'index.html'), 'utf8');
    expect(html).not.toMatch(/function|native code|\[object Object\]/);
  });

  it('ten megabytes: builds', async () => {
    const { stdout } = await buildSucceeds('ten-megabytes.md');
    expect(stdout).toMatch(/1 slide/);
  });

  it('five thousand slides: builds all of them', async () => {
    const { stdout, html } = await buildSucceeds('five-thousand-slides.md');
    expect(stdout).toMatch(/5000 slides/);
    expect(html.match(/<aside class="notes">/g)).toHaveLength(5000);
  });
});
