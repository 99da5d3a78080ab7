// Type-to-find on the board: letters typed within a short pause build a prefix ("F", "FP",
// "FPT") that the table jumps to; a pause starts a new one. Pure: the caller passes the clock.

export class Typeahead {
  private buffer = '';
  private lastMs = -Infinity;

  constructor(private readonly pauseMs = 1000) {}

  /** Adds a typed character; returns the prefix to look for, or undefined if the key is not a symbol character. */
  key(ch: string, nowMs: number): string | undefined {
    if (!/^[A-Za-z0-9]$/.test(ch)) return undefined;
    if (nowMs - this.lastMs > this.pauseMs) this.buffer = '';
    this.lastMs = nowMs;
    this.buffer += ch.toUpperCase();
    return this.buffer;
  }

  reset(): void {
    this.buffer = '';
    this.lastMs = -Infinity;
  }
}
