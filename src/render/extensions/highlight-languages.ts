import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import type { HLJSApi, Mode } from 'highlight.js';
import core from 'highlight.js/lib/core';
import { packageFolder } from '../../paths.js';

// highlight.js with every language takes ~80 ms and ~190 files to load on each build, for
// decks that use two or three. The core loads the languages a deck names, synchronously
// (`require`) because marked's highlighter is synchronous — with the same output.
const require = createRequire(import.meta.url);
const languageFolder = join(packageFolder('highlight.js'), 'lib', 'languages');

/** Common aliases → their language file; checked against highlight.js in the tests. */
export const commonAliases: Readonly<Record<string, string>> = {
  ts: 'typescript',
  tsx: 'typescript',
  js: 'javascript',
  jsx: 'javascript',
  mjs: 'javascript',
  cjs: 'javascript',
  sh: 'bash',
  zsh: 'bash',
  console: 'shell',
  py: 'python',
  rb: 'ruby',
  rs: 'rust',
  golang: 'go',
  kt: 'kotlin',
  cs: 'csharp',
  'c++': 'cpp',
  cc: 'cpp',
  hpp: 'cpp',
  h: 'c',
  yml: 'yaml',
  md: 'markdown',
  html: 'xml',
  svg: 'xml',
  jsonc: 'json',
  text: 'plaintext',
  txt: 'plaintext',
  docker: 'dockerfile',
  ps1: 'powershell',
  patch: 'diff',
};

let full: HLJSApi | undefined;

/**
 * The highlight.js instance that knows `name`, or undefined when no language has that
 * name. Names that are neither a language file nor a common alias load the full build,
 * which knows every alias — slower, never different.
 */
export function highlighterFor(name: string): HLJSApi | undefined {
  const wanted = name.toLowerCase();
  if (full) return full.getLanguage(wanted) ? full : undefined;
  if (core.getLanguage(wanted)) return core;
  const file = commonAliases[wanted] ?? wanted;
  if (/^[a-z0-9-]+$/.test(file) && existsSync(join(languageFolder, `${file}.js`)) && registerWithSubLanguages(file)) {
    return core.getLanguage(wanted) ? core : undefined;
  }
  full = require('highlight.js') as HLJSApi;
  return full.getLanguage(wanted) ? full : undefined;
}

/**
 * Registers a language and every language it embeds (HTML's <script> is JavaScript…),
 * so that embedded code is coloured as with the full build. False when the language
 * auto-detects among all languages (`subLanguage: []`): only the full build does that.
 */
function registerWithSubLanguages(name: string): boolean {
  if (core.getLanguage(name)) return true;
  core.registerLanguage(name, require(`highlight.js/lib/languages/${name}`));
  const embedded = new Set<string>();
  const everything = collectSubLanguages(core.getLanguage(name) as Mode, embedded, new Set());
  if (everything) {
    core.unregisterLanguage(name);
    full = require('highlight.js') as HLJSApi;
    return false;
  }
  return [...embedded].every((sub) => !existsSync(join(languageFolder, `${sub}.js`)) || registerWithSubLanguages(sub));
}

/** Walks a language's modes for `subLanguage`; true when one auto-detects among all languages. */
function collectSubLanguages(mode: Mode, found: Set<string>, seen: Set<object>): boolean {
  if (seen.has(mode)) return false;
  seen.add(mode);
  const sub = mode.subLanguage;
  if (Array.isArray(sub) && sub.length === 0) return true;
  for (const name of typeof sub === 'string' ? [sub] : (sub ?? [])) found.add(name);
  const children = [...(mode.contains ?? []), ...(mode.variants ?? []), ...(mode.starts ? [mode.starts] : [])];
  return children.some((child) => typeof child === 'object' && collectSubLanguages(child as Mode, found, seen));
}
