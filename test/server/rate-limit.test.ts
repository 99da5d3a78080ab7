import { describe, expect, it } from 'vitest';
import { MessageRateLimiter } from '../../src/server/rate-limit.js';

const count = (l: MessageRateLimiter, n: number, at: (i: number) => number) => {
  let ok = 0;
  for (let i = 0; i < n; i++) if (l.allow(at(i))) ok++;
  return ok;
};

describe('MessageRateLimiter', () => {
  it('allows a burst (default: one second of the rate), then refuses', () => {
    const l = new MessageRateLimiter(20);
    expect(l.burst).toBe(20);
    expect(count(l, 30, () => 1000)).toBe(20);
    expect(l.allow(1000)).toBe(false);
  });

  it('refills at the rate', () => {
    const l = new MessageRateLimiter(10, 1);
    expect(l.allow(0)).toBe(true);
    expect(l.allow(50)).toBe(false);
    expect(l.allow(100)).toBe(true); // 100 ms at 10/s = one token
    expect(l.allow(150)).toBe(false);
    expect(l.allow(10_000)).toBe(true);
    expect(l.allow(10_000)).toBe(false); // capped at burst 1
  });

  it('sustained traffic at the rate passes; above the rate is cut to the rate', () => {
    const at = new MessageRateLimiter(20);
    expect(count(at, 200, (i) => i * 50)).toBe(200); // 20/s for 10 s
    const above = new MessageRateLimiter(20);
    const ok = count(above, 400, (i) => i * 25); // 40/s for 10 s
    expect(ok).toBeGreaterThanOrEqual(200);
    expect(ok).toBeLessThanOrEqual(221); // 10 s × 20/s + the initial burst of 20 (+1 rounding)
  });

  it('refused messages do not consume tokens', () => {
    const l = new MessageRateLimiter(1, 1);
    expect(l.allow(0)).toBe(true);
    for (let t = 1; t < 1000; t += 10) expect(l.allow(t)).toBe(false);
    expect(l.allow(1000)).toBe(true);
  });

  it('a clock going backwards neither refills nor breaks', () => {
    const l = new MessageRateLimiter(10, 2);
    expect(l.allow(5000)).toBe(true);
    expect(l.allow(5000)).toBe(true);
    expect(l.allow(1000)).toBe(false);
    expect(l.allow(5100)).toBe(true);
  });

  it('rate 0 = unlimited; burst is at least 1', () => {
    const off = new MessageRateLimiter(0);
    expect(count(off, 10_000, () => 0)).toBe(10_000);
    const slow = new MessageRateLimiter(0.5);
    expect(slow.burst).toBe(1);
    expect(slow.allow(0)).toBe(true);
    expect(slow.allow(1000)).toBe(false);
    expect(slow.allow(2000)).toBe(true);
  });

  it('rejects a negative or non-finite rate', () => {
    expect(() => new MessageRateLimiter(-1)).toThrow(RangeError);
    expect(() => new MessageRateLimiter(Number.NaN)).toThrow(RangeError);
    expect(() => new MessageRateLimiter(Infinity)).toThrow(RangeError);
  });
});
