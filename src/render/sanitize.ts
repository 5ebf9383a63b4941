import sanitizeHtml from 'sanitize-html';

/**
 * What author HTML may keep when `html` is off: structure, media and styling — never
 * scripts, event handlers, frames, forms or script-capable URLs.
 */
const policy: sanitizeHtml.IOptions = {
  allowedTags: [
    ...sanitizeHtml.defaults.allowedTags,
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
};

export function sanitize(html: string): string {
  return sanitizeHtml(html, policy);
}
