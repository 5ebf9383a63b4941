export type Severity = 'error' | 'warning';

/** A problem as a page probe sees it: the slide is known only by its section's `data-line`. */
export interface ProbeFinding {
  rule: string;
  severity: Severity;
  message: string;
}

export interface PageFinding extends ProbeFinding {
  /** The slide's first line in the Markdown, or null for the deck as a whole (fonts, theme). */
  line: number | null;
}

/** One finding as `deckmark check` reports it. */
export interface Finding extends ProbeFinding {
  file: string;
  line: number;
  /** Reveal's indices of the slide; null when the finding is about the whole deck. */
  slide: { h: number; v: number } | null;
}

/** What every slide probe knows besides the slide itself. */
export interface ProbeContext {
  /** The deck's slide size, in slide pixels. */
  width: number;
  height: number;
  /** Absolute URLs of local files the page asked for and could not load. */
  failedUrls: string[];
}

/**
 * A check that runs inside the page, on one slide's `<section>`. It is sent to the page as
 * source text, so it must be self-contained: no imports, no closures over module scope.
 */
export type SlideProbe = (section: HTMLElement, context: ProbeContext) => ProbeFinding[];

/** The rules `pdf` and `png` report from the page they export: what makes a slide look wrong. */
export const exportRules: ReadonlySet<string> = new Set(['overflow', 'image-missing', 'font-failed']);

/** Every rule name `--ignore` and `data-check-ignore` accept; axe rules are `accessibility/<id>`. */
export const ruleNames = [
  'overflow',
  'clipped-content',
  'shrunk-text',
  'image-missing',
  'image-alt',
  'javascript-link',
  'empty-slide',
  'no-heading',
  'font-failed',
  'external-request',
  'page-error',
  'accessibility',
] as const;
