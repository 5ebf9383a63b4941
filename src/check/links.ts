import type { ProbeFinding } from './types.js';

/**
 * `javascript:` URLs. The sanitiser removes them, but with `html: true` they survive — and a
 * deck that runs code on a click is a deck nobody should present from someone else's laptop.
 * Runs in the page (see SlideProbe).
 */
export function probeLinks(section: HTMLElement): ProbeFinding[] {
  const findings: ProbeFinding[] = [];
  const attributes = ['href', 'src', 'action', 'formaction', 'data'];
  for (const element of section.querySelectorAll('[href], [src], [action], [formaction], [data]')) {
    for (const name of attributes) {
      const value = element.getAttribute(name);
      // Browsers ignore control characters and spaces inside the scheme, so must we.
      // biome-ignore lint/suspicious/noControlCharactersInRegex: matching them is the point
      if (value === null || !/^javascript:/i.test(value.replace(/[\u0000-\u0020]/g, ''))) continue;
      findings.push({
        rule: 'javascript-link',
        severity: 'error',
        message: `<${element.tagName.toLowerCase()} ${name}="${value.slice(0, 40)}"> runs a script; link to a page or a file instead`,
      });
    }
  }
  return findings;
}
