import type { PageFinding } from './types.js';

/**
 * Font faces the page tried and failed to load: the text then falls back to another font and
 * the deck no longer looks the way it was designed. Faces never needed stay "unloaded" and are
 * fine. About the whole deck, not a slide. Runs in the page.
 */
export function probeFonts(): PageFinding[] {
  const failed = new Set<string>();
  document.fonts.forEach((face) => {
    if (face.status === 'error') failed.add(`"${face.family.replace(/^["']|["']$/g, '')}" (weight ${face.weight}, ${face.style})`);
  });
  return [...failed].map((face) => ({
    line: null,
    rule: 'font-failed',
    severity: 'warning',
    message: `font ${face} failed to load, so text falls back to another font; check the theme's @font-face url()s`,
  }));
}
