import { createHash } from 'node:crypto';
import { readdir, readFile } from 'node:fs/promises';
import { basename, dirname, join, resolve, sep } from 'node:path';
import { performance } from 'node:perf_hooks';
import { formatError, formatWarning } from '../format.js';
import { localFilePath } from '../html/url-attributes.js';
import { deckName } from '../outputs.js';
import { type BuildSettings, type BuiltDeck, buildDeck } from '../pipeline.js';
import { MarkdownCache } from '../render/cache.js';
import type { EventHub } from './events.js';

export interface ServeLog {
  out(line: string): void;
  err(line: string): void;
}

/** One deck while it is served: its last good build and, after a bad edit, the error. */
export interface LiveDeck {
  file: string;
  name: string;
  /** Absolute path of the Markdown file. */
  source: string;
  /** Counts build attempts; `goodBuild` is the attempt whose output is served. */
  build: number;
  goodBuild: number;
  good?: BuiltDeck;
  error?: string;
  /** Version of the built stylesheets, so pages refresh CSS only when it changed. */
  styles: string;
  /** Absolute paths whose change means a rebuild: the deck and the files it references. */
  inputs: Set<string>;
}

/**
 * Builds the served decks and rebuilds them when their sources change. Builds run one at a
 * time; an error is reported (terminal and browser) and never stops serving.
 */
export class LiveDecks {
  readonly decks: LiveDeck[];
  private queue: Promise<void> = Promise.resolve();

  private readonly settings: BuildSettings;

  constructor(
    files: string[],
    settings: BuildSettings,
    private readonly hub: EventHub,
    private readonly log: ServeLog,
  ) {
    this.settings = { ...settings, markdownCache: new MarkdownCache() };
    this.decks = files.map((file) => {
      const source = resolve(settings.cwd, file);
      return { file, name: deckName(file), source, build: 0, goodBuild: 0, styles: '', inputs: new Set([source]) };
    });
  }

  find(name: string): LiveDeck | undefined {
    return this.decks.find((deck) => deck.name === name);
  }

  /** Folders whose direct children matter to some deck. */
  folders(): string[] {
    return [...new Set(this.decks.flatMap((deck) => [...deck.inputs].map((input) => dirname(input))))];
  }

  buildAll(): Promise<void> {
    return this.enqueue(this.decks.map((deck) => ({ deck, reload: false })));
  }

  /**
   * Decides who rebuilds after a burst of changes. A template change touches every deck; a
   * deck whose last build failed also rebuilds on any change in its folders, because the
   * file it was missing may just have appeared.
   */
  changed(paths: Set<string>, templateFolders: string[]): Promise<void> {
    const inTemplates = (path: string) => templateFolders.some((folder) => path.startsWith(folder + sep));
    const jobs = this.decks.flatMap((deck) => {
      const relevant = [...paths].filter(
        (path) => deck.inputs.has(path) || inTemplates(path) || (deck.error !== undefined && this.folders().includes(dirname(path))),
      );
      return relevant.length === 0 ? [] : [{ deck, reload: relevant.some((path) => needsReload(path, deck)) }];
    });
    return this.enqueue(jobs);
  }

  private enqueue(jobs: { deck: LiveDeck; reload: boolean }[]): Promise<void> {
    this.queue = this.queue.then(async () => {
      for (const job of jobs) await this.rebuild(job.deck, job.reload);
    });
    return this.queue;
  }

  private async rebuild(deck: LiveDeck, reload: boolean): Promise<void> {
    const started = performance.now();
    deck.build++;
    try {
      const built = await buildDeck(deck.file, this.settings);
      for (const warning of built.warnings) this.log.err(formatWarning(warning));
      deck.good = built;
      deck.goodBuild = deck.build;
      deck.error = undefined;
      deck.inputs = new Set([deck.source, ...assetPaths(built, dirname(deck.source))]);
      deck.styles = await stylesVersion(built.outputs.folder);
      const slides = built.rendered.slides.length;
      this.log.out(`${deck.file} → ${deck.name}/ · ${slides} slide${slides === 1 ? '' : 's'} · ${Math.round(performance.now() - started)} ms`);
      this.hub.publish({ type: 'built', deck: deck.name, build: deck.build, reload, styles: deck.styles });
    } catch (error) {
      deck.error = formatError(error, deck.file);
      this.log.err(`deckmark: ${deck.error}`);
      this.hub.publish({ type: 'failed', deck: deck.name, build: deck.build, message: deck.error });
    }
  }
}

/** Content edits swap slides in place; anything the page loads besides its HTML needs a reload. */
function needsReload(path: string, deck: LiveDeck): boolean {
  if (path === deck.source || path.endsWith('.css')) return false;
  return !(path.endsWith('.hbs') && basename(path) !== 'deck.hbs');
}

function assetPaths(built: BuiltDeck, folder: string): string[] {
  return built.rendered.slides.flatMap((slide) =>
    slide.assets.flatMap(({ url }) => {
      const path = localFilePath(url);
      return path === undefined ? [] : [resolve(folder, path)];
    }),
  );
}

async function stylesVersion(folder: string): Promise<string> {
  const assets = join(folder, 'assets');
  const names = (await readdir(assets).catch(() => [] as string[])).filter((name) => name.endsWith('.css')).sort();
  const hash = createHash('sha1');
  for (const name of names) hash.update(name).update(await readFile(join(assets, name)));
  return hash.digest('hex').slice(0, 12);
}
