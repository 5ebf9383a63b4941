import { execFileSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compileIfStale } from '../../bin/checkout.js';
import { fixturesFolder, makeWorkspace } from '../helpers/workspace.js';

const root = join(import.meta.dirname, '..', '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
const npx = process.platform === 'win32' ? 'npx.cmd' : 'npx';

interface Lockfile {
  packages: Record<string, { dev?: boolean; link?: boolean; version?: string; resolved?: string }>;
}

/** `node_modules/a/node_modules/@s/b` at 1.0.0 → https://registry.npmjs.org/@s/b/-/b-1.0.0.tgz */
function registryTarball(path: string, version: string | undefined): string {
  const name = path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length);
  return `https://registry.npmjs.org/${name}/-/${name.split('/').at(-1)}-${version}.tgz`;
}

/**
 * A lockfile for a project that depends on the packed tarball only, holding the versions this
 * repository locked: `npm ci --offline` then installs from the npm cache that `npm ci` filled
 * (a plain `npm install` would need the registry's package lists, which the cache lacks).
 */
function projectLockfile(tarball: string) {
  const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
  const locked = JSON.parse(readFileSync(join(root, 'package-lock.json'), 'utf8')) as Lockfile;
  // This repository's lockfile leaves out tarball URLs (npm's omit-lockfile-registry-resolved);
  // without one npm asks the registry where a tarball is, so each entry gets its URL back.
  const runtime = Object.entries(locked.packages)
    .filter(([path, entry]) => path !== '' && !entry.dev && !entry.link)
    .map(([path, entry]) => [path, { resolved: registryTarball(path, entry.version), ...entry }]);
  const deckmark = {
    version: manifest.version,
    resolved: tarball,
    license: manifest.license,
    dependencies: manifest.dependencies,
    bin: manifest.bin,
    engines: manifest.engines,
  };
  return {
    name: 'talk',
    lockfileVersion: 3,
    requires: true,
    packages: { '': { name: 'talk', dependencies: { deckmark: tarball } }, 'node_modules/deckmark': deckmark, ...Object.fromEntries(runtime) },
  };
}

describe('deckmark packed and installed into another project', () => {
  let folder: string;
  let project: string;

  beforeAll(() => {
    folder = makeWorkspace();
    project = join(folder, 'talk');
    // The compile `npm pack` runs (prepack) is done here, under the lock bin/ uses, so this test
    // never swaps lib/ under another test that runs the CLI from this checkout.
    compileIfStale(root);
    const tarball = execFileSync(npm, ['pack', '--ignore-scripts', '--silent', '--pack-destination', folder], { cwd: root, encoding: 'utf8' }).trim();
    const reference = `file:../${tarball}`;
    mkdirSync(project);
    writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'talk', private: true, dependencies: { deckmark: reference } }));
    writeFileSync(join(project, 'package-lock.json'), JSON.stringify(projectLockfile(reference)));
    execFileSync(npm, ['ci', '--offline', '--no-audit', '--no-fund', '--loglevel=error'], { cwd: project, stdio: 'pipe' });
    writeFileSync(
      join(project, 'talk.md'),
      '---\ntitle: Talk\n---\n# Hello\n\n![A dot](dot.png)\n\n---\n\n## Two\n\n```js\nlet a = 1;\n```\n\nNote: said aloud\n',
    );
    copyFileSync(join(fixturesFolder, 'check', 'dot.png'), join(project, 'dot.png'));
  }, 180_000);

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  const deckmark = (...args: string[]) => execFileSync(npx, ['--offline', 'deckmark', ...args], { cwd: project, encoding: 'utf8', stdio: 'pipe' });

  it('ships compiled lib/ and no TypeScript sources, and installs neither tsx nor esbuild', () => {
    const installed = join(project, 'node_modules', 'deckmark');
    expect(readdirSync(installed).sort()).toEqual(['README.md', 'bin', 'lib', 'package.json', 'templates']);
    expect(existsSync(join(installed, 'lib', 'deckmark.js'))).toBe(true);
    expect(existsSync(join(project, 'node_modules', 'tsx'))).toBe(false);
    expect(existsSync(join(project, 'node_modules', 'esbuild'))).toBe(false);
  });

  it('answers `npx deckmark --version` from lib/ without loading tsx or esbuild', () => {
    const log = join(folder, 'imports.log');
    const version = execFileSync(npx, ['--offline', 'deckmark', '--version'], {
      cwd: project,
      encoding: 'utf8',
      env: { ...process.env, NODE_OPTIONS: `--import ${join(root, 'test', 'helpers', 'record-imports.mjs')}`, DECKMARK_IMPORT_LOG: log },
    });
    expect(version.trim()).toBe(JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).version);
    const loaded = readFileSync(log, 'utf8');
    expect(loaded).toContain('/node_modules/deckmark/lib/deckmark.js');
    expect(loaded).not.toMatch(/tsx|esbuild/);
  });

  it('builds, exports and checks a deck there', () => {
    deckmark('build', 'talk.md');
    const page = readFileSync(join(project, 'dist', 'talk', 'index.html'), 'utf8');
    expect(page).toContain('<span class="hljs-keyword">let</span>');
    expect(readFileSync(join(project, 'dist', 'talk', 'dot.png')).length).toBeGreaterThan(0);

    deckmark('pdf', 'talk.md');
    expect(
      readFileSync(join(project, 'dist', 'talk.pdf'))
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');

    expect(deckmark('check', 'talk.md')).toMatch(/^talk\.md: 2 slides checked · no problems/);
  });
});
