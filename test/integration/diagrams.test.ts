import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { pageXObjects, readPdf } from '../export/pdf-reader.js';
import { runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../helpers/workspace.js';

const root = join(import.meta.dirname, '..', '..');

const deck = `# Diagrams

---

## Flow

\`\`\`mermaid
%% title: Request flow
flowchart LR
  Browser --> Gateway --> Service
\`\`\`

---

## Graph

\`\`\`dot
digraph { label="Stages"; parse -> render }
\`\`\`
`;

const hostile = `## Hostile

\`\`\`mermaid
%% title: Hostile
flowchart LR
  A["<img src=x onerror=window.pwned=1>"] --> B["<script>window.pwned=2</script>"]
  C["<a href='javascript:window.pwned=3'>link</a>"] --> A
  click A call alert("click")
  click B "javascript:window.pwned=4"
  click C href "javascript:window.pwned=5"
\`\`\`
`;

/** A workspace with a node_modules folder, so the diagram cache lives (and dies) inside it. */
function project(files: Record<string, string>): string {
  const cwd = makeWorkspace(files);
  mkdirSync(join(cwd, 'node_modules'));
  return cwd;
}

describe('diagrams through the CLI', () => {
  const browser = new BrowserManager();
  const workspaces: string[] = [];
  afterAll(async () => {
    await browser.dispose();
    for (const folder of workspaces) rmSync(folder, { recursive: true, force: true });
  });

  it('build into the page with no script, then come from the cache without loading Puppeteer', async () => {
    const cwd = project({ 'talk.md': deck });
    workspaces.push(cwd);
    const first = await runCli(['build', 'talk.md'], cwd);
    expect(first.code, first.stderr).toBe(0);
    const page = readFileSync(join(cwd, 'dist', 'talk', 'index.html'), 'utf8');
    expect(page.match(/<figure class="dm-diagram"><svg /g)).toHaveLength(2);
    expect(page).not.toMatch(/mermaid(\.min)?\.js/);

    // The second run is a separate process whose imports are recorded: no browser code at all.
    const log = join(cwd, 'imports.log');
    execFileSync(process.execPath, ['--import', join(root, 'test', 'helpers', 'record-imports.mjs'), join(root, 'bin', 'deckmark.js'), 'build', 'talk.md'], {
      cwd,
      env: { ...process.env, DECKMARK_IMPORT_LOG: log, DECKMARK_CACHE_DIR: '' },
    });
    expect(readFileSync(log, 'utf8')).not.toMatch(/puppeteer|@sparticuz|src\/browser\/|lib\/manager-/);
    const figures = (html: string) => html.match(/<figure class="dm-diagram">[\s\S]*?<\/figure>/g);
    expect(figures(readFileSync(join(cwd, 'dist', 'talk', 'index.html'), 'utf8'))).toEqual(figures(page));
  });

  it('print as vector text in the PDF', async () => {
    const cwd = project({ 'talk.md': deck });
    workspaces.push(cwd);
    const result = await runCli(['pdf', 'talk.md'], cwd);
    expect(result.code, result.stderr).toBe(0);
    const pdf = await readPdf(join(cwd, 'dist', 'talk.pdf'));
    expect(pdf.pages[1]).toMatch(/Browser.*Gateway.*Service/s);
    expect(pdf.pages[2]).toMatch(/parse.*render/s);
    expect(pageXObjects(pdf.lib, 1)).not.toContain('/Image');
  });

  it('stop the build at the fence line of a broken diagram, leaving the earlier page', async () => {
    const cwd = project({ 'talk.md': deck });
    workspaces.push(cwd);
    expect((await runCli(['build', 'talk.md'], cwd)).code).toBe(0);
    const before = readFileSync(join(cwd, 'dist', 'talk', 'index.html'), 'utf8');
    writeFileSync(join(cwd, 'talk.md'), deck.replace('Gateway --> Service', 'Gateway --> --> Service'));
    const broken = await runCli(['build', 'talk.md'], cwd);
    expect(broken.code).toBe(3);
    expect(broken.stderr).toMatch(/^deckmark: talk\.md:7: invalid Mermaid diagram: /m);
    expect(readFileSync(join(cwd, 'dist', 'talk', 'index.html'), 'utf8')).toBe(before);
  });

  it('run nothing from hostile diagram text, even when clicked', async () => {
    const cwd = project({ 'deck.md': hostile });
    workspaces.push(cwd);
    const built = await runCli(['build', 'deck.md'], cwd);
    expect(built.code, built.stderr).toBe(0);
    const html = readFileSync(join(cwd, 'dist', 'deck', 'index.html'), 'utf8');
    const figure = /<figure class="dm-diagram">[\s\S]*?<\/figure>/.exec(html)![0];
    expect(figure).not.toMatch(/onerror|<script|javascript:/i);
    const outcome = await browser.withPage(async (page) => {
      const dialogs: string[] = [];
      page.on('dialog', (dialog) => {
        dialogs.push(dialog.message());
        void dialog.dismiss();
      });
      await page.goto(pathToFileURL(join(cwd, 'dist', 'deck', 'index.html')).href);
      await page.evaluate(() => (window as unknown as { deckmarkReady: Promise<unknown> }).deckmarkReady);
      for (const node of await page.$$('.dm-diagram .node')) await node.click().catch(() => undefined);
      return { dialogs, pwned: await page.evaluate(() => (window as unknown as { pwned?: number }).pwned ?? null), url: page.url() };
    });
    expect(outcome).toEqual({ dialogs: [], pwned: null, url: pathToFileURL(join(cwd, 'dist', 'deck', 'index.html')).href });
  });
});
