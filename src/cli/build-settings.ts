import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, resolve } from 'node:path';
import { loadProjectConfig } from '../config/file.js';
import type { PartialDeckOptions } from '../config/schema.js';
import { validateOptions } from '../config/validate.js';
import type { BuildSettings } from '../pipeline.js';
import type { PageRunner } from '../render/diagrams/index.js';
import { loadTemplates } from '../template/load.js';
import { type CliIO, reportWarnings } from './io.js';

/** The flags every command that builds decks accepts. */
export const buildFlags = {
  'out-dir': { type: 'string', short: 'o' },
  template: { type: 'string' },
  theme: { type: 'string' },
  html: { type: 'boolean' },
  'allow-outside': { type: 'boolean' },
  'single-file': { type: 'boolean' },
} as const;

export const buildFlagsHelp = `  -o, --out-dir DIR     where decks are written (default: dist)
      --template DIR    a folder whose deck.hbs, slide.hbs, layouts/*.hbs or themes/*.css
                        replace the built-in ones of the same name
      --theme NAME      theme for every deck (overrides front matter): a name, or a .css file
      --html            keep raw HTML in Markdown as written (default: sanitised)
      --allow-outside   allow images and media from outside the deck's folder
                        (copied into assets/outside/)
      --single-file     write DIR/<deck>.html with CSS, JS, fonts and images inlined`;

/** The same flags for commands that work on the deck's folder, where --single-file has no place. */
const { 'single-file': _singleFile, ...folderFlags } = buildFlags;
export const folderBuildFlags = folderFlags;
export const folderBuildFlagsHelp = buildFlagsHelp
  .split('\n')
  .filter((line) => !line.includes('--single-file'))
  .join('\n');

export interface BuildFlagValues {
  'out-dir'?: string;
  template?: string;
  theme?: string;
  html?: boolean;
  'allow-outside'?: boolean;
  'single-file'?: boolean;
}

/**
 * `browser` draws Mermaid diagrams: the command's own BrowserManager when it has one (one
 * Chromium per run), a LazyBrowser otherwise.
 */
export function settingsFromFlags(values: BuildFlagValues, io: CliIO, browser?: PageRunner): BuildSettings {
  const config = loadProjectConfig(io.cwd);
  reportWarnings(io, config.warnings);
  const cli: PartialDeckOptions = {};
  // A theme given as a path on the command line is read from where the command runs.
  if (values.theme !== undefined) cli.theme = values.theme.toLowerCase().endsWith('.css') ? resolve(io.cwd, values.theme) : values.theme;
  if (values.html) cli.html = true;
  const templateDir = values.template !== undefined ? resolve(io.cwd, values.template) : config.template;
  return {
    cwd: io.cwd,
    // Precedence for build settings matches deck options: CLI flag > config file > default.
    outDir: values['out-dir'] !== undefined ? resolve(io.cwd, values['out-dir']) : (config.outDir ?? resolve(io.cwd, 'dist')),
    templateDir,
    templates: loadTemplates(templateDir),
    allowOutside: values['allow-outside'] ?? false,
    singleFile: values['single-file'] ?? false,
    cliOptions: validateOptions(cli as Record<string, unknown>, { file: 'command line' }).options,
    config,
    diagrams: { browser, cacheFolder: diagramCacheFolder(io) },
  };
}

/**
 * Where finished diagram layouts are kept: `node_modules/.cache/deckmark/` of the project,
 * the place babel, eslint and vite use — already git-ignored wherever node_modules is, and
 * removed with it. Outside a project, the system's temporary folder; DECKMARK_CACHE_DIR
 * overrides both (a CI cache, a test).
 */
export function diagramCacheFolder(io: Pick<CliIO, 'cwd' | 'env'>): string {
  if (io.env.DECKMARK_CACHE_DIR) return join(resolve(io.cwd, io.env.DECKMARK_CACHE_DIR), 'diagrams');
  for (let folder = resolve(io.cwd); ; folder = dirname(folder)) {
    if (existsSync(join(folder, 'node_modules'))) return join(folder, 'node_modules', '.cache', 'deckmark', 'diagrams');
    if (dirname(folder) === folder) return join(tmpdir(), 'deckmark-cache', 'diagrams');
  }
}
