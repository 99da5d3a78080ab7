// WS_MAX_CONNECT_RATE_PER_IP: WebSocket upgrades per second per remote address, a token
// bucket per address (one second's worth of burst). It bounds how fast one address can
// open sockets, where conn-limits.ts bounds how many it holds. Every attempt counts,
// refused ones included. The map never grows without bound: an address idle long enough
// for its bucket to refill is forgotten (a new bucket would be the same).
import { MessageRateLimiter } from './rate-limit.js';

const SWEEP_EVERY_MS = 1000;

export class ConnectRateLimiter {
  private readonly buckets = new Map<string, MessageRateLimiter>();
  private lastSweep = 0;

  /** perSecond 0 = unlimited. */
  constructor(readonly perSecond: number) {
    if (!Number.isSafeInteger(perSecond) || perSecond < 0) throw new RangeError(`ConnectRateLimiter: perSecond must be a non-negative integer, got ${perSecond}`);
  }

  /** Addresses tracked now. */
  get addresses(): number {
    return this.buckets.size;
  }

  /** One upgrade attempt from `ip` at `now` (ms, monotonic). False: over the rate (429). */
  allow(ip: string, now = performance.now()): boolean {
    if (this.perSecond === 0) return true;
    if (now - this.lastSweep >= SWEEP_EVERY_MS) this.sweep(now);
    let bucket = this.buckets.get(ip);
    if (!bucket) this.buckets.set(ip, (bucket = new MessageRateLimiter(this.perSecond)));
    return bucket.allow(now);
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [ip, bucket] of this.buckets) if (bucket.full(now)) this.buckets.delete(ip);
  }
}
