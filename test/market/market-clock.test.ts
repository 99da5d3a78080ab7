// The market clock between messages, on an injected wall clock.
import { describe, expect, it } from 'vitest';
import { MarketClock } from '../../src/market/market-clock.js';

describe('MarketClock', () => {
  it('advances the last message time by wall time × rate, never backwards', () => {
    let wall = 1_000_000;
    const c = new MarketClock({ rate: 10, now: () => wall });
    expect(c.now()).toBe(0); // unknown before the first message
    c.observe(50_000);
    expect(c.now()).toBe(50_000);
    wall += 500;
    expect(c.now()).toBe(55_000);
    // Another message of the same second does not move the anchor.
    c.observe(50_000);
    wall += 100;
    expect(c.now()).toBe(56_000);
    // A newer message stamped behind the extrapolation: the clock holds until it catches up.
    c.observe(55_500);
    expect(c.now()).toBe(56_000);
    wall += 100;
    expect(c.now()).toBe(56_500);
    wall += 100;
    expect(c.now()).toBe(57_500);
  });

  it('a live feed\'s clock reads the wall time until its first message', () => {
    let wall = 2_000_000;
    const c = new MarketClock({ rate: 1, now: () => wall, wallIsMarket: true });
    expect(c.now()).toBe(2_000_000);
    c.observe(2_000_500);
    wall += 1000;
    expect(c.now()).toBe(2_001_500);
    expect(() => new MarketClock({ rate: 0 })).toThrow(RangeError);
  });
});
