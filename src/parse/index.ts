import type { OptionLayers } from '../config/resolve.js';
import { resolveOptions } from '../config/resolve.js';
import { validateOptions } from '../config/validate.js';
import type { Deck } from '../types.js';
import { splitFrontMatter } from './frontmatter.js';
import { assertNestingDepth } from './nesting.js';
import { compilePattern } from './patterns.js';
import { expandRawSections } from './raw-sections.js';
import { splitSlides } from './slides.js';

/**
 * The front-matter line of an option's value, when the value in effect is the one the front
 * matter wrote (not one a flag or the config file set).
 */
export function optionLine(deck: Deck, key: keyof Deck['options']): number | undefined {
  return deck.frontMatter[key] !== undefined && deck.frontMatter[key] === deck.options[key] ? deck.optionLines.get(key) : undefined;
}

/**
 * The parse stage: deck text in, slides and options out. Pure — no file system — so the
 * same function serves the CLI, the dev server and the tests.
 */
export function parseDeck(source: string, file: string, layers: Omit<OptionLayers, 'frontMatter'> = {}): Deck {
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1).replace(/\r\n?/g, '\n') : source.replace(/\r\n?/g, '\n');
  const frontMatter = splitFrontMatter(text, file);
  const validated = validateOptions(frontMatter.data, { file, lineOf: (key) => frontMatter.keyLines.get(key) });
  const options = resolveOptions({ ...layers, frontMatter: validated.options });
  assertNestingDepth(frontMatter.body, file, frontMatter.bodyLine);
  // The render stage applies it; checked here so a bad pattern is refused with its line.
  compilePattern(options.elementAttributes, { key: 'elementAttributes', file, line: frontMatter.keyLines.get('elementAttributes') }, { multiline: true });
  const split = splitSlides(frontMatter.body, file, frontMatter.bodyLine, options, (key) => frontMatter.keyLines.get(key));
  const { slides, warnings: sectionWarnings } = expandRawSections(split.slides, file);
  const warnings = [...split.warnings, ...sectionWarnings];
  if (slides.length === 0) warnings.push({ file, message: 'the deck has no slides; write Markdown below the front matter' });
  return {
    file,
    frontMatter: validated.options,
    options,
    bodyLine: frontMatter.bodyLine,
    optionLines: frontMatter.keyLines,
    slides,
    warnings: [...frontMatter.warnings, ...validated.warnings, ...warnings],
  };
}
