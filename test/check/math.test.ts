import { describe, expect, it } from 'vitest';
import { runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../helpers/workspace.js';

describe('check on formulas', () => {
  it('finds nothing wrong with inline and display math that fits', async () => {
    const cwd = makeWorkspace({ 'talk.md': '# Math\n\nEuler: $e^{i\\pi} + 1 = 0$\n\n$$\n\\int_0^1 x^2\\,dx = \\frac{1}{3}\n$$\n' });
    const result = await runCli(['check', 'talk.md', '--json', '--strict', '--ignore', 'accessibility'], cwd);
    expect(JSON.parse(result.stdout)).toEqual([]);
    expect(result.code).toBe(0);
  });
});
