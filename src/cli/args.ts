import { type ParseArgsConfig, parseArgs } from 'node:util';
import { fail } from '../errors.js';
import { didYouMean } from '../suggest.js';

/** node:util's parser, with its errors turned into usage errors that name the command. */
export function parseCommandArgs<T extends NonNullable<ParseArgsConfig['options']>>(command: string, args: string[], options: T) {
  try {
    return parseArgs({ args, options, allowPositionals: true, strict: true });
  } catch (error) {
    const message = (error as Error).message.replace(/\. To specify.*$/s, '');
    const unknown = (error as NodeJS.ErrnoException).code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' ? /'(-[^']*)'/.exec(message)?.[1] : undefined;
    const suggestion = unknown?.startsWith('--')
      ? didYouMean(
          unknown,
          Object.keys(options).map((name) => `--${name}`),
        )
      : '';
    fail(`${message}${suggestion}; see \`deckmark ${command} --help\``, 'usage');
  }
}

export function parseNumberFlag(name: string, value: string | undefined, range: { min: number; max: number }): number | undefined {
  if (value === undefined) return undefined;
  const number = Number(value);
  if (!Number.isFinite(number) || number < range.min || number > range.max)
    fail(`--${name} must be a number from ${range.min} to ${range.max} (got "${value}")`, 'usage');
  return number;
}
