import type { MarkedExtension, Tokens } from 'marked';
import { fail } from '../../errors.js';
import { diagramIdPrefix, diagramKey, diagramLanguages, type RenderedDiagrams } from '../diagrams/index.js';
import { fenceLanguage } from '../fences.js';
import type { TrustedFragments } from '../trusted.js';

/**
 * ```mermaid and ```dot blocks become the SVG `renderDiagrams` made before this synchronous
 * pass. Each occurrence gets its own id prefix, so no two pictures of a deck share an id.
 */
export function diagrams(rendered: RenderedDiagrams, trusted: TrustedFragments): MarkedExtension {
  let occurrence = 0;
  return {
    walkTokens(token) {
      const language = fenceLanguage(token as Tokens.Code);
      if (language !== undefined && language in diagramLanguages) {
        token.type = 'diagram';
        (token as Tokens.Generic).language = language;
      }
    },
    extensions: [
      {
        name: 'diagram',
        renderer(token) {
          const svg = rendered.get(diagramKey(token.language as string, token.text as string));
          if (svg === undefined) fail('a diagram was not rendered; call renderDiagrams(deck) before renderDeck', 'generic');
          occurrence++;
          return trusted.placeholder('figure', 'dm-diagram', svg.replaceAll(diagramIdPrefix, `dm-d${occurrence}-`), '');
        },
      },
    ],
  };
}
