import { type ChildNode, type Comment, type Element, isComment, isTag, isText } from 'domhandler';
import { getAttributeValue, removeElement, textContent } from 'domutils';
import type GithubSlugger from 'github-slugger';
import { parseHtml, serializeHtml } from '../html/dom.js';
import { assetUrlAttributesOf, holdsUrl, isLocalUrl } from '../html/url-attributes.js';
import { parseAttributeList } from '../parse/attributes.js';
import type { DeckPattern } from '../parse/patterns.js';
import { columnBreak } from '../parse/slides.js';

export interface HtmlPassResult {
  /** The leading h1–h3, if the slide starts with one; layouts place it apart from the body. */
  heading: string;
  /** The rest of the HTML, cut into regions at `|||` lines (one region when there is none). */
  regions: string[];
  title: string;
  /** Local URLs the HTML references (images, media), as the author wrote them. */
  urls: string[];
  /** From `.slide:` comments inside the slide's blocks, which the parse stage does not see. */
  slideAttributes: Record<string, string>;
}

/** The deck's `elementAttributes` and `slideAttributes` patterns, compiled. */
export interface AttributePatterns {
  element: DeckPattern;
  slide: DeckPattern;
}

export interface HtmlPassOptions {
  incremental: boolean;
  slugger: GithubSlugger;
  attributePatterns: AttributePatterns;
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
  const slideAttributes: Record<string, string> = Object.create(null);
  let title = '';

  const visit = (nodes: ChildNode[]) => {
    for (const node of [...nodes]) {
      if (isComment(node)) {
        applyElementComment(node, options.attributePatterns, slideAttributes);
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
  return { heading, regions: splitRegions(leadsWithHeading ? nodes.slice(1) : nodes), title, urls, slideAttributes: { ...slideAttributes } };
}

/**
 * Applies an attribute comment as reveal.js's plugin does: to the element before it among its
 * siblings (text between does not matter, `<br>` is skipped), else to its parent; right after a
 * list, with no blank line between, to the list's last item.
 */
function applyElementComment(comment: Comment, patterns: AttributePatterns, slideAttributes: Record<string, string>): void {
  const element = patterns.element.matches(comment.data).next().value;
  if (element) {
    let target = previousElement(comment) ?? (comment.parent && isTag(comment.parent as ChildNode) ? (comment.parent as Element) : undefined);
    const before = comment.prev;
    const blankLineBefore = before !== null && isText(before) && /\n[ \t]*\n/.test(before.data);
    if (target && (target.name === 'ul' || target.name === 'ol') && !blankLineBefore) target = lastElementChild(target) ?? target;
    if (target) {
      for (const [name, value] of Object.entries(parseAttributeList(element.groups[0] ?? ''))) {
        if (name === 'class') addClass(target, value);
        else target.attribs[name] = value;
      }
    }
    removeElement(comment);
    return;
  }
  const slide = patterns.slide.matches(comment.data).next().value;
  if (slide) {
    // A `.slide:` comment the parse stage did not see (inside a paragraph): still the slide's.
    Object.assign(slideAttributes, parseAttributeList(slide.groups[0] ?? ''));
    removeElement(comment);
  }
}

function previousElement(node: ChildNode): Element | undefined {
  for (let sibling = node.prev; sibling; sibling = sibling.prev) if (isTag(sibling) && sibling.name !== 'br') return sibling;
  return undefined;
}

function lastElementChild(element: Element): Element | undefined {
  return element.children.filter((child): child is Element => isTag(child)).at(-1);
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
