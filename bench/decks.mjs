// Synthetic decks for the benchmark: the same shape at every size, so timings compare.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const deckSizes = [10, 50, 200, 1000];

const languages = ['ts', 'python', 'bash', 'json', 'go', 'rust'];

function codeBlock(index) {
  const language = languages[index % languages.length];
  return [
    `\`\`\`${language}`,
    `// slide ${index}: a small function`,
    `function step${index}(input) {`,
    `  const total = input.reduce((sum, value) => sum + value * ${index}, 0);`,
    '  return { total, when: Date.now() };',
    '}',
    '```',
  ].join('\n');
}

function table(index) {
  const rows = [1, 2, 3].map((row) => `| ${row} | item ${index}.${row} | ${(row * index) % 97} |`);
  return ['| # | Name | Value |', '| --- | --- | --- |', ...rows].join('\n');
}

function slide(index) {
  const parts = [
    `## Slide ${index}: measured and **fast**`,
    '',
    `- First point of slide ${index}, with \`inline code\``,
    `- Second point with a [link](https://example.com/${index})`,
    '- Third point, *emphasised* and plain',
  ];
  if (index % 4 === 1) parts.push('', codeBlock(index));
  if (index % 4 === 3) parts.push('', table(index));
  if (index % 2 === 0) parts.push('', `Note: Speaker notes for slide ${index}, with a second sentence to read aloud.`);
  return parts.join('\n');
}

/** A deck of `count` slides: headings, bullets, code every fourth, a table every fourth, notes on half. */
export function deckMarkdown(count) {
  const slides = Array.from({ length: count }, (_, index) => slide(index + 1));
  return `---\ntitle: Benchmark deck of ${count} slides\nlang: en\n---\n\n${slides.join('\n\n---\n\n')}\n`;
}

/** Writes `deck-<n>.md` for each size into `folder` and returns their paths by size. */
export function writeDecks(folder, sizes = deckSizes) {
  mkdirSync(folder, { recursive: true });
  const files = new Map();
  for (const size of sizes) {
    const file = join(folder, `deck-${size}.md`);
    writeFileSync(file, deckMarkdown(size));
    files.set(size, file);
  }
  return files;
}
