import { describe, expect, it } from 'vitest';
import { parseDeck } from '../../src/parse/index.js';
import { renderDeck } from '../../src/render/index.js';

const render = (markdown: string) => renderDeck(parseDeck(markdown, 'deck.md'));
const bodyOf = (markdown: string) =>
  render(markdown)
    .slides.flatMap((slide) => [slide.heading, ...slide.regions].filter(Boolean))
    .join('\n');

describe('rendering Markdown', () => {
  it('renders GFM tables and task lists', () => {
    const html = bodyOf('| a | b |\n| - | -: |\n| 1 | 2 |\n\n- [x] done\n- [ ] open\n');
    expect(html).toContain('<table>');
    expect(html).toContain('<td align="right">2</td>');
    expect(html).toMatch(/<li><input checked(="")? disabled(="")? type="checkbox" ?\/?> done<\/li>/);
  });

  it('highlights code at build time', () => {
    const html = bodyOf('```ts\nconst answer: number = 42;\n```\n');
    expect(html).toContain('<code class="hljs language-ts">');
    expect(html).toContain('<span class="hljs-keyword">const</span>');
  });

  it('gives headings ids that stay unique across the whole deck', () => {
    const deck = render('## Results\n\n---\n\n## Results\n');
    expect(deck.slides.map((slide) => slide.heading)).toEqual(['<h2 id="results">Results</h2>', '<h2 id="results-1">Results</h2>']);
  });

  it('applies .element comments to the element before them', () => {
    const html = bodyOf('Appears later\n<!-- .element: class="fragment fade-up" data-fragment-index="2" -->\n');
    expect(html).toBe('<p class="fragment fade-up" data-fragment-index="2">Appears later</p>');
  });

  it('applies a block-level .element comment to the previous block', () => {
    expect(bodyOf('- a\n- b\n\n<!-- .element: class="fragment" -->\n')).toMatch(/^<ul class="fragment">/);
  });

  it('marks every list item as a fragment on incremental slides', () => {
    const deck = render('<!-- .slide: incremental="true" -->\n## Steps\n\n- one\n- two\n');
    expect(deck.slides[0]!.regions[0]).toBe('<ul>\n<li class="fragment">one</li>\n<li class="fragment">two</li>\n</ul>');
  });

  it('cuts columns at a ||| line', () => {
    const deck = render('## Two sides\n\nleft\n|||\nright\n');
    expect(deck.slides[0]!.regions).toEqual(['<p>left</p>', '<p>right</p>']);
  });

  it('renders notes as HTML apart from the slide', () => {
    const deck = render('## Slide\n\nNote: say **this**\n');
    expect(deck.slides[0]!.notesHtml).toBe('<p>say <strong>this</strong></p>');
    expect(deck.slides[0]!.regions.join('')).not.toContain('say');
  });
});

describe('sanitising author HTML', () => {
  const hostile = [
    '<script>document.title = "pwned"</script>',
    '<img src="x.png" onerror="document.title=1" alt="x">',
    '',
    '[click](javascript:alert(1)) [click2](JaVaScRiPt:alert(1))',
    '',
    '<a href="data:text/html,<script>alert(1)</script>">data</a>',
    '<a href="vbscript:msgbox(1)">vb</a>',
    '<iframe src="javascript:alert(1)"></iframe>',
    '<svg><script>alert(1)</script></svg>',
  ].join('\n');

  it('removes scripts, handlers, frames and script URLs by default', () => {
    const html = bodyOf(hostile);
    expect(html).not.toMatch(/<script|onerror|javascript:|vbscript:|data:text\/html|<iframe/i);
    expect(html).toContain('<img src="x.png" alt="x" />');
  });

  it('sanitises script URLs in plain Markdown links, autolinks and images, with no HTML in sight', () => {
    for (const markdown of [
      '[x](javascript:alert(1))',
      '<javascript:alert(1)>',
      '[x](<java script:alert(1)>)',
      '[x](VBScript:msgbox(1))',
      '![x](data:text/html,<script>alert(1)</script>)',
      '[x][ref]\n\n[ref]: javascript:alert(1)',
      '[a](&#106;avascript:alert(1))',
      '[b](javascript&colon;alert(1))',
      '[r]\n\n[r]: &#x6A;avascript:alert(1)',
      '![i](data&colon;text/html,x)',
    ]) {
      expect(bodyOf(markdown), markdown).not.toMatch(/(href|src)="\s*(java|vb)\s*script:|data:text\/html|&#x?[0-9a-f]+;|&colon;/i);
    }
  });

  it('leaves safe Markdown exactly as marked wrote it', () => {
    expect(bodyOf('[site](https://example.com "T") and <https://example.com> and [mail](mailto:a@b.c)\n\n![pic](img/a.png)')).toBe(
      '<p><a href="https://example.com" title="T">site</a> and <a href="https://example.com">https://example.com</a> and <a href="mailto:a@b.c">mail</a></p><p><img src="img/a.png" alt="pic"></p>',
    );
  });

  it('sanitises notes too', () => {
    expect(render('# x\n\nNote: <img src=x onerror="alert(1)">').slides[0]!.notesHtml).toBe('<img src="x" />');
  });

  it('keeps raw HTML as written when the author opts in', () => {
    expect(bodyOf(`---\nhtml: true\n---\n${hostile}`)).toContain('<script>document.title = "pwned"</script>');
  });
});

describe('finding referenced files', () => {
  it('lists local media with their lines, but not URLs on the web or paths in code', () => {
    const deck = render(
      '# Pictures\n\n![a](img/a.png)\n\n```md\n![not me](img/in-code.png)\n```\n\n![web](https://example.com/b.png)\n<video src="clip.mp4" poster="poster.jpg"></video>\n',
    );
    expect(deck.slides[0]!.assets).toEqual([
      { url: 'img/a.png', line: 3 },
      { url: 'clip.mp4', line: 10 },
      { url: 'poster.jpg', line: 10 },
    ]);
  });

  it('keeps the line numbers of the file after a .slide comment and a column marker', () => {
    const deck = render(
      '# One\n\n---\n\n<!-- .slide: layout="two-column" -->\n## Two\n\nleft\n|||\n![right](right.png)\n\nNote: see\n![in notes](notes.png)\n',
    );
    expect(deck.slides[1]!.assets).toEqual([{ url: 'right.png', line: 10 }]);
    expect(deck.slides[1]!.source.notesLine).toBe(12);
  });

  it('lists local background images from slide attributes', () => {
    const deck = render('<!-- .slide: data-background-image="bg.jpg" -->\n# Cover\n');
    expect(deck.slides[0]!.assets.map((asset) => asset.url)).toEqual(['bg.jpg']);
  });
});
