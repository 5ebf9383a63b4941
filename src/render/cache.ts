/** marked's output for one piece of Markdown, and whether it holds anything to sanitise. */
export interface ParsedMarkdown {
  html: string;
  needsSanitizing: boolean;
}

/**
 * Remembers marked's output by source text for a long-running process (`deckmark serve`), so
 * a save re-parses only the slides whose text changed — the bulk of a rebuild. Bounded: the
 * least recently used entries go first.
 */
export class MarkdownCache {
  readonly #entries = new Map<string, ParsedMarkdown>();

  constructor(private readonly limit = 20_000) {}

  get(text: string): ParsedMarkdown | undefined {
    const hit = this.#entries.get(text);
    if (hit) {
      // Map keeps insertion order; moving a hit to the end makes the first key the oldest.
      this.#entries.delete(text);
      this.#entries.set(text, hit);
    }
    return hit;
  }

  set(text: string, parsed: ParsedMarkdown): void {
    this.#entries.set(text, parsed);
    if (this.#entries.size > this.limit) this.#entries.delete(this.#entries.keys().next().value!);
  }
}
