import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { writeFileAtomic } from '../../files.js';

export interface CachedDiagram {
  svg: string;
  title: string;
}

/**
 * Finished layouts on disk, one JSON file per key (a hash of source, theme and library
 * version): a rebuild, a second `build` or a `serve` edit lays out only changed diagrams,
 * and never starts a browser for the others. Unreadable entries count as misses.
 */
export class DiagramDiskCache {
  constructor(readonly folder: string) {}

  async get(key: string): Promise<CachedDiagram | undefined> {
    try {
      const entry = JSON.parse(await readFile(this.#file(key), 'utf8')) as Partial<CachedDiagram>;
      return typeof entry.svg === 'string' && typeof entry.title === 'string' ? { svg: entry.svg, title: entry.title } : undefined;
    } catch {
      return undefined;
    }
  }

  async set(key: string, entry: CachedDiagram): Promise<void> {
    await mkdir(this.folder, { recursive: true });
    await writeFileAtomic(this.#file(key), JSON.stringify(entry));
  }

  #file(key: string): string {
    return join(this.folder, `${key}.json`);
  }
}
