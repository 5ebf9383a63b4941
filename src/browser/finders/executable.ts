import { constants } from 'node:fs';
import { access, stat } from 'node:fs/promises';

export async function isExecutable(path: string): Promise<boolean> {
  try {
    const info = await stat(path);
    if (!info.isFile()) return false;
    await access(path, process.platform === 'win32' ? constants.F_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/**
 * A hint for a browser path that exists but cannot be run: "not an executable file" alone
 * leaves the user to guess between a typo and a missing permission.
 */
export async function permissionHint(path: string): Promise<string> {
  const info = await stat(path).catch(() => undefined);
  if (!info?.isFile() || (await isExecutable(path))) return '';
  return `; it lacks the execute permission (chmod +x ${path})`;
}
