import type { CopyPlan } from '../assets/deck-assets.js';
import { parseHtml, serializeHtml } from '../html/dom.js';
import { mapUrlAttributes } from '../html/url-attributes.js';

/** Points the page at the copies of files that came from outside the deck's folder. */
export function rewriteAssetUrls(html: string, copies: CopyPlan[]): string {
  // A `#fragment` or `?query` the author wrote stays on the new URL.
  const targets = new Map(
    copies.filter((copy) => copy.rewrite !== undefined).map((copy) => [copy.rewrite!, copy.to + (/[?#].*$/.exec(copy.rewrite!)?.[0] ?? '')]),
  );
  if (targets.size === 0) return html;
  const document = parseHtml(html);
  mapUrlAttributes(document, (url) => targets.get(url));
  return serializeHtml(document);
}
