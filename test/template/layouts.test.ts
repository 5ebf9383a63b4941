import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import render from 'dom-serializer';
import type { Element } from 'domhandler';
import { textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { describe, expect, it } from 'vitest';
import { elementsOf } from '../../src/html/dom.js';
import { parseDeck } from '../../src/parse/index.js';
import { renderDeck } from '../../src/render/index.js';
import { renderPage } from '../../src/template/index.js';
import { loadTemplates } from '../../src/template/load.js';
import { fixturesFolder } from '../helpers/workspace.js';

const assets = { stylesheets: ['assets/theme.css'], scripts: ['assets/reveal.js'] };
const fixture = readFileSync(join(fixturesFolder, 'authoring', 'layouts.md'), 'utf8');

function sections(templateDir?: string): Element[] {
  const html = renderPage(renderDeck(parseDeck(fixture, 'layouts.md')), loadTemplates(templateDir), assets, '0.0.0');
  return [...elementsOf(parseDocument(html).children)].filter((element) => element.name === 'section');
}

const find = (root: Element, selector: (element: Element) => boolean) => [...elementsOf(root.children)].filter(selector);
const byClass = (name: string) => (element: Element) => (element.attribs.class ?? '').split(' ').includes(name);
const byTag = (name: string) => (element: Element) => element.name === name;

describe('layouts', () => {
  const slides = sections();
  const slide = (layout: string) => slides.find((section) => section.attribs['data-layout'] === layout)!;

  it('gives every slide its layout class and the line where it starts', () => {
    expect(slides.map((section) => section.attribs.class)).toEqual(
      ['title', 'section', 'default', 'two-column', 'quote', 'figures', 'timeline', 'image'].map((name) => `layout-${name}`),
    );
    const lines = fixture.split('\n');
    const starts = slides.map((section) => Number(section.attribs['data-line']));
    expect(starts).toEqual([...starts].sort((a, b) => a - b));
    for (const start of starts) {
      // The slide's first line, or the blank lines after its separator, then its first content.
      const firstContent = lines.slice(start - 1).find((line) => line.trim() !== '')!;
      expect(firstContent, `data-line ${start}`).toMatch(/^(<!-- \.slide:|#)/);
    }
  });

  it('title: heading and subtitle paragraphs', () => {
    const [box] = find(slide('title'), byClass('dm-title'));
    expect(find(box!, byTag('h1')).map(textContent)).toEqual(['Authoring power in plain Markdown']);
    expect(find(find(box!, byClass('dm-subtitle'))[0]!, byTag('p'))).toHaveLength(2);
  });

  it('section: a number, the heading and a lead', () => {
    expect(textContent(find(slide('section'), byClass('dm-section-number'))[0]!)).toBe('01');
    expect(find(slide('section'), byTag('h1')).map(textContent)).toEqual(['The open-source bet']);
    expect(textContent(find(slide('section'), byClass('dm-lead'))[0]!)).toContain('September 2023');
  });

  it('two-column: two columns split at |||, each with its heading', () => {
    const columns = find(slide('two-column'), byClass('dm-column'));
    expect(columns).toHaveLength(2);
    expect(columns.map((column) => textContent(find(column, byTag('h3'))[0]!))).toEqual(['Open', 'Closed, called "optimised"']);
    expect(render(slide('two-column'))).not.toContain('|||');
  });

  it('quote: the blockquote and its attribution', () => {
    const [figure] = find(slide('quote'), byClass('dm-quote'));
    expect(find(figure!, byTag('blockquote'))).toHaveLength(1);
    expect(textContent(find(figure!, byTag('p')).at(-1)!)).toMatch(/^— Mistral AI/);
  });

  it('figures: each list item a big number with its label', () => {
    const items = find(slide('figures'), byTag('li'));
    expect(items.map((item) => textContent(find(item, byTag('strong'))[0]!))).toEqual(['≈€500M', '<€20M', '13 bn+']);
  });

  it('timeline: dated items in order', () => {
    const items = find(slide('timeline'), byTag('li'));
    expect(items.map((item) => textContent(find(item, byTag('strong'))[0]!))).toEqual(['Sept 2023', 'Dec 2023', 'Feb 2024']);
  });

  it('image: a background image and a caption', () => {
    expect(slide('image').attribs['data-background-image']).toBe('layouts/photo.svg');
    const [caption] = find(slide('image'), byClass('dm-image-caption'));
    expect(textContent(find(caption!, byTag('h2'))[0]!)).toBe('Dusk over the valley');
  });

  it('a --template folder replaces a built-in layout of the same name, and only that one', () => {
    const custom = sections(join(fixturesFolder, 'authoring', 'theme-template'));
    const quote = custom.find((section) => section.attribs['data-layout'] === 'quote')!;
    expect(find(quote, byClass('custom-quote'))).toHaveLength(1);
    expect(find(quote, byClass('dm-quote'))).toHaveLength(0);
    expect(find(custom.find((section) => section.attribs['data-layout'] === 'figures')!, byClass('dm-figures'))).toHaveLength(1);
  });
});
