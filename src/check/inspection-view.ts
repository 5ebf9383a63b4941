/**
 * Turns the presentation into an inspection view, in the page: every slide laid out at once,
 * one below the other at its true size (deck width × height, the theme's own padding and
 * layouts), every fragment shown, nothing animated or clipped by Reveal's viewport.
 *
 * Why not Reveal's own views: `?print-pdf` and the scroll view force `display: block` and
 * `padding: 0` on every section, which undoes the theme's layouts, so measurements there
 * would not be the slides the audience sees. And navigating slide by slide costs a full
 * Reveal update per slide (quadratic in the deck's size) and leaves all but one slide hidden
 * from axe. Resolves once Reveal is ready, the fonts every slide uses are loaded and every
 * image has loaded or failed. Runs in the page: self-contained.
 */
export async function openInspectionView(size: { width: number; height: number }): Promise<void> {
  await (window as unknown as { deckmarkReady?: Promise<unknown> }).deckmarkReady;

  const { width, height } = size;
  const style = document.createElement('style');
  style.textContent = `
    html, body, .reveal-viewport { width: auto !important; height: auto !important; overflow: visible !important; transform: none !important; }
    .reveal { width: ${width}px !important; height: auto !important; overflow: visible !important; position: static !important; }
    .reveal .slides { position: static !important; inset: auto !important; margin: 0 !important; width: ${width}px !important; height: auto !important;
      transform: none !important; zoom: 1 !important; perspective: none !important; }
    .reveal .slides section { position: relative !important; left: 0 !important; top: 0 !important; transform: none !important;
      opacity: 1 !important; visibility: visible !important; }
    .reveal .slides > section:not(.stack), .reveal .slides > section.stack > section { width: ${width}px !important; height: ${height}px !important; }
    .reveal .slides > section.stack { display: block !important; width: ${width}px !important; height: auto !important; }
    .reveal .backgrounds, .reveal .controls, .reveal .progress, .reveal .slide-number, .reveal .pause-overlay { display: none !important; }
    *, *::before, *::after { transition: none !important; animation: none !important; }`;
  document.head.append(style);

  for (const section of document.querySelectorAll<HTMLElement>('.reveal .slides section')) {
    // Reveal hides slides away from the current one; the theme decides how a shown slide lays out.
    section.classList.remove('past', 'future');
    section.classList.add('present');
    section.removeAttribute('hidden');
    section.removeAttribute('aria-hidden');
    section.removeAttribute('inert');
    section.style.removeProperty('display');
    // Reveal paints slide backgrounds in a separate layer; bring them under their slide so
    // contrast is judged against what is really behind the text.
    const background = section.dataset;
    if (background.backgroundColor) section.style.backgroundColor = background.backgroundColor;
    const image = background.backgroundImage ? `url(${JSON.stringify(background.backgroundImage)})` : background.backgroundGradient;
    if (image) {
      section.style.backgroundImage = image;
      section.style.backgroundSize = background.backgroundSize ?? 'cover';
      section.style.backgroundPosition = background.backgroundPosition ?? 'center';
      section.style.backgroundRepeat = background.backgroundRepeat ?? 'no-repeat';
    }
  }
  // The final state of a slide is what must fit: every fragment shown.
  for (const fragment of document.querySelectorAll('.reveal .slides .fragment')) fragment.classList.add('visible');
  // Reveal loads `data-src` media only near the current slide.
  for (const lazy of document.querySelectorAll<HTMLElement>('.reveal .slides [data-src]:not([src])')) lazy.setAttribute('src', lazy.dataset.src ?? '');
  for (const image of document.images) image.loading = 'eager';

  // Laying out every slide is what makes the browser request the fonts they use.
  document.body.getBoundingClientRect();
  await document.fonts.ready;
  await Promise.all([...document.images].map((image) => image.decode().catch(() => undefined)));
}
