import { createReadStream } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream';
import { contentTypeOf, lookupStatic } from './static.js';

export const commonHeaders = {
  // A dev server: every request sees the latest build.
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  // Other sites may not embed what we serve, even where the browser would let them.
  'Cross-Origin-Resource-Policy': 'same-origin',
};

export function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return '';
  }
}

export function send(response: ServerResponse, status: number, type: string, body: string | Buffer, request?: IncomingMessage): void {
  const data = typeof body === 'string' ? Buffer.from(body) : body;
  response.writeHead(status, { ...commonHeaders, 'Content-Type': type, 'Content-Length': data.length });
  response.end(request?.method === 'HEAD' ? undefined : data);
}

export function redirect(response: ServerResponse, location: string): void {
  response.writeHead(302, { ...commonHeaders, Location: location, 'Content-Length': 0 });
  response.end();
}

/** Streams a file found under `root`, or the refusal `lookupStatic` chose. */
export async function sendFile(root: string, path: string, request: IncomingMessage, response: ServerResponse): Promise<void> {
  const found = await lookupStatic(root, path);
  if (found.kind !== 'file') return send(response, found.kind === 'refused' ? found.status : 404, 'text/plain; charset=utf-8', 'not found\n');
  response.writeHead(200, { ...commonHeaders, 'Content-Type': contentTypeOf(found.path), 'Content-Length': found.size });
  if (request.method === 'HEAD') return void response.end();
  // `pipeline`, not `.pipe()`: when the client hangs up mid-file, `.pipe()` only unpipes and
  // leaves the file open for good — one leaked descriptor per aborted download. `pipeline`
  // destroys both ends on a read error or an early close.
  pipeline(createReadStream(found.path), response, () => undefined);
}
