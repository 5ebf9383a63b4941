import type { IncomingMessage, ServerResponse } from 'node:http';

/** What the browser learns about one deck: a good build to show, or an error to overlay. */
export type DeckEvent =
  | { type: 'built'; deck: string; build: number; reload: boolean; styles: string }
  // Not `error`: EventSource already uses that name for a lost connection.
  | { type: 'failed'; deck: string; build: number; message: string };

/**
 * Server-Sent Events on the same port as the deck: one long GET per open page, no second
 * port and no WebSocket library.
 */
export class EventHub {
  private readonly clients = new Set<ServerResponse>();
  private readonly latest = new Map<string, DeckEvent>();
  private readonly heartbeat: NodeJS.Timeout;

  constructor() {
    // Proxies and idle timeouts drop silent connections; a comment line every 20 s keeps them.
    this.heartbeat = setInterval(() => this.write(': ping\n\n'), 20_000);
    this.heartbeat.unref();
  }

  connect(request: IncomingMessage, response: ServerResponse): void {
    response.writeHead(200, {
      'Content-Type': 'text/event-stream; charset=utf-8',
      'Cache-Control': 'no-store',
      Connection: 'keep-alive',
      'X-Content-Type-Options': 'nosniff',
    });
    response.write('retry: 1000\n\n');
    this.clients.add(response);
    request.on('close', () => this.clients.delete(response));
    // A page that loaded just before a rebuild, or while its deck is broken, catches up at
    // once; the build numbers let it skip what it already shows. Marked as a replay so an
    // index page does not reload itself for old news.
    for (const event of this.latest.values()) response.write(format({ ...event, replay: true }));
  }

  publish(event: DeckEvent): void {
    this.latest.set(event.deck, event);
    this.write(format(event));
  }

  get connections(): number {
    return this.clients.size;
  }

  close(): void {
    clearInterval(this.heartbeat);
    for (const client of this.clients) client.end();
    this.clients.clear();
  }

  private write(text: string): void {
    for (const client of this.clients) client.write(text);
  }
}

function format(event: DeckEvent & { replay?: boolean }): string {
  return `event: ${event.type}\ndata: ${JSON.stringify(event)}\n\n`;
}
