import { fail } from '../errors.js';

/**
 * Turns a file's bytes into the text every later stage sees: UTF-8 only, no BOM,
 * LF line endings — so CRLF and LF files give identical decks.
 */
export function decodeSource(bytes: Uint8Array, file: string): string {
  const nul = bytes.indexOf(0);
  if (nul !== -1) {
    fail(`not a text file (NUL byte at offset ${nul}, line ${lineAt(bytes, nul)}); a deck must be UTF-8 Markdown`, 'input', { file, line: lineAt(bytes, nul) });
  }
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    const offset = firstInvalidUtf8Offset(bytes);
    const line = lineAt(bytes, offset);
    fail(`invalid UTF-8 at byte offset ${offset} (line ${line}); save the file as UTF-8`, 'input', { file, line });
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return text.replace(/\r\n?/g, '\n');
}

/** Validity of a UTF-8 prefix is monotone, so a binary search finds the first bad byte. */
function firstInvalidUtf8Offset(bytes: Uint8Array): number {
  let low = 0;
  let high = bytes.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (isValidPrefix(bytes.subarray(0, middle + 1))) low = middle + 1;
    else high = middle;
  }
  return startOfSequence(bytes, low);
}

/** The decoder notices a cut sequence one byte late; report the sequence's lead byte instead. */
function startOfSequence(bytes: Uint8Array, failing: number): number {
  for (let back = 1; back <= 3 && failing - back >= 0; back++) {
    const byte = bytes[failing - back]!;
    if (byte >= 0xc0) return failing - back;
    if (byte < 0x80) break;
  }
  return failing;
}

function isValidPrefix(prefix: Uint8Array): boolean {
  try {
    // stream: true tolerates a sequence cut at the end of the prefix.
    new TextDecoder('utf-8', { fatal: true }).decode(prefix, { stream: true });
    return true;
  } catch {
    return false;
  }
}

function lineAt(bytes: Uint8Array, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (bytes[i] === 0x0a) line++;
  return line;
}
