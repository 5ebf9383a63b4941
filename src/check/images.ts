import type { ProbeContext, ProbeFinding } from './types.js';

/**
 * Images that did not load or decode (error), and images without a text alternative
 * (warning). Images from the network are left to the external-request rule: the check blocks
 * them, so "not loaded" would say nothing about them. Runs in the page (see SlideProbe).
 */
export function probeImages(section: HTMLElement, context: ProbeContext): ProbeFinding[] {
  const findings: ProbeFinding[] = [];
  const isLocal = (url: string) => /^(file|data|blob):/i.test(url);
  const shortName = (url: string) => (url.startsWith('data:') ? `${url.slice(0, 30)}…` : url);

  for (const image of section.querySelectorAll('img')) {
    if (image.closest('aside.notes')) continue;
    const written = image.getAttribute('src') ?? '';
    const url = image.currentSrc || image.src;
    if (url && isLocal(url) && image.complete && image.naturalWidth === 0) {
      findings.push({
        rule: 'image-missing',
        severity: 'error',
        message: `image "${shortName(written)}" did not load: the file is missing or is not an image the browser can decode`,
      });
    }
    const decorative = image.getAttribute('role') === 'presentation' || image.getAttribute('aria-hidden') === 'true';
    if (!decorative && !image.getAttribute('alt')?.trim()) {
      findings.push({
        rule: 'image-alt',
        severity: 'warning',
        message: `image "${shortName(written)}" has no alt text; say what it shows: ![a short description](${shortName(written)})`,
      });
    }
  }

  const background = section.getAttribute('data-background-image');
  if (background && context.failedUrls.includes(new URL(background, document.baseURI).href)) {
    findings.push({ rule: 'image-missing', severity: 'error', message: `background image "${background}" did not load: the file is missing` });
  }
  return findings;
}
