/**
 * A one-line progress bar on stderr, redrawn at most every 100 ms. Silent when stderr is not a
 * terminal (so logs and pipes stay clean) unless forced.
 */
export class ProgressBar {
  private last = 0;
  private readonly start = Date.now();
  private readonly enabled: boolean;

  constructor(
    private readonly label: string,
    private readonly total: number | undefined,
    private readonly stream: NodeJS.WritableStream & { isTTY?: boolean } = process.stderr,
    force = false,
  ) {
    this.enabled = force || !!stream.isTTY;
  }

  /** Updates the bar to `done` units, with optional extra text (e.g. "alpha 0.021"). */
  update(done: number, extra = ''): void {
    if (!this.enabled) return;
    const now = Date.now();
    if (now - this.last < 100 && (this.total === undefined || done < this.total)) return;
    this.last = now;
    const secs = (now - this.start) / 1000;
    const rate = secs > 0 ? done / secs : 0;
    let line = `${this.label} `;
    if (this.total) {
      const frac = Math.min(1, done / this.total);
      const width = 24;
      const filled = Math.round(frac * width);
      const eta = rate > 0 ? (this.total - done) / rate : 0;
      line += `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${(frac * 100).toFixed(1)}% ETA ${formatSecs(eta)}`;
    } else line += `${formatCount(done)}`;
    line += ` ${formatCount(rate)}/s ${formatSecs(secs)}${extra ? ' ' + extra : ''}`;
    this.stream.write(`\r${line}\x1b[K`);
  }

  /** Finishes the line. */
  done(extra = ''): void {
    if (!this.enabled) return;
    this.last = 0;
    this.stream.write(`\r${this.label} done in ${formatSecs((Date.now() - this.start) / 1000)}${extra ? ' ' + extra : ''}\x1b[K\n`);
  }
}

function formatCount(n: number): string {
  if (n >= 1e6) return `${(n / 1e6).toFixed(2)}M`;
  if (n >= 1e3) return `${(n / 1e3).toFixed(1)}k`;
  return n.toFixed(0);
}

function formatSecs(s: number): string {
  if (!Number.isFinite(s)) return '?';
  if (s < 60) return `${s.toFixed(1)}s`;
  return `${Math.floor(s / 60)}m${Math.round(s % 60)
    .toString()
    .padStart(2, '0')}s`;
}
