#!/usr/bin/env node
// deckmark is written in TypeScript and runs through tsx, so there is no compile step to forget.
import { register } from 'tsx/esm/api';

register();
await import('../src/cli/main.ts');
