import { readdirSync, readFileSync, readlinkSync, rmSync, writeFileSync } from 'node:fs';
import { connect } from 'node:net';
import { join } from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { contentLength, EventStreamClient, eventually, parseResponse, type RawResponse, rawExchange, requestBytes } from '../helpers/raw-http.js';
import { type ServedWorkspace, serveFixture } from '../helpers/serve.js';

const secret = 'TOP-SECRET-OUTSIDE-CONTENT';

/** What a crowd of visitors asks for: the deck, its assets, mistakes and attacks, each with the one right answer. */
const mix: { path: string; method?: string; status: number; file?: string }[] = [
  { path: '/talk/', status: 200 },
  { path: '/talk/assets/reveal.js', status: 200, file: 'assets/reveal.js' },
  { path: '/talk/assets/theme.css', status: 200, file: 'assets/theme.css' },
  { path: '/talk/assets/fonts/inter-latin-400-normal.woff2', status: 200, file: 'assets/fonts/inter-latin-400-normal.woff2' },
  { path: '/talk/images/dot.svg', status: 200, file: 'images/dot.svg' },
  { path: '/talk/assets/reveal.js', method: 'HEAD', status: 200 },
  { path: '/__deckmark/live.js', status: 200 },
  { path: '/', status: 302 },
  { path: '/talk', status: 302 },
  { path: '/talk/missing.png', status: 404 },
  { path: '/nothing/here', status: 404 },
  { path: '/talk/assets/', status: 404 },
  { path: '/talk/../../secret.txt', status: 403 },
  { path: '/../secret.txt', status: 403 },
  { path: '/talk/%2e%2e/%2e%2e/secret.txt', status: 403 },
  { path: '/talk/..%2f..%2fsecret.txt', status: 403 },
  { path: '/talk/%5c..%5c..%5csecret.txt', status: 403 },
  { path: '/talk/index.html%00.png', status: 403 },
  { path: '/talk/%zz', status: 400 },
  { path: '/talk/.%2e/.%2e/secret.txt', status: 403 },
  { path: '/talk//..//..//secret.txt', status: 403 },
  { path: '/talk/assets/../../../../../../etc/passwd', status: 403 },
  // Decoded once: `%252e` stays the literal name `%2e`, which does not exist.
  { path: '/talk/%252e%252e/%252e%252e/secret.txt', status: 404 },
  // Overlong UTF-8 for `.`: not valid UTF-8, so not decodable.
  { path: '/talk/%c0%ae%c0%ae/%c0%ae%c0%ae/secret.txt', status: 400 },
  { path: '//secret.txt', status: 404 },
  { path: '/talk/', method: 'POST', status: 405 },
];

/** Clients may end their own sockets; only the server's sockets count here. */
async function settled(served: ServedWorkspace): Promise<{ sockets: number; liveStreams: number }> {
  await eventually(async () => {
    const { sockets, liveStreams } = await served.server.connections();
    return sockets === 0 && liveStreams === 0;
  });
  return served.server.connections();
}

async function expectStillServing(served: ServedWorkspace): Promise<void> {
  const page = await rawExchange(served.server.port, requestBytes(served.server.port, '/talk/'));
  expect(page.status).toBe(200);
  expect(page.body.toString('utf8')).toContain('<h2 id="two">Two</h2>');
}

/** The expected status, a body as long as announced, and nothing from outside the deck. */
function expectAnswer(response: RawResponse, request: (typeof mix)[number], cwd: string): void {
  expect(response.status, `${request.method ?? 'GET'} ${request.path}`).toBe(request.status);
  expect(response.body.toString('latin1')).not.toContain(secret);
  if (request.method === 'HEAD') expect(response.body.length).toBe(0);
  else expect(response.body.length, request.path).toBe(contentLength(response.head));
  if (request.file) expect(response.body.equals(readFileSync(join(cwd, 'dist', 'talk', request.file))), request.path).toBe(true);
}

/** Node exposes `gc` to code compiled after the flag is set: a fresh context is such code. */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  (runInNewContext('gc') as () => void)();
}

describe('deckmark serve under load', () => {
  let served: ServedWorkspace;
  let port: number;

  beforeAll(async () => {
    served = await serveFixture('serve/live', ['talk.md']);
    port = served.server.port;
    writeFileSync(join(served.cwd, 'secret.txt'), secret);
  });
  afterAll(() => served?.server.close());
  afterEach(async () => {
    expect(await settled(served)).toEqual({ sockets: 0, liveStreams: 0 });
    await expectStillServing(served);
    expect(served.err).toEqual([]);
  });

  it('answers 500 concurrent requests, each with the right status and complete body, without a socket error', async () => {
    const requests = Array.from({ length: 500 }, (_, index) => mix[index % mix.length]!);
    const responses = await Promise.all(requests.map((request) => rawExchange(port, requestBytes(port, request.path, request.method))));
    responses.forEach((response, index) => {
      expectAnswer(response, requests[index]!, served.cwd);
    });
  });

  it('tells 50 live-reload clients about an edit, then forgets them when they vanish mid-stream', async () => {
    const clients = Array.from({ length: 50 }, () => new EventStreamClient(port));
    await Promise.all(clients.map((client) => client.connected));
    expect(await eventually(async () => (await served.server.connections()).liveStreams === 50)).toBe(true);

    const deckFile = join(served.cwd, 'talk.md');
    const before = served.server.decks[0]!.build;
    writeFileSync(deckFile, readFileSync(deckFile, 'utf8').replace('Second slide', 'Second slide, edited under load'));
    const isRebuild = (event: { type: string; data: Record<string, unknown> }) =>
      event.type === 'built' && event.data.replay === undefined && (event.data.build as number) > before;
    await Promise.all(clients.map((client) => client.until(() => client.events.some(isRebuild), 'the rebuild event')));
    for (const client of clients) {
      // One save is one rebuild; a watcher that splits the write in two may announce two.
      const rebuilds = client.events.filter(isRebuild);
      expect(rebuilds.length).toBeGreaterThanOrEqual(1);
      expect(rebuilds.every(({ data }) => data.deck === 'talk' && data.reload === false)).toBe(true);
    }
    const page = await rawExchange(port, requestBytes(port, '/talk/'));
    expect(page.body.toString('utf8')).toContain('Second slide, edited under load');

    for (const client of clients) client.destroy();
    // afterEach: the hub and the server drop to 0 connections and the deck is still served.
  });

  it('keeps telling the others when half the clients vanish while a rebuild is announced', async () => {
    const clients = Array.from({ length: 30 }, () => new EventStreamClient(port));
    await Promise.all(clients.map((client) => client.connected));
    const deckFile = join(served.cwd, 'talk.md');
    const before = served.server.decks[0]!.build;
    writeFileSync(deckFile, readFileSync(deckFile, 'utf8').replace('First slide', 'First slide, edited again'));
    const [leaving, staying] = [clients.slice(0, 15), clients.slice(15)];
    for (const client of leaving) client.destroy();
    await Promise.all(
      staying.map((client) =>
        client.until(() => client.events.some((event) => event.type === 'built' && (event.data.build as number) > before), 'the rebuild event'),
      ),
    );
    for (const client of staying) client.destroy();
  });

  it('keeps memory bounded over 20 rounds of 50 live-reload clients and 200 requests', async () => {
    const round = async () => {
      const clients = Array.from({ length: 50 }, () => new EventStreamClient(port));
      const requests = Array.from({ length: 200 }, (_, index) => mix[index % mix.length]!);
      const responses = Promise.all(requests.map((request) => rawExchange(port, requestBytes(port, request.path, request.method))));
      await Promise.all(clients.map((client) => client.connected));
      for (const client of clients) client.destroy();
      (await responses).forEach((response, index) => {
        expect(response.status).toBe(requests[index]!.status);
      });
    };
    // One round first, so lazily created caches and pools are part of the baseline.
    await round();
    await settled(served);
    collectGarbage();
    const before = process.memoryUsage();
    for (let index = 0; index < 20; index++) await round();
    expect(await settled(served)).toEqual({ sockets: 0, liveStreams: 0 });
    collectGarbage();
    const after = process.memoryUsage();
    // Generous bounds: a leak of one response object per request (4,000 of them) or one stream
    // per client (1,000) would pass neither, but allocator noise always does.
    expect(after.heapUsed - before.heapUsed).toBeLessThan(50 * 1024 * 1024);
    expect(after.rss - before.rss).toBeLessThan(200 * 1024 * 1024);
  });

  it('closes the file when a client hangs up in the middle of a large asset', async () => {
    // Larger than every socket buffer between us and the server, so the download is really cut short.
    const big = join(served.cwd, 'dist', 'talk', 'assets', 'big.mp4');
    writeFileSync(big, Buffer.alloc(32 * 1024 * 1024, 7));
    const hangUpAfterFirstChunk = (path: string) =>
      new Promise<number>((resolve, reject) => {
        const socket = connect(port, '127.0.0.1', () => socket.write(requestBytes(port, path, 'GET', { Connection: 'keep-alive' })));
        socket.once('data', (chunk) => {
          socket.destroy();
          resolve(parseResponse(chunk).status);
        });
        socket.once('error', reject);
      });
    const statuses = await Promise.all(
      Array.from({ length: 20 }, (_, index) => hangUpAfterFirstChunk(index % 2 ? '/talk/assets/big.mp4' : '/talk/assets/reveal.js')),
    );
    expect(statuses).toEqual(Array(20).fill(200));
    expect(await settled(served)).toEqual({ sockets: 0, liveStreams: 0 });
    // Each cut-short download used to keep its file open for good: look for the file among our descriptors.
    const openOnBig = () =>
      readdirSync('/proc/self/fd').filter((fd) => {
        try {
          return readlinkSync(`/proc/self/fd/${fd}`) === big;
        } catch {
          return false;
        }
      }).length;
    if (process.platform === 'linux') expect(await eventually(() => openOnBig() === 0)).toBe(true);
    rmSync(big);
  });
});

describe('deckmark serve given oversized and malformed requests', () => {
  let served: ServedWorkspace;
  let port: number;
  const host = () => `Host: 127.0.0.1:${port}\r\n`;

  beforeAll(async () => {
    // Short timeouts, so a stalled client is cut off within the test's time.
    served = await serveFixture('serve/live', ['talk.md'], {
      watch: false,
      limits: { headersTimeoutMs: 1_000, requestTimeoutMs: 2_000, checkIntervalMs: 200 },
    });
    port = served.server.port;
  });
  afterAll(() => served?.server.close());
  afterEach(async () => {
    await expectStillServing(served);
    expect(await settled(served)).toEqual({ sockets: 0, liveStreams: 0 });
    expect(served.err).toEqual([]);
  });

  it.each([
    ['a 100 KB URL', 431, () => `GET /talk/${'a'.repeat(100_000)} HTTP/1.1\r\n${host()}Connection: close\r\n\r\n`],
    ['a 1 MB header', 431, () => `GET /talk/ HTTP/1.1\r\n${host()}X-Big: ${'b'.repeat(1024 * 1024)}\r\nConnection: close\r\n\r\n`],
    ['3,000 headers (78 KB)', 431, () => `GET /talk/ HTTP/1.1\r\n${host()}${'X-Abcdefghij: 0123456789\r\n'.repeat(3_000)}Connection: close\r\n\r\n`],
    ['a request line that is not HTTP', 400, () => 'HELLO THERE, SERVER\r\n\r\n'],
    ['binary noise', 400, () => Buffer.from(Array.from({ length: 4096 }, (_, index) => (index * 131 + 7) % 256))],
    ['a control character in a header value', 400, () => `GET /talk/ HTTP/1.1\r\n${host()}X-Bad: a\x01b\r\nConnection: close\r\n\r\n`],
    ['a space in a header name', 400, () => `GET /talk/ HTTP/1.1\r\n${host()}X Bad: ab\r\nConnection: close\r\n\r\n`],
    ['a NUL byte in the request line', 400, () => `GET /talk/\0 HTTP/1.1\r\n${host()}Connection: close\r\n\r\n`],
    ['Transfer-Encoding garbage', 400, () => `GET /talk/ HTTP/1.1\r\n${host()}Transfer-Encoding: garbage\r\nConnection: close\r\n\r\n`],
    ['a broken chunked body', 400, () => `GET /talk/ HTTP/1.1\r\n${host()}Transfer-Encoding: chunked\r\nConnection: close\r\n\r\nzz\r\nhello\r\n0\r\n\r\n`],
    [
      'Transfer-Encoding with Content-Length (request smuggling)',
      400,
      () => `GET /talk/ HTTP/1.1\r\n${host()}Transfer-Encoding: chunked\r\nContent-Length: 3\r\nConnection: close\r\n\r\n0\r\n\r\n`,
    ],
    ['an absolute URL to another host', 403, () => `GET http://evil.example/talk/ HTTP/1.1\r\n${host()}Connection: close\r\n\r\n`],
    ['a body on GET', 200, () => `GET /talk/ HTTP/1.1\r\n${host()}Content-Length: 5\r\nConnection: close\r\n\r\nhello`],
  ])('answers %s with %i and keeps serving', async (_name, status, bytes) => {
    const response = await rawExchange(port, bytes());
    expect(response.status).toBe(status);
  });

  it('answers 100 pipelined requests on one connection, in order', async () => {
    const keepAlive = requestBytes(port, '/talk/assets/theme.css', 'GET', { Connection: 'keep-alive' });
    const response = await rawExchange(port, `${keepAlive.repeat(99)}${requestBytes(port, '/talk/missing.png')}`);
    expect(response.statuses).toEqual([...Array(99).fill(200), 404]);
  });

  it('cuts off clients that stall in the request line or send nothing, while serving everyone else', async () => {
    const stalled = rawExchange(port, 'GET /talk/ HT');
    const silent = rawExchange(port, '');
    // Both sockets are still open while another client is served at once.
    const other = await rawExchange(port, requestBytes(port, '/talk/assets/theme.css'));
    expect(other.status).toBe(200);
    // Then the headers timeout closes them; `rawExchange` would reject if it never did.
    expect((await stalled).status).toBe(408);
    expect((await silent).body.length).toBe(0);
  });

  it('cuts off a request whose body never arrives, but leaves live-reload streams open (they are responses)', async () => {
    const stream = new EventStreamClient(port);
    await stream.connected;
    // Headers complete, body promised and never sent: only the request timeout can end this.
    const slow = await rawExchange(port, `GET /talk/ HTTP/1.1\r\n${host()}Content-Length: 10\r\n\r\nabc`);
    expect(slow.statuses).toEqual([200, 408]);
    // By now the request timeout has passed for the stream too, which opened first.
    expect(stream.socket.destroyed).toBe(false);
    expect((await served.server.connections()).liveStreams).toBe(1);
    stream.destroy();
  });
});
