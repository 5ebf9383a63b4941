import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { connect } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { settingsFromFlags } from '../../src/cli/build-settings.js';
import { DeckmarkError, ExitCode } from '../../src/errors.js';
import { startServer } from '../../src/serve/server.js';
import { scriptHash } from '../../src/template/page-scripts.js';
import { type ServedWorkspace, serveFixture } from '../helpers/serve.js';
import { makeWorkspace } from '../helpers/workspace.js';

interface RawResponse {
  status: number;
  headers: string;
  body: string;
}

/** Sends bytes exactly as given: a browser or `fetch` would normalise the path first. */
function rawRequest(port: number, path: string, headers: Record<string, string> = {}): Promise<RawResponse> {
  const lines = [`GET ${path} HTTP/1.1`, ...Object.entries({ Host: `127.0.0.1:${port}`, Connection: 'close', ...headers }).map(([k, v]) => `${k}: ${v}`)];
  return new Promise((resolve, reject) => {
    const socket = connect(port, '127.0.0.1', () => socket.write(`${lines.filter((line) => !line.endsWith(': ')).join('\r\n')}\r\n\r\n`));
    const chunks: Buffer[] = [];
    socket.on('data', (chunk) => {
      chunks.push(chunk);
      // The event stream never ends by itself: its headers are all this test needs.
      if (Buffer.concat(chunks).includes('text/event-stream')) socket.destroy();
    });
    socket.on('close', () => {
      const text = Buffer.concat(chunks).toString('utf8');
      const [head = '', ...body] = text.split('\r\n\r\n');
      resolve({ status: Number(head.split(' ')[1]), headers: head, body: body.join('\r\n\r\n') });
    });
    socket.on('error', reject);
  });
}

const secret = 'TOP-SECRET-OUTSIDE-CONTENT';

describe('deckmark serve over raw HTTP', () => {
  let served: ServedWorkspace;
  let port: number;

  beforeAll(async () => {
    served = await serveFixture('serve/live', ['talk.md'], { watch: false });
    port = served.server.port;
    // A file outside the served folder, and links to it planted inside the built deck.
    const outside = makeWorkspace({ 'secret.txt': secret });
    const assets = join(served.cwd, 'dist', 'talk', 'assets');
    symlinkSync(join(outside, 'secret.txt'), join(assets, 'link.txt'));
    symlinkSync(outside, join(assets, 'linked-folder'));
    writeFileSync(join(served.cwd, 'secret.txt'), secret);
    mkdirSync(join(served.cwd, 'dist', 'other'));
    writeFileSync(join(served.cwd, 'dist', 'other', 'index.html'), secret);
  });
  afterAll(() => served?.server.close());

  it('serves the built deck with the live script added, and its assets', async () => {
    const page = await rawRequest(port, '/talk/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<h2 id="three">Three</h2>');
    // Inline, and listed in the page's policy: an external script would be refused.
    const live = /<script data-deckmark-live data-deck="talk"[^>]*>([\s\S]*?)<\/script>/.exec(page.body)![1]!;
    expect(page.body).toContain(`content="script-src ${scriptHash(live)} `);
    expect(page.headers).toMatch(/X-Content-Type-Options: nosniff/i);
    const reveal = await rawRequest(port, '/talk/assets/reveal.js');
    expect(reveal.status).toBe(200);
    expect(reveal.headers).toMatch(/Content-Type: text\/javascript/i);
    expect((await rawRequest(port, '/talk')).headers).toMatch(/Location: \/talk\//i);
    expect((await rawRequest(port, '/')).headers).toMatch(/Location: \/talk\//i);
  });

  it.each([
    ['/../secret.txt'],
    ['/talk/../../secret.txt'],
    ['/talk/%2e%2e/%2e%2e/secret.txt'],
    ['/talk/%2E%2E/%2E%2E/secret.txt'],
    ['/talk/..%2f..%2fsecret.txt'],
    ['/talk/assets%2f..%2f..%2f..%2fsecret.txt'],
    ['/talk/..\\..\\secret.txt'],
    ['/talk/%5c..%5c..%5csecret.txt'],
    ['/talk/index.html%00.png'],
    ['/talk/assets/link.txt'],
    ['/talk/assets/linked-folder/secret.txt'],
    ['/other/index.html'],
    ['/secret.txt'],
    ['/talk/.index.html.tmp'],
  ])('refuses %s and never sends the outside file', async (path) => {
    const response = await rawRequest(port, path);
    expect([400, 403, 404]).toContain(response.status);
    expect(response.body).not.toContain(secret);
  });

  it('answers 403 to a Host header that is not the served address (DNS rebinding)', async () => {
    expect((await rawRequest(port, '/talk/', { Host: `evil.example:${port}` })).status).toBe(403);
    expect((await rawRequest(port, '/talk/', { Host: 'localhost:1' })).status).toBe(403);
    // No Host at all: Node's HTTP/1.1 parser refuses it before we see it.
    expect([400, 403]).toContain((await rawRequest(port, '/talk/', { Host: '' })).status);
    for (const host of [`localhost:${port}`, `127.0.0.1:${port}`, `[::1]:${port}`]) {
      expect((await rawRequest(port, '/talk/', { Host: host })).status, host).toBe(200);
    }
  });

  it('refuses the live-reload stream to a foreign Origin and accepts its own', async () => {
    const foreign = await rawRequest(port, '/__deckmark/events', { Origin: 'http://evil.example' });
    expect(foreign.status).toBe(403);
    expect((await rawRequest(port, '/__deckmark/events', { Origin: `http://127.0.0.1:${port + 1}` })).status).toBe(403);
    const own = await rawRequest(port, '/__deckmark/events', { Origin: `http://localhost:${port}` });
    expect(own.status).toBe(200);
    expect(own.headers).toMatch(/Content-Type: text\/event-stream/i);
  });

  it('refuses methods that are not GET or HEAD', async () => {
    const response = await new Promise<number>((resolve) => {
      const socket = connect(port, '127.0.0.1', () =>
        socket.write(`POST /talk/ HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nContent-Length: 0\r\nConnection: close\r\n\r\n`),
      );
      let text = '';
      socket.on('data', (chunk) => {
        text += chunk;
      });
      socket.on('close', () => resolve(Number(text.split(' ')[1])));
    });
    expect(response).toBe(405);
  });
});

describe('deckmark serve when the port is taken', () => {
  it('fails with a server error that says what to do, not a stack trace', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const busy = (blocker.address() as AddressInfo).port;
    try {
      const cwd = makeWorkspace({ 'talk.md': '# One\n' });
      const io = { out: () => undefined, err: () => undefined, progress: () => undefined, cwd, interactive: false, env: {} };
      const attempt = startServer({ decks: ['talk.md'], settings: settingsFromFlags({}, io), port: busy, log: io, watch: false });
      await expect(attempt).rejects.toBeInstanceOf(DeckmarkError);
      const error = (await attempt.catch((failure) => failure)) as DeckmarkError;
      expect(error.exitCode).toBe(ExitCode.server);
      expect(error.message).toBe(
        `port ${busy} is already in use on 127.0.0.1; stop the other server, pick another with --port, or use --port 0 for a free one`,
      );
    } finally {
      blocker.close();
    }
  });
});

describe('deckmark serve of a deck that does not build yet', () => {
  it('keeps serving: an escaped error page until the deck is fixed, then the deck', async () => {
    const cwd = makeWorkspace({ 'talk.md': '---\ntitle: [<script>alert(1)</script>\n---\n# Broken\n' });
    const err: string[] = [];
    const io = { out: () => undefined, err: (line: string) => err.push(line), progress: () => undefined, cwd, interactive: false, env: {} };
    const server = await startServer({ decks: ['talk.md'], settings: settingsFromFlags({}, io), port: 0, log: io });
    try {
      const page = await fetch(`${server.url}talk/`);
      expect(page.status).toBe(503);
      const html = await page.text();
      expect(html).toMatch(/talk\.md:2(:\d+)?: invalid front matter/);
      expect(html).not.toContain('<script>alert(1)</script>');
      expect(html).toContain('<script src="/__deckmark/live.js" data-deckmark-live data-deck="talk"');
      expect(err[0]).toMatch(/^deckmark: talk\.md:2(:\d+)?: invalid front matter/);
      writeFileSync(join(cwd, 'talk.md'), '# Fixed\n');
      // Waits for the watcher and the rebuild by asking the server, not by sleeping a fixed time.
      while ((await fetch(`${server.url}talk/`)).status !== 200) await new Promise((resolve) => setTimeout(resolve, 50));
      expect(await (await fetch(`${server.url}talk/`)).text()).toContain('<h1 id="fixed">Fixed</h1>');
    } finally {
      await server.close();
    }
  });
});
