import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { builtInTemplates, packageFolder } from '../paths.js';

/** What the page's one inline script starts: Reveal's options and the scripts to load, in order. */
export interface DeckSettings {
  config: Record<string, unknown>;
  scripts: string[];
}

let starter: string | undefined;

/**
 * The page's only script element: deck.js called with the deck's settings. The settings are
 * embedded as JSON that cannot close the element (see embedJson), on the last line, where
 * live reload reads them back.
 */
export function bootScript(settings: DeckSettings): string {
  starter ??= readFileSync(join(builtInTemplates, 'client', 'deck.js'), 'utf8')
    .trim()
    .replace(/;$/, '');
  return `(${starter})(\n${embedJson(settings)});`;
}

/** A CSP hash source for an inline script's exact text. */
export function scriptHash(text: string): string {
  return `'sha256-${createHash('sha256').update(text, 'utf8').digest('base64')}'`;
}

/**
 * The page's policy: only the listed inline scripts run, plus what they load ('strict-dynamic');
 * no inline handlers, no `javascript:` URLs, no plugins, no <base> and no form posts. Images,
 * fonts, styles and frames stay open: decks show pictures and pages from the web.
 */
export function contentSecurityPolicy(inlineScripts: string[]): string {
  const hashes = [...inlineScripts, speakerViewScript()].map(scriptHash).join(' ');
  return `script-src ${hashes} 'strict-dynamic'; object-src 'none'; base-uri 'none'; form-action 'none'`;
}

const policyStart = '<meta http-equiv="Content-Security-Policy" content="script-src ';

/** Lets one more inline script run on a built page (the dev server's live reload). */
export function allowInlineScript(html: string, script: string): string {
  return html.replace(policyStart, `${policyStart}${scriptHash(script)} `);
}

let speakerView: string | undefined;

/**
 * reveal's notes plugin writes the speaker view into an about:blank window, which inherits
 * the deck's policy: its inline script must be listed too. It is read from the installed
 * plugin, where it sits in a template literal, so the literal's escapes are undone.
 */
export function speakerViewScript(): string {
  if (speakerView === undefined) {
    const plugin = readFileSync(join(packageFolder('reveal.js'), 'dist', 'plugin', 'notes.js'), 'utf8');
    const start = plugin.indexOf('<script>');
    const end = plugin.indexOf('<\\/script>', start);
    if (start === -1 || end === -1) throw new Error("reveal.js's notes plugin no longer holds the speaker view's script where deckmark looks for it");
    const literal = plugin.slice(start + '<script>'.length, end);
    if (/\$\{|\\[^\\`$/]/.test(literal.replace(/\\\\/g, ''))) throw new Error("the speaker view's script uses template-literal features deckmark cannot read");
    speakerView = literal.replace(/\\([\\`$/])/g, '$1');
  }
  return speakerView;
}

/**
 * JSON inside <script> must not be able to close the element or open a comment, whatever
 * the front matter holds: every `<` becomes `\u003c`, and the JS line separators are escaped.
 */
export function embedJson(value: unknown): string {
  return JSON.stringify(value)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}
