import { cpSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/parse/index.js';
import { renderDeck } from '../../src/render/index.js';
import { renderPage } from '../../src/template/index.js';
import { loadTemplates } from '../../src/template/load.js';
import { embedJson } from '../../src/template/page-scripts.js';
import { makeWorkspace } from '../helpers/workspace.js';

const assets = { stylesheets: ['assets/theme.css'], scripts: ['assets/reveal.js'] };
const page = (markdown: string, templateDir?: string) => renderPage(renderDeck(parseDeck(markdown, 'deck.md')), loadTemplates(templateDir), assets, '0.0.0');

describe('the page template', () => {
  it('groups vertical slides into stacks and keeps single slides flat', () => {
    const html = page('# A\n\n---\n\n# B\n\n----\n\n# B2\n\n---\n\n# C\n');
    expect(html.match(/<section class="stack">/g)).toHaveLength(1);
    expect(html.match(/<section class="layout-default"/g)).toHaveLength(4);
    expect(html).toMatch(/<section class="stack">\s*<section[^>]*data-line="5"[\s\S]*<h1 id="b2">B2<\/h1>[\s\S]*?<\/section>\s*<\/section>/);
  });

  it('puts notes in an aside the notes plugin reads', () => {
    expect(page('# A\n\nNote: remember this\n')).toContain('<aside class="notes"><p>remember this</p></aside>');
  });

  it('escapes slide attribute values and drops event handlers', () => {
    const html = page('<!-- .slide: data-state=\'"><script>alert(1)</script>\' onclick="alert(1)" -->\n# A\n');
    expect(html).toContain('data-state="&quot;&gt;&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(html).not.toContain('onclick');
  });

  it('shows front-matter text literally in the title, whatever its case of </script>', () => {
    const html = page('---\ntitle: "</ScRiPt><script>document.title=\'pwned\'</script>"\nreveal:\n  hash: "</script><script>alert(1)</script>"\n---\n# One\n');
    expect(html).toContain('<title>&lt;/ScRiPt&gt;&lt;script&gt;document.title&#x3D;&#x27;pwned&#x27;&lt;/script&gt;</title>');
    const boot = /<script>([\s\S]*?)<\/script>/.exec(html)![1]!;
    const settings = boot.slice(boot.lastIndexOf('\n') + 1, -2);
    expect(settings).not.toMatch(/<\/?script/i);
    expect(JSON.parse(settings).config.hash).toBe('</script><script>alert(1)</script>');
  });

  it('names the line and the valid layouts for an unknown layout', () => {
    expect(() => page('# One\n\n---\n\n<!-- .slide: layout="does-not-exist" -->\n# Two\n')).toThrowError(
      /unknown layout "does-not-exist"; valid layouts: default, figures, image, quote, section, timeline, title, two-column/,
    );
    try {
      page('# One\n\n---\n\n<!-- .slide: layout="does-not-exist" -->\n# Two\n');
    } catch (error) {
      expect(String(error)).toMatch(/^deck\.md:5: /);
    }
  });
});

describe('embedding JSON in a script element', () => {
  it('cannot close the element or start a comment', () => {
    const embedded = embedJson({ a: '</script><!-- \u2028 &' });
    expect(embedded).not.toMatch(/[<>&\u2028]/);
    expect(JSON.parse(embedded)).toEqual({ a: '</script><!-- \u2028 &' });
  });
});

describe('author templates', () => {
  it('replace a built-in layout by file name', () => {
    const dir = makeWorkspace();
    cpSync(join(import.meta.dirname, '..', 'fixtures', 'templates', 'custom'), dir, { recursive: true });
    expect(page('# Hi\n', dir)).toContain('<div class="custom-default"><h1 id="hi">Hi</h1></div>');
  });

  it('cannot reach constructors or prototypes', () => {
    const dir = makeWorkspace();
    writeFileSync(join(dir, 'probe.txt'), '');
    cpSync(join(import.meta.dirname, '..', 'fixtures', 'templates', 'proto'), dir, { recursive: true });
    const html = page('# Hi\n', dir);
    expect(html).toContain('<section>PROBE<h1 id="hi">Hi</h1></section>');
    expect(html).not.toMatch(/function|native code|\[object/);
  });
});
