// Bundles src/ into lib/deckmark.js so the CLI starts without compiling TypeScript (a build of
// 200 slides: ~1.1 s through tsx, ~0.4 s compiled). `npm pack` runs it (prepack) so the package
// ships lib/; this repository's `npm install` runs it (prepare); bin/deckmark.js runs it in a
// checkout when src/ changed since. A failed compile fails: nothing falls back to src/.
import { renameSync, rmSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// `npm pack` runs prepack and then prepare: the first compile is enough.
if (process.env.npm_lifecycle_event === 'prepare' && ['pack', 'publish'].includes(process.env.npm_command)) process.exit(0);

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

// Compiled beside lib/ and swapped in, so a run started meanwhile never sees half a lib/.
const staging = `${out}.staging-${process.pid}`;
try {
  const { build } = await import('esbuild');
  await build({
    entryPoints: { deckmark: join(root, 'src', 'cli', 'main.ts') },
    outdir: staging,
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
  rmSync(out, { recursive: true, force: true });
  renameSync(staging, out);
} catch (error) {
  rmSync(staging, { recursive: true, force: true });
  console.error(`deckmark: could not compile src/ to lib/: ${error.message}`);
  process.exit(1);
}
