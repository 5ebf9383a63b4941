import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { basename, isAbsolute, relative, resolve, sep } from 'node:path';
import { fail } from '../errors.js';
import { localFilePath } from '../html/url-attributes.js';
import { isInside, isInsideLexically } from '../inside.js';
import type { RenderedDeck, Warning } from '../types.js';

export interface CopyPlan {
  from: string;
  /** Path inside the deck's output folder. */
  to: string;
  /** The URL the author wrote, when the page must point at `to` instead (files from outside the deck's folder). */
  rewrite?: string;
}

/**
 * Turns the references the render stage found into files to copy. A reference must name a
 * file inside the deck's folder — `..`, absolute paths, `file:` URLs and symlinks out are
 * refused unless `allowOutside`; every refusal is reported at once. A missing file is a warning,
 * not an error: the deck still builds while the author adds it, and `deckmark check` fails on it.
 */
export function resolveDeckAssets(rendered: RenderedDeck, deckFolder: string, allowOutside: boolean): { copies: CopyPlan[]; warnings: Warning[] } {
  const problems: string[] = [];
  const warnings: Warning[] = [];
  const plans = new Map<string, CopyPlan>();
  let firstProblemLine: number | undefined;
  const refuse = (line: number, message: string) => {
    problems.push(`${rendered.deck.file}:${line}: ${message}`);
    firstProblemLine ??= line;
  };

  for (const slide of rendered.slides) {
    for (const { url, line } of slide.assets) {
      const path = localFilePath(url);
      if (path === undefined) {
        refuse(line, `"${url}" is not a file path`);
        continue;
      }
      const absolute = isAbsolute(path) ? path : resolve(deckFolder, path);
      const inside = isInsideLexically(deckFolder, absolute);
      if (!inside && !allowOutside) {
        refuse(line, `"${url}" is outside the deck's folder (pass --allow-outside to permit it)`);
        continue;
      }
      if (!existsSync(absolute)) {
        warnings.push({ file: rendered.deck.file, line, message: `"${url}" does not exist; check the path, relative to the deck's folder` });
        continue;
      }
      if (!allowOutside && !isInside(deckFolder, absolute)) {
        refuse(line, `"${url}" is a link to a file outside the deck's folder (pass --allow-outside to permit it)`);
        continue;
      }
      const direct = inside && !isAbsolute(path) && !/^file:/i.test(url);
      // A file named by an absolute path, a file: URL or from outside the folder gets a
      // place of its own in the output, and the page is rewritten to point at it.
      const to = inside ? relative(deckFolder, absolute).split(sep).join('/') : outsideName(absolute);
      plans.set(`${absolute}\0${url}`, direct ? { from: absolute, to } : { from: absolute, to, rewrite: url });
    }
  }
  if (problems.length > 0) {
    fail(`${problems.length === 1 ? 'a referenced file is' : `${problems.length} referenced files are`} refused:\n  ${problems.join('\n  ')}`, 'input', {
      file: rendered.deck.file,
      line: firstProblemLine,
    });
  }
  return { copies: [...plans.values()], warnings };
}

/** `assets/outside/<content hash>-<name>`: two outside files with one name never collide. */
function outsideName(absolute: string): string {
  const hash = createHash('sha256').update(readFileSync(absolute)).digest('hex').slice(0, 10);
  return `assets/outside/${hash}-${basename(absolute)}`;
}
