import { Marked } from 'marked';
import type { RenderedCharts } from './charts.js';
import { highlightCode } from './extensions/highlight.js';
import { math } from './extensions/math.js';
import type { UntrustedMarkupDetector } from './extensions/untrusted-markup.js';
import { vegaLite } from './extensions/vega-lite.js';
import type { TrustedFragments } from './trusted.js';

/**
 * The Markdown renderer. Every extension is registered here, in order, one feature per
 * file — this chain is the whole of what deckmark adds to marked. Charts come after the
 * highlighter so that their token is claimed before it is coloured; the untrusted-markup
 * detector comes last, so it sees the tokens every other extension left.
 */
export function createMarkdownRenderer(trusted: TrustedFragments, charts: RenderedCharts, untrusted: UntrustedMarkupDetector): Marked {
  // Blank lines stay in the HTML, as in reveal.js's plugin: an attribute comment after a blank
  // line applies to the whole list, right under the list to its last item.
  return new Marked({ gfm: true, breaks: false, renderer: { space: ({ raw }) => raw } }).use(
    highlightCode(),
    math(trusted),
    vegaLite(charts, trusted),
    untrusted.extension,
  );
}
