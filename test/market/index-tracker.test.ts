import { describe, expect, it } from 'vitest';
import { IndexTracker, IntradaySeries, advanceRatio, breadthOfQuotes, hasBreadth } from '../../src/market/processor/index-tracker.js';
import { at, index, quote } from './fixtures.js';

describe('breadth', () => {
  it('advance ratio = adv / (adv + dec), 0 when both are 0', () => {
    expect(advanceRatio(15, 5)).toBe(0.75);
    expect(advanceRatio(0, 7)).toBe(0);
    expect(advanceRatio(0, 0)).toBe(0);
  });

  it('counts a basket from its quotes; ceilings among advances, floors among declines', () => {
    const b = breadthOfQuotes([
      quote('A', '10:00', { last: 26_750 }), // ceiling
      quote('B', '10:00', { last: 25_500 }),
      quote('C', '10:00', { last: 23_250 }), // floor
      quote('D', '10:00', { last: 24_000 }),
      quote('E', '10:00', { last: 25_000 }), // at reference
      quote('F', '10:00', { last: 0 }), // no trade yet
      undefined, // no quote at all: not counted
    ]);
    expect(b).toEqual({ advances: 2, declines: 2, unchanged: 2, ceilings: 1, floors: 1 });
    expect(hasBreadth(b)).toBe(true);
    expect(hasBreadth({ advances: 0, declines: 0, unchanged: 0, ceilings: 0, floors: 0 })).toBe(false);
  });
});

describe('IntradaySeries', () => {
  it('keeps the last value of each minute, keyed by the minute start', () => {
    const s = new IntradaySeries();
    s.add(at('09:15:01'), 1);
    s.add(at('09:15:30'), 2);
    s.add(at('09:15:59.999'), 3);
    s.add(at('09:16:00'), 4);
    s.add(at('09:18:10'), 5);
    s.add(at('09:16:30'), 99); // late, for a closed minute: ignored
    expect(s.points()).toEqual([
      { timeMs: at('09:15'), value: 3 },
      { timeMs: at('09:16'), value: 4 },
      { timeMs: at('09:18'), value: 5 },
    ]);
  });

  it('caps its length, dropping the oldest', () => {
    const s = new IntradaySeries(10);
    for (let m = 0; m < 25; m++) s.add(at('09:00') + m * 60_000 + 5_000, m);
    const pts = s.points();
    expect(pts).toHaveLength(10);
    expect(pts[0]).toEqual({ timeMs: at('09:15'), value: 15 });
    expect(pts[9]!.value).toBe(24);
  });

  it('never changes a series it handed out', () => {
    const s = new IntradaySeries();
    s.add(at('10:00'), 1);
    const handed = s.points();
    const copy = structuredClone(handed);
    s.add(at('10:00:30'), 2);
    s.add(at('10:01'), 3);
    expect(handed).toEqual(copy);
    expect(s.points()).toEqual([
      { timeMs: at('10:00'), value: 2 },
      { timeMs: at('10:01'), value: 3 },
    ]);
  });

  it('a whole day of per-second values is at most one point a minute', () => {
    const s = new IntradaySeries();
    for (let t = at('09:00'); t < at('15:00'); t += 1000) s.add(t, 1_300);
    expect(s.length).toBe(360);
  });
});

describe('IndexTracker', () => {
  it('tracks only its indices and reports value, change, breadth and ratio', () => {
    const tr = new IndexTracker(['VN30', 'VNINDEX']);
    expect(tr.apply(index('HNX', at('10:00')))).toBe(false);
    expect(tr.state('HNX')).toBeUndefined();
    tr.apply(index('VNINDEX', at('10:00'), { value: 1_300.5, priorValue: 1_290, totalVolume: 5e8, totalValue: 1.2e13, advances: 200, declines: 100, unchanged: 50, ceilings: 7, floors: 3 }));
    expect(tr.state('VNINDEX')).toEqual({
      id: 'VNINDEX',
      value: 1_300.5,
      priorValue: 1_290,
      change: 10.5,
      changePct: 0.81,
      totalVolume: 5e8,
      totalValue: 1.2e13,
      advances: 200,
      declines: 100,
      unchanged: 50,
      ceilings: 7,
      floors: 3,
      advanceRatio: 0.6667,
      intraday: [{ timeMs: at('10:00'), value: 1_300.5 }],
    });
  });

  it('uses the fallback breadth only when the event has none', () => {
    const tr = new IndexTracker(['VN30']);
    const basket = { advances: 3, declines: 1, unchanged: 0, ceilings: 1, floors: 0 };
    tr.apply(index('VN30', at('10:00')));
    expect(tr.state('VN30', basket)).toMatchObject({ ...basket, advanceRatio: 0.75 });
    tr.apply(index('VN30', at('10:01'), { advances: 10, declines: 20, unchanged: 0 }));
    expect(tr.state('VN30', basket)).toMatchObject({ advances: 10, declines: 20, ceilings: 0, advanceRatio: 0.3333 });
  });
});
