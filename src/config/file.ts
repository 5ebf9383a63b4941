import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { z } from 'zod';
import { fail } from '../errors.js';
import type { Warning } from '../types.js';
import type { PartialDeckOptions } from './schema.js';
import { validateOptions } from './validate.js';

export interface ProjectConfig {
  file?: string;
  options: PartialDeckOptions;
  /** Already resolved against the config file's folder. */
  template?: string;
  outDir?: string;
  warnings: Warning[];
}

const buildKeys = z.object({ template: z.string().min(1), outDir: z.string().min(1) }).partial();

/**
 * Reads `deckmark.config.json`, or the `deckmark` key of package.json, from the folder given.
 * Paths in it resolve against the file's own folder, not the working directory.
 */
export function loadProjectConfig(folder: string): ProjectConfig {
  const configFile = join(folder, 'deckmark.config.json');
  const packageFile = join(folder, 'package.json');
  let file: string | undefined;
  let raw: unknown;
  if (existsSync(configFile)) {
    file = configFile;
    raw = readJson(configFile);
  } else if (existsSync(packageFile)) {
    const manifest = readJson(packageFile) as Record<string, unknown>;
    if (manifest && typeof manifest === 'object' && 'deckmark' in manifest) {
      file = packageFile;
      raw = manifest.deckmark;
    }
  }
  if (file === undefined) return { options: {}, warnings: [] };
  if (raw === null || typeof raw !== 'object' || Array.isArray(raw)) fail('deckmark configuration must be an object', 'input', { file });

  const { template, outDir, ...deckKeys } = raw as Record<string, unknown>;
  const paths = buildKeys.safeParse({ template, outDir });
  if (!paths.success) fail(`"template" and "outDir" must be folder paths`, 'input', { file });
  const { options, warnings } = validateOptions(deckKeys, { file });
  const base = dirname(file);
  return {
    file,
    options,
    template: paths.data.template === undefined ? undefined : resolve(base, paths.data.template),
    outDir: paths.data.outDir === undefined ? undefined : resolve(base, paths.data.outDir),
    warnings,
  };
}

function readJson(file: string): unknown {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    fail(`invalid JSON: ${(error as Error).message}`, 'input', { file });
  }
}
