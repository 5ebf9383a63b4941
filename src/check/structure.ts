import type { ProbeFinding } from './types.js';

/**
 * Empty slides, and slides with text but no heading (a slide's heading is its title for
 * screen readers and in the outline). A full-bleed image slide and a quotation have no
 * heading by design, and a slide that is only a picture needs none.
 * Runs in the page (see SlideProbe).
 */
export function probeStructure(section: HTMLElement): ProbeFinding[] {
  const exemptLayouts = ['image', 'quote'];
  const media = 'img, svg, video, audio, iframe, canvas, object, embed, picture, math';
  const shown = [...section.children].filter((child) => !child.matches('aside.notes'));
  const text = shown.some((child) => child.textContent?.trim());
  const hasMedia =
    shown.some((child) => child.matches(media) || child.querySelector(media)) ||
    ['data-background-image', 'data-background-video', 'data-background-iframe'].some((name) => section.hasAttribute(name));

  if (!text && !hasMedia) {
    return [{ rule: 'empty-slide', severity: 'warning', message: 'slide is empty; remove the extra separator or give it content' }];
  }
  const layout = section.getAttribute('data-layout') ?? '';
  const heading = shown.some((child) => child.matches('h1, h2, h3, h4, h5, h6') || child.querySelector('h1, h2, h3, h4, h5, h6, [role="heading"]'));
  if (!text || heading || exemptLayouts.includes(layout)) return [];
  return [{ rule: 'no-heading', severity: 'warning', message: 'slide has no heading; start it with a title such as "## …"' }];
}
