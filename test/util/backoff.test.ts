import { describe, expect, it } from 'vitest';
import { backoffDelay, resolveBackoff } from '../../src/util/backoff.js';
import { nowUs, nowUsFine } from '../../src/util/clock.js';

describe('backoffDelay', () => {
  const b = { initialMs: 100, maxMs: 1000, factor: 2, jitter: 0.5 };

  it('grows exponentially from the first retry to the cap', () => {
    expect([1, 2, 3, 4, 5, 6].map((a) => backoffDelay(b, a, () => 0))).toEqual([100, 200, 400, 800, 1000, 1000]);
  });

  it('jitter only shortens a delay, by at most the jitter share', () => {
    expect(backoffDelay(b, 3, () => 1)).toBe(200);
    expect(backoffDelay(b, 3, () => 0.5)).toBe(300);
    for (let i = 0; i < 200; i++) {
      const d = backoffDelay(b, 4);
      expect(d).toBeGreaterThanOrEqual(400);
      expect(d).toBeLessThanOrEqual(800);
    }
  });

  it('without jitter the delay is exact; attempt 0 or less counts as the first', () => {
    const plain = { ...b, jitter: 0 };
    expect(backoffDelay(plain, 0)).toBe(100);
    expect(backoffDelay(plain, 2, () => 0.9)).toBe(200);
  });

  it('a very long outage stays at the cap (no overflow to NaN)', () => {
    expect(backoffDelay(b, 5000, () => 0)).toBe(1000);
    expect(backoffDelay({ ...b, initialMs: 0 }, 5000, () => 0)).toBe(0);
  });
});

describe('resolveBackoff', () => {
  const defaults = { initialMs: 1000, maxMs: 60_000, factor: 2, jitter: 0.3 };

  it('overrides the defaults, ignoring undefined values', () => {
    expect(resolveBackoff(defaults, { initialMs: 10, maxMs: undefined })).toEqual({ ...defaults, initialMs: 10 });
    expect(resolveBackoff(defaults)).toEqual(defaults);
  });

  it('rejects a backoff that cannot work, naming the rule', () => {
    expect(() => resolveBackoff(defaults, { maxMs: 10 })).toThrow(/initialMs <= maxMs/);
    expect(() => resolveBackoff(defaults, { factor: 0.5 })).toThrow(RangeError);
    expect(() => resolveBackoff(defaults, { jitter: 2 })).toThrow(RangeError);
    expect(() => resolveBackoff(defaults, { initialMs: Number.NaN })).toThrow(RangeError);
  });
});

describe('clock', () => {
  it('nowUs is whole microseconds of wall-clock time; nowUsFine keeps the fraction', () => {
    const before = Date.now() * 1000;
    const us = nowUs();
    const fine = nowUsFine();
    expect(Number.isInteger(us)).toBe(true);
    // performance.timeOrigin + now() and Date.now() may differ by clock adjustment, not by seconds.
    expect(Math.abs(us - before)).toBeLessThan(5_000_000);
    expect(fine).toBeGreaterThanOrEqual(us - 1);
  });
});
