import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Finding } from '../../src/check/types.js';
import { ExitCode } from '../../src/errors.js';
import { runCli } from '../helpers/cli.js';
import { makeWorkspace } from '../helpers/workspace.js';

const repoRoot = join(import.meta.dirname, '..', '..');

async function checkJson(deck: string, ...flags: string[]) {
  const cwd = makeWorkspace({}, 'check');
  const result = await runCli(['check', deck, '--json', ...flags], cwd);
  return { ...result, findings: JSON.parse(result.stdout) as Finding[] };
}

const on = (findings: Finding[], rule: string) => findings.filter((finding) => finding.rule === rule);

describe('deckmark check', () => {
  it('finds overflowing slides, with their first line and the overflow in pixels', async () => {
    const { code, findings } = await checkJson('overflow.md');
    expect(code).toBe(ExitCode.checkFailed);
    const overflow = on(findings, 'overflow');
    expect(overflow.map((finding) => finding.line)).toEqual([12, 37, 44]);
    expect(overflow.every((finding) => finding.severity === 'error')).toBe(true);
    // Absolutely placed blocks: the amounts do not depend on fonts or theme padding.
    expect(overflow[1]?.message).toContain('by 420 px at the bottom and 80 px on the right');
    expect(overflow[1]?.slide).toEqual({ h: 2, v: 0 });
    // A title layout spills out below although its section is 1080 px tall (it centres only what fits).
    expect(Number(overflow[2]?.message.match(/by (\d+) px at the bottom/)?.[1])).toBeGreaterThan(100);
    // Each was shrunk to fit first, as far as deck.js goes, and says so.
    expect(on(findings, 'shrunk-text').map((finding) => [finding.line, finding.message.match(/shrunk to (\d+)%/)?.[1]])).toEqual([
      [12, '50'],
      [37, '50'],
      [44, '50'],
    ]);
    expect(Number(overflow[0]?.message.match(/by (\d+) px at the bottom/)?.[1])).toBeGreaterThan(300);
    // A scrolling code block is clipped, not overflowing — but its hidden lines are reported.
    expect(findings.find((finding) => finding.line === 49)?.rule).toBe('clipped-content');
    // data-check-ignore on the title slide silences its empty-slide warning, not its overflow.
    expect(on(findings, 'empty-slide')).toEqual([]);
  });

  it('passes a clean deck: exit 0, one summary line', async () => {
    const cwd = makeWorkspace({}, 'check');
    const result = await runCli(['check', 'clean.md'], cwd);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/^clean\.md: 7 slides checked · no problems · \d+(\.\d)? m?s$/);
  });

  it('reports images, script links, empty and untitled slides, blocked requests and contrast', async () => {
    const { code, findings } = await checkJson('problems.md');
    expect(code).toBe(ExitCode.checkFailed);
    for (const finding of findings) {
      expect(Object.keys(finding).sort()).toEqual(['file', 'line', 'message', 'rule', 'severity', 'slide']);
      expect(finding.file).toBe('problems.md');
    }
    const summary = findings.map(({ line, severity, rule }) => `${line} ${severity} ${rule}`);
    expect(summary).toEqual([
      '6 error image-missing',
      '6 warning image-alt',
      '14 warning external-request',
      '20 error javascript-link',
      '25 warning empty-slide',
      '28 warning no-heading',
      '32 warning accessibility/color-contrast',
    ]);
    expect(on(findings, 'image-missing')[0]?.message).toContain('"broken.png"');
    expect(on(findings, 'image-alt')[0]?.message).toContain('"dot.png"');
    expect(on(findings, 'external-request')[0]?.message).toContain('https://example.com/logo.png');
    expect(on(findings, 'external-request')[0]?.slide).toEqual({ h: 1, v: 0 });
    expect(on(findings, 'accessibility/color-contrast')[0]?.message).toMatch(/contrast of 1\.\d+/);
  });

  it('reports fonts that failed to load and scripts that threw, as deck-wide warnings', async () => {
    const { code, findings } = await checkJson('page-faults.md', '--template', 'throwing-template');
    expect(code).toBe(0);
    expect(findings.map(({ line, slide, severity, rule }) => ({ line, slide, severity, rule }))).toEqual([
      { line: 1, slide: null, severity: 'warning', rule: 'font-failed' },
      { line: 1, slide: null, severity: 'warning', rule: 'page-error' },
    ]);
    expect(findings[0]?.message).toContain('"Gone"');
    expect(findings[1]?.message).toContain('boom from the deck');
  });

  it('judges contrast on a slide even when the slide before it overflows onto it', async () => {
    const { findings } = await checkJson('overlap.md');
    expect(findings.map(({ line, rule }) => `${line} ${rule}`)).toEqual(['6 overflow', '6 shrunk-text', '12 accessibility/color-contrast']);
    // Judged against the slide's own paper, not the dark block spilling from the slide above.
    expect(findings[2]?.message).toContain('"Faint text below a slide that overflows"');
    expect(findings[2]?.message).not.toContain('#111111');
  });

  it('checks a --single-file deck: the page itself loads, nothing else may', async () => {
    const { code, findings } = await checkJson('clean.md', '--single-file');
    expect(findings).toEqual([]);
    expect(code).toBe(0);
  });

  it('prints file:line: severity: message lines, then the summary', async () => {
    const cwd = makeWorkspace({}, 'check');
    const result = await runCli(['check', 'warnings-only.md'], cwd);
    expect(result.code).toBe(0);
    expect(result.stdout.split('\n')).toEqual([
      'warnings-only.md:11: warning: slide has no heading; start it with a title such as "## …" [no-heading]',
      expect.stringMatching(/^warnings-only\.md: 2 slides checked · 0 errors, 1 warning · /),
    ]);
  });

  it('fails on warnings with --strict, and skips rules named by --ignore', async () => {
    const strict = await checkJson('warnings-only.md', '--strict');
    expect(strict.code).toBe(ExitCode.checkFailed);
    const ignoring = await checkJson('warnings-only.md', '--strict', '--ignore', 'no-heading,accessibility');
    expect(ignoring.findings).toEqual([]);
    expect(ignoring.code).toBe(0);
  });

  it('refuses an unknown rule name', async () => {
    const result = await runCli(['check', 'clean.md', '--ignore', 'overflows'], makeWorkspace({}, 'check'));
    expect(result.code).toBe(ExitCode.usage);
    expect(result.stderr).toContain('unknown rule "overflows"');
  });

  it('passes the bundled decks in slides/ with no errors', async () => {
    const result = await runCli(['check', join(repoRoot, 'slides'), '--json', '-o', join(makeWorkspace(), 'dist')], repoRoot);
    expect(result.code, result.stdout).toBe(0);
    const findings = JSON.parse(result.stdout) as Finding[];
    expect(findings.filter((finding) => finding.severity === 'error')).toEqual([]);
  });
});
