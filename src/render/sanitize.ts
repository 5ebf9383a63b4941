import { createRequire } from 'node:module';
import type sanitizeHtml from 'sanitize-html';
import { allowedAttributeNames, isAllowedAttribute } from './attribute-policy.js';

/**
 * What author HTML may keep when `html` is off: structure, media and styling — never
 * scripts, event handlers, frames, forms or script-capable URLs.
 */
const policy = (defaults: sanitizeHtml.IDefaults): sanitizeHtml.IOptions => ({
  allowedTags: [
    ...defaults.allowedTags,
    'img',
    'picture',
    'source',
    'video',
    'audio',
    'track',
    'figure',
    'figcaption',
    'del',
    'ins',
    'sup',
    'sub',
    'mark',
    'kbd',
    'details',
    'summary',
    'input',
    'span',
    'div',
    'section',
  ],
  allowedAttributes: allowedAttributeNames(),
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'], source: ['http', 'https', 'data'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // sanitize-html checks names and the schemes of href and src; the policy table checks the
  // values of the rest (data: media types, `data-*` URLs, markup in `data-notes`).
  transformTags: { '*': keepAllowedAttributes },
});

function keepAllowedAttributes(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const kept = Object.entries(attribs).filter(([name, value]) => isAllowedAttribute(tagName.toLowerCase(), name.toLowerCase(), value));
  return { tagName, attribs: Object.fromEntries(kept) };
}

let loaded: { sanitizeHtml: typeof sanitizeHtml; options: sanitizeHtml.IOptions } | undefined;

/**
 * sanitize-html (with postcss) takes longer to load than a small deck takes to render, and
 * most slides never need it, so it is loaded on the first call.
 */
export function sanitize(html: string): string {
  if (!loaded) {
    const library = createRequire(import.meta.url)('sanitize-html') as typeof sanitizeHtml;
    loaded = { sanitizeHtml: library, options: policy(library.defaults) };
  }
  return loaded.sanitizeHtml(html, loaded.options);
}
