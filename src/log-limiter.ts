// Rate-limits repetitive log lines (a feed spewing garbage must not flood the log): at
// most one line per key per window, reporting how many were suppressed in between.
export class LogLimiter {
  private readonly last = new Map<string, { at: number; suppressed: number }>();
  constructor(private readonly windowMs = 10_000, private readonly now: () => number = Date.now) {}

  /** Calls emit(suppressedSinceLast) when the key may log now; returns whether it did. */
  run(key: string, emit: (suppressed: number) => void): boolean {
    const t = this.now();
    const entry = this.last.get(key);
    if (entry && t - entry.at < this.windowMs) {
      entry.suppressed++;
      return false;
    }
    emit(entry?.suppressed ?? 0);
    this.last.set(key, { at: t, suppressed: 0 });
    return true;
  }
}
