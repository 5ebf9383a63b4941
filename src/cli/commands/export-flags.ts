import { formatFinding } from '../../check/report.js';
import type { Finding } from '../../check/types.js';
import type { ExportedFile } from '../../export/pdf.js';
import { formatDuration } from '../../format.js';
import type { BuildSettings } from '../../pipeline.js';
import { parseNumberFlag } from '../args.js';
import type { BatchOptions } from '../browser-batch.js';
import type { CliIO } from '../io.js';

/** Flags every command that drives Chromium shares. */
export const exportFlags = {
  'chrome-path': { type: 'string' },
  timeout: { type: 'string' },
} as const;

export const exportFlagsHelp = `      --chrome-path P   the Chromium, Chrome or Edge to use (else CHROME_PATH,
                        PUPPETEER_EXECUTABLE_PATH, a system install, the bundled one)
      --timeout S       seconds one deck may take (default: 30 + 1 per slide;
                        Chromium's start has a budget of its own, at least 30 s);
                        the error names the stage that ran out of time`;

/** The batch options the export flags set, for `runDeckBatch`. */
export function batchOptionsFrom(values: { 'chrome-path'?: string; timeout?: string }, settings: BuildSettings): BatchOptions {
  return { settings, chromePath: values['chrome-path'], timeoutSeconds: parseNumberFlag('timeout', values.timeout, { min: 1, max: 86_400 }) };
}

/**
 * What the export saw on the laid-out page, as `check` words it: warnings, or errors with
 * `--strict`. `file:line: warning: message [rule]`.
 */
export function reportPrintFindings(io: CliIO, findings: Finding[], strict: boolean): void {
  for (const finding of findings) io.err(formatFinding({ ...finding, severity: strict ? 'error' : 'warning' }));
}

/** `slides/x.md → dist/x.pdf · 17 pages · 1.2 MB · 2.3 s` */
export function summaryLine(file: string, output: string, exported: Pick<ExportedFile, 'pages' | 'bytes' | 'ms' | 'detail'>, unit = 'page'): string {
  const size = exported.bytes < 1024 * 1024 ? `${Math.max(1, Math.round(exported.bytes / 1024))} KB` : `${(exported.bytes / (1024 * 1024)).toFixed(1)} MB`;
  const count = `${exported.pages} ${unit}${exported.pages === 1 ? '' : 's'}${exported.detail ? ` (${exported.detail})` : ''}`;
  return `${file} → ${output} · ${count} · ${size} · ${formatDuration(exported.ms)}`;
}
