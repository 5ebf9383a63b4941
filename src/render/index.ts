import GithubSlugger from 'github-slugger';
import type { AssetReference, Deck, RenderedDeck, RenderedSlide, Slide } from '../types.js';
import { runHtmlPass } from './html-pass.js';
import { createMarkdownRenderer } from './markdown.js';
import { sanitize } from './sanitize.js';

/** The render stage: each slide's Markdown and notes become HTML. Pure, like parse. */
export function renderDeck(deck: Deck): RenderedDeck {
  const markdown = createMarkdownRenderer();
  const slugger = new GithubSlugger();
  const { html: trustAuthorHtml, incremental } = deck.options;
  const clean = (html: string) => (trustAuthorHtml ? html : sanitize(html));

  const slides = deck.slides.map((slide): RenderedSlide => {
    const body = runHtmlPass(markdown.parse(slide.markdown, { async: false }), {
      incremental: incremental || slide.attributes.incremental === 'true',
      slugger,
    });
    const notes =
      slide.notes === ''
        ? ''
        : clean(runHtmlPass(markdown.parse(slide.notes, { async: false }), { incremental: false, slugger: new GithubSlugger() }).regions.join('\n'));
    return {
      source: slide,
      heading: clean(body.heading),
      regions: body.regions.map(clean),
      notesHtml: notes,
      title: body.title,
      assets: [...body.urls, ...backgroundUrls(slide)].map((url) => locateReference(url, slide)),
    };
  });
  return { deck, slides, warnings: [] };
}

function backgroundUrls(slide: Slide): string[] {
  return ['data-background-image', 'data-background-video', 'data-background-iframe']
    .map((name) => slide.attributes[name])
    .filter((value): value is string => value !== undefined && value !== '' && !/^[a-z][a-z0-9+.-]*:/i.test(value));
}

/** The line where the reference is written, for messages; the slide's line when not found. */
function locateReference(url: string, slide: Slide): AssetReference {
  const lines = slide.markdown.split('\n');
  const index = lines.findIndex((line) => line.includes(url));
  return { url, line: index === -1 ? slide.line : slide.markdownLine + index };
}
