import type { FSWatcher } from 'chokidar';
import { debug } from '../log.js';

export interface SourceWatcherOptions {
  /** Folders watched for their direct children only: a deck's folder, its images' folders. */
  folders: string[];
  /** Folders watched with everything inside: template folders. */
  trees: string[];
  ignore(path: string): boolean;
  /** Quiet time after the last event before `onChange` runs: one rebuild per burst of saves. */
  debounceMs: number;
  onChange(paths: Set<string>): void;
}

export interface SourceWatcher {
  /** Starts watching more folders (a deck began using images from a new folder). */
  addFolders(folders: string[]): void;
  close(): Promise<void>;
}

/**
 * Watches folders, not files. An editor's atomic save writes a temporary file and renames
 * it over the original, and some tools delete and recreate: a watch on the file itself
 * follows the old inode and goes deaf, while a watch on its folder sees the new file arrive.
 * chokidar's `atomic` option folds a quick unlink + add into one change.
 */
export async function watchSources(options: SourceWatcherOptions): Promise<SourceWatcher> {
  const { watch } = await import('chokidar');
  const changed = new Set<string>();
  let timer: NodeJS.Timeout | undefined;
  const onEvent = (event: string, path: string) => {
    debug('watch %s %s', event, path);
    changed.add(path);
    clearTimeout(timer);
    timer = setTimeout(() => {
      const paths = new Set(changed);
      changed.clear();
      options.onChange(paths);
    }, options.debounceMs);
  };
  const common = { ignoreInitial: true, atomic: true, ignored: (path: string) => options.ignore(path) };
  const watchers: FSWatcher[] = [];
  const shallow = watch([...new Set(options.folders)], { ...common, depth: 0 });
  watchers.push(shallow);
  if (options.trees.length > 0) watchers.push(watch([...new Set(options.trees)], common));
  for (const watcher of watchers) {
    watcher.on('all', onEvent);
    watcher.on('error', (error) => debug('watch error %o', error));
  }
  await Promise.all(watchers.map((watcher) => new Promise<void>((resolve) => watcher.once('ready', () => resolve()))));
  const known = new Set(options.folders);
  return {
    addFolders(folders) {
      const fresh = folders.filter((folder) => !known.has(folder));
      for (const folder of fresh) known.add(folder);
      if (fresh.length > 0) shallow.add(fresh);
    },
    async close() {
      clearTimeout(timer);
      await Promise.all(watchers.map((watcher) => watcher.close()));
    },
  };
}
