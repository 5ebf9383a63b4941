import render from 'dom-serializer';
import { type ChildNode, type Document, type Element, isTag } from 'domhandler';
import { parseDocument } from 'htmlparser2';
import type { CopyPlan } from './deck-assets.js';

/** The attributes through which a page loads a file, by element ('*': any element). */
export const urlAttributes: Record<string, string[]> = {
  img: ['src'],
  source: ['src'],
  video: ['src', 'poster'],
  audio: ['src'],
  track: ['src'],
  script: ['src'],
  link: ['href'],
  '*': ['data-background-image', 'data-background-video'],
};

export function parsePage(html: string): Document {
  return parseDocument(html, { decodeEntities: true });
}

export function serializePage(document: Document): string {
  return render(document, { decodeEntities: true, encodeEntities: 'utf8' });
}

/** Every element of the page, depth first. */
export function* elementsOf(nodes: ChildNode[]): Generator<Element> {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    yield node;
    yield* elementsOf(node.children);
  }
}

/** Calls `visit` for every URL-bearing attribute; a returned string replaces the value. */
export function mapUrlAttributes(document: Document, visit: (url: string, element: Element, attribute: string) => string | undefined): void {
  for (const element of elementsOf(document.children)) {
    for (const attribute of [...(urlAttributes[element.name] ?? []), ...urlAttributes['*']!]) {
      const value = element.attribs[attribute];
      if (value === undefined) continue;
      const replacement = visit(value, element, attribute);
      if (replacement !== undefined) element.attribs[attribute] = replacement;
    }
  }
}

/** Points the page at the copies of files that came from outside the deck's folder. */
export function rewriteAssetUrls(html: string, copies: CopyPlan[]): string {
  // A `#fragment` or `?query` the author wrote stays on the new URL.
  const targets = new Map(
    copies.filter((copy) => copy.rewrite !== undefined).map((copy) => [copy.rewrite!, copy.to + (/[?#].*$/.exec(copy.rewrite!)?.[0] ?? '')]),
  );
  if (targets.size === 0) return html;
  const document = parsePage(html);
  mapUrlAttributes(document, (url) => targets.get(url));
  return serializePage(document);
}
