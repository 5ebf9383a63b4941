import { decodeXML, escapeAttribute } from 'entities';

/**
 * Keeps the viewBox and drops the fixed size: a picture shrinks with its box (a column, a
 * narrow window) but never grows past its natural width, so its text keeps the sizes the
 * theme chose (`grow` lets a small picture grow by that factor). Names it for screen
 * readers. Shared by charts and diagrams.
 */
export function fitSvgTag(attributes: Record<string, string>, label: string, grow = 1): Record<string, string> {
  const natural = naturalWidth(attributes);
  const width = natural === undefined ? undefined : natural * grow;
  const kept = Object.fromEntries(
    Object.entries(attributes).filter(([name]) => !['width', 'height', 'style', 'aria-labelledby', 'role', 'aria-label'].includes(name)),
  );
  return {
    ...kept,
    role: 'img',
    'aria-label': label,
    preserveAspectRatio: 'xMidYMid meet',
    ...(width === undefined ? {} : { style: `max-width:${Math.round(width * 100) / 100}px` }),
  };
}

/** The width the picture was drawn at, in CSS pixels (Graphviz writes points). */
function naturalWidth(attributes: Record<string, string>): number | undefined {
  const written = /^([\d.]+)(px|pt)?$/.exec(attributes.width ?? '');
  if (written) return Number(written[1]) * (written[2] === 'pt' ? 4 / 3 : 1);
  const maxWidth = /max-width:\s*([\d.]+)px/.exec(attributes.style ?? '')?.[1];
  if (maxWidth) return Number(maxWidth);
  const viewBoxWidth = attributes.viewBox?.trim().split(/[\s,]+/)[2];
  return viewBoxWidth === undefined ? undefined : Number(viewBoxWidth);
}

/** The same, for an SVG string whose root tag is the first thing in it (vega's output). */
export function fitSvg(svg: string, label: string): string {
  return svg.replace(/^<svg\b([^>]*)>/, (_, attributes: string) => {
    const parsed = Object.fromEntries([...attributes.matchAll(/([\w:-]+)="([^"]*)"/g)].map((match) => [match[1]!, decodeXML(match[2]!)]));
    const fitted = fitSvgTag(parsed, label);
    return `<svg${Object.entries(fitted)
      .map(([name, value]) => ` ${name}="${escapeAttribute(value)}"`)
      .join('')}>`;
  });
}
