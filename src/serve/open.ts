import { spawn } from 'node:child_process';
import { debug } from '../log.js';

/** Opens a URL in the system browser. Best effort: a machine without one still serves. */
export function openInBrowser(url: string, platform: NodeJS.Platform = process.platform): void {
  const [command, args] =
    platform === 'darwin' ? ['open', [url]] : platform === 'win32' ? ['cmd', ['/c', 'start', '""', url.replace(/&/g, '^&')]] : ['xdg-open', [url]];
  try {
    const child = spawn(command, args, { stdio: 'ignore', detached: true });
    child.on('error', (error) => debug('cannot open a browser: %s', error.message));
    child.unref();
  } catch (error) {
    debug('cannot open a browser: %s', (error as Error).message);
  }
}
