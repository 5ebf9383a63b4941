import { describe, expect, it } from 'vitest';
import { finishDiagramSvg } from '../../../src/render/diagrams/svg.js';

const finish = (svg: string) => finishDiagramSvg(svg, { prefix: 'p1-', label: 'A "quoted" <name>' });

describe('finishing a diagram SVG', () => {
  it('drops script, embedding elements, handlers, outside links and fetching style', () => {
    const svg = finish(
      '<svg xmlns="http://www.w3.org/2000/svg" width="100" viewBox="0 0 100 50" onload="x()">' +
        '<style>@import url(https://evil.test/a.css); .a{background:url(https://evil.test/b.png)} #m{fill:red}</style>' +
        '<script>alert(1)</script><foreignObject><iframe src="https://evil.test"></iframe><div onclick="x()">label</div></foreignObject>' +
        '<a href="javascript:alert(1)"><text>link</text></a><a xlink:href="https://evil.test"><text>out</text></a>' +
        '<set attributeName="href" to="javascript:alert(1)"/><image href="https://evil.test/i.png"/>' +
        '<g style="filter:url(https://evil.test/f)"><path id="m" marker-end="url(#m)"/></g></svg>',
    );
    expect(svg).not.toMatch(/evil\.test|javascript:|<script|<iframe|<set|<image|onload|onclick|@import/);
    expect(svg).toContain('<div>label</div>');
    expect(svg).toContain('<text>link</text>');
  });

  it('prefixes every id and every reference to one, in attributes and in style', () => {
    const svg = finish(
      '<svg id="root" viewBox="0 0 10 10" aria-describedby="desc"><desc id="desc">d</desc><style>#root .x{fill:#fff}</style>' +
        '<defs><marker id="arrow"/></defs><path marker-end="url(#arrow)"/><use href="#arrow"/></svg>',
    );
    expect(svg).toContain('id="p1-root"');
    expect(svg).toContain('#p1-root .x{fill:#fff}');
    expect(svg).toContain('marker-end="url(#p1-arrow)"');
    expect(svg).toContain('href="#p1-arrow"');
    expect(svg).toContain('aria-describedby="p1-desc"');
  });

  it('fits the box: no fixed size, natural width as the limit (points converted), a name', () => {
    const svg = finish('<svg width="75pt" height="30pt" viewBox="0 0 75 30" aria-labelledby="t"><title id="t">x</title></svg>');
    const tag = /^<svg[^>]*>/.exec(svg)![0];
    expect(tag).not.toMatch(/\s(width|height|aria-labelledby)=/);
    expect(tag).toContain('role="img"');
    expect(tag).toContain('aria-label="A &quot;quoted&quot; &lt;name&gt;"');
    // 75 pt = 100 px, and a diagram may grow to 1.5× its natural width.
    expect(tag).toContain('style="max-width:150px"');
  });
});
