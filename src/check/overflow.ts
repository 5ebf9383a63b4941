import type { ProbeContext, ProbeFinding } from './types.js';

/**
 * Content taller or wider than the slide. Measures the extent of everything the slide shows —
 * every element and text run, clipped by any scrolling or hidden-overflow container on the
 * way, as the audience would see it — against the slide box (deck width × height from the
 * section's top-left corner). The section's own box says nothing: the theme's title, section
 * and quote layouts are flex columns of height 100% whose children spill out of it.
 * Runs in the page (see SlideProbe).
 */
export function probeOverflow(section: HTMLElement, context: ProbeContext): ProbeFinding[] {
  interface Box {
    left: number;
    top: number;
    right: number;
    bottom: number;
  }
  const box = section.getBoundingClientRect();
  // Reveal scales the whole deck to the window: work in slide pixels whatever the scale.
  const scale = section.offsetWidth > 0 ? box.width / section.offsetWidth : 1;
  const extent: Box = { left: Infinity, top: Infinity, right: -Infinity, bottom: -Infinity };
  const range = document.createRange();

  const include = (rect: DOMRect, clip: Box) => {
    if (rect.width <= 0 || rect.height <= 0) return;
    const left = Math.max(rect.left, clip.left);
    const top = Math.max(rect.top, clip.top);
    const right = Math.min(rect.right, clip.right);
    const bottom = Math.min(rect.bottom, clip.bottom);
    if (right <= left || bottom <= top) return;
    extent.left = Math.min(extent.left, left);
    extent.top = Math.min(extent.top, top);
    extent.right = Math.max(extent.right, right);
    extent.bottom = Math.max(extent.bottom, bottom);
  };

  const visit = (element: Element, clip: Box, visible: boolean) => {
    for (const child of element.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) {
        if (!visible || !child.textContent?.trim()) continue;
        range.selectNodeContents(child);
        include(range.getBoundingClientRect(), clip);
        continue;
      }
      if (!(child instanceof Element) || child.matches('aside.notes')) continue;
      const style = getComputedStyle(child);
      if (style.display === 'none') continue;
      const rect = child.getBoundingClientRect();
      const shown = style.visibility === 'visible';
      if (shown) include(rect, clip);
      // An SVG clips its own drawing; thousands of chart marks add nothing but time.
      if (child instanceof SVGSVGElement) continue;
      const inner = { ...clip };
      // A box clipped to a pixel on purpose (KaTeX's MathML for screen readers) hides nothing.
      const visuallyHidden = style.clip !== 'auto' || style.clipPath !== 'none' || rect.width <= 1 || rect.height <= 1;
      if ((style.overflowX !== 'visible' || style.overflowY !== 'visible') && !visuallyHidden) noteClipped(child);
      if (style.overflowX !== 'visible') {
        inner.left = Math.max(inner.left, rect.left);
        inner.right = Math.min(inner.right, rect.right);
      }
      if (style.overflowY !== 'visible') {
        inner.top = Math.max(inner.top, rect.top);
        inner.bottom = Math.min(inner.bottom, rect.bottom);
      }
      visit(child, inner, shown);
    }
  };

  const clipped: ProbeFinding[] = [];
  // Content a scrolling box hides: reachable with a mouse wheel, cut off in every PDF.
  const noteClipped = (element: Element) => {
    const hiddenBelow = element.scrollHeight - element.clientHeight;
    const hiddenRight = element.scrollWidth - element.clientWidth;
    if (hiddenBelow < 2 && hiddenRight < 2) return;
    const amounts = [hiddenBelow >= 2 ? `${hiddenBelow} px more below` : '', hiddenRight >= 2 ? `${hiddenRight} px more to the right` : ''].filter(Boolean);
    clipped.push({
      rule: 'clipped-content',
      severity: 'warning',
      message: `a <${element.tagName.toLowerCase()}> box is too small for its content (${amounts.join(' and ')}): it scrolls on screen and is cut off in PDFs; shorten it`,
    });
  };

  visit(section, { left: -Infinity, top: -Infinity, right: Infinity, bottom: Infinity }, true);
  if (extent.left > extent.right) return clipped;

  const overflow = {
    top: (box.top - extent.top) / scale,
    bottom: (extent.bottom - box.top) / scale - context.height,
    left: (box.left - extent.left) / scale,
    right: (extent.right - box.left) / scale - context.width,
  };
  // Sub-pixel spill is rounding in text layout, not something anyone can see.
  const sides = (['bottom', 'right', 'top', 'left'] as const).map((side) => ({ side, pixels: Math.round(overflow[side]) })).filter(({ pixels }) => pixels >= 1);
  if (sides.length === 0) return clipped;
  const where = { top: 'at the top', bottom: 'at the bottom', left: 'on the left', right: 'on the right' };
  const parts = sides.map(({ side, pixels }) => `${pixels} px ${where[side]}`);
  return [
    ...clipped,
    {
      rule: 'overflow',
      severity: 'error',
      message: `content overflows the ${context.width}×${context.height} slide by ${parts.join(' and ')}; shorten it, split the slide or make it smaller`,
    },
  ];
}
