import { join } from 'node:path';
import { isExecutable } from './executable.js';
import type { BrowserFinder } from './types.js';

/** Where Chromium, Chrome and Edge install themselves, per platform, most specific first. */
export function systemInstallPaths(platform: NodeJS.Platform, environment: NodeJS.ProcessEnv): string[] {
  if (platform === 'darwin') {
    return [
      '/Applications/Chromium.app/Contents/MacOS/Chromium',
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Google Chrome Canary.app/Contents/MacOS/Google Chrome Canary',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    ];
  }
  if (platform === 'win32') {
    const roots = [environment.LOCALAPPDATA, environment.PROGRAMFILES, environment['PROGRAMFILES(X86)']].filter((root): root is string => Boolean(root));
    return roots.flatMap((root) => [
      join(root, 'Google', 'Chrome', 'Application', 'chrome.exe'),
      join(root, 'Chromium', 'Application', 'chrome.exe'),
      join(root, 'Microsoft', 'Edge', 'Application', 'msedge.exe'),
    ]);
  }
  return [
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome-stable',
    '/usr/bin/google-chrome',
    '/usr/bin/microsoft-edge',
    '/snap/bin/chromium',
  ];
}

export function systemInstall(platform: NodeJS.Platform, environment: NodeJS.ProcessEnv): BrowserFinder {
  return async () => {
    for (const path of systemInstallPaths(platform, environment)) {
      if (await isExecutable(path)) return { path, source: 'system install' };
    }
    return undefined;
  };
}
