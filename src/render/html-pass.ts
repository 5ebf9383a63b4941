import { type ChildNode, type Element, isComment, isTag, isText } from 'domhandler';
import { getAttributeValue, removeElement, textContent } from 'domutils';
import type GithubSlugger from 'github-slugger';
import { parseHtml, serializeHtml } from '../html/dom.js';
import { assetUrlAttributesOf, holdsUrl, isLocalUrl } from '../html/url-attributes.js';
import { elementCommentPattern, parseAttributeList, slideCommentPattern } from '../parse/attributes.js';
import { columnBreak } from '../parse/slides.js';

export interface HtmlPassResult {
  /** The leading h1–h3, if the slide starts with one; layouts place it apart from the body. */
  heading: string;
  /** The rest of the HTML, cut into regions at `|||` lines (one region when there is none). */
  regions: string[];
  title: string;
  /** Local URLs the HTML references (images, media), as the author wrote them. */
  urls: string[];
}

export interface HtmlPassOptions {
  incremental: boolean;
  slugger: GithubSlugger;
  /** Turns placeholder tokens in heading text back into readable text (titles, ids). */
  plainText?: (text: string) => string;
}

/**
 * Works on the rendered HTML as a tree, the way reveal.js's Markdown plugin works on the DOM:
 * applies `<!-- .element: … -->` comments, gives headings deck-unique ids, marks list items
 * as fragments for incremental slides, and finds what the slide references.
 */
export function runHtmlPass(html: string, options: HtmlPassOptions): HtmlPassResult {
  const document = parseHtml(html);
  const urls: string[] = [];
  let title = '';

  const visit = (nodes: ChildNode[]) => {
    for (const node of [...nodes]) {
      if (isComment(node)) {
        applyElementComment(node);
        continue;
      }
      if (!isTag(node)) continue;
      if (/^h[1-6]$/.test(node.name)) {
        const text = (options.plainText ?? String)(textContent(node)).trim();
        if (title === '' && /^h[1-3]$/.test(node.name)) title = text;
        if (node.attribs.id === undefined && text !== '') node.attribs.id = options.slugger.slug(text);
      }
      if (options.incremental && node.name === 'li') addClass(node, 'fragment');
      for (const { attribute } of assetUrlAttributesOf(node.name)) {
        const value = getAttributeValue(node, attribute);
        if (value !== undefined && holdsUrl(attribute, value) && isLocalUrl(value)) urls.push(value);
      }
      visit(node.children);
    }
  };
  visit(document.children);

  const nodes = document.children.filter((node) => !(isText(node) && node.data.trim() === ''));
  const first = nodes[0];
  const leadsWithHeading = first !== undefined && isTag(first) && /^h[1-3]$/.test(first.name);
  const heading = leadsWithHeading ? serialize([first]) : '';
  return { heading, regions: splitRegions(leadsWithHeading ? nodes.slice(1) : nodes), title, urls };
}

function applyElementComment(comment: ChildNode & { data: string }): void {
  const data = `<!--${comment.data}-->`;
  const match = elementCommentPattern.exec(data);
  if (match || slideCommentPattern.test(data)) {
    if (match) {
      const target = previousElement(comment) ?? (comment.parent && isTag(comment.parent as ChildNode) ? (comment.parent as Element) : undefined);
      if (target) {
        const attributes = parseAttributeList(match[1]!);
        for (const [name, value] of Object.entries(attributes)) {
          if (name === 'class') addClass(target, value);
          else target.attribs[name] = value;
        }
      }
    }
    removeElement(comment);
  }
}

function previousElement(node: ChildNode): Element | undefined {
  for (let sibling = node.prev; sibling; sibling = sibling.prev) {
    if (isTag(sibling)) return sibling;
    if (isText(sibling) && sibling.data.trim() !== '') return undefined;
  }
  return undefined;
}

function addClass(element: Element, classes: string): void {
  const current = (element.attribs.class ?? '').split(/\s+/).filter(Boolean);
  for (const name of classes.split(/\s+/).filter(Boolean)) if (!current.includes(name)) current.push(name);
  element.attribs.class = current.join(' ');
}

function splitRegions(nodes: ChildNode[]): string[] {
  const regions: ChildNode[][] = [[]];
  for (const node of nodes) {
    if (isComment(node) && `<!--${node.data}-->` === columnBreak) regions.push([]);
    else regions[regions.length - 1]!.push(node);
  }
  return regions.map(serialize);
}

function serialize(nodes: ChildNode[]): string {
  return serializeHtml(nodes).trim();
}
