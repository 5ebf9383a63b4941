import { createRequire } from 'node:module';
import type katexModule from 'katex';
import type { MarkedExtension, Tokens } from 'marked';
import type { TrustedFragments } from '../trusted.js';

/** A formula KaTeX cannot parse; the render stage turns it into an error at its line. */
export class MathError extends Error {
  constructor(
    readonly tex: string,
    readonly reason: string,
  ) {
    super(reason);
    this.name = 'MathError';
  }
}

interface MathToken extends Tokens.Generic {
  text: string;
  display: boolean;
}

// `$$…$$` on lines of its own: a display formula.
const blockPattern = /^ {0,3}\$\$([\s\S]+?)\$\$[ \t]*(?:\n+|$)/;
// `$$…$$` inside a paragraph, then `$…$` with pandoc's rules, so that prose such as
// "$50M to $100M" stays text: no space after the opening `$`, none before the closing
// one, and no digit right after it.
const inlineDisplayPattern = /^\$\$(?!\$)([\s\S]+?)\$\$/;
const inlinePattern = /^\$(?![\s$])((?:\\[\s\S]|[^\\$])+?)(?<!\s)\$(?!\d)/;

/** `$…$` and `$$…$$` rendered to HTML and MathML at build time: no script in the deck. */
export function math(trusted: TrustedFragments): MarkedExtension {
  const render = (token: MathToken, inline: boolean) => {
    let html: string;
    try {
      html = loadKatex().renderToString(token.text, { displayMode: token.display, throwOnError: true, output: 'htmlAndMathml', strict: 'ignore' });
    } catch (error) {
      throw new MathError(token.text, (error as Error).message.replace(/^KaTeX parse error: /, ''));
    }
    const className = token.display ? 'dm-math dm-math-display' : 'dm-math';
    return trusted.placeholder(inline ? 'span' : 'div', className, html, token.text.trim());
  };
  return {
    extensions: [
      {
        name: 'blockMath',
        level: 'block',
        // marked asks this for every paragraph with the rest of the document; looking past the
        // paragraph's end made a 10 MB deck quadratic (16 s), and a formula there cannot cut it.
        start: (src) => {
          const paragraphEnd = src.indexOf('\n\n');
          return (paragraphEnd === -1 ? src : src.slice(0, paragraphEnd)).match(/^ {0,3}\$\$/m)?.index;
        },
        tokenizer(src) {
          const match = blockPattern.exec(src);
          if (match) return { type: 'blockMath', raw: match[0], text: match[1]!, display: true };
          return undefined;
        },
        renderer: (token) => render(token as MathToken, false),
      },
      {
        name: 'inlineMath',
        level: 'inline',
        start: (src) => {
          const index = src.indexOf('$');
          return index === -1 ? undefined : index;
        },
        tokenizer(src) {
          const display = inlineDisplayPattern.exec(src);
          if (display) return { type: 'inlineMath', raw: display[0], text: display[1]!, display: true };
          const inline = inlinePattern.exec(src);
          if (inline) return { type: 'inlineMath', raw: inline[0], text: inline[1]!, display: false };
          return undefined;
        },
        renderer: (token) => render(token as MathToken, true),
      },
    ],
  };
}

let katex: typeof katexModule | undefined;

/** KaTeX loads on the first formula: decks without math do not pay for it. */
function loadKatex(): typeof katexModule {
  katex ??= createRequire(import.meta.url)('katex') as typeof katexModule;
  return katex;
}
