import { fail } from '../../errors.js';
import { isExecutable, permissionHint } from './executable.js';
import type { BrowserFinder } from './types.js';

const variables = ['CHROME_PATH', 'PUPPETEER_EXECUTABLE_PATH'] as const;

/** CHROME_PATH, then PUPPETEER_EXECUTABLE_PATH: set on purpose, so a bad value is an error. */
export function environmentPath(environment: NodeJS.ProcessEnv): BrowserFinder {
  return async () => {
    for (const name of variables) {
      const path = environment[name];
      if (path === undefined || path === '') continue;
      if (!(await isExecutable(path))) fail(`${name}=${path} is not an executable file${await permissionHint(path)}; fix or unset it`, 'browserNotFound');
      return { path, source: `$${name}` };
    }
    return undefined;
  };
}
