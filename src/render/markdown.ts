import { Marked } from 'marked';
import type { RenderedCharts } from './charts.js';
import type { RenderedDiagrams } from './diagrams/index.js';
import { diagrams } from './extensions/diagrams.js';
import { highlightCode } from './extensions/highlight.js';
import { math } from './extensions/math.js';
import type { UntrustedMarkupDetector } from './extensions/untrusted-markup.js';
import { vegaLite } from './extensions/vega-lite.js';
import type { TrustedFragments } from './trusted.js';

/**
 * The Markdown renderer. Every extension is registered here, in order, one feature per
 * file — this chain is the whole of what deckmark adds to marked. Charts and diagrams come
 * after the highlighter so that their tokens are claimed before they are coloured; the untrusted-markup
 * detector comes last, so it sees the tokens every other extension left.
 */
export function createMarkdownRenderer(
  trusted: TrustedFragments,
  pictures: { charts: RenderedCharts; diagrams: RenderedDiagrams },
  untrusted: UntrustedMarkupDetector,
): Marked {
  // Blank lines stay in the HTML, as in reveal.js's plugin: an attribute comment after a blank
  // line applies to the whole list, right under the list to its last item.
  return new Marked({ gfm: true, breaks: false, renderer: { space: ({ raw }) => raw } }).use(
    ...highlightCode(),
    math(trusted),
    vegaLite(pictures.charts, trusted),
    diagrams(pictures.diagrams, trusted),
    untrusted.extension,
  );
}
