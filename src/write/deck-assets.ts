import { existsSync, realpathSync } from 'node:fs';
import { isAbsolute, relative, resolve, sep } from 'node:path';
import { fail } from '../errors.js';
import type { RenderedDeck } from '../types.js';

export interface CopyPlan {
  from: string;
  /** Path inside the deck's output folder. */
  to: string;
}

/**
 * Turns the references the render stage found into files to copy. A reference must name a
 * file inside the deck's folder — `..`, absolute paths, `file:` URLs and symlinks out are
 * refused unless `allowOutside` — and the file must exist. Every problem is reported at once.
 */
export function resolveDeckAssets(rendered: RenderedDeck, deckFolder: string, allowOutside: boolean): CopyPlan[] {
  const realDeckFolder = realpathSync(deckFolder);
  const problems: string[] = [];
  const plans = new Map<string, CopyPlan>();

  for (const slide of rendered.slides) {
    for (const { url, line } of slide.assets) {
      const where = `${rendered.deck.file}:${line}`;
      const path = filePathOf(url);
      if (path === undefined) {
        problems.push(`${where}: "${url}" is not a file path`);
        continue;
      }
      const absolute = isAbsolute(path) ? path : resolve(deckFolder, path);
      const inside = isInside(absolute, deckFolder);
      if (!inside && !allowOutside) {
        problems.push(`${where}: "${url}" is outside the deck's folder (pass --allow-outside to permit it)`);
        continue;
      }
      if (!existsSync(absolute)) {
        problems.push(`${where}: "${url}" does not exist`);
        continue;
      }
      if (!allowOutside && !isInside(realpathSync(absolute), realDeckFolder)) {
        problems.push(`${where}: "${url}" is a link to a file outside the deck's folder (pass --allow-outside to permit it)`);
        continue;
      }
      if (inside) plans.set(absolute, { from: absolute, to: relative(deckFolder, absolute) });
    }
  }
  if (problems.length > 0) {
    const first = rendered.slides.flatMap((slide) => slide.assets)[0];
    fail(`${problems.length === 1 ? 'a referenced file is' : `${problems.length} referenced files are`} refused:\n  ${problems.join('\n  ')}`, 'input', {
      file: rendered.deck.file,
      line: first?.line,
    });
  }
  return [...plans.values()];
}

function filePathOf(url: string): string | undefined {
  const withoutSuffix = url.replace(/[?#].*$/, '');
  try {
    if (/^file:/i.test(withoutSuffix)) return new URL(withoutSuffix).pathname;
    return decodeURIComponent(withoutSuffix);
  } catch {
    return undefined;
  }
}

function isInside(path: string, folder: string): boolean {
  const fromFolder = relative(folder, path);
  return fromFolder !== '' && !fromFolder.startsWith(`..${sep}`) && fromFolder !== '..' && !isAbsolute(fromFolder);
}
