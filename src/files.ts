import { randomBytes } from 'node:crypto';
import { copyFile, mkdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { fail } from './errors.js';
import { onShutdown } from './lifecycle.js';

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

function temporaryPathFor(target: string): string {
  return join(dirname(target), `.${basename(target)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
}

export async function replaceAtomically(target: string, produce: (temporary: string) => Promise<unknown>): Promise<void> {
  const temporary = temporaryPathFor(target);
  // Ctrl-C or SIGTERM mid-write must not leave the temporary file behind.
  const forget = onShutdown(() => rm(temporary, { force: true }));
  try {
    await makeFolders(dirname(target));
    await produce(temporary);
    await rename(temporary, target);
  } catch (error) {
    // `force` ignores only a missing file: where a file stands in for a folder, rm fails with
    // ENOTDIR and would replace the useful error below with a raw one (an "internal error").
    await rm(temporary, { force: true }).catch(() => undefined);
    fail(`cannot write this file: ${await whyNotWritten(error as NodeJS.ErrnoException, target)}`, 'output', { file: target }, error);
  } finally {
    forget();
  }
}

/**
 * `mkdir -p` one level at a time. Node's recursive mkdir retries forever where a parent
 * reports ENOENT after being created — it spins on `/proc/nope`; a plain mkdir fails at once.
 */
async function makeFolders(folder: string): Promise<void> {
  const missing: string[] = [];
  for (let current = folder; ; current = dirname(current)) {
    const info = await stat(current).catch((error: NodeJS.ErrnoException) => (error.code === 'ENOENT' ? undefined : Promise.reject(error)));
    if (info) break;
    missing.unshift(current);
    if (dirname(current) === current) break;
  }
  for (const level of missing) {
    await mkdir(level).catch((error: NodeJS.ErrnoException) => (error.code === 'EEXIST' ? undefined : Promise.reject(error)));
  }
}

/** The errno codes a user can act on, in words; the path is already in the message. */
async function whyNotWritten(error: NodeJS.ErrnoException, target: string): Promise<string> {
  switch (error.code) {
    case 'EACCES':
    case 'EPERM':
      return 'permission denied; make the folder writable or choose another --out-dir';
    case 'EROFS':
      return 'the file system is read-only; choose another --out-dir';
    case 'ENOTDIR':
    case 'EEXIST': {
      const file = await fileAbove(target);
      return file === undefined ? error.message : `${file} is a file, not a folder; move it or choose another --out-dir`;
    }
    case 'EISDIR':
    case 'ENOTEMPTY':
      return 'a folder of that name is in the way; move it or choose another --out-dir';
    case 'ENOSPC':
      return 'the disk is full';
    case 'ENOENT':
      return 'its folder cannot be created there; choose another --out-dir';
    default:
      return error.message;
  }
}

/** The file that stands where `target` needs a folder: its nearest existing ancestor, if not a folder. */
async function fileAbove(target: string): Promise<string | undefined> {
  for (let folder = dirname(target); dirname(folder) !== folder; folder = dirname(folder)) {
    const info = await stat(folder).catch(() => undefined);
    if (info) return info.isDirectory() ? undefined : folder;
  }
  return undefined;
}
