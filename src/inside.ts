import { realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';

/**
 * Whether `path` lies inside `root` (or is `root` itself, with `orSame`). Both are compared
 * as real paths where they exist, so a symlink leading out is outside; a path that does not
 * exist yet is compared by its nearest existing folder. `..x` is a name, not a way up.
 */
export function isInside(root: string, path: string, options: { orSame?: boolean } = {}): boolean {
  const fromRoot = relative(realPath(root), realPath(path));
  if (fromRoot === '') return options.orSame ?? false;
  return fromRoot !== '..' && !fromRoot.startsWith(`..${sep}`) && !isAbsolute(fromRoot);
}

/** The same, by spelling only: for paths whose links must not be followed (or cannot be). */
export function isInsideLexically(root: string, path: string, options: { orSame?: boolean } = {}): boolean {
  const fromRoot = relative(resolve(root), resolve(path));
  if (fromRoot === '') return options.orSame ?? false;
  return fromRoot !== '..' && !fromRoot.startsWith(`..${sep}`) && !isAbsolute(fromRoot);
}

function realPath(path: string): string {
  const absolute = resolve(path);
  try {
    return realpathSync(absolute);
  } catch {
    const parent = resolve(absolute, '..');
    return parent === absolute ? absolute : resolve(realPath(parent), relative(parent, absolute));
  }
}
