import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/parse/index.js';
import { renderDeck } from '../../src/render/index.js';
import { renderPage } from '../../src/template/index.js';
import { loadTemplates } from '../../src/template/load.js';

const assets = { stylesheets: ['assets/theme.css'], scripts: ['assets/reveal.js'] };
const sectionOf = (slideComment: string, html = false) => {
  const page = renderPage(
    renderDeck(parseDeck(`---\nhtml: ${html}\n---\n<!-- .slide: ${slideComment} -->\n# A\n`, 'deck.md')),
    loadTemplates(),
    assets,
    '0.0.0',
  );
  return /<section [^>]*data-line[^>]*>/.exec(page)![0];
};

describe('slide attributes in the page', () => {
  // Reveal turns data-background-iframe into an iframe src; with `preloadIframes` at once.
  it.each([
    'data-background-iframe="javascript:alert(1)"',
    'data-background-iframe=" JaVaScRiPt:alert(1)"',
    'data-background-iframe="java\tscript:alert(1)"',
    'data-background-iframe="vbscript:msgbox(1)"',
    'data-background-iframe="data:text/html,<script>alert(1)</script>"',
    'data-background-iframe="data:image/svg+xml,<svg onload=alert(1)>"',
    'data-background="javascript:alert(1)"',
    'data-x="data:text/html;base64,PHNjcmlwdD4="',
  ])('drops %s, with or without html: true', (attribute) => {
    for (const html of [false, true]) {
      const section = sectionOf(attribute, html);
      expect(section).not.toMatch(/script:|data:/i);
      expect(section).toContain('data-layout="default"');
    }
  });

  it('keeps web pages, local files and images as backgrounds', () => {
    expect(sectionOf('data-background-iframe="https://example.com/embed"')).toContain('data-background-iframe="https://example.com/embed"');
    expect(sectionOf('data-background-image="data:image/png;base64,iVBORw0KGgo"')).toContain('data-background-image="data:image/png;base64,iVBORw0KGgo"');
    expect(sectionOf('data-background-image="images/bg.png"')).toContain('data-background-image="images/bg.png"');
    expect(sectionOf('data-background-color="#123456" data-transition="fade"')).toContain('data-background-color="#123456" data-transition="fade"');
  });
});
