// `npm install` runs this (the `prepare` script): it bundles src/ into lib/deckmark.js so the
// CLI starts without compiling TypeScript on every run (measured: a 200-slide build goes from
// ~1.1 s through tsx to ~0.4 s). bin/deckmark.js uses lib/ only while it is newer than every
// file in src/, and runs src/ through tsx otherwise — so a stale or missing lib/ never breaks
// anything, and a failed compile only warns.
import { rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
// `node scripts/compile.mjs DIR` compiles into DIR instead (the tests do); DIR/.. must hold
// templates/ and node_modules/, as lib/.. does.
const out = process.argv[2] ? resolve(process.argv[2]) : join(root, 'lib');

// The packages every build uses are inlined: one file to read instead of ~400. Everything
// else stays a runtime import, so heavy or lazily loaded packages (puppeteer-core, vega,
// KaTeX, highlight.js languages) still load only when a command needs them.
const inlined = new Set(['marked', 'marked-highlight', 'handlebars', 'zod', 'yaml', 'sanitize-html', 'htmlparser2', 'domhandler', 'domutils', 'dom-serializer', 'github-slugger']);

const externalUnlessInlined = {
  name: 'external-unless-inlined',
  setup(build) {
    build.onResolve({ filter: /^[^./]/ }, (args) => {
      if (args.importer.includes(`${join('node_modules', '')}`) || args.path.startsWith('node:')) return undefined;
      const name = args.path.startsWith('@') ? args.path.split('/').slice(0, 2).join('/') : args.path.split('/')[0];
      if (name === 'highlight.js' && args.path === 'highlight.js/lib/core') return undefined;
      return inlined.has(name) ? undefined : { path: args.path, external: true };
    });
  },
};

try {
  const { build } = await import('esbuild');
  rmSync(out, { recursive: true, force: true });
  await build({
    entryPoints: { deckmark: join(root, 'src', 'cli', 'main.ts') },
    outdir: out,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    plugins: [externalUnlessInlined],
    // Inlined CommonJS packages call require(); an ES module has none until we make one.
    banner: { js: "import { createRequire as deckmarkCreateRequire } from 'node:module'; const require = deckmarkCreateRequire(import.meta.url);" },
    logLevel: 'warning',
  });
} catch (error) {
  rmSync(out, { recursive: true, force: true });
  console.warn(`deckmark: could not compile src/ to lib/ (${error.message}); deckmark will run src/ through tsx, which starts slower.`);
}
