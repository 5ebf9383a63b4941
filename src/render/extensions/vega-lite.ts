import type { MarkedExtension, Tokens } from 'marked';
import { fail } from '../../errors.js';
import type { RenderedCharts } from '../charts.js';
import { fenceLanguage } from '../fences.js';
import type { TrustedFragments } from '../trusted.js';

/**
 * ```vega-lite blocks become the SVG `renderCharts` made before this synchronous pass.
 * The token changes type before the highlighter sees it, so the spec is never coloured.
 */
export function vegaLite(charts: RenderedCharts, trusted: TrustedFragments): MarkedExtension {
  return {
    walkTokens(token) {
      if (fenceLanguage(token as Tokens.Code) === 'vega-lite') token.type = 'vegaLite';
    },
    extensions: [
      {
        name: 'vegaLite',
        renderer(token) {
          const svg = charts.get(token.text as string);
          // A library caller that skipped renderCharts: say so rather than drop the chart.
          if (svg === undefined) fail('a vega-lite chart was not rendered; call renderCharts(deck) before renderDeck', 'generic');
          return trusted.placeholder('figure', 'dm-chart', svg, '');
        },
      },
    ],
  };
}
