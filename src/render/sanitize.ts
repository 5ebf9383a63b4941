import { createRequire } from 'node:module';
import type sanitizeHtml from 'sanitize-html';

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
  allowedAttributes: {
    '*': ['class', 'id', 'style', 'title', 'lang', 'dir', 'role', 'data-*', 'aria-*'],
    a: ['href', 'name', 'target', 'rel'],
    img: ['src', 'srcset', 'alt', 'width', 'height', 'loading'],
    video: ['src', 'poster', 'controls', 'autoplay', 'loop', 'muted', 'playsinline', 'width', 'height'],
    audio: ['src', 'controls', 'autoplay', 'loop', 'muted'],
    source: ['src', 'srcset', 'type', 'media'],
    track: ['src', 'kind', 'srclang', 'label', 'default'],
    input: ['type', 'checked', 'disabled'],
    td: ['align', 'colspan', 'rowspan'],
    th: ['align', 'colspan', 'rowspan', 'scope'],
    ol: ['start', 'reversed', 'type'],
  },
  allowedSchemes: ['http', 'https', 'mailto', 'tel'],
  allowedSchemesByTag: { img: ['http', 'https', 'data'], source: ['http', 'https', 'data'] },
  allowProtocolRelative: false,
  disallowedTagsMode: 'discard',
  // sanitize-html allows a scheme, not a media type: a data: URL may only carry an image.
  transformTags: { img: dropNonImageData, source: dropNonImageData },
});

function dropNonImageData(tagName: string, attribs: sanitizeHtml.Attributes): sanitizeHtml.Tag {
  const kept = Object.fromEntries(
    Object.entries(attribs).filter(([name, value]) => !(/^(src|srcset)$/.test(name) && /^\s*data:/i.test(value) && !/^\s*data:image\//i.test(value))),
  );
  return { tagName, attribs: kept };
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
