import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { fixturesFolder, makeWorkspace } from '../helpers/workspace.js';

const picture = readFileSync(join(fixturesFolder, 'authoring', 'assets', 'img', 'pic.png'));

describe('deck assets', () => {
  it('copies referenced files and ignores paths inside code', async () => {
    const cwd = makeWorkspace({}, 'authoring/assets');
    const result = await runCli(['build', 'deck.md'], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'dist', 'deck', 'img', 'pic.png'))).toEqual(picture);
    const html = readFileSync(join(cwd, 'dist', 'deck', 'index.html'), 'utf8');
    expect(html).toContain('data-background-image="img/pic.png"');
    expect(html).toContain('img/missing-in-code.png');
  });

  it('refuses ../, absolute, file: and symlinked paths out of the folder, and missing files, each with its line', async () => {
    const outside = makeWorkspace({ 'secret.png': 'x' });
    const cwd = makeWorkspace({}, 'authoring/assets');
    symlinkSync(join(outside, 'secret.png'), join(cwd, 'img', 'link.png'));
    const deck = [
      '## Escapes', // 1
      '',
      '![up](../secret.png)', // 3
      '',
      `![absolute](${join(outside, 'secret.png')})`, // 5
      '',
      `![file](file://${join(outside, 'secret.png')})`, // 7
      '',
      '![link](img/link.png)', // 9
      '',
      '![missing](img/nowhere.png)', // 11
    ].join('\n');
    writeFileSync(join(cwd, 'deck.md'), deck);
    const result = await runCli(['build', 'deck.md'], cwd);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('deck.md:3: "../secret.png" is outside the deck\'s folder');
    expect(result.stderr).toMatch(/deck\.md:5: ".*secret\.png" is outside the deck's folder/);
    expect(result.stderr).toMatch(/deck\.md:7: "file:.*secret\.png" is outside the deck's folder/);
    expect(result.stderr).toContain('deck.md:9: "img/link.png" is a link to a file outside the deck\'s folder');
    expect(existsSync(join(cwd, 'dist', 'deck', 'index.html'))).toBe(false);
  });

  it('builds with a warning naming the line when a referenced file is missing', async () => {
    const cwd = makeWorkspace({ 'deck.md': '# Pictures\n\n![here](here.png)\n\n![missing](img/nowhere.png)\n', 'here.png': 'png bytes' });
    const result = await runCli(['build', 'deck.md'], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toBe('deck.md:5: warning: "img/nowhere.png" does not exist; check the path, relative to the deck\'s folder');
    expect(existsSync(join(cwd, 'dist', 'deck', 'here.png'))).toBe(true);
  });

  it('names each of the three references of the shared escape fixture', async () => {
    const cwd = makeWorkspace({ 'escape-image.md': readFileSync(join(fixturesFolder, 'authoring', 'escape-image.md'), 'utf8') });
    const result = await runCli(['build', 'escape-image.md'], cwd);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain('3 referenced files are refused');
    expect(result.stderr).toContain('escape-image.md:3: "../../../../../etc/passwd"');
    expect(result.stderr).toContain('escape-image.md:4: "/etc/hostname"');
    expect(result.stderr).toContain('escape-image.md:5: "file:///etc/hostname"');
  });

  it('with --allow-outside, copies outside files into assets/outside/ and points the page at them', async () => {
    const outside = makeWorkspace({ 'secret.png': 'outside bytes' });
    const cwd = makeWorkspace({}, 'authoring/assets');
    const absolute = join(outside, 'secret.png');
    writeFileSync(join(cwd, 'deck.md'), `## Outside\n\n![abs](${absolute})\n\n---\n\n<!-- .slide: data-background-image="file://${absolute}" -->\n## Bg\n`);
    const result = await runCli(['build', 'deck.md', '--allow-outside'], cwd);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(join(cwd, 'dist', 'deck', 'index.html'), 'utf8');
    const copied = /src="(assets\/outside\/[0-9a-f]{10}-secret\.png)"/.exec(html)?.[1];
    expect(copied).toBeDefined();
    expect(html).toContain(`data-background-image="${copied}"`);
    expect(html).not.toContain(outside);
    expect(readFileSync(join(cwd, 'dist', 'deck', copied!), 'utf8')).toBe('outside bytes');
  });

  it('copies the files a custom theme loads with url()', async () => {
    const cwd = makeWorkspace({ 'deck.md': '---\ntheme: paper\n---\n## Themed\n' });
    const result = await runCli(['build', 'deck.md', '--template', join(fixturesFolder, 'authoring', 'theme-template')], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(readFileSync(join(cwd, 'dist', 'deck', 'assets', 'theme.css'), 'utf8')).toContain('url("images/paper.png")');
    expect(existsSync(join(cwd, 'dist', 'deck', 'assets', 'images', 'paper.png'))).toBe(true);
  });

  it("refuses a theme url() that leaves the theme's folder", async () => {
    const template = join(makeWorkspace(), 'template');
    mkdirSync(join(template, 'themes'), { recursive: true });
    writeFileSync(join(template, 'themes', 'bad.css'), '.reveal { background: url(../../../etc/hostname); }');
    const cwd = makeWorkspace({ 'deck.md': '---\ntheme: bad\n---\n## x\n' });
    const result = await runCli(['build', 'deck.md', '--template', template], cwd);
    expect(result.code).toBe(3);
    expect(result.stderr).toContain("is outside the theme's folder");
  });

  it('copies a data-background shorthand image, and leaves a colour alone', async () => {
    const cwd = makeWorkspace({
      'deck.md': '<!-- .slide: data-background="bg.png" -->\n# Picture\n\n---\n\n<!-- .slide: data-background="#123456" -->\n# Colour\n',
    });
    writeFileSync(join(cwd, 'bg.png'), picture);
    const result = await runCli(['build', 'deck.md'], cwd);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).not.toContain('#123456');
    expect(readFileSync(join(cwd, 'dist', 'deck', 'bg.png'))).toEqual(picture);
  });

  it('with --allow-outside, points every URL attribute at the copy of an outside file, data-background-iframe included', async () => {
    const outside = makeWorkspace({ 'frame.html': '<p>framed</p>' });
    writeFileSync(join(outside, 'bg.png'), picture);
    const cwd = makeWorkspace({
      'deck.md': `<!-- .slide: data-background-iframe="${join(outside, 'frame.html')}" -->\n# Frame\n\n---\n\n<!-- .slide: data-background="${join(outside, 'bg.png')}" -->\n# Shorthand\n`,
    });
    const result = await runCli(['build', 'deck.md', '--allow-outside'], cwd);
    expect(result.code, result.stderr).toBe(0);
    const html = readFileSync(join(cwd, 'dist', 'deck', 'index.html'), 'utf8');
    const frame = /data-background-iframe="(assets\/outside\/[0-9a-f]+-frame\.html)"/.exec(html)?.[1];
    const image = /data-background="(assets\/outside\/[0-9a-f]+-bg\.png)"/.exec(html)?.[1];
    expect(frame, html).toBeDefined();
    expect(image, html).toBeDefined();
    expect(html).not.toContain(outside);
    expect(readFileSync(join(cwd, 'dist', 'deck', frame!), 'utf8')).toBe('<p>framed</p>');
    expect(readFileSync(join(cwd, 'dist', 'deck', image!))).toEqual(picture);
  });
});
