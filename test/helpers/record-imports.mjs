// Loaded with `node --import`: records every module URL the process resolves into the file
// named by DECKMARK_IMPORT_LOG, so a test can prove what a command never loads.
import { register } from 'node:module';

register('./record-imports-hooks.mjs', import.meta.url, { data: { log: process.env.DECKMARK_IMPORT_LOG } });
