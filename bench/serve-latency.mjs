// Live-reload latency of `deckmark serve`: the deck file is saved with a new word on the
// slide in view, and the clock stops when that word is in the page's slides (a mutation
// observer in the page, so no polling interval is added to the figure).
import { spawn } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import puppeteer from 'puppeteer-core';
import { cli } from './deckmark.mjs';
import { summarize } from './measure.mjs';

export async function serveLatency({ file, work, chromium, saves }) {
  const original = readFileSync(file, 'utf8');
  const server = spawn(process.execPath, [cli, 'serve', file, '--port', '0', '-o', join(work, 'serve')], { cwd: work, stdio: ['ignore', 'pipe', 'pipe'] });
  const browser = await puppeteer.launch({ executablePath: chromium, headless: true, args: process.getuid?.() === 0 ? ['--no-sandbox'] : [] });
  try {
    const url = await new Promise((resolve, reject) => {
      let output = '';
      server.stdout.on('data', (chunk) => {
        output += chunk;
        const match = /at (http:\/\/\S+)/.exec(output);
        if (match) resolve(match[1]);
      });
      server.on('exit', (code) => reject(new Error(`deckmark serve exited with ${code}`)));
    });
    const page = await browser.newPage();
    await page.goto(url, { waitUntil: 'load' });
    await page.waitForFunction(() => window.__deckmarkLive?.connected && window.deckmarkReady, { polling: 100 });
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
