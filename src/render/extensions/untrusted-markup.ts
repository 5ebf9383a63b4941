import { decodeHTML } from 'entities';
import type { MarkedExtension, Tokens } from 'marked';

/** Schemes a Markdown link or image may use without a sanitiser looking at it. */
const safeLinkSchemes = new Set(['http', 'https', 'mailto', 'tel']);
const safeImageSchemes = new Set(['http', 'https']);
const schemeOf = /^([a-z][a-z0-9+.-]*):/i;

export interface UntrustedMarkupDetector {
  extension: MarkedExtension;
  /** Whether the text parsed since the last call held anything the sanitiser must see; resets. */
  take(): boolean;
}

/**
 * Notices what only the sanitiser can make safe: raw HTML, or a link or image whose URL has a
 * scheme outside a short list (`javascript:` in `[x](…)` or an autolink). Everything else
 * marked writes is escaped by marked itself, so a slide without such tokens skips sanitising —
 * most slides, and a third of the render stage's time.
 */
export function detectUntrustedMarkup(): UntrustedMarkupDetector {
  let found = false;
  return {
    extension: {
      walkTokens(token) {
        if (found) return;
        if (token.type === 'html') found = true;
        else if (token.type === 'link') found = isRiskyUrl((token as Tokens.Link).href, safeLinkSchemes);
        else if (token.type === 'image') found = isRiskyUrl((token as Tokens.Image).href, safeImageSchemes);
      },
    },
    take() {
      const result = found;
      found = false;
      return result;
    },
  };
}

function isRiskyUrl(url: string, safe: Set<string>): boolean {
  // marked keeps character references in URLs (`&#106;avascript:`) and browsers decode them,
  // and browsers ignore control characters and spaces inside a scheme: so must this test.
  // biome-ignore lint/suspicious/noControlCharactersInRegex: matching control characters is the point here.
  const scheme = schemeOf.exec(decodeHTML(url).replace(/[\u0000-\u0020\u007f]/g, ''))?.[1];
  return scheme !== undefined && !safe.has(scheme.toLowerCase());
}
