import { Marked } from 'marked';
import { highlightCode } from './extensions/highlight.js';

/**
 * The Markdown renderer. Every extension is registered here, in order, one feature per
 * file — this chain is the whole of what deckmark adds to marked.
 */
export function createMarkdownRenderer(): Marked {
  return new Marked({ gfm: true, breaks: false }).use(highlightCode());
}
