// The floor for `build`: bare marked + Handlebars, the same deck to one HTML page on disk.
// No options, no highlighting, no sanitising — the least any Markdown → HTML deck tool does.
// Usage: node bench/floor-render.mjs deck.md out.html
import { readFileSync, writeFileSync } from 'node:fs';
import Handlebars from 'handlebars';
import { marked } from 'marked';

const [input, output] = process.argv.slice(2);
const text = readFileSync(input, 'utf8').replace(/^---\n[\s\S]*?\n---\n/, '');
const slides = text.split(/^---$/m).map((markdown) => {
  const [body, notes = ''] = markdown.split(/^Note:/m);
  return { html: marked.parse(body), notes: notes && marked.parse(notes) };
});
const page = Handlebars.compile(`<!doctype html><html><head><meta charset="utf-8"><link rel="stylesheet" href="reveal.css"></head>
<body><div class="reveal"><div class="slides">{{#each slides}}<section>{{{html}}}{{#if notes}}<aside class="notes">{{{notes}}}</aside>{{/if}}</section>
{{/each}}</div></div><script src="reveal.js"></script></body></html>`);
writeFileSync(output, page({ slides }));
