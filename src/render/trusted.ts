import { randomBytes } from 'node:crypto';

export type TrustedTag = 'span' | 'div' | 'figure';

/**
 * HTML that deckmark itself produced (KaTeX, chart SVG) must neither be mangled by the
 * sanitiser nor open a hole in it. Extensions store it here and emit a placeholder instead:
 * a plain element holding a token made of a per-build random nonce. The sanitiser keeps
 * the element and its text, `.element` comments can style the element, and only after
 * sanitising is the token swapped for the stored HTML. An author cannot forge a token
 * without the nonce, so no author HTML ever reaches the page unsanitised this way.
 */
export class TrustedFragments {
  readonly #nonce = randomBytes(12).toString('hex');
  readonly #fragments: { html: string; text: string }[] = [];
  readonly #pattern = new RegExp(`dm-trusted-${this.#nonce}-(\\d+)`, 'g');
  /** The placeholder classes used so far (`dm-math`, `dm-chart`): what the page must load. */
  readonly kinds = new Set<string>();

  /** The placeholder element; `text` stands for the fragment in titles and outlines. */
  placeholder(tag: TrustedTag, className: string, html: string, text: string): string {
    this.kinds.add(className.split(' ')[0]!);
    const token = `dm-trusted-${this.#nonce}-${this.#fragments.push({ html, text }) - 1}`;
    return `<${tag} class="${className}">${token}</${tag}>`;
  }

  get size(): number {
    return this.#fragments.length;
  }

  /** Replaces every token by its HTML; run on sanitised HTML only. */
  fill(html: string): string {
    return html.replace(this.#pattern, (_, index: string) => this.#fragments[Number(index)]!.html);
  }

  /** Replaces every token by its plain-text stand-in (for titles). */
  fillText(text: string): string {
    return text.replace(this.#pattern, (_, index: string) => this.#fragments[Number(index)]!.text);
  }
}
