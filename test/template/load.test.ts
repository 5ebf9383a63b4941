import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DeckmarkError } from '../../src/errors.js';
import { loadTemplates } from '../../src/template/load.js';
import { makeWorkspace } from '../helpers/workspace.js';

function templateFolder(layout: string): string {
  const folder = makeWorkspace();
  mkdirSync(join(folder, 'layouts'));
  writeFileSync(join(folder, 'layouts', 'default.hbs'), layout);
  return folder;
}

function loadError(folder: string): DeckmarkError {
  try {
    loadTemplates(folder);
  } catch (error) {
    if (error instanceof DeckmarkError) return error;
    throw error;
  }
  throw new Error('expected a DeckmarkError');
}

describe('template errors', () => {
  it('report a parse error whole, on one line, with the template file and line, when the templates load', () => {
    const folder = templateFolder('<div>\n{{#if heading}}\n{{{heading}}\n</div>\n');
    expect(loadError(folder).toString()).toBe(
      `${join(folder, 'layouts', 'default.hbs')}:3: cannot parse template: Expecting 'CLOSE_UNESCAPED', 'OPEN_SEXPR', 'ID', 'STRING', 'NUMBER', 'BOOLEAN', 'UNDEFINED', 'NULL', 'DATA', got 'CLOSE' near "...heading}}{{{heading}}</div>"`,
    );
  });

  it('report a block closed by the wrong name at its line and column', () => {
    const folder = templateFolder('a\n{{#each items}}{{/if}}');
    expect(loadError(folder).toString()).toBe(`${join(folder, 'layouts', 'default.hbs')}:2:4: cannot parse template: each doesn't match if`);
  });
});
