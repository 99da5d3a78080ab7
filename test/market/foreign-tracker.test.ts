import { describe, expect, it } from 'vitest';
import { ForeignTracker } from '../../src/market/processor/foreign-tracker.js';
import { at, foreign } from './fixtures.js';

const MIN = 60_000;
const t0 = at('10:00');

/** Feeds cumulative buys of `perMinute` shares a minute (no sells), one message a minute, minutes 0..n. */
function steadyBuyer(tr: ForeignTracker, symbol: string, perMinute: number, minutes: number, startMs = t0): void {
  for (let m = 0; m <= minutes; m++) {
    tr.apply(foreign(symbol, startMs + m * MIN, { buyVolume: 10_000 + m * perMinute, buyValue: (10_000 + m * perMinute) * 1_000 }));
  }
}

describe('ForeignTracker per symbol', () => {
  it('reports cumulative figures, net and room from the latest message', () => {
    const tr = new ForeignTracker();
    tr.apply(foreign('FPT', t0, { buyVolume: 5_000, sellVolume: 2_000, buyValue: 600_000_000, sellValue: 250_000_000, currentRoom: 123_456 }));
    expect(tr.stateAt('FPT', t0)).toEqual({
      buyVolume: 5_000,
      sellVolume: 2_000,
      buyValue: 600_000_000,
      sellValue: 250_000_000,
      netVolume: 3_000,
      netValue: 350_000_000,
      room: 123_456,
      speedPerMinute: 0, // the first message is the baseline: nothing observed yet
      acceleration: 0,
    });
  });

  it('speed is net volume per minute over the trailing 5 minutes', () => {
    const tr = new ForeignTracker();
    steadyBuyer(tr, 'FPT', 600, 10);
    // Steady 600/min for 10 minutes: (C(10) - C(5)) / 5 = 600.
    expect(tr.speedAt('FPT', t0 + 10 * MIN)).toBe(600);
    expect(tr.accelerationAt('FPT', t0 + 10 * MIN)).toBe(0);
    // Two minutes in: 1,200 observed over the 5-minute window → 240/min.
    const early = new ForeignTracker();
    steadyBuyer(early, 'FPT', 600, 2);
    expect(early.speedAt('FPT', t0 + 2 * MIN)).toBe(240);
    // Net selling gives a negative speed.
    const s = new ForeignTracker();
    s.apply(foreign('VNM', t0, { sellVolume: 1_000 }));
    s.apply(foreign('VNM', t0 + MIN, { sellVolume: 3_500 }));
    expect(s.speedAt('VNM', t0 + MIN)).toBe(-500);
  });

  it('speed decays when the flow stops, as the window slides past it', () => {
    const tr = new ForeignTracker();
    steadyBuyer(tr, 'FPT', 600, 10);
    expect(tr.speedAt('FPT', t0 + 12 * MIN)).toBe(360); // minutes 7..10 carry flow: 1,800 / 5
    expect(tr.speedAt('FPT', t0 + 15 * MIN)).toBe(0);
    expect(tr.speedAt('FPT', t0 + 60 * MIN)).toBe(0);
  });

  it('acceleration is the change of speed over the last minute', () => {
    const tr = new ForeignTracker();
    steadyBuyer(tr, 'FPT', 500, 3);
    // speed(3) = 1,500/5 = 300, speed(2) = 1,000/5 = 200 → +100 per minute per minute.
    expect(tr.speedAt('FPT', t0 + 3 * MIN)).toBe(300);
    expect(tr.accelerationAt('FPT', t0 + 3 * MIN)).toBe(100);
    // The flow stopped at minute 3: speed(6) = (C(6) - C(1)) / 5 = 1,000 / 5 = 200 and
    // speed(5) = (C(5) - C(0)) / 5 = 300, so it decelerates by 100 per minute per minute.
    expect(tr.accelerationAt('FPT', t0 + 6 * MIN)).toBe(-100);
  });

  it('a cumulative figure going DOWN (reconnect) resets the baseline: no negative spike', () => {
    const tr = new ForeignTracker();
    tr.apply(foreign('FPT', t0, { buyVolume: 100_000, sellVolume: 20_000, buyValue: 1e10, sellValue: 2e9 }));
    tr.apply(foreign('FPT', t0 + MIN, { buyVolume: 101_000, sellVolume: 20_000, buyValue: 1.01e10, sellValue: 2e9 }));
    // The feed restarted its counters.
    tr.apply(foreign('FPT', t0 + 2 * MIN, { buyVolume: 500, sellVolume: 0, buyValue: 5e7, sellValue: 0 }));
    expect(tr.speedAt('FPT', t0 + 2 * MIN)).toBe(200); // only the real +1,000, over 5 minutes
    tr.apply(foreign('FPT', t0 + 3 * MIN, { buyVolume: 1_500, sellVolume: 0, buyValue: 1.5e8, sellValue: 0 }));
    expect(tr.speedAt('FPT', t0 + 3 * MIN)).toBe(400); // +1,000 before and +1,000 after the reset
    const s = tr.stateAt('FPT', t0 + 3 * MIN);
    expect(s.netVolume).toBe(1_500); // the figures shown are the feed's, as they now stand
    expect(s.speedPerMinute).toBeGreaterThanOrEqual(0);
    expect(s.acceleration).toBeGreaterThanOrEqual(0);
  });

  it('a net sell delta is not a reset (cumulative figures only grow)', () => {
    const tr = new ForeignTracker();
    tr.apply(foreign('FPT', t0, { buyVolume: 1_000, sellVolume: 0 }));
    tr.apply(foreign('FPT', t0 + MIN, { buyVolume: 1_000, sellVolume: 2_000 }));
    expect(tr.speedAt('FPT', t0 + MIN)).toBe(-400);
  });

  it('keeps a bounded history over a long session', () => {
    const tr = new ForeignTracker();
    for (let s = 0; s < 5 * 3600; s++) tr.apply(foreign('FPT', t0 + s * 1000, { buyVolume: s * 10 }));
    // 10 shares a second = 600 a minute, still exact after the old samples were evicted.
    expect(tr.speedAt('FPT', t0 + (5 * 3600 - 1) * 1000)).toBe(600);
  });
});

describe('ForeignTracker summary', () => {
  it('totals, top 5 net buyers (descending) and sellers (most negative first)', () => {
    const tr = new ForeignTracker();
    const nets: Record<string, number> = { A: 50, B: -10, C: 300, D: 120, E: -400, F: 80, G: 10, H: -90, I: 0, J: 200, K: -5, L: -60, M: -1 };
    for (const [sym, net] of Object.entries(nets)) {
      tr.apply(foreign(sym, t0, { buyValue: 1_000 + Math.max(net, 0), sellValue: 1_000 + Math.max(-net, 0), buyVolume: 10 + net, sellVolume: 10 }));
    }
    const s = tr.summary();
    expect(s.topBuyers.map((r) => r.symbol)).toEqual(['C', 'J', 'D', 'F', 'A']);
    expect(s.topBuyers.map((r) => r.netValue)).toEqual([300, 200, 120, 80, 50]);
    expect(s.topSellers.map((r) => r.symbol)).toEqual(['E', 'H', 'L', 'B', 'K']);
    expect(s.topSellers.map((r) => r.netValue)).toEqual([-400, -90, -60, -10, -5]);
    expect(s.topBuyers[0]).toEqual({ symbol: 'C', netValue: 300, netVolume: 300 });
    const n = Object.keys(nets).length;
    const sum = Object.values(nets).reduce((a, b) => a + b, 0);
    expect(s.netValue).toBe(sum);
    expect(s.buyValue - s.sellValue).toBe(sum);
    expect(s.sellVolume).toBe(10 * n);
  });

  it('lists fewer than five when few symbols are net buyers/sellers', () => {
    const tr = new ForeignTracker();
    tr.apply(foreign('A', t0, { buyValue: 10 }));
    tr.apply(foreign('B', t0, {}));
    const s = tr.summary();
    expect(s.topBuyers.map((r) => r.symbol)).toEqual(['A']);
    expect(s.topSellers).toEqual([]);
  });
});
