import { mkdirSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isInside, isInsideLexically } from '../src/inside.js';
import { makeWorkspace } from './helpers/workspace.js';

describe('isInside', () => {
  const root = makeWorkspace({ '..x.woff2': 'font', 'a.txt': 'a' });
  const elsewhere = makeWorkspace({ 'secret.txt': 's' });
  mkdirSync(join(root, 'sub'));
  symlinkSync(join(elsewhere, 'secret.txt'), join(root, 'sub', 'link.txt'));
  symlinkSync(elsewhere, join(root, 'away'));

  it('takes a file whose name starts with two dots as inside', () => {
    expect(isInside(root, join(root, '..x.woff2'))).toBe(true);
    expect(isInsideLexically(root, join(root, '..x.woff2'))).toBe(true);
  });

  it('refuses the way up, the root itself (unless asked) and unrelated paths', () => {
    expect(isInside(root, join(root, '..', 'x'))).toBe(false);
    expect(isInside(root, root)).toBe(false);
    expect(isInside(root, root, { orSame: true })).toBe(true);
    expect(isInside(root, '/etc/passwd')).toBe(false);
  });

  it('follows symlinks to where they lead, for files and folders, existing or not', () => {
    expect(isInside(root, join(root, 'sub', 'link.txt'))).toBe(false);
    expect(isInsideLexically(root, join(root, 'sub', 'link.txt'))).toBe(true);
    expect(isInside(root, join(root, 'away', 'not-yet.txt'))).toBe(false);
    expect(isInside(root, join(root, 'sub', 'not-yet.txt'))).toBe(true);
    writeFileSync(join(root, 'sub', 'real.txt'), 'r');
    expect(isInside(join(root, 'sub'), join(root, 'sub', 'real.txt'))).toBe(true);
  });
});
