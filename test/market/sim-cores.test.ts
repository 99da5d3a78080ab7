// The simulator's price-process and index cores on their own (issue 14's split).
import { describe, expect, it } from 'vitest';
import { Rng } from '../../src/market/sim/rng.js';
import { evolveBasis, evolveFactor, evolveFair, newMarketFactor, startFactorDay, startWalkDay, type PriceWalk } from '../../src/market/sim/price-process.js';
import { accrueForeign, type ForeignFlow } from '../../src/market/sim/foreign-flow.js';
import { breadthOf, DerivedVnIndex } from '../../src/market/sim/indices.js';
import type { QuoteState } from '../../src/market/sim/messages.js';
import { ACTIVE_MS_PER_DAY } from '../../src/market/sim/clock.js';

const walk = (over: Partial<PriceWalk> = {}): PriceWalk => ({ ref: 20_000, ceiling: 21_400, floor: 18_600, x: 0, mu: 0, sigma: 0, beta: 1, lastA: 0, ...over });

describe('price process', () => {
  it('does not move without active time, and is deterministic under a seed', () => {
    const a = walk();
    startWalkDay(a, new Rng(7), false);
    const x0 = a.x;
    expect(evolveFair(a, 0, 0, new Rng(1))).toBeCloseTo(20_000 * Math.exp(x0), 6);
    const b = walk();
    startWalkDay(b, new Rng(7), false);
    expect(b).toEqual(a);
    expect(evolveFair(a, 60_000, 0.01, new Rng(3))).toBe(evolveFair(b, 60_000, 0.01, new Rng(3)));
  });

  it('pins a runaway name just beyond its band and keeps x consistent with the pinned price', () => {
    const w = walk({ x: 0.5 }); // e^0.5 · 20,000 ≈ 33,000: far above the 21,400 ceiling
    const fair = evolveFair(w, 0, 0, new Rng(1));
    expect(fair).toBeCloseTo(21_400 * 1.004, 6);
    expect(w.ref * Math.exp(w.x)).toBeCloseTo(fair, 6);
    const low = walk({ x: -0.5 });
    expect(evolveFair(low, 0, 0, new Rng(1))).toBeCloseTo(18_600 * 0.996, 6);
  });

  it('a hot day drifts 8–11% over the active day; volScale widens the volatility', () => {
    const w = walk();
    startWalkDay(w, new Rng(11), true);
    expect(Math.abs(w.mu * ACTIVE_MS_PER_DAY)).toBeGreaterThanOrEqual(0.08);
    expect(Math.abs(w.mu * ACTIVE_MS_PER_DAY)).toBeLessThan(0.11);
    const narrow = walk();
    const wide = walk();
    startWalkDay(narrow, new Rng(5), false, 1);
    startWalkDay(wide, new Rng(5), false, 2);
    expect(wide.sigma).toBeCloseTo(2 * narrow.sigma, 12);
  });

  it('the market factor moves only forward in active time', () => {
    const f = newMarketFactor();
    const rng = new Rng(9);
    startFactorDay(f, rng);
    const m0 = f.M;
    evolveFactor(f, 0, rng);
    expect(f.M).toBe(m0);
    evolveFactor(f, 1_000_000, rng);
    const m1 = f.M;
    expect(m1).not.toBe(m0);
    evolveFactor(f, 500_000, rng); // earlier: no move
    expect(f.M).toBe(m1);
  });
});

describe('indices', () => {
  const q = (ref: number, last: number, ceiling: number, floor: number, totalVol = 0, totalVal = 0): QuoteState => ({ ref, last, ceiling, floor, open: 0, high: 0, low: 0, lastVol: 0, totalVol, totalVal, bids: [], asks: [] });

  it('breadth counts against the reference; an untraded name is unchanged and hits no limit', () => {
    const b = breadthOf([q(100, 107, 107, 93, 10, 1070), q(100, 93, 107, 93, 5, 465), q(100, 0, 107, 93), q(100, 100, 107, 93, 1, 100), q(100, 101, 107, 93, 2, 202)]);
    expect(b).toEqual({ advances: 2, declines: 1, unchanged: 2, ceilings: 1, floors: 1, volume: 18, valueTraded: 1837 });
  });

  it('VNINDEX follows VN30 with its beta: flat VN30 and no noise time → its prior', () => {
    const v = new DerivedVnIndex();
    const rng = new Rng(2);
    v.startDay(true, 1_750, rng);
    const f = v.figures(0, 1_750, 1_750, breadthOf([]), rng);
    expect(f.value).toBe(v.prior);
    expect(f.unchanged).toBe(395); // nothing traded: the whole listing unchanged
    const up = v.figures(0, 1_750 * 1.02, 1_750, { advances: 20, declines: 5, unchanged: 5, ceilings: 1, floors: 0, volume: 1_000, valueTraded: 5_000 }, rng);
    expect(up.value / v.prior).toBeCloseTo(Math.exp(0.85 * Math.log(1.02)), 4);
    expect(up.advances).toBeGreaterThan(up.declines);
    expect(up.advances + up.declines + up.unchanged).toBe(395);
  });
});

describe('futures basis', () => {
  it('mean-reverts: after many half-lives the start is forgotten, and its spread stays near 4 points', () => {
    const rng = new Rng(21);
    const values: number[] = [];
    const b = { value: 50, lastA: 0 };
    expect(evolveBasis(b, 0, rng)).toBe(50); // no active time, no move
    for (let i = 1; i <= 2_000; i++) values.push(evolveBasis(b, i * 20 * 60_000, rng)); // one half-life a step
    const mean = values.reduce((a, v) => a + v, 0) / values.length;
    const sd = Math.sqrt(values.reduce((a, v) => a + (v - mean) ** 2, 0) / values.length);
    expect(Math.abs(mean)).toBeLessThan(0.5);
    expect(sd).toBeGreaterThan(3.5);
    expect(sd).toBeLessThan(4.5);
  });
});

describe('foreign flow', () => {
  const flow = (over: Partial<ForeignFlow> = {}): ForeignFlow => ({ fBuyVol: 0, fSellVol: 0, fBuyVal: 0, fSellVal: 0, qfb: 1, qfs: 0, totalRoom: 1_000, held: 900, ...over });

  it('one trade is wholly foreign or not, and never buys beyond the room', () => {
    const s = flow();
    accrueForeign(s, 500, 20_000, false, new Rng(1)); // a foreign buyer for sure, 100 shares of room left
    expect(s).toMatchObject({ fBuyVol: 100, fSellVol: 0, fBuyVal: 2_000_000, held: 1_000 });
    accrueForeign(s, 500, 20_000, false, new Rng(2));
    expect(s.fBuyVol).toBe(100); // the room is full
  });

  it('an aggregate takes about the expected share, in board lots', () => {
    const s = flow({ qfb: 0.1, qfs: 0.1, totalRoom: 1e9, held: 0 });
    accrueForeign(s, 1_000_000, 10_000, true, new Rng(3));
    expect(s.fBuyVol % 100).toBe(0);
    expect(s.fBuyVol).toBeGreaterThanOrEqual(70_000);
    expect(s.fBuyVol).toBeLessThanOrEqual(130_000);
    expect(s.held).toBe(s.fBuyVol - s.fSellVol);
  });
});
