import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fail } from '../errors.js';
import { assertUniqueDeckNames } from '../outputs.js';

/**
 * The command line's deck inputs, or `slides/` when it names none. A folder without `slides/`
 * is most likely a new project: the message says how to name a deck or start one.
 */
export function deckInputsOrDefault(positionals: string[], cwd: string, command: string): string[] {
  if (positionals.length > 0) return positionals;
  if (!existsSync(resolve(cwd, 'slides')))
    fail(`no deck named and no slides/ folder here; name one (\`deckmark ${command} talk.md\`) or start one with \`deckmark init\``, 'usage');
  return ['slides'];
}

/**
 * Expands the command line's files and folders into deck files: a folder means every `.md`
 * directly inside it (sorted, so output order is stable). Paths stay relative to the working
 * directory for readable messages.
 */
export function expandDeckInputs(inputs: string[], cwd: string): string[] {
  const decks: string[] = [];
  for (const input of inputs) {
    const absolute = resolve(cwd, input);
    let isFolder: boolean;
    try {
      isFolder = statSync(absolute).isDirectory();
    } catch {
      fail('no such file or folder', 'input', { file: input });
    }
    if (!isFolder) {
      decks.push(input);
      continue;
    }
    const found = readdirSync(absolute)
      .filter((name) => name.endsWith('.md') && !name.startsWith('.') && name.toLowerCase() !== 'readme.md')
      .sort()
      .map((name) => relative(cwd, join(absolute, name)) || name);
    if (found.length === 0) fail('no .md decks in this folder', 'input', { file: input });
    decks.push(...found);
  }
  const unique = [...new Set(decks)];
  assertUniqueDeckNames(unique);
  return unique;
}
