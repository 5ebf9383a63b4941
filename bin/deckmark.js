#!/usr/bin/env node
// deckmark is written in TypeScript and runs compiled: `npm pack` (prepack) and this
// repository's `npm install` (prepare) bundle src/ into lib/. An installed package has no
// src/ and runs lib/ as shipped. A checkout has src/: there lib/ is recompiled first when
// src/ changed since, so an edit takes effect at once and a stale build never runs.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
if (existsSync(new URL('../src/cli/main.ts', import.meta.url))) {
  const { compileIfStale } = await import('./checkout.js');
  compileIfStale(root);
} else if (!existsSync(new URL('../lib/deckmark.js', import.meta.url))) {
  console.error('deckmark: this package has no lib/deckmark.js: it was packed without compiling. Pack it with `npm pack`, which compiles it first.');
  process.exit(1);
}
await import('../lib/deckmark.js');
