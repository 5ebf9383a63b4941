import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { basename, join, sep } from 'node:path';
import Handlebars from 'handlebars';
import { fail } from '../errors.js';
import { onShutdown } from '../lifecycle.js';
import { builtInTemplates } from '../paths.js';
import type { BuildSettings } from '../pipeline.js';
import { type LiveDeck, LiveDecks, type ServeLog } from './decks.js';
import { EventHub } from './events.js';
import { allowedHosts, hostForUrl, isAllowedHost, isAllowedOrigin, isWildcardHost, loopbackHost } from './host.js';
import { renderBuildErrorPage, renderIndexPage } from './index-page.js';
import { type ConnectionLimits, serverOptions } from './limits.js';
import { listen } from './listen.js';
import { redirect, safeDecode, send, sendFile } from './respond.js';
import { lookupStatic } from './static.js';
import { watchSources } from './watch.js';

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

/**
 * `deckmark serve` as a function: builds the decks, serves only their output, rebuilds on
 * change and tells open pages over Server-Sent Events on the same port.
 */
export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const host = options.host ?? loopbackHost;
  const hub = new EventHub();
  const live = new LiveDecks(options.decks, options.settings, hub, options.log);
  const names = live.decks.map((deck) => deck.name);
  const duplicate = names.find((name, index) => names.indexOf(name) !== index);
  if (duplicate) fail(`two decks would both be served as "${duplicate}/"; serve them separately or rename one`, 'usage');
  await live.buildAll();

  let hosts = new Set<string>();
  const server = createServer(serverOptions(options.limits), (request, response) => {
    route(request, response).catch((error) => {
      options.log.err(`deckmark: ${request.url}: ${(error as Error).message}`);
      if (!response.headersSent) send(response, 500, 'text/plain; charset=utf-8', 'internal error\n');
      else response.destroy();
    });
  });
  const port = await listen(server, host, options.port ?? 8000);
  hosts = allowedHosts(host, port);

  const templateFolders = [options.settings.templateDir, builtInTemplates].filter((folder): folder is string => folder !== undefined);
  const watcher =
    options.watch === false
      ? undefined
      : await watchSources({
          folders: live.folders(),
          trees: templateFolders,
          ignore: (path) =>
            path === options.settings.outDir || path.startsWith(options.settings.outDir + sep) || /(^|[/\\])(node_modules|\.git)([/\\]|$)/.test(path),
          debounceMs,
          onChange: (paths) => {
            void live.changed(paths, templateFolders).then(() => watcher?.addFolders(live.folders()));
          },
        });

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    // DNS rebinding: a foreign page that resolves its own name to 127.0.0.1 still sends its name.
    if (!isAllowedHost(request.headers.host, hosts)) return send(response, 403, 'text/plain; charset=utf-8', 'forbidden: unknown Host header\n');
    if (request.method !== 'GET' && request.method !== 'HEAD') return send(response, 405, 'text/plain; charset=utf-8', 'method not allowed\n');
    // The raw path, never a normalised URL: what was sent is what gets checked.
    const rawPath = (request.url ?? '/').split('?')[0]!;
    if (rawPath === eventsPath) {
      if (!isAllowedOrigin(request.headers.origin, hosts)) return send(response, 403, 'text/plain; charset=utf-8', 'forbidden: foreign Origin\n');
      return hub.connect(request, response);
    }
    if (rawPath === livePath)
      return send(response, 200, 'text/javascript; charset=utf-8', await readFile(join(builtInTemplates, 'client', 'live.js')), request);
    if (rawPath === '/') {
      if (!options.index && live.decks.length === 1) return redirect(response, `/${encodeURIComponent(live.decks[0]!.name)}/`);
      return send(response, 200, 'text/html; charset=utf-8', indexPage(), request);
    }
    const [, first = '', ...rest] = rawPath.split('/');
    const deck = live.find(safeDecode(first));
    if (deck) {
      if (rest.length === 0) return redirect(response, `/${encodeURIComponent(deck.name)}/`);
      return serveDeckFile(deck, `/${rest.join('/')}`, request, response);
    }
    const download = live.decks.find((candidate) => [`${candidate.name}.pdf`, `${candidate.name}-handout.pdf`].includes(safeDecode(first)));
    if (download && rest.length === 0) return sendFile(options.settings.outDir, rawPath, request, response);
    const refused = await lookupStatic(options.settings.outDir, rawPath);
    return send(response, refused.kind === 'refused' ? refused.status : 404, 'text/plain; charset=utf-8', 'not found\n');
  }

  async function serveDeckFile(deck: LiveDeck, path: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (path === '/' || path === '/index.html') {
      if (!deck.good)
        return send(response, 503, 'text/html; charset=utf-8', renderBuildErrorPage(deck.name, deck.error ?? 'building…', liveScript(deck)), request);
      const html = await readFile(deck.good.page, 'utf8');
      return send(response, 200, 'text/html; charset=utf-8', injectBefore(html, '</body>', liveScript(deck)), request);
    }
    return sendFile(join(options.settings.outDir, deck.name), path, request, response);
  }

  function indexPage(): string {
    return renderIndexPage(
      options.label ?? basename(options.settings.cwd),
      live.decks.map((deck) => ({
        name: deck.name,
        file: deck.file,
        title: deck.good ? deck.good.rendered.deck.options.title || deck.good.rendered.slides[0]?.title || deck.name : undefined,
        slides: deck.good?.rendered.slides.length,
        error: deck.error,
        pdf: existsSync(join(options.settings.outDir, `${deck.name}.pdf`)) ? `${deck.name}.pdf` : undefined,
        handout: existsSync(join(options.settings.outDir, `${deck.name}-handout.pdf`)) ? `${deck.name}-handout.pdf` : undefined,
      })),
      `<script src="${livePath}"></script>`,
    );
  }

  let resolveClosed!: () => void;
  const closed = new Promise<void>((resolve) => {
    resolveClosed = resolve;
  });
  server.once('close', () => resolveClosed());
  let closing: Promise<void> | undefined;
  const close = () => {
    closing ??= (async () => {
      removeShutdownHook();
      hub.close();
      await watcher?.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    })();
    return closing;
  };
  const removeShutdownHook = onShutdown(close);
  const shown = isWildcardHost(host) ? 'localhost' : hostForUrl(host);
  const connections = () =>
    new Promise<{ sockets: number; liveStreams: number }>((resolve, reject) =>
      server.getConnections((error, sockets) => (error ? reject(error) : resolve({ sockets, liveStreams: hub.connections }))),
    );
  return { url: `http://${shown}:${port}/`, port, host, decks: live.decks, close, closed, connections };
}

function liveScript(deck: LiveDeck): string {
  const escapeHtml = Handlebars.escapeExpression;
  return `<script src="${livePath}" data-deck="${escapeHtml(deck.name)}" data-styles="${escapeHtml(deck.styles)}" data-build="${deck.goodBuild}"></script>`;
}

function injectBefore(html: string, marker: string, addition: string): string {
  const at = html.lastIndexOf(marker);
  return at === -1 ? html + addition : html.slice(0, at) + addition + html.slice(at);
}
