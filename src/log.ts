import { debuglog } from 'node:util';

/** Diagnostics for developers: `NODE_DEBUG=deckmark deckmark build …`. Users see none of it. */
export const debug = debuglog('deckmark');
