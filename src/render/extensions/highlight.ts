import type { MarkedExtension } from 'marked';
import { markedHighlight } from 'marked-highlight';
import { highlighterFor } from './highlight-languages.js';

/**
 * Highlights code at build time, so the HTML, the PDF and the handout show colours
 * without running highlight.js in the browser.
 */
export function highlightCode(): MarkedExtension {
  return markedHighlight({
    langPrefix: 'hljs language-',
    highlight(code, info) {
      const language = info.split(/\s/)[0] ?? '';
      const hljs = language === '' ? undefined : highlighterFor(language);
      if (hljs) return hljs.highlight(code, { language, ignoreIllegals: true }).value;
      return highlighterFor('plaintext')!.highlight(code, { language: 'plaintext' }).value;
    },
  });
}
