/** The deck theme's type and colours, as a chart needs them. */
export interface ChartTheme {
  font: string;
  ink: string;
  muted: string;
  accent: string;
  rule: string;
  /** The slide background: diagrams pick light or dark colours against it. */
  paper: string;
  palette: string[];
}

const fallback: ChartTheme = { font: 'sans-serif', ink: '#222222', muted: '#555555', accent: '#2a76dd', rule: '#cccccc', paper: '#ffffff', palette: [] };

/**
 * Reads a theme's CSS custom properties (ours: `--dm-*`; reveal.js themes: `--r-*`) so that
 * charts use the deck's own font and colours without the author repeating them in a spec.
 */
export function chartThemeFromCss(css: string): ChartTheme {
  const variables = new Map<string, string>();
  for (const match of css.replace(/\/\*[\s\S]*?\*\//g, '').matchAll(/(--[\w-]+)\s*:\s*([^;}]+)/g)) variables.set(match[1]!, match[2]!.trim());
  const read = (...names: string[]): string | undefined => {
    for (const name of names) {
      let value = variables.get(name);
      for (let depth = 0; value?.startsWith('var(') && depth < 4; depth++) value = variables.get(/var\(\s*(--[\w-]+)/.exec(value)?.[1] ?? '');
      if (value !== undefined && !value.startsWith('var(')) return value;
    }
    return undefined;
  };
  const accent = read('--dm-accent', '--r-link-color') ?? fallback.accent;
  const navy = read('--dm-navy', '--r-heading-color') ?? fallback.ink;
  const muted = read('--dm-muted') ?? fallback.muted;
  const fontList = read('--r-main-font') ?? fallback.font;
  return {
    font: fontList
      .split(',')[0]!
      .trim()
      .replace(/^["']|["']$/g, ''),
    ink: read('--dm-ink', '--r-main-color') ?? fallback.ink,
    muted,
    accent,
    rule: read('--dm-rule') ?? fallback.rule,
    paper: read('--dm-paper', '--r-background-color') ?? fallback.paper,
    palette: [accent, navy, muted, read('--dm-accent-soft') ?? '#e8b9a0'],
  };
}

/**
 * A Vega-Lite `config` sized for 1920×1080 slides: labels stay readable when the slide is
 * projected or printed as a PDF page. The spec's own `config` wins over it.
 */
export function vegaLiteConfig(theme: ChartTheme): Record<string, unknown> {
  // Axes and legends label alike: the deck's font, ink for values, muted for titles.
  const labels = {
    labelFont: theme.font,
    titleFont: theme.font,
    labelFontSize: 30,
    titleFontSize: 28,
    labelColor: theme.ink,
    titleColor: theme.muted,
  };
  const axis = {
    ...labels,
    titleFontWeight: 600,
    labelPadding: 10,
    titlePadding: 18,
    domainColor: theme.rule,
    tickColor: theme.rule,
    gridColor: theme.rule,
    labelLimit: 520,
  };
  return {
    font: theme.font,
    background: null,
    padding: 8,
    // A spec without a size fills a slide's content box; discrete axes get bars a projector shows.
    view: { stroke: null, continuousWidth: 1400, continuousHeight: 520, discreteWidth: 1400, discreteHeight: { step: 84 } },
    scale: { bandPaddingInner: 0.3 },
    axis,
    axisQuantitative: { tickCount: 6 },
    legend: {
      ...labels,
      symbolSize: 300,
    },
    header: { labelFontSize: 26, titleFontSize: 28, labelColor: theme.ink, titleColor: theme.muted },
    title: { font: theme.font, fontSize: 40, fontWeight: 800, color: theme.ink, anchor: 'start', offset: 24 },
    mark: { color: theme.accent },
    line: { strokeWidth: 5 },
    point: { size: 260, filled: true },
    rule: { strokeWidth: 3 },
    text: { font: theme.font, fontSize: 30, color: theme.ink },
    range: { category: theme.palette },
  };
}
