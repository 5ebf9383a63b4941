import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { BrowserManager } from '../../src/browser/manager.js';
import { RequestGuard } from '../../src/browser/page-guard.js';
import { makeWorkspace } from '../helpers/workspace.js';

describe('RequestGuard', () => {
  const browser = new BrowserManager();
  afterAll(() => browser.dispose());

  it('lets only files inside the deck folder load', () => {
    const guard = new RequestGuard('/decks/dist/talk');
    expect(guard.classify('file:///decks/dist/talk/assets/theme.css')).toBe('inside');
    expect(guard.classify('file:///decks/dist/talk-old/index.html')).toBe('outside');
    expect(guard.classify('file:///etc/passwd')).toBe('outside');
    expect(guard.classify('https://example.com/logo.png')).toBe('external');
    expect(guard.classify('data:image/png;base64,AAAA')).toBe('inline');
    const singleFile = new RequestGuard('/decks/dist/talk', '/decks/dist/talk.html');
    expect(singleFile.classify('file:///decks/dist/talk.html')).toBe('inside');
    expect(singleFile.classify('file:///decks/dist/other.html')).toBe('outside');
  });

  it('blocks network requests before they leave the browser, and remembers them', async () => {
    const folder = makeWorkspace({
      'index.html': '<!doctype html><title>t</title><img src="https://example.com/logo.png" alt="logo"><img src="missing.png" alt="gone">',
    });
    const guard = new RequestGuard(folder);
    const failures = new Map<string, string>();
    const broken = await browser.withPage(async (page) => {
      await guard.attach(page);
      page.on('requestfailed', (request) => failures.set(request.url(), request.failure()?.errorText ?? ''));
      await page.goto(pathToFileURL(join(folder, 'index.html')).href, { waitUntil: 'load' });
      return page.evaluate(() => [...document.images].filter((image) => image.naturalWidth === 0).length);
    });
    expect(broken).toBe(2);
    expect([...guard.external]).toEqual(['https://example.com/logo.png']);
    expect(failures.get('https://example.com/logo.png')).toMatch(/^net::ERR_BLOCKED_BY_CLIENT/);
    expect([...guard.failed]).toEqual([pathToFileURL(join(folder, 'missing.png')).href]);
    expect(guard.located([]).map(({ line, url }) => `${line} ${url}`)).toEqual(['null https://example.com/logo.png']);
  });
});
