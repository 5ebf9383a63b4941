// Live-reload latency of `deckmark serve`: the deck file is saved with a new word on the
// slide in view, and the clock stops when that word is in the page's slides (a mutation
// observer in the page, so no polling interval is added to the figure).
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { cli } from './deckmark.mjs';
import { summarize } from './measure.mjs';

/**
 * Starts `deckmark serve` on the deck and opens it in a Chromium of the bench's own, with
 * live reload connected; the caller closes `browser` and kills `server`.
 */
export async function openServedDeck({ file, work, chromium, output, env = {}, hash = '' }) {
  const server = spawn(process.execPath, [cli, 'serve', file, '--port', '0', '-o', output], {
    cwd: work,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
  try {
    const url = await new Promise((resolve, reject) => {
      let printed = '';
      server.stdout.on('data', (chunk) => {
        printed += chunk;
        const match = /at (http:\/\/\S+)/.exec(printed);
        if (match) resolve(match[1]);
      });
      server.on('exit', (code) => reject(new Error(`deckmark serve exited with ${code}`)));
    });
    const page = await browser.newPage();
    await page.goto(`${url}${hash}`, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__deckmarkLive?.connected && window.deckmarkReady, { polling: 100 });
    return { server, browser, page };
  } catch (error) {
    await browser.close();
    server.kill('SIGTERM');
    throw error;
  }
}

export async function serveLatency({ file, work, chromium, saves }) {
  const original = readFileSync(file, 'utf8');
  const { server, browser, page } = await openServedDeck({ file, work, chromium, output: join(work, 'serve') });
  try {
    const times = [];
    for (let save = 1; save <= saves; save++) {
      const word = `edited${save}x${Date.now()}`;
      const seen = page.waitForFunction(
        (text) => document.querySelector('.reveal .slides')?.textContent.includes(text),
        { polling: 'mutation', timeout: 30_000 },
        word,
      );
      const started = performance.now();
      writeFileSync(file, original.replace('## Slide 1:', `## Slide 1 ${word}:`));
      await seen;
      times.push(performance.now() - started);
    }
    return summarize(times);
  } finally {
    writeFileSync(file, original);
    await browser.close();
    server.kill('SIGTERM');
  }
}
