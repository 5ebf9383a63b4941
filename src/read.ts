import { readFile, stat } from 'node:fs/promises';
import { fail } from './errors.js';
import { decodeSource } from './parse/source.js';

/** Decks larger than this are refused before reading; no talk needs 50 MB of Markdown. */
export const maxDeckBytes = 50 * 1024 * 1024;

/** Reads a deck file from disk: the file-system edge in front of the pure parse stage. `file` is the name messages show. */
export async function readDeckSource(path: string, file: string = path): Promise<string> {
  const info = await stat(path).catch((error: NodeJS.ErrnoException) => {
    fail(error.code === 'ENOENT' ? 'no such file' : `cannot read: ${error.message}`, 'input', { file }, error);
  });
  if (!info.isFile()) fail('not a file', 'input', { file });
  if (info.size > maxDeckBytes) fail(`the deck is ${(info.size / 1048576).toFixed(1)} MB; the limit is ${maxDeckBytes / 1048576} MB`, 'input', { file });
  return decodeSource(await readFile(path), file);
}
