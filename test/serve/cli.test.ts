import { writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CliIO } from '../../src/cli/io.js';
import { run } from '../../src/cli/run.js';
import { ExitCode } from '../../src/errors.js';
import { runShutdownHooks } from '../../src/lifecycle.js';
import { runCli } from '../helpers/cli.js';
import { type ServedWorkspace, serveFixture } from '../helpers/serve.js';
import { makeWorkspace } from '../helpers/workspace.js';

/** Starts `deckmark serve` as the bin would and resolves once it prints its address. */
function startCli(argv: string[], cwd: string) {
  const out: string[] = [];
  const err: string[] = [];
  let announce: (url: string) => void = () => undefined;
  const address = new Promise<string>((resolve) => {
    announce = resolve;
  });
  const io: CliIO = {
    out: (line) => {
      out.push(line);
      const url = /^serving .* at (http:\S+)/.exec(line)?.[1];
      if (url) announce(url);
    },
    err: (line) => err.push(line),
    progress: () => undefined,
    cwd,
    interactive: false,
    env: {},
  };
  const exit = run(argv, io);
  return { address: Promise.race([address, exit.then((code) => Promise.reject(new Error(`exited ${code}: ${err.join('\n')}`)))]), exit, out, err };
}

describe('deckmark serve on the command line', () => {
  it('serves on a free port with --port 0, and stops cleanly on Ctrl-C (shutdown hooks)', async () => {
    const cwd = makeWorkspace({ 'talk.md': '# Hello\n' });
    const served = startCli(['serve', 'talk.md', '--port', '0'], cwd);
    const url = await served.address;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(url).not.toMatch(/:8000\//);
    const page = await fetch(`${url}talk/`);
    expect(await page.text()).toContain('<h1 id="hello">Hello</h1>');
    await runShutdownHooks();
    expect(await served.exit).toBe(0);
    await expect(fetch(`${url}talk/`)).rejects.toThrow();
    expect(served.err).toEqual([]);
  });

  it('warns when exposed on every interface with --host 0.0.0.0', async () => {
    const cwd = makeWorkspace({ 'talk.md': '# Hello\n' });
    const served = startCli(['serve', 'talk.md', '--port', '0', '--host', '0.0.0.0'], cwd);
    await served.address;
    await runShutdownHooks();
    await served.exit;
    expect(served.err.join('\n')).toMatch(/warning: listening on 0\.0\.0\.0: anyone who can reach this machine/);
  });

  it('reports a port in use with exit code 8 and one line, no stack trace', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const busy = (blocker.address() as AddressInfo).port;
    try {
      const result = await runCli(['serve', 'talk.md', '--port', String(busy)], makeWorkspace({ 'talk.md': '# Hello\n' }));
      expect(result.code).toBe(ExitCode.server);
      expect(result.stderr).toBe(
        `deckmark: port ${busy} is already in use on 127.0.0.1; stop the other server, pick another with --port, or use --port 0 for a free one`,
      );
    } finally {
      blocker.close();
    }
  });

  it('refuses a port that is not a number', async () => {
    const result = await runCli(['serve', '--port', 'eighty'], makeWorkspace({ 'talk.md': '# Hello\n' }));
    expect(result).toMatchObject({ code: ExitCode.usage, stderr: 'deckmark: --port must be a number from 0 to 65535 (got "eighty")' });
  });
});

describe('deckmark serve of a folder', () => {
  let served: ServedWorkspace;

  beforeAll(async () => {
    served = await serveFixture('serve/folder', ['alpha.md', 'beta.md'], { index: true, watch: false, label: 'talks' });
    writeFileSync(join(served.cwd, 'dist', 'alpha.pdf'), '%PDF-1.7 stand-in');
    writeFileSync(join(served.cwd, 'dist', 'alpha-handout.pdf'), '%PDF-1.7 stand-in');
  });
  afterAll(() => served?.server.close());

  it('lists each deck with its title, slide count and links to the deck, its PDF and handout', async () => {
    const response = await fetch(served.server.url);
    expect(response.status).toBe(200);
    const html = await response.text();
    expect(html).toContain('<title>talks · deckmark</title>');
    expect(html).toContain('<a href="/alpha/">Alpha talk</a>');
    expect(html).toContain('2 slides');
    expect(html).toContain('<a href="/alpha.pdf">PDF</a> · <a href="/alpha-handout.pdf">handout</a>');
    // A title from the deck's first heading, escaped; no PDF links where none were exported.
    expect(html).toContain('<a href="/beta/">Beta &amp; &quot;friends&quot;</a>');
    expect(html).toContain('3 slides');
    expect(html).not.toContain('/beta.pdf');
  });

  it('serves the exported PDF and the decks, and nothing else from dist/', async () => {
    const pdf = await fetch(`${served.server.url}alpha.pdf`);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-type')).toBe('application/pdf');
    expect((await fetch(`${served.server.url}beta.pdf`)).status).toBe(404);
    expect((await fetch(`${served.server.url}beta/`)).status).toBe(200);
  });
});
