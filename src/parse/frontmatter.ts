import { LineCounter, parseDocument, type YAMLError } from 'yaml';
import { fail } from '../errors.js';
import type { Warning } from '../types.js';

export interface FrontMatter {
  data: Record<string, unknown>;
  /** 1-based line of each top-level key, for messages about that key. */
  keyLines: Map<string, number>;
  /** 1-based line where the Markdown body starts. */
  bodyLine: number;
  body: string;
  warnings: Warning[];
}

const fence = /^---[ \t]*$/;
const closingFence = /^(?:---|\.\.\.)[ \t]*$/;

/**
 * Splits YAML front matter from the body and parses it as plain data: YAML's core schema,
 * no custom tags, no merge keys — nothing in front matter can become code.
 */
export function splitFrontMatter(text: string, file: string): FrontMatter {
  const firstBreak = text.indexOf('\n');
  const firstLine = firstBreak === -1 ? text : text.slice(0, firstBreak);
  const engine = /^---[ \t]*(\S+)/.exec(firstLine);
  if (engine) {
    fail(`front matter "---${engine[1]}" is not supported: only YAML front matter (a plain "---" line) is read, and it is never run as code`, 'input', {
      file,
      line: 1,
    });
  }
  if (!fence.test(firstLine)) return { data: {}, keyLines: new Map(), bodyLine: 1, body: text, warnings: [] };

  const lines = text.split('\n');
  const end = lines.findIndex((line, index) => index > 0 && closingFence.test(line));
  if (end === -1) fail('front matter opened on line 1 is never closed with a "---" line', 'input', { file, line: 1 });

  const yamlText = lines.slice(1, end).join('\n');
  const parsed = parseYaml(yamlText, file, 1);
  return { ...parsed, bodyLine: end + 2, body: lines.slice(end + 1).join('\n') };
}

/**
 * `lineOffset` is the number of file lines before the YAML text; `what` names the YAML in
 * messages ("front matter", "vega-lite chart").
 */
export function parseYaml(yamlText: string, file: string, lineOffset: number, what = 'front matter'): Omit<FrontMatter, 'bodyLine' | 'body'> {
  const lineCounter = new LineCounter();
  const document = parseDocument(yamlText, { schema: 'core', merge: false, uniqueKeys: true, lineCounter, prettyErrors: false });
  const problem = document.errors[0] ?? document.warnings.find((warning) => warning.code === 'TAG_RESOLVE_FAILED');
  if (problem) {
    const { line, column, reason } = describeProblem(problem, document.errors, yamlText, lineCounter, what);
    fail(`invalid ${what}: ${reason}`, 'input', { file, line: line + lineOffset, column });
  }
  let data: unknown;
  try {
    data = document.toJS({ maxAliasCount: 100 });
  } catch (error) {
    fail(`invalid ${what}: ${(error as Error).message}`, 'input', { file, line: lineOffset + 1 });
  }
  if (data === null || data === undefined) data = {};
  if (typeof data !== 'object' || Array.isArray(data)) fail(`${what} must be a mapping of keys to values`, 'input', { file, line: lineOffset + 1 });

  const keyLines = new Map<string, number>();
  const contents = document.contents as { items?: { key?: { value?: unknown; range?: [number, number, number] } }[] } | null;
  for (const pair of contents?.items ?? []) {
    if (pair.key?.range) keyLines.set(String(pair.key.value), lineCounter.linePos(pair.key.range[0]).line + lineOffset);
  }
  const warnings: Warning[] = document.warnings.map((warning) => ({
    file,
    line: lineCounter.linePos(warning.pos[0]).line + lineOffset,
    message: warning.message.split('\n')[0] ?? warning.code,
  }));
  return { data: data as Record<string, unknown>, keyLines, warnings };
}

/**
 * Where a YAML error is, for a person. A line indented deeper than its siblings makes YAML
 * read it as the continuation of the line above, and YAML reports the line above: the
 * problem is the line that continues it, which ends the MULTILINE_IMPLICIT_KEY error.
 */
function describeProblem(problem: YAMLError, errors: YAMLError[], yamlText: string, lineCounter: LineCounter, what: string) {
  const { line, col } = lineCounter.linePos(problem.pos[0]);
  if (problem.code === 'TAG_RESOLVE_FAILED') {
    return { line, column: col, reason: `unknown YAML tag ${describeTag(problem.message)}; ${what} is data only, tags that build objects or code are refused` };
  }
  const multiline = errors.find((error) => error.code === 'MULTILINE_IMPLICIT_KEY' && error.pos[0] === problem.pos[0]);
  const continuation = multiline && lineCounter.linePos(multiline.pos[1] - 1).line;
  if (continuation !== undefined && continuation > line) {
    const text = yamlText.split('\n')[continuation - 1] ?? '';
    return {
      line: continuation,
      column: text.length - text.trimStart().length + 1,
      reason: 'this line is indented more than the line above it, so YAML reads it as part of that line; indent it as far as the keys beside it',
    };
  }
  return { line, column: col, reason: problem.message.split('\n')[0] };
}

function describeTag(message: string): string {
  const tag = /Unresolved tag: (\S+)/.exec(message)?.[1] ?? '';
  return tag.replace(/^tag:yaml\.org,2002:/, '!!');
}
