// `node bench/pptx-similarity.mjs [deck.md…] [--keep DIR]`: how close the editable PPTX looks
// to the deck. For every slide it compares deckmark's own PNG (the browser's rendering) with
// the same slide of the PPTX as LibreOffice Impress renders it, and prints the share of pixels
// that match (pixelmatch, anti-aliasing ignored). Needs `soffice` (LibreOffice Impress) and
// `pdftoppm`; neither is needed by `npm test`. Install the theme's fonts (README, PowerPoint)
// first, or Impress measures the text in a fallback font. --keep DIR keeps the images and a
// side-by-side sheet per deck (deckmark left, Impress right) to look at.
import { execFileSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, extname, join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

const root = join(import.meta.dirname, '..');
const { values, positionals } = parseArgs({ allowPositionals: true, options: { keep: { type: 'string' } } });
const decks =
  positionals.length > 0
    ? positionals
    : readdirSync(join(root, 'slides'))
        .filter((name) => name.endsWith('.md'))
        .map((name) => join('slides', name));
const work = values.keep ? resolve(values.keep) : mkdtempSync(join(tmpdir(), 'deckmark-pptx-similarity-'));
mkdirSync(work, { recursive: true });
// Compared at half the slide's size: enough to see a misplaced line, quick to diff.
const width = 960;
const height = 540;

const run = (command, args, options = {}) => execFileSync(command, args, { stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8', ...options });

try {
  for (const deck of decks) {
    const name = basename(deck, extname(deck));
    const out = join(work, name);
    run(process.execPath, [join(root, 'bin', 'deckmark.js'), 'png', deck, '-o', out, '--scale', String(width / 1920), '--timeout', '900']);
    // A generous budget: the scores, not the speed, are measured here.
    run(process.execPath, [join(root, 'bin', 'deckmark.js'), 'pptx', deck, '-o', out, '--timeout', '900']);
    // A profile of its own: a user's running Impress would otherwise swallow the conversion.
    run('soffice', [`-env:UserInstallation=file://${join(work, '.soffice')}`, '--headless', '--convert-to', 'pdf', '--outdir', out, join(out, `${name}.pptx`)]);
    run('pdftoppm', ['-png', '-scale-to-x', String(width), '-scale-to-y', String(height), join(out, `${name}.pdf`), join(out, 'impress')]);

    const browser = readdirSync(join(out, `${name}-png`)).sort();
    const impress = readdirSync(out)
      .filter((file) => file.startsWith('impress-'))
      .sort();
    if (browser.length !== impress.length) throw new Error(`${deck}: ${browser.length} slides from deckmark png, ${impress.length} from the PPTX`);
    const scores = [];
    for (const [index, file] of browser.entries()) {
      const expected = PNG.sync.read(readFileSync(join(out, `${name}-png`, file)));
      const actual = PNG.sync.read(readFileSync(join(out, impress[index])));
      if (expected.width !== actual.width || expected.height !== actual.height)
        throw new Error(`${file}: ${expected.width}×${expected.height} against ${actual.width}×${actual.height}`);
      const diff = new PNG({ width: expected.width, height: expected.height });
      const different = pixelmatch(expected.data, actual.data, diff.data, expected.width, expected.height, { threshold: 0.2 });
      writeFileSync(join(out, `diff-${String(index + 1).padStart(2, '0')}.png`), PNG.sync.write(diff));
      scores.push(1 - different / (expected.width * expected.height));
      console.log(`${name} slide ${String(index + 1).padStart(2)}: ${(scores.at(-1) * 100).toFixed(1)} %`);
    }
    const mean = scores.reduce((sum, score) => sum + score, 0) / scores.length;
    console.log(`${name}: mean ${(mean * 100).toFixed(1)} %, lowest ${(Math.min(...scores) * 100).toFixed(1)} % over ${scores.length} slides`);
    if (values.keep) {
      const pairs = browser.flatMap((file, index) => [join(out, `${name}-png`, file), join(out, impress[index])]);
      run('montage', [...pairs, '-tile', '2x', '-geometry', '+6+6', join(out, 'side-by-side.png')]);
    }
  }
} finally {
  if (!values.keep) rmSync(work, { recursive: true, force: true });
}
