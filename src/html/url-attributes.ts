import type { Document, Element } from 'domhandler';
import { elementsOf } from './dom.js';

/**
 * What a URL-bearing attribute makes the browser do with its URL. `file` kinds load the
 * file into the page (copied with the deck, rewritten when moved, watched by the request
 * guard); `frame` loads a whole document; `link` only navigates.
 */
export type UrlKind = 'image' | 'media' | 'frame' | 'script' | 'style' | 'link';

export interface UrlAttribute {
  /** An element name, or `*` for an attribute any element may carry. */
  element: string;
  attribute: string;
  kind: UrlKind;
  /** reveal reads it on a slide's <section> only (the sanitiser allows it there alone). */
  slide?: true;
}

/**
 * The one table of attributes through which a deck's page loads or opens a URL, used by the
 * sanitiser, asset collection, URL rewriting, single-file inlining and the request guard.
 * reveal.js's `data-background-*` attributes are on any element because reveal copies them
 * from a slide's section to its background.
 */
export const urlAttributes: readonly UrlAttribute[] = [
  { element: 'img', attribute: 'src', kind: 'image' },
  { element: 'source', attribute: 'src', kind: 'media' },
  { element: 'video', attribute: 'src', kind: 'media' },
  { element: 'video', attribute: 'poster', kind: 'image' },
  { element: 'audio', attribute: 'src', kind: 'media' },
  { element: 'track', attribute: 'src', kind: 'media' },
  { element: 'script', attribute: 'src', kind: 'script' },
  { element: 'link', attribute: 'href', kind: 'style' },
  { element: 'iframe', attribute: 'src', kind: 'frame' },
  { element: 'a', attribute: 'href', kind: 'link' },
  { element: '*', attribute: 'data-background-image', kind: 'image', slide: true },
  { element: '*', attribute: 'data-background-video', kind: 'media', slide: true },
  { element: '*', attribute: 'data-background-iframe', kind: 'frame', slide: true },
  // The shorthand: reveal treats it as an image when it looks like an image's path, else a colour.
  { element: '*', attribute: 'data-background', kind: 'image', slide: true },
  // reveal's lazy loading (`data-src` becomes `src`) and its preview overlay (a page in a frame).
  { element: '*', attribute: 'data-src', kind: 'media' },
  { element: '*', attribute: 'data-preview-link', kind: 'frame' },
  { element: '*', attribute: 'data-preview-image', kind: 'image' },
  { element: '*', attribute: 'data-preview-video', kind: 'media' },
];

/** Attribute names that can name a file of the deck, whatever the element: for in-page lookups. */
export const fileAttributeNames: readonly string[] = [...new Set(urlAttributes.filter((entry) => entry.kind !== 'link').map((entry) => entry.attribute))];

const byElement = new Map<string, UrlAttribute[]>();
for (const entry of urlAttributes) byElement.set(entry.element, [...(byElement.get(entry.element) ?? []), entry]);

/** The URL attributes `element` may carry. */
export function urlAttributesOf(element: string): UrlAttribute[] {
  return [...(byElement.get(element) ?? []), ...(byElement.get('*') ?? [])];
}

/** The attributes of `element` that name a file the deck carries with it (copied, checked for containment). */
export function assetUrlAttributesOf(element: string): UrlAttribute[] {
  return urlAttributesOf(element).filter((entry) => entry.kind === 'image' || entry.kind === 'media' || entry.kind === 'frame');
}

/** Whether the value of `attribute` is a URL at all (`data-background` may be a colour). */
export function holdsUrl(attribute: string, value: string): boolean {
  if (attribute !== 'data-background') return value.trim() !== '';
  // reveal.js's own test for the shorthand: an image file's extension, or a url()/data: value.
  return /\.(?:svg|png|jpe?g|gif|bmp|webp|avif)(?:[?#].*)?$/i.test(value.trim()) || /^data:/i.test(value.trim());
}

/** Calls `visit` for every URL attribute of kind `kinds` (all that load a file by default); a returned string replaces the value. */
export function mapUrlAttributes(
  document: Document,
  visit: (url: string, element: Element, entry: UrlAttribute) => string | undefined,
  kinds: readonly UrlKind[] = ['image', 'media', 'frame', 'script', 'style'],
): void {
  for (const element of elementsOf(document.children)) {
    for (const entry of urlAttributesOf(element.name)) {
      if (!kinds.includes(entry.kind)) continue;
      const value = element.attribs[entry.attribute];
      if (value === undefined || !holdsUrl(entry.attribute, value)) continue;
      const replacement = visit(value, element, entry);
      if (replacement !== undefined) element.attribs[entry.attribute] = replacement;
    }
  }
}

/** A URL that names a file next to the deck rather than a page on the web. */
export function isLocalUrl(url: string): boolean {
  const trimmed = url.trim();
  if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith('//')) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(trimmed)?.[1]?.toLowerCase();
  return scheme === undefined || scheme === 'file';
}

/**
 * The file path a local URL names — decoded once, query and fragment dropped, `file:` URLs
 * turned into their path — or undefined when it names no file (a malformed escape, a scheme).
 */
export function localFilePath(url: string): string | undefined {
  const withoutSuffix = url.replace(/[?#].*$/, '');
  try {
    if (/^file:/i.test(withoutSuffix)) return new URL(withoutSuffix).pathname;
    if (/^[a-z][a-z0-9+.-]*:/i.test(withoutSuffix)) return undefined;
    return decodeURIComponent(withoutSuffix);
  } catch {
    return undefined;
  }
}
