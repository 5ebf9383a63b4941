import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { fail } from '../errors.js';
import { hostForUrl } from './host.js';

/** Listens, and turns the usual failures into messages that say what to do instead. */
export function listen(server: Server, host: string, port: number): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      const where = `${hostForUrl(host)}:${port}`;
      const reasons: Record<string, string> = {
        EADDRINUSE: `port ${port} is already in use on ${hostForUrl(host)}; stop the other server, pick another with --port, or use --port 0 for a free one`,
        EACCES: `no permission to listen on ${where}; use a port above 1023`,
        EADDRNOTAVAIL: `${host} is not an address of this machine; use --host 127.0.0.1 (default) or --host 0.0.0.0`,
      };
      try {
        fail(reasons[error.code ?? ''] ?? `cannot listen on ${where}: ${error.message}`, 'server', undefined, error);
      } catch (failure) {
        reject(failure);
      }
    });
    server.listen(port, host, () => resolve((server.address() as AddressInfo).port));
  });
}
