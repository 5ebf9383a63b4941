import { createServer, type Server } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../helpers/workspace.js';

describe('exports are offline', () => {
  let listener: Server;
  let port: number;
  let connections = 0;

  beforeAll(async () => {
    listener = createServer((socket) => {
      connections++;
      socket.destroy();
    });
    await new Promise<void>((resolve) => listener.listen(0, '127.0.0.1', resolve));
    port = (listener.address() as { port: number }).port;
  });
  afterAll(() => new Promise<void>((resolve) => listener.close(() => resolve())));

  // Request interception never sees WebSockets; a deck that opted into raw HTML must still
  // not reach the network while it is printed or checked.
  it('a script in an html: true deck cannot open a WebSocket during pdf or check', async () => {
    const cwd = makeWorkspace({
      'talk.md': `---\nhtml: true\n---\n# One\n\n<script>try { new WebSocket('ws://127.0.0.1:${port}/leak'); } catch {}</script>\n`,
    });
    const pdf = await runCli(['pdf', 'talk.md'], cwd);
    expect(pdf.code, pdf.stderr).toBe(0);
    await runCli(['check', 'talk.md', '--ignore', 'accessibility'], cwd);
    expect(connections).toBe(0);
  });

  it('an alert() in an html: true deck does not stall pdf or check', async () => {
    const cwd = makeWorkspace({ 'talk.md': '---\nhtml: true\n---\n# One\n\n<script>alert("hi"); confirm("sure?")</script>\n' });
    expect((await runCli(['pdf', 'talk.md', '--timeout', '20'], cwd)).code).toBe(0);
    expect((await runCli(['check', 'talk.md', '--ignore', 'accessibility'], cwd)).code).toBe(0);
  });
});
