import { describe, expect, it } from 'vitest';
import { backoffDelay, resolveBackoff, BACKOFF_DEFAULTS } from '../../packages/client/src/backoff.js';

describe('backoff', () => {
  it('grows by factor from initialMs up to maxMs', () => {
    const b = resolveBackoff({ jitter: 0 });
    expect([1, 2, 3, 4, 5, 6, 7, 8].map((n) => backoffDelay(b, n))).toEqual([250, 500, 1000, 2000, 4000, 8000, 10_000, 10_000]);
  });

  it('jitter shortens a delay by up to that fraction', () => {
    const b = resolveBackoff(BACKOFF_DEFAULTS);
    expect(backoffDelay(b, 3, () => 0)).toBe(1000);
    expect(backoffDelay(b, 3, () => 0.999999)).toBe(500);
    for (let i = 0; i < 100; i++) {
      const d = backoffDelay(b, 2);
      expect(d).toBeGreaterThanOrEqual(250);
      expect(d).toBeLessThanOrEqual(500);
    }
  });

  it('rejects nonsense', () => {
    expect(() => resolveBackoff({ initialMs: 100, maxMs: 10 })).toThrow(RangeError);
    expect(() => resolveBackoff({ factor: 0.5 })).toThrow(RangeError);
  });
});
