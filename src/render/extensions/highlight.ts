import hljs from 'highlight.js';
import type { MarkedExtension } from 'marked';
import { markedHighlight } from 'marked-highlight';

/**
 * Highlights code at build time, so the HTML, the PDF and the handout show colours
 * without running highlight.js in the browser.
 */
export function highlightCode(): MarkedExtension {
  return markedHighlight({
    langPrefix: 'hljs language-',
    highlight(code, info) {
      const language = info.split(/\s/)[0] ?? '';
      if (language !== '' && hljs.getLanguage(language)) return hljs.highlight(code, { language, ignoreIllegals: true }).value;
      return hljs.highlight(code, { language: 'plaintext' }).value;
    },
  });
}
