import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import Handlebars from 'handlebars';
import { fail } from '../errors.js';
import { builtInTemplates } from '../paths.js';

export type TemplateFunction = (context: object) => string;

export interface Templates {
  page: TemplateFunction;
  slide: TemplateFunction;
  layouts: Map<string, TemplateFunction>;
}

/**
 * Loads the built-in templates and lets a `--template` folder replace any of them by file
 * name. Built-ins compile in strict mode (a typo is an error, not a blank); author templates
 * compile leniently, and in both Handlebars refuses prototype access.
 */
export function loadTemplates(overrideDir?: string): Templates {
  if (overrideDir !== undefined && !existsSync(overrideDir)) fail(`template folder not found: ${overrideDir}`, 'input', { file: overrideDir });
  const handlebars = Handlebars.create();
  const pick = (relative: string) => {
    const custom = overrideDir === undefined ? undefined : join(overrideDir, relative);
    const file = custom !== undefined && existsSync(custom) ? custom : join(builtInTemplates, relative);
    return compile(handlebars, file, file !== custom);
  };
  const layoutNames = new Set([...listLayouts(builtInTemplates), ...(overrideDir === undefined ? [] : listLayouts(overrideDir))]);
  return {
    page: pick('deck.hbs'),
    slide: pick('slide.hbs'),
    layouts: new Map([...layoutNames].sort().map((name) => [name, pick(join('layouts', `${name}.hbs`))])),
  };
}

function listLayouts(root: string): string[] {
  const folder = join(root, 'layouts');
  if (!existsSync(folder)) return [];
  return readdirSync(folder)
    .filter((name) => name.endsWith('.hbs'))
    .map((name) => basename(name, '.hbs'));
}

function compile(handlebars: typeof Handlebars, file: string, builtIn: boolean): TemplateFunction {
  let template: HandlebarsTemplateDelegate;
  let source: string;
  try {
    source = readFileSync(file, 'utf8');
  } catch (error) {
    fail(`cannot read template: ${(error as Error).message}`, 'input', { file });
  }
  try {
    // Parsed now, not on first use, so a broken template stops the run before any deck is built.
    template = handlebars.compile(handlebars.parse(source), { strict: builtIn });
  } catch (error) {
    templateError(error, file, 'cannot parse template');
  }
  return (context) => {
    try {
      return template(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
    } catch (error) {
      templateError(error, file, 'template failed');
    }
  };
}

/**
 * Handlebars' errors on one line with the template's line: a parse error names its line in the
 * first line of a multi-line message; other errors carry `lineNumber` and `column`.
 */
function templateError(error: unknown, file: string, what: string): never {
  const { message, lineNumber, column } = error as Error & { lineNumber?: number; column?: number };
  const parse = /^Parse error on line (\d+):\n(.*)\n-*\^\n(.*)$/s.exec(message);
  if (parse) fail(`${what}: ${parse[3]} near "${parse[2]}"`, 'input', { file, line: Number(parse[1]) }, error);
  const column1 = column === undefined ? undefined : column + 1;
  fail(
    `${what}: ${message.replace(/ - \d+:\d+$/, '').replace(/\n/g, ' ')}`,
    'input',
    { file, line: lineNumber, column: lineNumber === undefined ? undefined : column1 },
    error,
  );
}
