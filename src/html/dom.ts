import render from 'dom-serializer';
import { type ChildNode, type Document, type Element, isTag } from 'domhandler';
import { parseDocument } from 'htmlparser2';

/** The one HTML parser stack of deckmark: htmlparser2 trees, serialised by dom-serializer. */
export function parseHtml(html: string): Document {
  return parseDocument(html, { decodeEntities: true });
}

export function serializeHtml(nodes: Document | ChildNode[]): string {
  return render(nodes, { decodeEntities: true, encodeEntities: 'utf8' });
}

/** Every element below `nodes`, depth first. */
export function* elementsOf(nodes: ChildNode[]): Generator<Element> {
  for (const node of nodes) {
    if (!isTag(node)) continue;
    yield node;
    yield* elementsOf(node.children);
  }
}
