import { fail } from '../errors.js';

/**
 * marked recurses once per nesting level and overflows its stack (or runs out of memory)
 * on lists or quotes a few thousand levels deep, so depth is measured before lexing.
 * No deck a person would present comes near this limit.
 */
export const maxNestingDepth = 64;

const listMarker = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;

export function assertNestingDepth(body: string, file: string, firstLine: number): void {
  let lineNumber = firstLine;
  let start = 0;
  while (start <= body.length) {
    const end = body.indexOf('\n', start);
    const line = end === -1 ? body.slice(start) : body.slice(start, end);
    const depth = nestingDepth(line);
    if (depth > maxNestingDepth) {
      fail(`lists or quotes nested ${depth} levels deep; the limit is ${maxNestingDepth}`, 'input', { file, line: lineNumber });
    }
    if (end === -1) break;
    start = end + 1;
    lineNumber++;
  }
}

/** Quote markers count one level each; list indentation counts one level per two columns. */
function nestingDepth(line: string): number {
  let quotes = 0;
  let index = 0;
  for (;;) {
    let next = index;
    while (line[next] === ' ' || line[next] === '\t') next++;
    if (line[next] !== '>') break;
    quotes++;
    index = next + 1;
  }
  const rest = line.slice(index);
  const indent = rest.length - rest.trimStart().length;
  const listDepth = listMarker.test(rest.trimStart()) ? Math.floor(indent / 2) + 1 : 0;
  return quotes + listDepth;
}
