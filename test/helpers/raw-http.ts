import { connect, type Socket } from 'node:net';

/** What came back on one socket, however it ended. */
export interface RawResponse {
  status: number;
  head: string;
  body: Buffer;
  /** Every status line seen, for pipelined requests. */
  statuses: number[];
}

const loopback = '127.0.0.1';

/**
 * Writes bytes exactly as given (a browser or `fetch` would normalise the path and refuse bad
 * headers) and collects everything until the server closes the socket. Bounded: a socket still
 * open after `timeoutMs` rejects, so a hung server fails the test instead of hanging it.
 */
export function rawExchange(port: number, bytes: string | Buffer, timeoutMs = 15_000): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = connect(port, loopback, () => socket.write(bytes));
    const chunks: Buffer[] = [];
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no end of response within ${timeoutMs} ms`));
    }, timeoutMs);
    socket.on('data', (chunk) => chunks.push(chunk));
    socket.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    socket.on('close', () => {
      clearTimeout(timer);
      resolve(parseResponse(Buffer.concat(chunks)));
    });
  });
}

export function parseResponse(data: Buffer): RawResponse {
  const end = data.indexOf('\r\n\r\n');
  const head = data.subarray(0, end === -1 ? data.length : end).toString('latin1');
  const statuses = [...data.toString('latin1').matchAll(/^HTTP\/1\.[01] (\d{3}) /gm)].map((match) => Number(match[1]));
  return { status: Number(head.split(' ')[1]), head, body: end === -1 ? Buffer.alloc(0) : data.subarray(end + 4), statuses };
}

/** A well-formed request for `path` that asks the server to close the connection afterwards. */
export function requestBytes(port: number, path: string, method = 'GET', headers: Record<string, string> = {}): string {
  const lines = Object.entries({ Host: `${loopback}:${port}`, Connection: 'close', ...headers }).map(([name, value]) => `${name}: ${value}`);
  return `${method} ${path} HTTP/1.1\r\n${lines.join('\r\n')}\r\n\r\n`;
}

export function contentLength(head: string): number | undefined {
  const match = /^content-length: *(\d+)/im.exec(head);
  return match ? Number(match[1]) : undefined;
}

export interface StreamEvent {
  type: string;
  data: Record<string, unknown>;
}

/** One live-reload client on a raw socket: the events it received, and a way to vanish. */
export class EventStreamClient {
  readonly events: StreamEvent[] = [];
  readonly socket: Socket;
  /** Resolves once the response headers and the first `retry:` line have arrived. */
  readonly connected: Promise<void>;
  readonly closed: Promise<void>;
  private received = '';
  private cursor = -1;
  private waiters: (() => void)[] = [];

  constructor(port: number, path = '/__deckmark/events') {
    this.socket = connect(port, loopback, () => this.socket.write(requestBytes(port, path, 'GET', { Connection: 'keep-alive', Accept: 'text/event-stream' })));
    this.socket.setEncoding('utf8');
    this.closed = new Promise((resolve) => this.socket.once('close', () => resolve()));
    this.connected = this.until(() => /^retry: \d+$/m.test(this.received), 'the stream to open');
    // Clients that are destroyed before they connect must not leave an unhandled rejection.
    this.connected.catch(() => undefined);
    this.socket.on('data', (chunk: string) => {
      this.received += chunk;
      this.parseEvents();
      for (const wake of this.waiters.splice(0)) wake();
    });
    // A destroyed socket is how these clients leave; its errors are expected and not the server's.
    this.socket.on('error', () => undefined);
  }

  /** Resolves when `condition` holds; rejects after `timeoutMs` or when the stream closes first. */
  until(condition: () => boolean, what: string, timeoutMs = 20_000): Promise<void> {
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`timed out waiting for ${what}`)), timeoutMs);
      const check = () => {
        if (condition()) {
          clearTimeout(timer);
          resolve();
        } else if (this.socket.destroyed) {
          clearTimeout(timer);
          reject(new Error(`stream closed while waiting for ${what}`));
        } else {
          this.waiters.push(check);
        }
      };
      this.socket.once('close', check);
      check();
    });
  }

  /** Drops the connection without a goodbye, as a closed laptop lid or a killed tab does. */
  destroy(): void {
    this.socket.destroy();
  }

  /** Event blocks end with a blank line; the body starts after the response head. */
  private parseEvents(): void {
    if (this.cursor === -1) {
      const head = this.received.indexOf('\r\n\r\n');
      if (head === -1) return;
      this.cursor = head + 4;
    }
    for (let end = this.received.indexOf('\n\n', this.cursor); end !== -1; end = this.received.indexOf('\n\n', this.cursor)) {
      const block = this.received.slice(this.cursor, end);
      this.cursor = end + 2;
      const type = /^event: (.*)$/m.exec(block)?.[1];
      const data = /^data: (.*)$/m.exec(block)?.[1];
      if (type && data) this.events.push({ type, data: JSON.parse(data) });
    }
  }
}

/** Polls `probe` until it returns true, for at most `timeoutMs`; false if it never did. */
export async function eventually(probe: () => Promise<boolean> | boolean, timeoutMs = 10_000, everyMs = 25): Promise<boolean> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return true;
    await new Promise((resolve) => setTimeout(resolve, everyMs));
  }
  return probe();
}
