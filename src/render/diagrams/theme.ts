import type { ChartTheme } from '../chart-theme.js';

/** Text size of diagram labels at their natural size on a 1920×1080 slide. */
const labelSize = 30;

/** `#rgb` or `#rrggbb` as channels 0–255; other colour syntaxes count as unknown. */
function channels(colour: string): [number, number, number] | undefined {
  const hex = /^#([\da-f]{3}|[\da-f]{6})$/i.exec(colour.trim())?.[1];
  if (!hex) return undefined;
  const full = hex.length === 3 ? [...hex].map((digit) => digit + digit).join('') : hex;
  return [0, 2, 4].map((start) => Number.parseInt(full.slice(start, start + 2), 16)) as [number, number, number];
}

/** A slide background darker than mid-grey: diagrams then draw light on dark. */
export function isDark(paper: string): boolean {
  const rgb = channels(paper);
  return rgb !== undefined && 0.2126 * rgb[0] + 0.7152 * rgb[1] + 0.0722 * rgb[2] < 128;
}

/** `amount` of `over` laid on `base`; `base` when either is not a hex colour. */
function mix(base: string, over: string, amount: number): string {
  const [a, b] = [channels(base), channels(over)];
  if (!a || !b) return base;
  return `#${a
    .map((value, index) =>
      Math.round(value + (b[index]! - value) * amount)
        .toString(16)
        .padStart(2, '0'),
    )
    .join('')}`;
}

/**
 * Mermaid's `base` theme fed with the deck's colours: nodes are a soft tint of the accent,
 * lines and borders the theme's ink, so a diagram looks like the slide it sits on.
 */
export function mermaidThemeVariables(theme: ChartTheme): Record<string, unknown> {
  const dark = isDark(theme.paper);
  const node = mix(theme.paper, theme.accent, dark ? 0.3 : 0.14);
  const second = mix(theme.paper, theme.palette[1] ?? theme.ink, dark ? 0.35 : 0.12);
  return {
    darkMode: dark,
    background: theme.paper,
    fontFamily: theme.font,
    fontSize: `${labelSize}px`,
    primaryColor: node,
    primaryTextColor: theme.ink,
    primaryBorderColor: theme.accent,
    secondaryColor: second,
    secondaryTextColor: theme.ink,
    secondaryBorderColor: theme.muted,
    tertiaryColor: mix(theme.paper, theme.muted, 0.08),
    tertiaryTextColor: theme.ink,
    tertiaryBorderColor: theme.rule,
    lineColor: theme.muted,
    textColor: theme.ink,
    mainBkg: node,
    nodeBorder: theme.accent,
    clusterBkg: mix(theme.paper, theme.muted, 0.06),
    clusterBorder: theme.rule,
    titleColor: theme.ink,
    edgeLabelBackground: theme.paper,
    noteBkgColor: mix(theme.paper, theme.palette[3] ?? theme.accent, 0.5),
    noteTextColor: theme.ink,
    noteBorderColor: theme.muted,
    actorBkg: node,
    actorBorder: theme.accent,
    actorTextColor: theme.ink,
    signalColor: theme.ink,
    signalTextColor: theme.ink,
    labelTextColor: theme.ink,
    pie1: theme.palette[0],
    pie2: theme.palette[1],
    pie3: theme.palette[2],
    pie4: theme.palette[3],
    pieTitleTextColor: theme.ink,
    pieSectionTextColor: dark ? theme.ink : theme.paper,
    pieStrokeColor: theme.paper,
    pieOuterStrokeColor: theme.rule,
    git0: theme.accent,
    git1: theme.palette[1],
    git2: theme.muted,
  };
}

/** The whole Mermaid configuration of a build; part of every diagram's cache key. */
export function mermaidConfig(theme: ChartTheme): Record<string, unknown> {
  return {
    startOnLoad: false,
    // No click callbacks, no links that run script, labels purified by Mermaid itself.
    securityLevel: 'strict',
    theme: 'base',
    themeVariables: mermaidThemeVariables(theme),
    fontFamily: theme.font,
    // Labels stay HTML in a foreignObject (Mermaid's default): its SVG-text labels wrap
    // inside words at slide font sizes. Chromium prints them as text all the same.
    flowchart: { useMaxWidth: false },
    sequence: { useMaxWidth: false, actorFontFamily: theme.font, noteFontFamily: theme.font, messageFontFamily: theme.font },
    gantt: { useMaxWidth: false, fontSize: labelSize - 6, sectionFontSize: labelSize - 6, barHeight: 36, barGap: 8, leftPadding: 180 },
    class: { useMaxWidth: false },
    state: { useMaxWidth: false },
    er: { useMaxWidth: false, fontSize: labelSize },
    pie: { useMaxWidth: false },
    mindmap: { useMaxWidth: false },
    timeline: { useMaxWidth: false },
    gitGraph: { useMaxWidth: false },
    journey: { useMaxWidth: false },
    maxTextSize: maxDiagramText,
    maxEdges: 800,
  };
}

/** The size bound of one diagram's source: larger ones are refused, never left to hang a build. */
export const maxDiagramText = 20_000;

/** Graphviz defaults in the deck's colours; attributes written in the DOT win over them. */
export function graphvizAttributes(theme: ChartTheme) {
  const dark = isDark(theme.paper);
  return {
    graphAttributes: { bgcolor: 'transparent', fontname: theme.font, fontcolor: theme.ink, fontsize: labelSize + 4, pad: 0.2 },
    nodeAttributes: {
      fontname: theme.font,
      fontcolor: theme.ink,
      fontsize: labelSize,
      color: theme.accent,
      fillcolor: mix(theme.paper, theme.accent, dark ? 0.3 : 0.14),
      style: 'filled',
      penwidth: 2,
      margin: '0.25,0.12',
    },
    edgeAttributes: { fontname: theme.font, fontcolor: theme.muted, fontsize: labelSize - 4, color: theme.muted, penwidth: 2 },
  };
}
