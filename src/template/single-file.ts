import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { type Element, Text } from 'domhandler';
import { lookup } from 'mime-types';
import { mapCssUrls, parseCss } from '../assets/css.js';
import type { OutputPlan, PageAssets } from '../assets/plan.js';
import { fail } from '../errors.js';
import { elementsOf, parseHtml, serializeHtml } from '../html/dom.js';
import { localFilePath, mapUrlAttributes } from '../html/url-attributes.js';

/**
 * The last step of the template stage for `--single-file`: the page with every file of the
 * output plan inlined — stylesheets as <style> (their url()s as data: URLs), images, media
 * and fonts as data: URLs — so one .html presents offline. Scripts are inlined before
 * templating (`withInlineScripts`). `target` only names the page in messages; writing it is
 * the write stage's job.
 */
export function inlinePage(plan: OutputPlan, html: string, target: string): string {
  const read = outputReader(plan);
  const document = parseHtml(html);
  for (const element of [...elementsOf(document.children)]) {
    if (element.name === 'link' && /\bstylesheet\b/i.test(element.attribs.rel ?? '') && element.attribs.href) {
      const href = element.attribs.href;
      const css = read(href) ?? fail(`cannot inline stylesheet ${href}: it is not part of the deck's output`, 'output', { file: target });
      element.name = 'style';
      element.attribs = {};
      setText(element, inlineCssUrls(css.toString('utf8'), href, read).replace(/<\/(style)/gi, '<\\/$1'));
    }
  }
  // Frames stay files: a document inlined as a data: URL would run in a page of its own.
  mapUrlAttributes(
    document,
    (url) => {
      const data = read(url);
      return data === undefined ? undefined : dataUrl(url, data);
    },
    ['image', 'media', 'style', 'script'],
  );
  return serializeHtml(document);
}

/**
 * The page's scripts as data: URLs. The page's one inline script loads them, and their list is
 * part of its hashed text, so they are inlined before templating rather than after.
 */
export function withInlineScripts(plan: OutputPlan): PageAssets {
  const read = outputReader(plan);
  const scripts = plan.page.scripts.map((src) => dataUrl(src, read(src) ?? fail(`cannot inline script ${src}: it is not part of the deck's output`, 'output')));
  return { ...plan.page, scripts };
}

/** The bytes of a file of the output by its URL in the page; a URL that names no file (a malformed escape, a scheme) reads nothing. */
function outputReader(plan: OutputPlan): (url: string) => Buffer | undefined {
  const files = new Map<string, () => Buffer>();
  for (const copy of plan.copies) files.set(posix.normalize(copy.to), () => readFileSync(copy.from));
  for (const file of plan.generated) files.set(posix.normalize(file.to), () => Buffer.from(file.content));
  return (url) => {
    const path = localFilePath(url);
    return path === undefined ? undefined : files.get(posix.normalize(path))?.();
  };
}

/** Raw text of a <style> or <script>: the serialiser leaves it unescaped because of its parent. */
function setText(element: Element, text: string): void {
  const node = new Text(text);
  node.parent = element;
  element.children = [node];
}

/** Inlines the url()s of a stylesheet that name files of the output (fonts, images). */
function inlineCssUrls(css: string, cssPath: string, read: (path: string) => Buffer | undefined): string {
  const root = parseCss(css, cssPath);
  mapCssUrls(root, (url) => {
    if (/^(?:[a-z][a-z0-9+.-]*:|#)/i.test(url)) return undefined;
    const path = posix.join(posix.dirname(cssPath), url);
    const data = read(path);
    return data === undefined ? undefined : dataUrl(path, data);
  });
  return root.toString();
}

function dataUrl(path: string, data: Buffer): string {
  const type = lookup(path.replace(/[?#].*$/, '')) || 'application/octet-stream';
  return `data:${type};base64,${data.toString('base64')}`;
}
