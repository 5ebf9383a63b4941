import { fail } from '../errors.js';
import { bundledChromium } from './finders/bundled.js';
import { environmentPath } from './finders/environment.js';
import { explicitPath } from './finders/explicit.js';
import { systemInstall } from './finders/system.js';
import type { BrowserFinder, FoundBrowser } from './finders/types.js';

export type { FoundBrowser } from './finders/types.js';

export interface FindBrowserOptions {
  chromePath?: string;
  environment?: NodeJS.ProcessEnv;
  platform?: NodeJS.Platform;
}

/** Explicit flag → environment variable → system install → bundled Chromium; the first answer wins. */
export async function findBrowser(options: FindBrowserOptions = {}): Promise<FoundBrowser> {
  const environment = options.environment ?? process.env;
  const platform = options.platform ?? process.platform;
  const finders: BrowserFinder[] = [
    explicitPath(options.chromePath),
    environmentPath(environment),
    systemInstall(platform, environment),
    bundledChromium(platform),
  ];
  for (const finder of finders) {
    const found = await finder();
    if (found) return found;
  }
  return fail(
    'no Chromium, Chrome or Edge found. Install one (e.g. `apt install chromium`), set CHROME_PATH to its executable, or pass --chrome-path',
    'browserNotFound',
  );
}
