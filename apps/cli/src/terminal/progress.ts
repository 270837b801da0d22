/**
 * A progress bar on stderr. On a terminal it redraws one line; otherwise (CI, pipes) it prints a
 * line every 10% so logs stay readable.
 */
export class Progress {
  private done = 0;
  private lastDecile = -1;
  private readonly tty: boolean;
  private readonly started = Date.now();

  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly out: NodeJS.WriteStream = process.stderr,
  ) {
    this.tty = out.isTTY === true;
  }

  tick(item = ""): void {
    this.done++;
    if (this.tty) {
      const width = 30;
      const filled = this.total === 0 ? width : Math.round((this.done / this.total) * width);
      const bar = `${"█".repeat(filled)}${"░".repeat(width - filled)}`;
      this.out.write(
        `\r${this.label} ${bar} ${this.done}/${this.total} ${item}`
          .slice(0, (this.out.columns ?? 100) - 1)
          .padEnd(20),
      );
      this.out.write("\x1b[K");
    } else {
      const decile = this.total === 0 ? 10 : Math.floor((this.done / this.total) * 10);
      if (decile !== this.lastDecile) {
        this.lastDecile = decile;
        this.out.write(`${this.label} ${this.done}/${this.total}（${decile * 10}%）\n`);
      }
    }
  }

  finish(): number {
    if (this.tty) this.out.write("\n");
    return Date.now() - this.started;
  }
}
