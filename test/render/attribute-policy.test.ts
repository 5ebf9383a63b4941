import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/parse/index.js';
import { isAllowedAttribute } from '../../src/render/attribute-policy.js';
import { renderDeck } from '../../src/render/index.js';
import { renderPage } from '../../src/template/index.js';
import { loadTemplates } from '../../src/template/load.js';

const slidesOf = (markdown: string) => {
  const page = renderPage(renderDeck(parseDeck(markdown, 'deck.md')), loadTemplates(), { stylesheets: [], scripts: [] }, '0.0.0');
  return /<div class="slides">([\s\S]*)<\/div>\s*<\/div>/.exec(page)![1]!;
};

describe('the per-element attribute allow-list', () => {
  // Each line is one way a deck with `html: false` reached reveal's HTML, Markdown or URL readers.
  it.each([
    ['raw HTML data-notes', '<div data-notes="<img src=x onerror=alert(1)>">a</div>', /data-notes/],
    ['.element data-notes', 'text\n<!-- .element: data-notes="<img src=x onerror=alert(1)>" -->', /data-notes/],
    ['.slide data-notes', '<!-- .slide: data-notes="<img src=x onerror=alert(1)>" -->\n# A', /data-notes/],
    ['entity-encoded data-notes', '<p data-notes="&lt;img src=x onerror=alert(1)&gt;">a</p>', /data-notes/],
    ['Markdown notes', '# A\n\n<aside class="notes" data-markdown>[x](javascript:alert(1))</aside>', /data-markdown/],
    ['raw section background iframe', '<section data-background-iframe="javascript:alert(1)">a</section>', /background-iframe/],
    ['mixed-case iframe scheme', '<section DATA-BACKGROUND-IFRAME=" JaVa&#x09;ScRiPt:alert(1)">a</section>', /background-iframe/i],
    ['data: page in a frame', '<section data-background-iframe="data:text/html,<script>alert(1)</script>">a</section>', /background-iframe/],
    ['lazy media', '<img data-src="javascript:alert(1)" alt="">', /data-src/],
    ['preview link', '<a href="https://example.com" data-preview-link="javascript:alert(1)">a</a>', /data-preview-link/],
    ['.element preview link', '[a](https://example.com)\n<!-- .element: data-preview-link="data:text/html,x" -->', /data-preview-link/],
    ['unknown data attribute', '<div data-foo="javascript:alert(1)">a</div>', /data-foo/],
    ['event handler on a slide', '<!-- .slide: onclick="alert(1)" -->\n# A', /onclick/],
    ['formaction', '<button formaction="javascript:alert(1)">a</button>', /formaction/],
    ['xlink:href', '<svg><a xlink:href="javascript:alert(1)"><text>a</text></a></svg>', /xlink|javascript/],
    ['srcdoc', '<iframe srcdoc="<script>alert(1)</script>"></iframe>', /srcdoc|iframe/],
  ])('drops %s', (_name, markdown, forbidden) => {
    expect(slidesOf(markdown)).not.toMatch(forbidden);
  });

  it('keeps what decks use: plain-text notes, reveal attributes, safe URLs', () => {
    const html = slidesOf(
      '<!-- .slide: data-transition="fade" data-auto-animate -->\n# A\n\n<p class="fragment" data-fragment-index="2" data-notes="say hello">x</p>\n\n<img data-src="images/a.png" alt="a">\n\n[b](https://example.com)\n<!-- .element: data-preview-link -->',
    );
    expect(html).toContain('data-transition="fade"');
    expect(html).toContain('data-auto-animate=""');
    expect(html).toContain('data-fragment-index="2"');
    expect(html).toContain('data-notes="say hello"');
    expect(html).toContain('data-src="images/a.png"');
    expect(html).toMatch(/<p data-preview-link>/);
  });

  it('checks each URL kind by where reveal loads it', () => {
    expect(isAllowedAttribute('section', 'data-background-image', 'data:image/png;base64,AA')).toBe(true);
    expect(isAllowedAttribute('section', 'data-background-iframe', 'data:image/png;base64,AA')).toBe(false);
    expect(isAllowedAttribute('section', 'data-background-iframe', '//evil.example/')).toBe(false);
    expect(isAllowedAttribute('a', 'href', 'mailto:a@example.com')).toBe(true);
    expect(isAllowedAttribute('div', 'href', 'https://example.com')).toBe(false);
    expect(isAllowedAttribute('div', 'aria-label', 'x')).toBe(true);
  });
});
