import { fail } from '../../errors.js';
import { isExecutable, permissionHint } from './executable.js';
import type { BrowserFinder } from './types.js';

/** `--chrome-path`: the user named a browser, so a wrong path is an error, not a fallback. */
export function explicitPath(path: string | undefined): BrowserFinder {
  return async () => {
    if (path === undefined) return undefined;
    if (!(await isExecutable(path))) fail(`--chrome-path ${path} is not an executable file${await permissionHint(path)}`, 'browserNotFound');
    return { path, source: '--chrome-path' };
  };
}
