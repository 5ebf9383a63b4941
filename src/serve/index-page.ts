import Handlebars from 'handlebars';

export interface DeckListing {
  name: string;
  file: string;
  title?: string;
  slides?: number;
  error?: string;
  pdf?: string;
  handout?: string;
}

const escapeHtml = Handlebars.escapeExpression;
const href = (path: string) => escapeHtml(path.split('/').map(encodeURIComponent).join('/'));

/** The page at `/` when a folder of decks is served: what each deck is and where it lives. */
export function renderIndexPage(folder: string, decks: DeckListing[], liveScript: string): string {
  const rows = decks.map((deck) => {
    const links = [`<a href="${href(`/${deck.name}/`)}">slides</a>`];
    if (deck.pdf) links.push(`<a href="${href(`/${deck.pdf}`)}">PDF</a>`);
    if (deck.handout) links.push(`<a href="${href(`/${deck.handout}`)}">handout</a>`);
    const status = deck.error
      ? `<p class="error">build failed: ${escapeHtml(deck.error)}</p>`
      : `<p>${deck.slides} slide${deck.slides === 1 ? '' : 's'} · <code>${escapeHtml(deck.file)}</code></p>`;
    return `<li><h2><a href="${href(`/${deck.name}/`)}">${escapeHtml(deck.title ?? deck.name)}</a></h2>${status}<p class="links">${links.join(' · ')}</p></li>`;
  });
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${escapeHtml(folder)} · deckmark</title>
<style>
body{font:17px/1.5 system-ui,sans-serif;max-width:46rem;margin:3rem auto;padding:0 1.5rem;color:#1c1c1c;background:#fafaf7}
h1{font-size:1.5rem;margin-bottom:2rem}ul{list-style:none;padding:0}li{border-top:1px solid #ddd;padding:1rem 0}
h2{font-size:1.2rem;margin:0}p{margin:.25rem 0;color:#555}.error{color:#b00020;white-space:pre-wrap}a{color:#0b57d0}
</style>
</head>
<body>
<h1>Decks in ${escapeHtml(folder)}</h1>
<ul>
${rows.join('\n')}
</ul>
${liveScript}
</body>
</html>
`;
}

/** Shown at a deck's address until its first good build. */
export function renderBuildErrorPage(name: string, error: string, liveScript: string): string {
  return `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>${escapeHtml(name)} · build failed</title></head>
<body style="font:16px/1.5 system-ui,sans-serif;margin:2rem">
<h1 style="font-size:1.3rem">${escapeHtml(name)} has not built yet</h1>
<pre style="white-space:pre-wrap">${escapeHtml(error)}</pre>
<p>Fix the deck and save: this page updates by itself.</p>
${liveScript}
</body>
</html>
`;
}
