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
  try {
    template = handlebars.compile(readFileSync(file, 'utf8'), { strict: builtIn });
  } catch (error) {
    fail(`cannot read template: ${(error as Error).message}`, 'input', { file });
  }
  return (context) => {
    try {
      return template(context, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
    } catch (error) {
      fail(`template failed: ${(error as Error).message.split('\n')[0]}`, 'input', { file }, error);
    }
  };
}
