import { decodeHTML } from 'entities';
import { type UrlAttribute, type UrlKind, urlAttributes } from '../html/url-attributes.js';

/**
 * How an attribute's value is checked before it reaches the page:
 * - `any`: shown as text or read as a keyword; nothing in it can run;
 * - `text`: written into the speaker view as HTML by reveal's notes plugin, so it may not
 *   carry markup (`<`) or character references (`&`);
 * - `link`: a page to visit (http, https, mailto, tel or a relative URL);
 * - `media`: loaded as an image or media (http, https, a relative or file: URL, or a data: image);
 * - `frame`: loaded into an iframe by reveal (http, https or a relative URL only).
 */
export type ValueRule = 'any' | 'text' | 'link' | 'media' | 'frame';

/** How a URL attribute's value is checked, from what the page does with it (html/url-attributes.ts). */
const ruleOfKind: Record<UrlKind, ValueRule | undefined> = {
  image: 'media',
  media: 'media',
  frame: 'frame',
  link: 'link',
  script: undefined,
  style: undefined,
};

/** The URL attributes of the one table that `pick` selects, as value rules. */
function urlRules(pick: (entry: UrlAttribute) => boolean): Record<string, ValueRule> {
  const rules: Record<string, ValueRule> = {};
  for (const entry of urlAttributes.filter(pick)) {
    const rule = ruleOfKind[entry.kind];
    if (rule !== undefined) rules[entry.attribute] = rule;
  }
  return rules;
}

function urlRulesOf(element: string): Record<string, ValueRule> {
  return urlRules((entry) => entry.element === element);
}

/**
 * Attributes any element may carry: global HTML attributes and the reveal.js `data-*`
 * attributes that style or order content. A `data-*` attribute that is not listed here is
 * dropped: reveal and its plugins read some as HTML (`data-notes`), Markdown
 * (`data-markdown`) or URLs (`data-src`, `data-preview-link`), and new ones appear.
 */
const everywhere: Record<string, ValueRule> = {
  class: 'any',
  id: 'any',
  style: 'any',
  title: 'any',
  lang: 'any',
  dir: 'any',
  role: 'any',
  'data-fragment-index': 'any',
  'data-id': 'any',
  'data-auto-animate': 'any',
  'data-auto-animate-id': 'any',
  'data-auto-animate-easing': 'any',
  'data-auto-animate-duration': 'any',
  'data-auto-animate-delay': 'any',
  'data-auto-animate-unmatched': 'any',
  'data-auto-animate-restart': 'any',
  'data-auto-animate-target': 'any',
  'data-line-numbers': 'any',
  'data-line-number': 'any',
  'data-ln-start-from': 'any',
  'data-trim': 'any',
  'data-noescape': 'any',
  'data-autoslide': 'any',
  'data-autoplay': 'any',
  'data-ignore': 'any',
  'data-prevent-swipe': 'any',
  'data-notes': 'text',
  'data-preview-fit': 'any',
  ...urlRules((entry) => entry.element === '*' && !entry.slide),
};

/** What reveal reads on a slide's <section>, from `.slide:` comments or raw HTML alike. */
const slideAttributes: Record<string, ValueRule> = {
  'data-transition': 'any',
  'data-transition-speed': 'any',
  'data-state': 'any',
  'data-visibility': 'any',
  'data-timing': 'any',
  'data-background-color': 'any',
  'data-background-gradient': 'any',
  'data-background-size': 'any',
  'data-background-position': 'any',
  'data-background-repeat': 'any',
  'data-background-opacity': 'any',
  'data-background-transition': 'any',
  'data-background-video-loop': 'any',
  'data-background-video-muted': 'any',
  'data-background-interactive': 'any',
  ...urlRules((entry) => entry.slide === true),
  // Set by deckmark itself: the layout and the source line of the slide.
  'data-layout': 'any',
  'data-line': 'any',
};

/** The one table: per element, what it may carry beyond the attributes allowed everywhere. */
export const attributePolicy: Record<string, Record<string, ValueRule>> = {
  a: { ...urlRulesOf('a'), name: 'any', target: 'any', rel: 'any' },
  img: { ...urlRulesOf('img'), width: 'any', height: 'any', srcset: 'media', alt: 'any', loading: 'any' },
  video: { ...urlRulesOf('video'), width: 'any', height: 'any', controls: 'any', autoplay: 'any', loop: 'any', muted: 'any', playsinline: 'any' },
  audio: { ...urlRulesOf('audio'), controls: 'any', autoplay: 'any', loop: 'any', muted: 'any' },
  source: { ...urlRulesOf('source'), srcset: 'media', type: 'any', media: 'any' },
  track: { ...urlRulesOf('track'), kind: 'any', srclang: 'any', label: 'any', default: 'any' },
  input: { type: 'any', checked: 'any', disabled: 'any' },
  td: { align: 'any', colspan: 'any', rowspan: 'any' },
  th: { align: 'any', colspan: 'any', rowspan: 'any', scope: 'any' },
  ol: { start: 'any', reversed: 'any', type: 'any' },
  section: slideAttributes,
};

/** Attributes whose name alone is enough: accessibility attributes carry text only. */
const ariaName = /^aria-[a-z]+$/;

/** The attribute names an element may carry, for sanitize-html's first filter. */
export function allowedAttributeNames(): Record<string, string[]> {
  const names: Record<string, string[]> = { '*': [...Object.keys(everywhere), 'aria-*'] };
  for (const [element, rules] of Object.entries(attributePolicy)) names[element] = Object.keys(rules);
  return names;
}

/** Whether `name="value"` may stay on `element`, by the table above. */
export function isAllowedAttribute(element: string, name: string, value: string): boolean {
  const rule = attributePolicy[element]?.[name] ?? everywhere[name] ?? (ariaName.test(name) ? 'any' : undefined);
  if (rule === undefined) return false;
  return rule === 'any' || (rule === 'text' ? !/[<&]/.test(value) : urlIsAllowed(rule, value));
}

const linkSchemes = new Set(['http', 'https', 'mailto', 'tel']);
const frameSchemes = new Set(['http', 'https']);

function urlIsAllowed(rule: 'link' | 'media' | 'frame', value: string): boolean {
  // Browsers decode character references and ignore spaces and control characters inside
  // a scheme (`java&#9;script:`), so the scheme is read the way they read it.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
  const url = decodeHTML(value).replace(/[\u0000-\u0020\u007f]/g, '');
  if (url.startsWith('//')) return false;
  const scheme = /^([a-z][a-z0-9+.-]*):/i.exec(url)?.[1]?.toLowerCase();
  if (scheme === undefined) return true;
  // An image cannot run script, not even an SVG one; a data: page in a frame can.
  if (rule === 'media' && scheme === 'data') return /^data:image\//i.test(url);
  // A file: image is a local file the write stage copies next to the page and links to.
  if (rule === 'media' && scheme === 'file') return true;
  return (rule === 'link' ? linkSchemes : frameSchemes).has(scheme);
}
