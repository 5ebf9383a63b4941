import { type DeckOptions, defaultDeckOptions, type PartialDeckOptions } from './schema.js';

export interface OptionLayers {
  cli?: PartialDeckOptions;
  frontMatter?: PartialDeckOptions;
  configFile?: PartialDeckOptions;
}

/**
 * The one place where option layers meet; every key follows the same rule, and every
 * consumer (page, pdf, png, check, serve) reads the result, never a layer.
 */
export function resolveOptions(layers: OptionLayers): DeckOptions {
  const [cli, frontMatter, configFile] = [layers.cli, layers.frontMatter, layers.configFile].map((layer) => withRevealSize(layer ?? {}));
  // Precedence, for every key: CLI flag > deck front matter > deckmark.config.json > defaults.
  const merged = { ...defaultDeckOptions, ...defined(configFile!), ...defined(frontMatter!), ...defined(cli!) };
  // `reveal` is the one nested key; its own keys follow the same precedence.
  merged.reveal = { ...configFile!.reveal, ...frontMatter!.reveal, ...cli!.reveal };
  return merged;
}

/**
 * `reveal: {width, height}` and the deck's `width`/`height` name one thing, the slide size:
 * within a layer reveal's spelling wins (it is what reveal.js itself would use), and the size
 * leaves `reveal` so the page and every export read the same number.
 */
function withRevealSize(layer: PartialDeckOptions): PartialDeckOptions {
  if (!layer.reveal) return layer;
  const { width, height, ...reveal } = layer.reveal;
  const size: PartialDeckOptions = {};
  if (isSize(width)) size.width = width;
  if (isSize(height)) size.height = height;
  return {
    ...layer,
    ...size,
    reveal: { ...reveal, ...(isSize(width) ? {} : width === undefined ? {} : { width }), ...(isSize(height) ? {} : height === undefined ? {} : { height }) },
  };
}

function isSize(value: unknown): value is number {
  return typeof value === 'number' && Number.isInteger(value) && value > 0;
}

function defined(options: PartialDeckOptions): PartialDeckOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}
