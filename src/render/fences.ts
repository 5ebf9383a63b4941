import { Marked, type Tokens } from 'marked';
import type { Deck } from '../types.js';

/** A fenced code block that a build stage turns into a picture (a chart, a diagram). */
export interface FencedBlock {
  /** The fence's language word, lower-cased: `vega-lite`, `mermaid`, `dot`. */
  language: string;
  text: string;
  /** The line of the opening fence in the deck file. */
  line: number;
}

/** The first word of a code token's info string: what the fence claims to be. */
export function fenceLanguage(token: { type: string; lang?: string }): string | undefined {
  return token.type === 'code' ? token.lang?.trim().split(/\s/)[0]?.toLowerCase() : undefined;
}

/**
 * Every fence of the given languages in the deck's slides and notes, found in marked's
 * tokens, so a fence shown inside another code block is never taken for a real one.
 */
export function findFencedBlocks(deck: Deck, languages: readonly string[]): FencedBlock[] {
  const lexer = new Marked({ gfm: true });
  const blocks: FencedBlock[] = [];
  for (const slide of deck.slides) {
    for (const [markdown, firstLine] of [
      [slide.markdown, slide.markdownLine],
      [slide.notes, slide.notesLine],
    ] as const) {
      if (!languages.some((language) => markdown.toLowerCase().includes(language))) continue;
      lexer.walkTokens(lexer.lexer(markdown), (token) => {
        const language = fenceLanguage(token as Tokens.Code);
        if (language === undefined || !languages.includes(language)) return;
        const before = markdown.slice(0, Math.max(0, markdown.indexOf(token.raw)));
        blocks.push({ language, text: (token as Tokens.Code).text, line: firstLine + before.split('\n').length - 1 });
      });
    }
  }
  return blocks;
}
