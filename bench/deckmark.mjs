// How the bench runs deckmark: the compiled CLI that `npm install` produces (lib/), recompiled
// first so it matches src/ — the bench measures what users run, never tsx start-up.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const root = join(import.meta.dirname, '..');
export const cli = join(root, 'lib', 'deckmark.js');

export function compileCli() {
  execFileSync(process.execPath, [join(root, 'scripts', 'compile.mjs')], { stdio: 'inherit' });
  if (!existsSync(cli)) throw new Error('scripts/compile.mjs did not produce lib/deckmark.js; see its warning above');
}

/** The commands this checkout's deckmark has, from its --help: the bench skips the others. */
export function availableCommands() {
  const help = execFileSync(process.execPath, [cli, '--help'], { encoding: 'utf8' });
  const section = help.split(/^Commands:$/m)[1] ?? '';
  return new Set([...section.matchAll(/^ {2}(\S+)/gm)].map((match) => match[1]));
}

/** The Chromium deckmark would use (flag → env → system → bundled), for the PDF floor. */
export function findChromium() {
  const output = execFileSync(process.execPath, ['--import', 'tsx', join(import.meta.dirname, 'find-browser.mts')], { cwd: root, encoding: 'utf8' });
  return JSON.parse(output).path;
}
