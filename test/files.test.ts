import { describe, expect, it } from 'vitest';
import { writeFileAtomic } from '../src/files.js';

describe('writing output where it cannot go', () => {
  // Node's recursive mkdir spins forever under /proc: before the fix this test timed out.
  it('fails at once under /proc, naming the file', { timeout: 3000 }, async () => {
    const error = await writeFileAtomic('/proc/nope/deck/index.html', 'x').catch((caught: unknown) => caught);
    expect(String(error)).toBe('/proc/nope/deck/index.html: cannot write this file: its folder cannot be created there; choose another --out-dir');
  });
});
