import { readdir, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../files.js';
import { isSlideImageFileName, slideImageFileName } from '../outputs.js';

/**
 * Writes `<deck>-01.png`, … (numbers padded so they sort) and removes numbered images left
 * from an earlier, longer version of the deck. Returns the bytes written.
 */
export async function writeSlideImages(folder: string, deck: string, images: Uint8Array[]): Promise<number> {
  const names = images.map((_, index) => slideImageFileName(deck, index, images.length));
  await Promise.all(images.map((image, index) => writeFileAtomic(join(folder, names[index]!), image)));
  const keep = new Set(names);
  const stale = (await readdir(folder)).filter((name) => !keep.has(name) && isSlideImageFileName(deck, name));
  await Promise.all(stale.map((name) => rm(join(folder, name), { force: true })));
  return images.reduce((sum, image) => sum + image.byteLength, 0);
}
