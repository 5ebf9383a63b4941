import type { ProbeFinding } from './types.js';

/**
 * Slides that deck.js shrank to fit (its `data-fit` factor) so far that their text no longer
 * reads from the back of a room. Runs in the page (see SlideProbe).
 */
export function probeFit(section: HTMLElement): ProbeFinding[] {
  // Below 75% of the type scale (46 px body text at 1080 px high: 34 px), text is too small.
  const readableFit = 0.75;
  const fit = Number(section.dataset.fit ?? 1);
  if (!(fit < readableFit)) return [];
  return [
    {
      rule: 'shrunk-text',
      severity: 'warning',
      message: `content shrunk to ${Math.round(fit * 100)}% to fit the slide (body text ${Math.round(46 * fit)} px on a 1920×1080 slide); split the slide or cut text`,
    },
  ];
}
