import { constants, existsSync, readdirSync, readFileSync } from 'node:fs';
import { copyFile, mkdir } from 'node:fs/promises';
import { dirname, join, relative } from 'node:path';
import { fail } from '../errors.js';
import { writeFileAtomic } from '../files.js';
import { packageRoot } from '../paths.js';

export const starterFolder = join(packageRoot, 'templates', 'starter');
export const starterDeck = 'talk.md';

/** The npm scripts `init` adds to an existing package.json, each left alone when already there. */
export const starterScripts: Record<string, string> = {
  deck: `deckmark build ${starterDeck}`,
  start: `deckmark serve ${starterDeck}`,
  pdf: `deckmark pdf ${starterDeck} --handout 1`,
};

export interface StarterWritten {
  /** Paths relative to the folder, in the order written. */
  files: string[];
  scriptsAdded: string[];
  /** Scripts package.json already had under one of the starter's names. */
  scriptsKept: string[];
}

/**
 * Writes the starter talk, its config and images folder into `folder`, and the starter's npm
 * scripts into a package.json found there. Refuses before writing anything when one of the
 * files already exists: init never overwrites a person's work.
 */
export async function writeStarter(folder: string, shownAs: string): Promise<StarterWritten> {
  const files = readdirSync(starterFolder, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => relative(starterFolder, join(entry.parentPath, entry.name)))
    .sort();
  const existing = files.filter((file) => existsSync(join(folder, file)));
  if (existing.length > 0) {
    fail(
      `${existing.join(', ')} already exist${existing.length === 1 ? 's' : ''}; init never overwrites files: move them away, or run \`deckmark init NEW-FOLDER\``,
      'output',
      {
        file: shownAs,
      },
    );
  }
  const manifestFile = join(folder, 'package.json');
  // Read before anything is written, so a broken package.json stops init with nothing half done.
  const manifest = existsSync(manifestFile) ? readManifest(manifestFile) : undefined;

  for (const file of files) {
    await mkdir(dirname(join(folder, file)), { recursive: true });
    // COPYFILE_EXCL: a file that appeared since the check above is still never replaced.
    await copyFile(join(starterFolder, file), join(folder, file), constants.COPYFILE_EXCL);
  }
  if (!manifest) return { files, scriptsAdded: [], scriptsKept: [] };

  const scripts = (manifest.value.scripts ?? {}) as Record<string, string>;
  const scriptsKept = Object.keys(starterScripts).filter((name) => name in scripts);
  const scriptsAdded = Object.keys(starterScripts).filter((name) => !(name in scripts));
  for (const name of scriptsAdded) scripts[name] = starterScripts[name]!;
  if (scriptsAdded.length > 0) {
    manifest.value.scripts = scripts;
    await writeFileAtomic(manifestFile, `${JSON.stringify(manifest.value, null, manifest.indent)}\n`);
  }
  return { files, scriptsAdded, scriptsKept };
}

function readManifest(file: string): { value: Record<string, unknown>; indent: string } {
  const text = readFileSync(file, 'utf8');
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    fail(`invalid JSON, so init cannot add its scripts: ${(error as Error).message}; fix it, or run init in a folder without it`, 'input', { file });
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) fail('package.json must hold an object', 'input', { file });
  if ('scripts' in value && (typeof value.scripts !== 'object' || value.scripts === null)) fail('"scripts" must be an object', 'input', { file });
  // Written back with the file's own indentation, so the diff shows only the added scripts.
  return { value: value as Record<string, unknown>, indent: /^[ \t]+(?=")/m.exec(text)?.[0] ?? '  ' };
}
