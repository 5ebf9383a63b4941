import { lstat, stat } from 'node:fs/promises';
import { fail } from '../errors.js';

/**
 * Refuses an output that would replace the deck's own Markdown — `deckmark pdf talk.pdf -o .`
 * prints to `./talk.pdf` — before anything is written. Compared by file identity, not by
 * spelling, so `./x`, `../d/x`, a symlinked folder and a case-insensitive disk all match.
 * The output is looked at with `lstat`: writes rename over the name itself, so a symlink
 * named like the output would be replaced, never the deck it points to.
 */
export async function refuseToOverwriteInput(input: string, absoluteInput: string, outputs: string[]): Promise<void> {
  const deck = await stat(absoluteInput).catch(() => undefined);
  if (!deck) return;
  for (const output of outputs) {
    const existing = await lstat(output).catch(() => undefined);
    if (existing && existing.dev === deck.dev && existing.ino === deck.ino) {
      fail(`the output ${output} would be written over this deck's own file; rename the deck (decks end in .md) or choose another --out-dir`, 'output', {
        file: input,
      });
    }
  }
}
