import { hostname } from 'node:os';
import { describe, expect, it } from 'vitest';
import { allowedHosts, isAllowedHost, isAllowedOrigin } from '../../src/serve/host.js';

describe('Host and Origin checks', () => {
  const local = allowedHosts('127.0.0.1', 8000);

  it('accepts only this machine’s loopback names on the served port', () => {
    for (const host of ['localhost:8000', '127.0.0.1:8000', '[::1]:8000', 'LOCALHOST:8000']) expect(isAllowedHost(host, local), host).toBe(true);
    for (const host of ['localhost', 'localhost:8001', 'evil.example:8000', '127.0.0.1.evil.example:8000', '0.0.0.0:8000', undefined]) {
      expect(isAllowedHost(host, local), String(host)).toBe(false);
    }
  });

  it('accepts an absent Origin (same-origin EventSource, curl) and our own, nothing else', () => {
    expect(isAllowedOrigin(undefined, local)).toBe(true);
    expect(isAllowedOrigin('http://localhost:8000', local)).toBe(true);
    for (const origin of ['null', 'http://evil.example', 'https://localhost:8000', 'http://localhost:8001', 'file://', 'http://localhost:8000/x']) {
      expect(isAllowedOrigin(origin, local), origin).toBe(false);
    }
  });

  it('adds the interface addresses only when exposed on purpose, and knows browsers drop port 80', () => {
    const exposed = allowedHosts('0.0.0.0', 8000);
    expect(exposed.has('localhost:8000')).toBe(true);
    expect(exposed.has(`${hostname().toLowerCase()}:8000`)).toBe(true);
    expect(local.has('0.0.0.0:8000')).toBe(false);
    const onEighty = allowedHosts('127.0.0.1', 80);
    expect(isAllowedHost('localhost', onEighty)).toBe(true);
    expect(isAllowedOrigin('http://localhost', onEighty)).toBe(true);
  });
});
