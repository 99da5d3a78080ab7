// Per-socket token bucket for client messages: `ratePerSecond` sustained, `burst` at once.
// allow() does arithmetic on two numbers and allocates nothing; the socket that exceeds it
// is closed with 1008 by the caller.

export class MessageRateLimiter {
  private tokens: number;
  private last = -Infinity;
  private readonly perMs: number;
  readonly burst: number;

  /** ratePerSecond 0 = unlimited. burst defaults to ratePerSecond (one second's worth), at least 1. */
  constructor(
    readonly ratePerSecond: number,
    burst?: number,
  ) {
    if (!(ratePerSecond >= 0) || !Number.isFinite(ratePerSecond)) throw new RangeError(`MessageRateLimiter: ratePerSecond must be >= 0, got ${ratePerSecond}`);
    this.burst = Math.max(1, burst ?? ratePerSecond);
    this.perMs = ratePerSecond / 1000;
    this.tokens = this.burst;
  }

  /** True when the bucket would be full at `now`: the limiter is then as good as a new one. */
  full(now: number): boolean {
    return this.perMs === 0 || this.tokens + (now - this.last) * this.perMs >= this.burst;
  }

  /** One message at `now` (ms, monotonic: performance.now()). False = over the limit; the message is not counted. */
  allow(now: number): boolean {
    if (this.perMs === 0) return true;
    const elapsed = now - this.last; // Infinity on the first call: the bucket starts full
    if (elapsed > 0) {
      this.tokens = Math.min(this.burst, this.tokens + elapsed * this.perMs);
      this.last = now;
    }
    if (this.tokens < 1) return false;
    this.tokens -= 1;
    return true;
  }
}
