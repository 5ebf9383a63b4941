import { Parser } from 'htmlparser2';

/**
 * A fence's info string as reveal.js's Markdown plugin reads it: ```` ```js [712: 1|3-5] ````
 * is the language `js`, line numbers starting at 712, and three highlight steps.
 */
export interface FenceInfo {
  language: string;
  /** The text between the brackets (`1|3-5`); empty for `[]` (numbers, no highlight). */
  lineNumbers?: string;
  startFrom?: number;
}

// reveal.js's own pattern for the bracket (plugin/markdown): a fixed, non-nested class.
const lineNumbersPattern = /\[\s*((\d*):)?\s*([\s\d,|-]*)\]/;

export function parseFenceInfo(info: string): FenceInfo {
  const match = lineNumbersPattern.exec(info);
  if (!match) return { language: firstWord(info) };
  const startFrom = match[2] ? Number(match[2]) : undefined;
  return { language: firstWord(info.replace(lineNumbersPattern, '')), lineNumbers: match[3]!.trim(), ...(startFrom === undefined ? {} : { startFrom }) };
}

function firstWord(text: string): string {
  return text.trim().split(/\s/)[0] ?? '';
}

interface LineRange {
  start?: number;
  end?: number;
}

/** `1,3-5|7` → one list of ranges per step, as reveal.js's highlight plugin reads it. */
export function highlightSteps(lineNumbers: string): LineRange[][] {
  return lineNumbers
    .replace(/\s/g, '')
    .split('|')
    .map((step) =>
      step.split(',').map((part) => {
        if (!/^[\d-]+$/.test(part)) return {};
        const [start, end] = part.split('-').map((n) => Number.parseInt(n, 10));
        return Number.isNaN(end) || end === undefined ? { start } : { start, end };
      }),
    );
}

function serialiseStep(step: LineRange[]): string {
  return step.map((range) => (range.end !== undefined ? `${range.start}-${range.end}` : range.start !== undefined ? `${range.start}` : '')).join(',');
}

/**
 * Splits highlight.js's HTML into one HTML string per source line. A token that spans lines
 * (a block comment, a template string) is closed at each line end and reopened on the next,
 * so every line is well-formed on its own. Entities stay as highlight.js escaped them.
 */
export function splitHighlightedLines(html: string): string[] {
  const lines: string[] = [];
  const open: string[] = [];
  let line = '';
  const parser = new Parser(
    {
      onopentag(name, attributes) {
        const tag = `<${name}${Object.entries(attributes)
          .map(([key, value]) => ` ${key}="${value}"`)
          .join('')}>`;
        open.push(tag);
        line += tag;
      },
      ontext(text) {
        const parts = text.split('\n');
        line += parts[0];
        for (const part of parts.slice(1)) {
          lines.push(line + '</span>'.repeat(open.length));
          line = open.join('') + part;
        }
      },
      onclosetag() {
        open.pop();
        line += '</span>';
      },
    },
    { decodeEntities: false },
  );
  parser.write(html);
  parser.end();
  lines.push(line);
  // reveal.js drops one trailing blank line, as the fence's closing line break makes one.
  if (lines.length > 1 && stripTags(lines.at(-1)!).trim() === '') lines.pop();
  return lines;
}

function stripTags(html: string): string {
  return html.replace(/<[^>]*>/g, '');
}

/**
 * The block reveal.js's highlight plugin makes of a fence with line numbers, built here so
 * the HTML, the PDF and the handout agree without running the plugin: a table of numbered
 * lines, highlighted lines marked, and each later step a copy of the block shown as a
 * fragment (so `--fragments separate` prints one page per step).
 */
export function numberedCodeBlock(highlighted: string, info: FenceInfo, classValue: string): string {
  const lines = splitHighlightedLines(highlighted);
  const startFrom = info.startFrom ?? 1;
  const steps = highlightSteps(info.lineNumbers ?? '');
  const block = (step: LineRange[], fragment: boolean) => {
    const marked = new Set<number>();
    for (const range of step) {
      if (range.start === undefined) continue;
      for (let row = range.start; row <= (range.end ?? range.start) && row <= lines.length; row++) marked.add(row);
    }
    const rows = lines
      .map((content, index) => {
        const number = index + startFrom;
        const rowClass = marked.has(index + 1) ? ' class="highlight-line"' : '';
        return `<tr${rowClass}><td class="hljs-ln-line hljs-ln-numbers" data-line-number="${number}"><div class="hljs-ln-n" data-line-number="${number}"></div></td><td class="hljs-ln-line hljs-ln-code" data-line-number="${number}">${content === '' ? ' ' : content}</td></tr>`;
      })
      .join('');
    const classes = [classValue, marked.size > 0 ? 'has-highlights' : '', fragment ? 'fragment' : ''].filter(Boolean).join(' ');
    const start = info.startFrom === undefined ? '' : ` data-ln-start-from="${info.startFrom}"`;
    // One step keeps the author's spelling, as reveal.js leaves the attribute alone then.
    const lineNumbers = steps.length === 1 ? (info.lineNumbers ?? '') : serialiseStep(step);
    return `<code class="${classes}" data-line-numbers="${lineNumbers}"${start}><table class="hljs-ln">${rows}</table></code>`;
  };
  return `<pre class="code-wrapper">${steps.map((step, index) => block(step, index > 0)).join('')}</pre>\n`;
}
