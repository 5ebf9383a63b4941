/**
 * Parses the `key="value"` list inside `<!-- .slide: … -->` and `<!-- .element: … -->`
 * comments (reveal.js's Markdown plugin syntax). A bare word is a boolean attribute; a token
 * that cannot be an attribute name (the `:` after `.element`) is skipped, as reveal.js does.
 */
export function parseAttributeList(text: string): Record<string, string> {
  const attributes: Record<string, string> = Object.create(null);
  const pattern = /([^\s"'=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?/g;
  for (const match of text.matchAll(pattern)) {
    const name = match[1]!.toLowerCase();
    if (!/^[a-z_][\w.:-]*$/.test(name)) continue;
    attributes[name] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return { ...attributes };
}

/** An HTML comment that is a whole block, its inner text in group 1. */
export const commentBlockPattern = /^\s*<!--([\s\S]*?)-->\s*$/;
