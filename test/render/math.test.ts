import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeckmarkError } from '../../src/errors.js';
import { parseDeck } from '../../src/parse/index.js';
import { renderDeck } from '../../src/render/index.js';

const render = (markdown: string) => renderDeck(parseDeck(markdown, 'deck.md'));
const bodyOf = (markdown: string) =>
  render(markdown)
    .slides.flatMap((slide) => [slide.heading, ...slide.regions])
    .join('\n');
const repo = join(import.meta.dirname, '..', '..');

function renderError(markdown: string): DeckmarkError {
  try {
    render(markdown);
  } catch (error) {
    if (error instanceof DeckmarkError) return error;
    throw error;
  }
  throw new Error('expected a DeckmarkError');
}

describe('math', () => {
  it('renders $…$ inline and $$…$$ as a display block with KaTeX, HTML and MathML, no script', () => {
    const deck = render('## Area\n\nThe area is $\\pi r^2$ here.\n\n$$\n\\frac{a}{b}\n$$\n');
    const html = deck.slides[0]!.regions[0]!;
    expect(html).toMatch(/<p>The area is <span class="dm-math"><span class="katex">/);
    expect(html).toContain('<math xmlns="http://www.w3.org/1998/Math/MathML">');
    expect(html).toMatch(/<div class="dm-math dm-math-display"><span class="katex-display">/);
    expect(html).toContain('<mfrac>');
    expect(html).not.toMatch(/<script/i);
    expect(deck.usesMath).toBe(true);
  });

  it('keeps the sanitiser for author HTML while KaTeX output (styles, MathML) survives intact', () => {
    const html = bodyOf('$x^2$ <math><mi>evil</mi></math> <img src="a.png" onerror="alert(1)">');
    expect(html).toContain('<annotation encoding="application/x-tex">x^2</annotation>');
    expect(html).toMatch(/<span class="katex-html" aria-hidden="true">/);
    expect(html).toMatch(/style="height:[0-9.]+em;/);
    expect(html).not.toContain('<mi>evil');
    expect(html).not.toContain('onerror');
  });

  it('does not let an author forge a trusted placeholder', () => {
    const deck = render('$y$\n\n<span class="dm-math">dm-trusted-000000000000000000000000-0</span> <script>alert(1)</script>\n');
    const html = deck.slides[0]!.regions[0]!;
    expect(html).toContain('dm-trusted-000000000000000000000000-0');
    expect(html).not.toContain('<script');
    expect(html.match(/class="katex"/g)).toHaveLength(1);
  });

  it('leaves prices and other lone dollars as prose', () => {
    const html = bodyOf('GPT-4: **$50M to $100M** to train it; $5 and $6; costs $50–100 million; (€ and $): not converted.\n');
    expect(html).not.toContain('katex');
    expect(html).toContain('$50M to $100M');
    expect(html).toContain('$50–100 million');
  });

  it('turns nothing in the bundled decks into math', () => {
    for (const file of ['slides/mistral-pivot.en.md', 'slides/mistral-pivot.fr.md', 'examples/demo.md']) {
      const deck = renderDeck(parseDeck(readFileSync(join(repo, file), 'utf8'), file), { charts: new Map(chartTexts(file)) });
      expect(deck.usesMath, file).toBe(false);
      const html = deck.slides.flatMap((slide) => [slide.heading, ...slide.regions, slide.notesHtml]).join('\n');
      expect(html, file).not.toContain('katex');
    }
  });

  it('uses the formula text for the slide title and heading id', () => {
    const deck = render('## Energy $E = mc^2$\n');
    expect(deck.slides[0]!.title).toBe('Energy E = mc^2');
    expect(deck.slides[0]!.heading).toMatch(/^<h2 id="energy-e--mc2">/);
  });

  it('reports a formula KaTeX cannot parse with the file and its line', () => {
    const error = renderError('---\ntitle: t\n---\n## Broken\n\nText\n\nthen $\\frac{1}{$ here\n');
    expect(error.location).toEqual({ file: 'deck.md', line: 8 });
    expect(error.message).toMatch(/cannot render formula "\\frac\{1\}\{"/);
    expect(error.exitCode).toBe(3);
  });
});

/** The bundled decks hold charts; the math test does not need them rendered, only present. */
function chartTexts(file: string): [string, string][] {
  const text = readFileSync(join(repo, file), 'utf8');
  return [...text.matchAll(/^```vega-lite[ \t]*\n([\s\S]*?)^```[ \t]*$/gm)].map((match) => [match[1]!.replace(/\n$/, ''), '<svg></svg>']);
}
