import { readFileSync } from 'node:fs';
import { posix } from 'node:path';
import { type Element, Text } from 'domhandler';
import { lookup } from 'mime-types';
import { fail } from '../errors.js';
import { writeFileAtomic } from './files.js';
import type { OutputPlan } from './index.js';
import { elementsOf, mapUrlAttributes, parsePage, serializePage } from './page-urls.js';

/**
 * The single-file stage, after templating: the page with every file of the output plan
 * inlined — stylesheets as <style> (their url()s as data: URLs), scripts as inline
 * <script>, images, media and fonts as data: URLs — so one .html presents offline.
 */
export async function writeSingleFile(plan: OutputPlan, html: string, target: string): Promise<string> {
  const files = new Map<string, () => Buffer>();
  for (const copy of plan.copies) files.set(posix.normalize(copy.to), () => readFileSync(copy.from));
  for (const file of plan.generated) files.set(posix.normalize(file.to), () => Buffer.from(file.content));
  const read = (path: string) => files.get(posix.normalize(decodeUrlPath(path.replace(/[?#].*$/, ''))))?.();

  const document = parsePage(html);
  for (const element of [...elementsOf(document.children)]) {
    if (element.name === 'link' && /\bstylesheet\b/i.test(element.attribs.rel ?? '') && element.attribs.href) {
      const href = element.attribs.href;
      const css = read(href) ?? fail(`cannot inline stylesheet ${href}: it is not part of the deck's output`, 'output', { file: target });
      element.name = 'style';
      element.attribs = {};
      setText(element, inlineCssUrls(css.toString('utf8'), href, read).replace(/<\/(style)/gi, '<\\/$1'));
    } else if (element.name === 'script' && element.attribs.src) {
      const src = element.attribs.src;
      const script = read(src) ?? fail(`cannot inline script ${src}: it is not part of the deck's output`, 'output', { file: target });
      delete element.attribs.src;
      // `</script` inside a string would end the element early.
      setText(element, script.toString('utf8').replace(/<\/(script)/gi, '<\\/$1'));
    }
  }
  mapUrlAttributes(document, (url) => {
    const data = read(url);
    return data === undefined ? undefined : dataUrl(url, data);
  });
  await writeFileAtomic(target, serializePage(document));
  return target;
}

/** Raw text of a <style> or <script>: the serialiser leaves it unescaped because of its parent. */
function setText(element: Element, text: string): void {
  const node = new Text(text);
  node.parent = element;
  element.children = [node];
}

/** Inlines the url()s of a stylesheet that name files of the output (fonts, images). */
function inlineCssUrls(css: string, cssPath: string, read: (path: string) => Buffer | undefined): string {
  return css.replace(/url\(\s*(["']?)([^"')]+)\1\s*\)/g, (whole, _quote: string, url: string) => {
    if (/^(?:data:|[a-z][a-z0-9+.-]*:|#)/i.test(url)) return whole;
    const path = posix.join(posix.dirname(cssPath), url);
    const data = read(path);
    return data === undefined ? whole : `url("${dataUrl(path, data)}")`;
  });
}

function dataUrl(path: string, data: Buffer): string {
  const type = lookup(path.replace(/[?#].*$/, '')) || 'application/octet-stream';
  return `data:${type};base64,${data.toString('base64')}`;
}

/** A malformed escape (`a%zz.png`) names no file of the deck rather than failing the build. */
function decodeUrlPath(path: string): string {
  try {
    return decodeURIComponent(path);
  } catch {
    return path;
  }
}
