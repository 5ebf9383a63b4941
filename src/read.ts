import { readFile, stat } from 'node:fs/promises';
import { fail } from './errors.js';
import { decodeSource } from './parse/source.js';

/** Decks larger than this are refused before reading; no talk needs 50 MB of Markdown. */
export const maxDeckBytes = 50 * 1024 * 1024;

/** Reads a deck file from disk: the file-system edge in front of the pure parse stage. */
export async function readDeckSource(file: string): Promise<string> {
  const info = await stat(file).catch((error: NodeJS.ErrnoException) => {
    fail(error.code === 'ENOENT' ? 'no such file' : `cannot read: ${error.message}`, 'input', { file }, error);
  });
  if (!info.isFile()) fail('not a file', 'input', { file });
  if (info.size > maxDeckBytes) fail(`the deck is ${(info.size / 1048576).toFixed(1)} MB; the limit is ${maxDeckBytes / 1048576} MB`, 'input', { file });
  return decodeSource(await readFile(file), file);
}
