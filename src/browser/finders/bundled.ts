import type { BrowserFinder } from './types.js';

/**
 * The Chromium that ships inside the @sparticuz/chromium npm package (Linux x64/arm64), so
 * `npm install` alone gives deckmark a browser. It unpacks into the temp folder on first use.
 */
export function bundledChromium(platform: NodeJS.Platform): BrowserFinder {
  return async () => {
    if (platform !== 'linux') return undefined;
    try {
      const { default: chromium } = await import('@sparticuz/chromium');
      return { path: await chromium.executablePath(), source: 'bundled @sparticuz/chromium' };
    } catch {
      return undefined;
    }
  };
}
