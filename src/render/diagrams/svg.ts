import render from 'dom-serializer';
import { type ChildNode, type Element, isTag, isText } from 'domhandler';
import { findAll, findOne, removeElement } from 'domutils';
import { parseDocument } from 'htmlparser2';
import { fitSvgTag } from '../svg-fit.js';

/** Elements that run, embed or fetch something: no diagram needs them. */
const forbiddenElements = new Set(['script', 'iframe', 'object', 'embed', 'link', 'meta', 'base', 'audio', 'video', 'image', 'img', 'animate', 'set']);

/**
 * The last word on a diagram's SVG before it goes into the page unsanitised: Mermaid's
 * strict mode already purified its labels, and this drops whatever could still act — script
 * and embedding elements, event handlers, links (`href` other than to an id in the same
 * picture) and style that fetches. Then every id gets `prefix`, so two diagrams on one page
 * never share a marker or gradient, and the root fits its box like a chart does.
 */
export function finishDiagramSvg(svg: string, options: { prefix: string; label: string }): string {
  const document = parseDocument(svg, { xmlMode: true });
  const root = findOne((element) => element.name === 'svg', document.children);
  if (!root) throw new Error('the diagram library returned no SVG');
  for (const element of findAll(() => true, [root])) {
    if (forbiddenElements.has(element.name.toLowerCase())) {
      removeElement(element);
      continue;
    }
    for (const name of Object.keys(element.attribs)) {
      const value = element.attribs[name]!;
      const lower = name.toLowerCase();
      if (lower.startsWith('on') || (lower.endsWith('href') && !value.trim().startsWith('#')) || /javascript:|data:text\/html/i.test(value)) {
        delete element.attribs[name];
      } else if (/url\(\s*["']?(?!#)/i.test(value)) element.attribs[name] = value.replace(/url\(\s*(["']?)(?!#)[^)]*\)/gi, 'none');
    }
  }
  const ids = new Set(findAll((element) => element.attribs.id !== undefined, [root]).map((element) => element.attribs.id!));
  const rename = (id: string) => (ids.has(id) ? `${options.prefix}${id}` : id);
  for (const element of [root, ...findAll(() => true, [root])]) renameReferences(element, rename);
  for (const style of findAll((element) => element.name === 'style', [root])) {
    for (const text of style.children.filter(isText)) {
      text.data = text.data
        .replace(/@import[^;]*;?/gi, '')
        .replace(/url\(\s*(["']?)(?!#)[^)]*\)/gi, 'none')
        .replace(/#([A-Za-z_][\w-]*)/g, (whole, id: string) => (ids.has(id) ? `#${rename(id)}` : whole));
    }
  }
  // A diagram of a few boxes may grow a little to use the slide; text stays in proportion.
  root.attribs = fitSvgTag(root.attribs, options.label, 1.5);
  return render(root as ChildNode, { xmlMode: true, selfClosingTags: true });
}

function renameReferences(element: Element, rename: (id: string) => string): void {
  if (!isTag(element)) return;
  for (const [name, value] of Object.entries(element.attribs)) {
    if (name === 'id') element.attribs[name] = rename(value);
    else if (name === 'aria-describedby' || name === 'aria-labelledby') element.attribs[name] = value.split(/\s+/).map(rename).join(' ');
    else if (name.endsWith('href') && value.startsWith('#')) element.attribs[name] = `#${rename(value.slice(1))}`;
    else if (value.includes('url(')) element.attribs[name] = value.replace(/url\(\s*#([^)\s]+)\s*\)/g, (_, id: string) => `url(#${rename(id)})`);
  }
}
