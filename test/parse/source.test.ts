import { describe, expect, it } from 'vitest';
import { decodeSource } from '../../src/parse/source.js';

const bytes = (text: string) => new TextEncoder().encode(text);

describe('decoding deck files', () => {
  it('strips the BOM and normalises line endings', () => {
    expect(decodeSource(bytes('\ufeff# A\r\n\r\nB\rC'), 'a.md')).toBe('# A\n\nB\nC');
  });

  it('refuses binary files, naming the offset of the NUL byte', () => {
    expect(() => decodeSource(new Uint8Array([0x23, 0x20, 0x41, 0x00, 0x42]), 'bin.md')).toThrowError('not a text file (NUL byte at offset 3, line 1)');
  });

  it('refuses invalid UTF-8, naming the byte offset and line', () => {
    const latin1 = new Uint8Array([...bytes('# One\n\nCaf'), 0xe9, ...bytes(' au lait\n')]);
    expect(() => decodeSource(latin1, 'latin1.md')).toThrowError('invalid UTF-8 at byte offset 10 (line 3); save the file as UTF-8');
  });
});
