import { formatDuration } from '../format.js';
import type { Finding } from './types.js';

/** `file:line: severity: message [rule]` — the form editors and terminals turn into links. */
export function formatFinding(finding: Finding): string {
  return `${finding.file}:${finding.line}: ${finding.severity}: ${finding.message} [${finding.rule}]`;
}

/** One line per deck: how many slides, errors and warnings, and how long it took. */
export function formatSummary(file: string, slides: number, findings: Finding[], ms: number): string {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.length - errors;
  const counts = findings.length === 0 ? 'no problems' : [plural(errors, 'error'), plural(warnings, 'warning')].join(', ');
  return `${file}: ${plural(slides, 'slide')} checked · ${counts} · ${formatDuration(ms)}`;
}

/** The machine-readable report: every deck's findings in one JSON array. */
export function formatJson(findings: Finding[]): string {
  return JSON.stringify(
    findings.map(({ file, line, slide, severity, rule, message }) => ({ file, line, slide, severity, rule, message })),
    null,
    2,
  );
}

function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}
