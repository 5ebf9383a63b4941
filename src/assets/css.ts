import postcss, { CssSyntaxError, type Root } from 'postcss';
import valueParser from 'postcss-value-parser';
import { fail } from '../errors.js';

/**
 * CSS is read with postcss and postcss-value-parser, never scanned with regular expressions:
 * a `url(` inside a comment or a string is not a reference, and `url(a\)b.png)` is one.
 */
export function parseCss(css: string, file: string): Root {
  try {
    return postcss.parse(css, { from: file });
  } catch (error) {
    if (!(error instanceof CssSyntaxError)) throw error;
    fail(`invalid CSS: ${error.reason}`, 'input', { file, line: error.line }, error);
  }
}

/** Calls `visit` for every `url()` in a declaration; a returned string replaces the URL. */
export function mapCssUrls(root: Root, visit: (url: string) => string | undefined): void {
  root.walkDecls((declaration) => {
    if (!/url\(/i.test(declaration.value)) return;
    const value = valueParser(declaration.value);
    let changed = false;
    value.walk((node) => {
      if (node.type !== 'function' || node.value.toLowerCase() !== 'url') return;
      const url = valueParser
        .stringify(node.nodes)
        .trim()
        .replace(/^(["'])(.*)\1$/s, '$2');
      const replacement = visit(url);
      if (replacement === undefined) return;
      // Quoted as the author quoted it; an unquoted URL stays unquoted unless it needs quotes.
      const quote = node.nodes.find((inner) => inner.type === 'string')?.quote ?? (/[\s'"()\\]/.test(replacement) ? '"' : undefined);
      node.nodes = [
        quote === undefined
          ? ({ type: 'word', value: replacement, sourceIndex: 0, sourceEndIndex: 0 } as valueParser.WordNode)
          : ({ type: 'string', quote, value: replacement, sourceIndex: 0, sourceEndIndex: 0 } as valueParser.StringNode),
      ];
      changed = true;
    });
    if (changed) declaration.value = value.toString();
  });
}

/** The URLs a stylesheet loads through `url()`. */
export function cssUrls(root: Root): string[] {
  const urls: string[] = [];
  mapCssUrls(root, (url) => {
    urls.push(url);
    return undefined;
  });
  return urls;
}

/**
 * Removes `@import`s of web URLs (reveal.js themes import Google Fonts) so a deck never waits
 * on the network. `selfHost` may return CSS that takes an import's place (the same fonts from
 * npm); the hosts of the others are returned, so the author is told why fonts differ.
 */
export function dropWebImports(root: Root, selfHost: (url: string) => string | undefined = () => undefined): string[] {
  const hosts = new Set<string>();
  root.walkAtRules('import', (rule) => {
    const [first] = valueParser(rule.params).nodes;
    const target =
      first?.type === 'string'
        ? first.value
        : first?.type === 'function' && first.value === 'url'
          ? valueParser
              .stringify(first.nodes)
              .trim()
              .replace(/^(["'])(.*)\1$/s, '$2')
          : '';
    if (!/^https?:/i.test(target)) return;
    const replacement = selfHost(target);
    if (replacement !== undefined) {
      rule.replaceWith(postcss.parse(replacement).nodes);
      return;
    }
    try {
      hosts.add(new URL(target).host);
    } catch {
      hosts.add(target);
    }
    rule.remove();
  });
  return [...hosts];
}

/** Whether a CSS URL names a file relative to the stylesheet (not a scheme, fragment or root path). */
export function isRelativeCssUrl(url: string): boolean {
  return url !== '' && !/^(?:[a-z][a-z0-9+.-]*:|#|\/)/i.test(url);
}

/** The items of a comma-separated value (`src: url(a) format(x), url(b)`), as written. */
export function commaList(value: string): string[] {
  const items: valueParser.Node[][] = [[]];
  for (const node of valueParser(value).nodes) {
    if (node.type === 'div' && node.value === ',') items.push([]);
    else items[items.length - 1]!.push(node);
  }
  return items.map((nodes) => valueParser.stringify(nodes).trim());
}
