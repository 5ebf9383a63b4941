import { readdirSync } from 'node:fs';
import { tmpdir } from 'node:os';

/**
 * A whole-run check that tests leave nothing behind: what deckmark, its tests or Chromium put
 * in the temp dir during the run must be gone at its end. Only names of ours are compared, so
 * other programs sharing the temp dir do not fail the run.
 */
const ours = /^(deckmark|puppeteer_dev|\.?org\.chromium)/;

function entries(): Set<string> {
  return new Set(readdirSync(tmpdir()).filter((name) => ours.test(name)));
}

export default function setup(): () => void {
  const before = entries();
  return () => {
    const left = [...entries()].filter((name) => !before.has(name));
    if (left.length > 0) throw new Error(`the tests left ${left.length} entries in ${tmpdir()}: ${left.slice(0, 10).join(', ')}`);
  };
}
