#!/usr/bin/env node
// deckmark is written in TypeScript. `npm install` compiles it to lib/ for a fast start;
// when lib/ is missing or older than src/, it runs src/ through tsx — never a stale build.
import { pathToFileURL } from 'node:url';
import { compiledEntry } from './compiled.js';

const entry = compiledEntry();
if (entry) {
  await import(pathToFileURL(entry).href);
} else {
  const { register } = await import('tsx/esm/api');
  register();
  await import('../src/cli/main.ts');
}
