import { hostname, networkInterfaces } from 'node:os';

/** Addresses that mean "this machine only"; the default, so nothing leaves the computer unless asked. */
export const loopbackHost = '127.0.0.1';

export function isWildcardHost(host: string): boolean {
  return host === '0.0.0.0' || host === '::' || host === '';
}

/** `::1` → `[::1]`: how an address appears inside a Host header or URL. */
export function hostForUrl(host: string): string {
  return host.includes(':') ? `[${host}]` : host;
}

/** This machine's external IPv4 addresses, for the URLs printed when exposed on purpose. */
export function networkAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((addresses) => addresses ?? [])
    .filter((address) => address.family === 'IPv4' && !address.internal)
    .map((address) => address.address);
}

/**
 * The `Host` header values a request may carry. A DNS-rebinding page reaches us under its own
 * domain name, so only the names of this machine pass: the loopback names always, the listening
 * address, and — when exposed on every interface on purpose — each interface address and the
 * machine's host name.
 */
export function allowedHosts(listenHost: string, port: number): Set<string> {
  const names = new Set(['localhost', '127.0.0.1', '[::1]']);
  if (isWildcardHost(listenHost)) {
    for (const addresses of Object.values(networkInterfaces())) {
      for (const address of addresses ?? []) names.add(hostForUrl(address.address.replace(/%.*$/, '')));
    }
    names.add(hostname().toLowerCase());
  } else {
    names.add(hostForUrl(listenHost.toLowerCase()));
  }
  // Browsers leave the default port out of Host and Origin.
  return new Set([...names].flatMap((name) => (port === 80 ? [`${name}:${port}`, name] : [`${name}:${port}`])));
}

export function isAllowedHost(header: string | undefined, allowed: Set<string>): boolean {
  return header !== undefined && allowed.has(header.toLowerCase());
}

/**
 * Browsers send `Origin` on cross-origin requests; same-origin EventSource requests and
 * command-line clients send none. A present Origin must be one of our own addresses.
 */
export function isAllowedOrigin(header: string | undefined, allowed: Set<string>): boolean {
  if (header === undefined) return true;
  let origin: URL;
  try {
    origin = new URL(header);
  } catch {
    return false;
  }
  return origin.protocol === 'http:' && origin.pathname === '/' && allowed.has(origin.host.toLowerCase());
}
