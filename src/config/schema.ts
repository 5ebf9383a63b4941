import { z } from 'zod';

/**
 * Every option a deck can set, in front matter or in deckmark.config.json.
 * One schema serves both, so a key means the same thing wherever it is written.
 */
export const deckOptionsSchema = z.object({
  title: z.string(),
  author: z.string(),
  date: z.union([z.string(), z.number()]).transform(String),
  description: z.string(),
  keywords: z.union([z.string(), z.array(z.string())]).transform((value) => (Array.isArray(value) ? value : value.split(/\s*,\s*/))),
  lang: z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/, 'a language tag such as "en" or "fr-FR"'),
  theme: z.string().min(1),
  // reveal-md's `css`: stylesheets of the author's, after the theme (a list, or comma-separated).
  css: z
    .union([z.string(), z.array(z.string().min(1))])
    .transform((value) => (Array.isArray(value) ? value : value.split(/\s*,\s*/).filter((path) => path !== ''))),
  highlightTheme: z.string().min(1),
  transition: z.enum(['none', 'fade', 'slide', 'convex', 'concave', 'zoom']),
  slideNumber: z.union([z.boolean(), z.enum(['h.v', 'h/v', 'c', 'c/t'])]),
  width: z.number().int().min(320).max(7680),
  height: z.number().int().min(200).max(4320),
  separator: z.string().min(1),
  verticalSeparator: z.string().min(1),
  notesSeparator: z.string().min(1),
  elementAttributes: z.string().min(1),
  slideAttributes: z.string().min(1),
  html: z.boolean(),
  incremental: z.boolean(),
  reveal: z.record(z.string(), z.unknown()),
  // The look, without a theme file (applied by every theme: src/write/look.ts).
  accent: z.string().regex(/^(?:#[0-9a-fA-F]{3,8}|[a-zA-Z]+|(?:rgb|hsl|oklch)a?\([\d\s.,%/-]+\))$/, 'a CSS colour such as "#0b6e4f"'),
  align: z.enum(['center', 'top']),
  header: z.string(),
  footer: z.string(),
});

export type DeckOptions = z.output<typeof deckOptionsSchema>;
export type PartialDeckOptions = Partial<DeckOptions>;
export const deckOptionKeys = Object.keys(deckOptionsSchema.shape) as (keyof DeckOptions)[];

/**
 * reveal.js's own defaults for `data-element-attributes` and `data-attributes`: run on the text
 * inside an HTML comment, group 1 holds the attribute list. Decks may set their own
 * (`elementAttributes`, `slideAttributes`), compiled like every deck pattern (parse/patterns.ts).
 */
export const defaultElementAttributes = '\\.element\\s*?(.+?)$';
export const defaultSlideAttributes = '\\.slide:\\s*?(\\S.+?)$';

export const defaultDeckOptions: DeckOptions = {
  title: '',
  author: '',
  date: '',
  description: '',
  keywords: [],
  lang: 'en',
  theme: 'deckmark',
  css: [],
  highlightTheme: 'github',
  transition: 'slide',
  slideNumber: 'c/t',
  width: 1920,
  height: 1080,
  separator: '---',
  verticalSeparator: '----',
  notesSeparator: 'Notes?:',
  elementAttributes: defaultElementAttributes,
  slideAttributes: defaultSlideAttributes,
  html: false,
  incremental: false,
  reveal: {},
  accent: '',
  align: 'center',
  header: '',
  footer: '',
};

/**
 * Reveal options that load scripts by URL. Front matter is data, so it may not
 * pull code into the deck through them.
 */
export const forbiddenRevealKeys = ['dependencies', 'plugins'] as const;
