import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fail } from '../errors.js';
import { onShutdown } from '../lifecycle.js';

/**
 * Writes through a temporary file in the same folder and renames it into place: a reader
 * (or a crash) never sees half a file, and a failed write leaves the earlier file intact.
 */
export async function writeFileAtomic(target: string, data: string | Uint8Array): Promise<void> {
  await replaceAtomically(target, (temporary) => writeFile(temporary, data));
}

/** Copies unless the target already has the same size and modification time. */
export async function copyFileIfChanged(source: string, target: string): Promise<boolean> {
  const [from, to] = await Promise.all([stat(source), stat(target).catch(() => undefined)]);
  if (to && to.size === from.size && to.mtimeMs >= from.mtimeMs) return false;
  await replaceAtomically(target, (temporary) => copyFile(source, temporary));
  return true;
}

export function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

export async function replaceAtomically(target: string, produce: (temporary: string) => Promise<unknown>): Promise<void> {
  const temporary = temporaryPathFor(target);
  // Ctrl-C or SIGTERM mid-write must not leave the temporary file behind.
  const forget = onShutdown(() => rm(temporary, { force: true }));
  try {
    await mkdir(dirname(target), { recursive: true });
    await produce(temporary);
    await rename(temporary, target);
  } catch (error) {
    await rm(temporary, { force: true });
    const reason =
      (error as NodeJS.ErrnoException).code === 'EACCES' || (error as NodeJS.ErrnoException).code === 'EROFS' ? 'permission denied' : (error as Error).message;
    fail(`cannot write ${target}: ${reason}`, 'output', { file: target }, error);
  } finally {
    forget();
  }
}
