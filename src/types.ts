import type { DeckOptions, PartialDeckOptions } from './config/schema.js';
import type { SourceLocation } from './errors.js';

/** A diagnostic that does not stop the build. */
export interface Warning extends SourceLocation {
  message: string;
  /** Warnings sharing this key are reported once per run, not once per deck. */
  once?: string;
}

/** One slide as the author wrote it: Markdown, not yet rendered. */
export interface Slide {
  /** 1-based line of the slide's first line in the source file. */
  line: number;
  /** Horizontal and vertical position (reveal's indices, from 0). */
  h: number;
  v: number;
  markdown: string;
  /** Line in the source file where `markdown` begins (for errors inside the slide). */
  markdownLine: number;
  notes: string;
  /** Line in the source file where `notes` begins. */
  notesLine: number;
  /** From `<!-- .slide: … -->`, except `layout`. */
  attributes: Record<string, string>;
  layout: string;
  /** Line of the `.slide:` comment that chose the layout, when one did. */
  layoutLine?: number;
}

/** The output of the parse stage. */
export interface Deck {
  file: string;
  /** The options the front matter itself set, validated. */
  frontMatter: PartialDeckOptions;
  /** Every option resolved: CLI > front matter > config file > defaults. */
  options: DeckOptions;
  /** Line where the body starts, after the front matter. */
  bodyLine: number;
  /** Line of each key the front matter sets, for messages about its value. */
  optionLines: ReadonlyMap<string, number>;
  slides: Slide[];
  warnings: Warning[];
}

export interface RenderedSlide {
  source: Slide;
  /** The slide's leading heading as HTML ('' when the slide does not start with one). */
  heading: string;
  /** The rest of the slide cut at `|||` lines: one region, or one per column. */
  regions: string[];
  notesHtml: string;
  /** Plain text of the first heading, for outlines and summaries. */
  title: string;
  /** Local files the slide references, relative to the deck's folder. */
  assets: AssetReference[];
}

export interface AssetReference {
  /** As written by the author. */
  url: string;
  line: number;
}

/** The output of the render stage. */
export interface RenderedDeck {
  deck: Deck;
  /** The deck's title, else its first heading, else its file's name: the one fallback, computed once. */
  title: string;
  slides: RenderedSlide[];
  /** True when a slide or note holds a formula: the page then needs KaTeX's CSS and fonts. */
  usesMath: boolean;
  warnings: Warning[];
}
