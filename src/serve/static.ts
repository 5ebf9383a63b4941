import { realpath, stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { contentType } from 'mime-types';
import { isInsideLexically } from '../inside.js';

export type StaticLookup = { kind: 'file'; path: string; size: number } | { kind: 'folder'; path: string } | { kind: 'refused'; status: 400 | 403 | 404 };

/**
 * Maps a raw request path to a file inside `root`, refusing everything that could reach
 * outside it. Node hands us the path exactly as sent (no normalisation), so every trick is
 * visible here: `..` segments (plain or `%2e%2e`), encoded slashes and backslashes (which
 * would hide a separator from the segment check), NUL bytes, and symlinks leading out —
 * the last caught by comparing real paths. The path is decoded exactly once.
 */
export async function lookupStatic(root: string, rawPath: string): Promise<StaticLookup> {
  if (!rawPath.startsWith('/') || /%2f|%5c|%00|\\|\0/i.test(rawPath)) return { kind: 'refused', status: 403 };
  let decoded: string;
  try {
    decoded = decodeURIComponent(rawPath);
  } catch {
    return { kind: 'refused', status: 400 };
  }
  if (decoded.includes('\0') || decoded.includes('\\')) return { kind: 'refused', status: 403 };
  const segments = decoded.split('/').slice(1);
  if (segments.some((segment) => segment === '..' || segment === '.')) return { kind: 'refused', status: 403 };
  // Dotfiles include our own half-written `.index.html.*.tmp` files: never serve them.
  if (segments.some((segment) => segment.startsWith('.'))) return { kind: 'refused', status: 404 };

  const candidate = join(root, ...segments);
  let real: string;
  let realRoot: string;
  try {
    [real, realRoot] = await Promise.all([realpath(candidate), realpath(root)]);
  } catch {
    return { kind: 'refused', status: 404 };
  }
  // Both are real paths already: the comparison itself must not follow links again.
  if (!isInsideLexically(realRoot, real, { orSame: true })) return { kind: 'refused', status: 403 };
  const info = await stat(real).catch(() => undefined);
  if (!info) return { kind: 'refused', status: 404 };
  if (info.isDirectory()) return { kind: 'folder', path: real };
  if (!info.isFile()) return { kind: 'refused', status: 404 };
  return { kind: 'file', path: real, size: info.size };
}

/** The Content-Type header for a file, with a charset for text types. */
export function contentTypeOf(path: string): string {
  return contentType(basename(path)) || 'application/octet-stream';
}
