import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { fail } from '../errors.js';
import type { Warning } from '../types.js';
import type { PartialDeckOptions } from './schema.js';
import { validateOptions } from './validate.js';

export interface ProjectConfig {
  /** The files read, lowest precedence first. */
  files: string[];
  options: PartialDeckOptions;
  /** Already resolved against the config file's folder. */
  template?: string;
  outDir?: string;
  warnings: Warning[];
}

const buildKeys = z.object({ template: z.string().min(1), outDir: z.string().min(1) }).partial();

/**
 * Reads the project's configuration from the folder given: `deckmark.config.json` (or the
 * `deckmark` key of package.json), over reveal-md's `reveal-md.json` (its options) and
 * `reveal.json` (reveal.js's options), so a reveal-md project builds as it is. Paths in a
 * file resolve against the file's own folder, not the working directory.
 */
export function loadProjectConfig(folder: string): ProjectConfig {
  const layers = [revealMdLayer(folder), revealLayer(folder), deckmarkLayer(folder)].filter((layer) => layer !== undefined);
  const config: ProjectConfig = { files: [], options: {}, warnings: [] };
  for (const layer of layers) {
    // Precedence, for every key: deckmark.config.json > reveal.json > reveal-md.json.
    config.files.push(layer.file);
    config.options = { ...config.options, ...defined(layer.options), reveal: { ...config.options.reveal, ...layer.options.reveal } };
    config.template = layer.template ?? config.template;
    config.outDir = layer.outDir ?? config.outDir;
    config.warnings.push(...layer.warnings);
  }
  if (config.options.reveal && Object.keys(config.options.reveal).length === 0) delete config.options.reveal;
  return config;
}

interface Layer {
  file: string;
  options: PartialDeckOptions;
  template?: string;
  outDir?: string;
  warnings: Warning[];
}

function deckmarkLayer(folder: string): Layer | undefined {
  const configFile = join(folder, 'deckmark.config.json');
  const packageFile = join(folder, 'package.json');
  if (existsSync(configFile)) return optionsLayer(configFile, readJson(configFile, 'deckmark.config.json'), 'deckmark.config.json');
  if (!existsSync(packageFile)) return undefined;
  const manifest = readJson(packageFile, 'package.json') as Record<string, unknown>;
  if (manifest && typeof manifest === 'object' && 'deckmark' in manifest) return optionsLayer(packageFile, manifest.deckmark, 'package.json');
  return undefined;
}

/** reveal-md's own options file: the same keys as front matter (with reveal-md's spellings). */
function revealMdLayer(folder: string): Layer | undefined {
  const file = join(folder, 'reveal-md.json');
  return existsSync(file) ? optionsLayer(file, readJson(file, 'reveal-md.json'), 'reveal-md.json') : undefined;
}

/** reveal-md's `reveal.json`: reveal.js's options, as `reveal:` in front matter. */
function revealLayer(folder: string): Layer | undefined {
  const file = join(folder, 'reveal.json');
  if (!existsSync(file)) return undefined;
  const raw = readJson(file, 'reveal.json');
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) fail('reveal.js options must be an object', 'input', { file: 'reveal.json' });
  return optionsLayer(file, { reveal: raw }, 'reveal.json');
}

/** `name` is how messages show the file: the folder read is the one the command runs in. */
function optionsLayer(file: string, raw: unknown, name: string): Layer {
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) fail('configuration must be an object', 'input', { file: name });
  const { template, outDir, ...deckKeys } = raw as Record<string, unknown>;
  const paths = buildKeys.safeParse({ template, outDir });
  if (!paths.success) fail(`"template" and "outDir" must be folder paths`, 'input', { file: name });
  const { options, warnings } = validateOptions(deckKeys, { file: name });
  const base = dirname(file);
  // Paths written in the file are read from its folder, wherever the deck is.
  if (options.theme?.toLowerCase().endsWith('.css')) options.theme = resolve(base, options.theme);
  if (options.css) options.css = options.css.map((path) => resolve(base, path));
  return {
    file,
    options,
    template: paths.data.template === undefined ? undefined : resolve(base, paths.data.template),
    outDir: paths.data.outDir === undefined ? undefined : resolve(base, paths.data.outDir),
    warnings,
  };
}

function defined(options: PartialDeckOptions): PartialDeckOptions {
  return Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined));
}

function readJson(file: string, name: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`invalid JSON: ${(error as Error).message}`, 'input', { file: name });
  }
}
