/**
 * One status line for long work, redrawn in place on a terminal; nothing at all otherwise,
 * so logs and tests see only the summary lines.
 */
export class Progress {
  private last = '';

  constructor(private readonly write?: (text: string) => void) {}

  show(text: string): void {
    if (!this.write || text === this.last) return;
    this.last = text;
    this.write(`\r\x1b[2K${text}`);
  }

  /** `label ███████░░░░ 7/12` */
  count(label: string, done: number, total: number): void {
    const width = 20;
    const filled = total === 0 ? width : Math.round((done / total) * width);
    this.show(`${label} ${'█'.repeat(filled)}${'░'.repeat(width - filled)} ${done}/${total}`);
  }

  /** Erases the line so the next output starts clean. */
  clear(): void {
    if (this.write && this.last) this.write('\r\x1b[2K');
    this.last = '';
  }
}
