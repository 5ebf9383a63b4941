// The bench's table: one line per figure, its ratio to its floor and whether the goal is met.
const seconds = (ms) => (ms === undefined ? '' : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${Math.round(ms)} ms`);
const megabytes = (mb) => (mb === undefined ? '' : `${Math.round(mb)} MB`);

export function formatTable(rows) {
  const header = ['what', 'slides', 'median', 'min–max', 'node peak', 'tree peak', 'ratio', 'to', 'goal'];
  const lines = rows.map((r) => [
    r.name,
    r.size === undefined ? '' : String(r.size),
    seconds(r.medianMs),
    r.minMs === undefined ? '' : `${seconds(r.minMs)}–${seconds(r.maxMs)}`,
    megabytes(r.nodeMB),
    megabytes(r.treeMB),
    r.ratio === undefined ? '' : `${r.ratio.toFixed(2)}×`,
    r.floor ?? '',
    r.target === undefined ? '' : `${r.met ? 'met' : 'MISSED'} (≤ ${r.target}${r.unit ? ` ${r.unit}` : '×'})`,
  ]);
  const widths = header.map((title, column) => Math.max(title.length, ...lines.map((line) => line[column].length)));
  const format = (cells) => `| ${cells.map((cell, column) => cell.padEnd(widths[column])).join(' | ')} |`;
  return [format(header), format(widths.map((width) => '-'.repeat(width))), ...lines.map(format)].join('\n');
}
