import { join } from 'node:path';
import type { OutputPlan } from '../assets/plan.js';
import { copyFileIfChanged, writeFileAtomic } from '../files.js';

/** The write stage for a deck folder: the page last, so a reader never finds a page whose assets are missing. */
export async function writeDeck(plan: OutputPlan, html: string): Promise<string> {
  await Promise.all(plan.copies.map((copy) => copyFileIfChanged(copy.from, join(plan.folder, copy.to))));
  await Promise.all(plan.generated.map((file) => writeFileAtomic(join(plan.folder, file.to), file.content)));
  const page = join(plan.folder, 'index.html');
  await writeFileAtomic(page, html);
  return page;
}

/** The write stage for `--single-file`: one page, everything inside it. */
export async function writeSingleFile(target: string, html: string): Promise<string> {
  await writeFileAtomic(target, html);
  return target;
}
