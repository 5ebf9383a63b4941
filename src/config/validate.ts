import { fail } from '../errors.js';
import { didYouMean } from '../suggest.js';
import type { Warning } from '../types.js';
import { deckOptionKeys, deckOptionsSchema, forbiddenRevealKeys, type PartialDeckOptions } from './schema.js';

export interface OptionsSource {
  file: string;
  /** Line of a top-level key, when the source knows it (YAML front matter does). */
  lineOf?: (key: string) => number | undefined;
}

/**
 * Validates raw options from front matter or a config file: a wrong type is an error naming
 * the key, an unknown key is a warning.
 */
export function validateOptions(raw: Record<string, unknown>, source: OptionsSource): { options: PartialDeckOptions; warnings: Warning[] } {
  const warnings: Warning[] = [];
  const known: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(raw)) {
    if ((deckOptionKeys as string[]).includes(key)) known[key] = value;
    else warnings.push({ file: source.file, line: source.lineOf?.(key), message: `unknown option "${key}" is ignored${didYouMean(key, deckOptionKeys)}` });
  }
  const result = deckOptionsSchema.partial().safeParse(known);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = String(issue?.path[0] ?? '');
    const got = describeValue(key ? known[key] : undefined);
    fail(`option "${key}" ${issue?.message ?? 'is invalid'} (got ${got})`, 'input', { file: source.file, line: source.lineOf?.(key) });
  }
  const options = result.data as PartialDeckOptions;
  if (options.reveal) {
    for (const key of forbiddenRevealKeys) {
      if (key in options.reveal) {
        fail(`reveal.${key} would load scripts by URL; deckmark does not allow code in front matter`, 'input', {
          file: source.file,
          line: source.lineOf?.('reveal'),
        });
      }
    }
  }
  return { options, warnings };
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
