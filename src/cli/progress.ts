/**
 * A one-line progress bar on stderr (stdout stays clean for the results table). Redraws at most
 * every 200 ms; on a non-TTY it prints a plain line every 10 %. Notes may quote file names and
 * error messages: their control characters are escaped (terminalSafe.ts), the bar's own are not.
 */
import { terminalSafe, terminalSafeLines } from './terminalSafe';

export class ProgressBar {
  private lastDraw = 0;
  private lastDecile = -1;
  private readonly start = Date.now();
  /** The count at the first update: a resumed run starts past 0, and the rate counts only what this process did. */
  private first: number | null = null;

  constructor(
    private readonly label: string,
    private total: number,
    private readonly stream: NodeJS.WriteStream = process.stderr,
  ) {}

  /** `total` replaces the total given at construction when it becomes known. */
  update(done: number, note = '', total = this.total): void {
    this.total = total;
    const now = Date.now();
    const fraction = this.total > 0 ? done / this.total : 1;
    const elapsed = (now - this.start) / 1000;
    this.first ??= done;
    const sinceStart = done - this.first;
    const eta = sinceStart > 0 ? (elapsed * (this.total - done)) / sinceStart : 0;
    const text = `${this.label} ${done}/${this.total} ${terminalSafe(note)} ${elapsed.toFixed(0)}s elapsed, ~${eta.toFixed(0)}s left`;
    if (this.stream.isTTY) {
      if (now - this.lastDraw < 200 && done < this.total) return;
      this.lastDraw = now;
      const width = 24;
      const filled = Math.round(fraction * width);
      this.stream.write(`\r[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${text}\x1b[K`);
      if (done >= this.total) this.stream.write('\n');
      return;
    }
    const decile = Math.floor(fraction * 10);
    if (decile !== this.lastDecile) {
      this.lastDecile = decile;
      this.stream.write(`${text}\n`);
    }
  }

  /** A line of its own; on a TTY it replaces the bar, which the next update redraws. */
  note(line: string): void {
    const safe = terminalSafeLines(line);
    this.stream.write(this.stream.isTTY ? `\r\x1b[K${safe}\n` : `${safe}\n`);
    this.lastDraw = 0;
  }
}
