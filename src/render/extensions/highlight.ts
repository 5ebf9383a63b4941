import type { MarkedExtension, Tokens } from 'marked';
import { markedHighlight } from 'marked-highlight';
import { numberedCodeBlock, parseFenceInfo } from '../code-lines.js';
import { highlighterFor } from './highlight-languages.js';

/**
 * Highlights code at build time, so the HTML, the PDF and the handout show colours
 * without running highlight.js in the browser. A fence with reveal.js's line-number
 * bracket (```` ```js [1|3-5] ````) becomes the numbered, stepped block reveal.js's
 * highlight plugin would make of it.
 */
export function highlightCode(): MarkedExtension[] {
  const highlighting = markedHighlight({
    langPrefix: 'hljs language-',
    highlight(code, info) {
      const { language } = parseFenceInfo(info);
      const hljs = language === '' ? undefined : highlighterFor(language);
      if (hljs) return hljs.highlight(code, { language, ignoreIllegals: true }).value;
      return highlighterFor('plaintext')!.highlight(code, { language: 'plaintext' }).value;
    },
  });
  const lineNumbers: MarkedExtension = {
    renderer: {
      code(token: Tokens.Code) {
        const info = parseFenceInfo(token.lang ?? '');
        if (info.lineNumbers === undefined) return false;
        const classValue = info.language === '' ? 'hljs' : `hljs language-${info.language.replace(/[^\w-]/g, '')}`;
        return numberedCodeBlock(token.text, info, classValue);
      },
    },
  };
  return [highlighting, lineNumbers];
}
