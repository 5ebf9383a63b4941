import { z } from 'zod';
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
    if ((codeRunningKeys as readonly string[]).includes(key)) {
      fail(`option "${key}" (reveal-md) runs code from the deck's folder; deckmark never runs code from a deck or its config, remove it`, 'input', {
        file: source.file,
        line: source.lineOf?.(key),
      });
    }
    const alias = optionAliases[key];
    if (alias !== undefined && (deckOptionKeys as string[]).includes(alias)) {
      // The deckmark name wins when both are written.
      if (!(alias in raw)) known[alias] = value;
    } else if ((deckOptionKeys as string[]).includes(key)) known[key] = value;
    else warnings.push({ file: source.file, line: source.lineOf?.(key), message: `unknown option "${key}" is ignored${didYouMean(key, deckOptionKeys)}` });
  }
  const result = deckOptionsSchema.partial().safeParse(known);
  if (!result.success) {
    const issue = result.error.issues[0];
    const key = String(issue?.path[0] ?? '');
    const got = describeValue(key ? known[key] : undefined);
    const schema = deckOptionsSchema.shape[key as keyof typeof deckOptionsSchema.shape] as z.ZodType | undefined;
    // Zod's "Invalid input" for a union says nothing a person can act on: say what is accepted.
    const wrongKind = issue && ['invalid_union', 'invalid_type', 'invalid_value'].includes(issue.code) && schema;
    let problem = wrongKind ? `must be ${describeExpected(schema)}` : (issue?.message ?? 'is invalid');
    if (issue?.code === 'too_small') problem = `must be at least ${issue.minimum}`;
    if (issue?.code === 'too_big') problem = `must be at most ${issue.maximum}`;
    if (issue?.code === 'invalid_format') problem = `must be ${issue.message}`;
    fail(`option "${key}" ${problem} (got ${got})`, 'input', { file: source.file, line: source.lineOf?.(key) });
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

/** reveal-md's names for deckmark's options, read the same way. */
const optionAliases: Record<string, string> = { revealOptions: 'reveal', 'highlight-theme': 'highlightTheme', 'vertical-separator': 'verticalSeparator' };

/** reveal-md keys that load and run JavaScript: refused, never ignored, so nobody thinks they ran. */
const codeRunningKeys = ['scripts', 'preprocessor'] as const;

/** What a schema accepts, in words: `one of true, false, "c", "c/t"`, `a string or a list of strings`. */
function describeExpected(schema: z.ZodType): string {
  const values = literalValues(schema);
  if (values?.length === 2 && values[0] === true && values[1] === false) return 'true or false';
  if (values) return `one of ${values.map((value) => JSON.stringify(value)).join(', ')}`;
  const def = (schema as z.ZodType & { def: { type: string; in?: z.ZodType; element?: z.ZodType; options?: z.ZodType[] } }).def;
  if (def.type === 'pipe' && def.in) return describeExpected(def.in);
  if (def.type === 'union' && def.options) return def.options.map(describeExpected).join(' or ');
  if (def.type === 'array' && def.element) return `a list of ${describeExpected(def.element).replace(/^an? (\w+)$/, '$1s')}`;
  if (def.type === 'record' || def.type === 'object') return 'a mapping';
  return `a ${def.type}`;
}

/** The values of an enum, a boolean, or a union of those; undefined for anything else. */
function literalValues(schema: z.ZodType): unknown[] | undefined {
  if (schema instanceof z.ZodEnum) return schema.options;
  if (schema instanceof z.ZodBoolean) return [true, false];
  if (schema instanceof z.ZodUnion) {
    const parts = (schema.options as z.ZodType[]).map(literalValues);
    return parts.every((part) => part !== undefined) ? parts.flat() : undefined;
  }
  return undefined;
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (typeof value === 'object') return 'a mapping';
  return `${typeof value} ${JSON.stringify(value)}`;
}
