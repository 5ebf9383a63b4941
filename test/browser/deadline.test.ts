import { describe, expect, it } from 'vitest';
import { Deadline, defaultTimeoutMs, launchBudgetMs } from '../../src/browser/deadline.js';
import { DeckmarkError, ExitCode } from '../../src/errors.js';

describe('Deadline', () => {
  it('fails with the timeout code and names the deck and the stage once the budget is spent', async () => {
    const never = new Promise<never>(() => undefined);
    const error = await new Deadline(0, 'talk.md').run('print', never).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(DeckmarkError);
    expect((error as DeckmarkError).exitCode).toBe(ExitCode.timeout);
    expect((error as DeckmarkError).message).toMatch(/^talk\.md: timed out after 0\.0 s in the print stage: .*raise --timeout SECONDS$/);
  });

  it('passes the work through when it settles in time', async () => {
    await expect(new Deadline(60_000, 'talk.md').run('load', Promise.resolve(7))).resolves.toBe(7);
    await expect(new Deadline(60_000, 'talk.md').run('load', Promise.reject(new Error('boom')))).rejects.toThrow('boom');
  });

  it('scales the default budget with the deck instead of a flat 30 s', () => {
    expect(defaultTimeoutMs(0)).toBe(30_000);
    expect(defaultTimeoutMs(100)).toBe(130_000);
  });

  it('gives Chromium at least 30 s to start, whatever a deck budget', () => {
    expect(launchBudgetMs(3_000)).toBe(30_000);
    expect(launchBudgetMs(90_000)).toBe(90_000);
  });
});
