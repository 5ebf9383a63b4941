/**
 * Parses the `key="value"` list inside `<!-- .slide: … -->` and `<!-- .element: … -->`
 * comments (reveal.js's Markdown plugin syntax). A bare word is a boolean attribute.
 */
export function parseAttributeList(text: string): Record<string, string> {
  const attributes: Record<string, string> = Object.create(null);
  const pattern = /([^\s"'=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"']+)))?/g;
  for (const match of text.matchAll(pattern)) {
    const name = match[1]!.toLowerCase();
    attributes[name] = match[2] ?? match[3] ?? match[4] ?? '';
  }
  return { ...attributes };
}

export const slideCommentPattern = /<!--\s*\.slide:\s*([\s\S]*?)\s*-->/;
export const elementCommentPattern = /^<!--\s*\.element:\s*([\s\S]*?)\s*-->$/;
