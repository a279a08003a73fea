/** A progress bar on standard error, shown only on a terminal and only for runs longer than a second. */
export class Progress {
  private count = 0;
  private shown = false;
  private readonly started = Date.now();
  private last = 0;

  constructor(
    private readonly total: number,
    private readonly enabled: boolean,
  ) {}

  tick(): void {
    this.count++;
    if (!this.enabled || this.total < 2) return;
    const now = Date.now();
    if (now - this.started < 1000 || now - this.last < 100) return;
    this.last = now;
    this.shown = true;
    const width = 30;
    const filled = Math.round((width * this.count) / this.total);
    process.stderr.write(`\r[${'#'.repeat(filled)}${' '.repeat(width - filled)}] ${this.count}/${this.total} files`);
  }

  /** Clears the bar so that a message can take its line; the next tick draws it again. */
  clear(): void {
    if (this.shown) process.stderr.write('\r\x1b[K');
  }

  done(): void {
    if (this.shown) process.stderr.write('\r\x1b[K');
  }
}
