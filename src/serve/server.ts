import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { basename, join, sep } from 'node:path';
import Handlebars from 'handlebars';
import { onShutdown } from '../lifecycle.js';
import { assertUniqueDeckNames, deckOutputs, handoutFileName, handoutLayouts, pdfFileName } from '../outputs.js';
import { builtInTemplates } from '../paths.js';
import type { BuildSettings } from '../pipeline.js';
import { allowInlineScript } from '../template/page-scripts.js';
import { type LiveDeck, LiveDecks, type ServeLog } from './decks.js';
import { EventHub } from './events.js';
import { allowedHosts, hostForUrl, isAllowedHost, isAllowedOrigin, isWildcardHost, loopbackHost } from './host.js';
import { renderBuildErrorPage, renderIndexPage } from './index-page.js';
import { type ConnectionLimits, serverOptions } from './limits.js';
import { listen } from './listen.js';
import { redirect, safeDecode, send, sendFile } from './respond.js';
import { lookupStatic } from './static.js';
import { type SourceWatcher, watchSources } from './watch.js';

export interface ServeOptions {
  /** Deck files, relative to `settings.cwd`. */
  decks: string[];
  settings: BuildSettings;
  /** Default 127.0.0.1: nothing is reachable from another machine unless asked. */
  host?: string;
  /** Default 8000; 0 picks a free port. */
  port?: number;
  /** `/` lists the decks (a folder was served) instead of redirecting to the only one. */
  index?: boolean;
  /** Default true; off for a server that only shows what is built. */
  watch?: boolean;
  /** Folder name shown on the index page. */
  label?: string;
  log: ServeLog;
  /** Request timeouts; the defaults suit everyone, tests shorten them. */
  limits?: Partial<ConnectionLimits>;
}

export interface RunningServer {
  url: string;
  port: number;
  host: string;
  decks: LiveDeck[];
  close(): Promise<void>;
  /** Settles when the server has stopped, whoever stopped it. */
  closed: Promise<void>;
  /** Open sockets and, among them, live-reload streams: both fall to 0 when clients leave. */
  connections(): Promise<{ sockets: number; liveStreams: number }>;
}

const livePath = '/__deckmark/live.js';
const eventsPath = '/__deckmark/events';
// chokidar's `atomic` already folds an editor's unlink + add into one change; this window only
// gathers files saved together (a formatter, a checkout). Longer costs every save its length.
const debounceMs = 30;
const plainText = 'text/plain; charset=utf-8';

/**
 * `deckmark serve` as a function: builds the decks, serves only their output, rebuilds on
 * change and tells open pages over Server-Sent Events on the same port.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  assertUniqueDeckNames(options.decks);
  const server = new DeckServer(options, await readFile(join(builtInTemplates, 'client', 'live.js'), 'utf8'));
  await server.start();
  return server;
}

/**
 * The dev server's parts, each named: the decks it builds (`live`), the live-reload stream
 * (`hub`), the HTTP server and its router, the source watcher, and one shutdown path.
 */
class DeckServer implements RunningServer {
  url = '';
  port = 0;
  readonly host: string;
  readonly closed: Promise<void>;
  private readonly hub = new EventHub();
  private readonly live: LiveDecks;
  private readonly http: Server;
  private hosts = new Set<string>();
  private watcher?: SourceWatcher;
  private closing?: Promise<void>;
  private removeShutdownHook: () => void = () => undefined;
  private readonly templateFolders: string[];

  constructor(
    private readonly options: ServeOptions,
    /** The live-reload client, inlined into deck pages under their policy. */
    private readonly liveSource: string,
  ) {
    this.host = options.host ?? loopbackHost;
    this.live = new LiveDecks(options.decks, options.settings, this.hub, options.log);
    this.templateFolders = [options.settings.templateDir, builtInTemplates].filter((folder): folder is string => folder !== undefined);
    this.http = createServer(serverOptions(options.limits), (request, response) => {
      this.route(request, response).catch((error) => {
        options.log.err(`deckmark: ${request.url}: ${(error as Error).message}`);
        if (!response.headersSent) send(response, 500, plainText, 'internal error\n');
        else response.destroy();
      });
    });
    this.closed = new Promise<void>((resolve) => this.http.once('close', () => resolve()));
  }

  get decks(): LiveDeck[] {
    return this.live.decks;
  }

  async start(): Promise<void> {
    await this.live.buildAll();
    this.port = await listen(this.http, this.host, this.options.port ?? 8000);
    this.hosts = allowedHosts(this.host, this.port);
    this.url = `http://${isWildcardHost(this.host) ? 'localhost' : hostForUrl(this.host)}:${this.port}/`;
    if (this.options.watch !== false) this.watcher = await this.watch();
    this.removeShutdownHook = onShutdown(() => this.close());
  }

  close(): Promise<void> {
    this.closing ??= (async () => {
      this.removeShutdownHook();
      this.hub.close();
      await this.watcher?.close();
      await new Promise<void>((resolve) => {
        this.http.close(() => resolve());
        this.http.closeAllConnections();
      });
    })();
    return this.closing;
  }

  connections(): Promise<{ sockets: number; liveStreams: number }> {
    return new Promise((resolve, reject) =>
      this.http.getConnections((error, sockets) => (error ? reject(error) : resolve({ sockets, liveStreams: this.hub.connections }))),
    );
  }

  private watch(): Promise<SourceWatcher> {
    const { outDir } = this.options.settings;
    const watcher = watchSources({
      folders: this.live.folders(),
      trees: this.templateFolders,
      ignore: (path) => path === outDir || path.startsWith(outDir + sep) || /(^|[/\\])(node_modules|\.git)([/\\]|$)/.test(path),
      debounceMs,
      onChange: (paths) => {
        void this.live.changed(paths, this.templateFolders).then(async () => (await watcher).addFolders(this.live.folders()));
      },
    });
    return watcher;
  }

  private async route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // DNS rebinding: a foreign page that resolves its own name to 127.0.0.1 still sends its name.
    if (!isAllowedHost(request.headers.host, this.hosts)) return send(response, 403, plainText, 'forbidden: unknown Host header\n');
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, plainText, 'method not allowed\n');
    // The raw path, never a normalised URL: what was sent is what gets checked.
    const rawPath = (request.url ?? '/').split('?')[0]!;
    if (rawPath === eventsPath) {
      if (!isAllowedOrigin(request.headers.origin, this.hosts)) return send(response, 403, plainText, 'forbidden: foreign Origin\n');
      return this.hub.connect(request, response);
    }
    if (rawPath === livePath)
      return send(response, 200, 'text/javascript; charset=utf-8', await readFile(join(builtInTemplates, 'client', 'live.js')), request);
    if (rawPath === '/') {
      if (!this.options.index && this.decks.length === 1) return redirect(response, `/${encodeURIComponent(this.decks[0]!.name)}/`);
      return send(response, 200, 'text/html; charset=utf-8', this.indexPage(), request);
    }
    const [, first = '', ...rest] = rawPath.split('/');
    const deck = this.live.find(safeDecode(first));
    if (deck) {
      if (rest.length === 0) return redirect(response, `/${encodeURIComponent(deck.name)}/`);
      return this.serveDeckFile(deck, `/${rest.join('/')}`, request, response);
    }
    const download = this.decks.find((candidate) => downloadNames(candidate.name).includes(safeDecode(first)));
    if (download && rest.length === 0) return sendFile(this.options.settings.outDir, rawPath, request, response);
    const refused = await lookupStatic(this.options.settings.outDir, rawPath);
    return send(response, refused.kind === 'refused' ? refused.status : 404, plainText, 'not found\n');
  }

  private async serveDeckFile(deck: LiveDeck, path: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (path === '/' || path === '/index.html') {
      if (!deck.good)
        return send(response, 503, 'text/html; charset=utf-8', renderBuildErrorPage(deck.name, deck.error ?? 'building…', liveScript(deck)), request);
      const html = await readFile(deck.good.page, 'utf8');
      return send(response, 200, 'text/html; charset=utf-8', withLiveScript(html, deck, this.liveSource), request);
    }
    return sendFile(deckOutputs(this.options.settings.outDir, deck.file).folder, path, request, response);
  }

  private indexPage(): string {
    const { outDir } = this.options.settings;
    // `name` when an export wrote it to the output folder, else nothing to link.
    const existing = (name: string) => (existsSync(join(outDir, name)) ? name : undefined);
    return renderIndexPage(
      this.options.label ?? basename(this.options.settings.cwd),
      this.decks.map((deck) => ({
        name: deck.name,
        file: deck.file,
        title: deck.good?.rendered.title,
        slides: deck.good?.rendered.slides.length,
        error: deck.error,
        pdf: existing(pdfFileName(deck.name)),
        handout: handoutLayouts.map((perPage) => existing(handoutFileName(deck.name, perPage))).find((name) => name !== undefined),
      })),
      `<script src="${livePath}"></script>`,
    );
  }
}

/** The exports of a deck that serve hands out from the output folder: its PDF and handouts. */
function downloadNames(name: string): string[] {
  return [pdfFileName(name), ...handoutLayouts.map((perPage) => handoutFileName(name, perPage))];
}

function liveAttributes(deck: LiveDeck): string {
  const escapeHtml = Handlebars.escapeExpression;
  return `data-deckmark-live data-deck="${escapeHtml(deck.name)}" data-styles="${escapeHtml(deck.styles)}" data-build="${deck.goodBuild}"`;
}

/** For deckmark's own pages (the index, a failed build), which carry no policy. */
function liveScript(deck: LiveDeck): string {
  return `<script src="${livePath}" ${liveAttributes(deck)}></script>`;
}

/** A deck page runs only scripts its policy lists: live reload goes in inline, with its hash. */
function withLiveScript(html: string, deck: LiveDeck, source: string): string {
  return allowInlineScript(injectBefore(html, '</body>', `<script ${liveAttributes(deck)}>${source}</script>`), source);
}

function injectBefore(html: string, marker: string, addition: string): string {
  const at = html.lastIndexOf(marker);
  return at === -1 ? html + addition : html.slice(0, at) + addition + html.slice(at);
}
