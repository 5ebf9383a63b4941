import { type DeckOptions, defaultDeckOptions, type PartialDeckOptions } from './schema.js';

export interface OptionLayers {
  cli?: PartialDeckOptions;
  frontMatter?: PartialDeckOptions;
  configFile?: PartialDeckOptions;
}

/** The one place where option layers meet; every key follows the same rule. */
export function resolveOptions(layers: OptionLayers): DeckOptions {
  const { cli = {}, frontMatter = {}, configFile = {} } = layers;
  // Precedence, for every key: CLI flag > deck front matter > deckmark.config.json > defaults.
  const merged = { ...defaultDeckOptions, ...defined(configFile), ...defined(frontMatter), ...defined(cli) };
  // `reveal` is the one nested key; its own keys follow the same precedence.
  merged.reveal = { ...configFile.reveal, ...frontMatter.reveal, ...cli.reveal };
  return merged;
}

function defined(options: PartialDeckOptions): PartialDeckOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}
