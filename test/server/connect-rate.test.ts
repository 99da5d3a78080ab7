// ConnectRateLimiter: upgrades per second per address, with an injected clock.
import { describe, expect, it } from 'vitest';
import { ConnectRateLimiter } from '../../src/server/connect-rate.js';

describe('ConnectRateLimiter', () => {
  it('allows the burst, refuses beyond it, refills at the rate, and keeps addresses apart', () => {
    const l = new ConnectRateLimiter(3);
    const t = 1000;
    expect([1, 2, 3, 4].map(() => l.allow('a', t))).toEqual([true, true, true, false]);
    expect(l.allow('b', t)).toBe(true);
    expect(l.allow('a', t + 200)).toBe(false); // 0.6 of a token back
    expect(l.allow('a', t + 340)).toBe(true); // one token after 1/3 s
  });

  it('forgets addresses whose bucket is full again, so a flood of addresses does not grow the map', () => {
    const l = new ConnectRateLimiter(5);
    for (let i = 0; i < 1000; i++) l.allow(`10.0.${i >> 8}.${i & 255}`, 10_000);
    expect(l.addresses).toBe(1000);
    l.allow('10.9.9.9', 12_000); // two seconds on: every earlier bucket has refilled
    expect(l.addresses).toBe(1);
  });

  it('0 is unlimited and tracks nothing', () => {
    const l = new ConnectRateLimiter(0);
    for (let i = 0; i < 100; i++) expect(l.allow('a', 0)).toBe(true);
    expect(l.addresses).toBe(0);
  });
});
