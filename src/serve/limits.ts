import type { ServerOptions } from 'node:http';

/** How long a client may take to send its request, and how often Node checks. */
export interface ConnectionLimits {
  headersTimeoutMs: number;
  requestTimeoutMs: number;
  checkIntervalMs: number;
}

/**
 * Node's defaults (60 s for the headers, 5 min for the whole request, checked every 30 s) let a
 * client that sends half a request line and stalls hold its socket for up to 90 s. On a local
 * dev server a request arrives in milliseconds, so 10 s is generous and a stalled socket is
 * answered 408 and closed within 11 s. Only the *request* is timed: a live-reload stream is a
 * response and stays open for as long as its page does (test/reliability/server-abuse.test.ts).
 */
export const defaultLimits: ConnectionLimits = { headersTimeoutMs: 10_000, requestTimeoutMs: 30_000, checkIntervalMs: 1_000 };

export function serverOptions(limits: Partial<ConnectionLimits> = {}): ServerOptions {
  const { headersTimeoutMs, requestTimeoutMs, checkIntervalMs } = { ...defaultLimits, ...limits };
  return {
    // Node requires headersTimeout <= requestTimeout.
    headersTimeout: Math.min(headersTimeoutMs, requestTimeoutMs),
    requestTimeout: requestTimeoutMs,
    connectionsCheckingInterval: checkIntervalMs,
  };
}
