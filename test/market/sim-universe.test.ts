// The whole-market simulation (UNIVERSE=all): every board's rules, uneven liquidity,
// determinism, and the VN30 part exactly what UNIVERSE=vn30 simulates.
import { beforeAll, describe, expect, it } from 'vitest';
import type { RawFeedMessage } from '../../src/market/feed/feed.js';
import type { FeedEvent, IndexEvent, QuoteEvent } from '../../src/market/events.js';
import { Normalizer } from '../../src/market/normalizer.js';
import { phaseAt, stockClassOf } from '../../src/market/rules/calendar.js';
import { BOARD_LOTS, type Exchange } from '../../src/market/rules/exchange.js';
import { MarketPhase as P } from '../../src/market/rules/phase.js';
import { priceBand, tickSize } from '../../src/market/rules/tick.js';
import { universe } from '../../src/market/rules/universe.js';
import { VN30_SYMBOLS } from '../../src/market/rules/vn30.js';
import { MarketSim, type SimOptions } from '../../src/market/sim/market-sim.js';

const WALL = Date.parse('2025-12-10T03:00:00Z'); // Wednesday 10:00 in Ho Chi Minh City
const sim = (o: Partial<SimOptions> = {}) => new MarketSim({ seed: 42, now: () => WALL, universe: 'all', ...o });
function run(m: MarketSim, totalMs: number, stepMs = 1000): RawFeedMessage[] {
  const out: RawFeedMessage[] = [];
  for (let t = 0; t < totalMs; t += stepMs) for (const msg of m.advance(Math.min(stepMs, totalMs - t))) out.push(msg);
  return out;
}
const u = universe('all');
const vn30 = new Set(VN30_SYMBOLS);

describe('MarketSim over the whole market (UNIVERSE=all)', () => {
  // 08:58 → 15:01 at 60× speed: every board's whole day in six wall minutes.
  let m: MarketSim;
  let raw: RawFeedMessage[];
  let events: FeedEvent[];
  let normalizer: Normalizer;
  beforeAll(() => {
    m = sim({ startTime: '08:58:00', clockSpeed: 60 });
    raw = [...m.snapshot(), ...run(m, 363_000)];
    normalizer = new Normalizer();
    events = raw.map((r) => normalizer.accept(r)).filter((e): e is FeedEvent => e !== undefined);
  });
  const quotes = () => events.filter((e): e is QuoteEvent => e.type === 'quote' && !e.symbol.startsWith('VN30F'));
  const board = (sym: string): Exchange => u.exchangeOf(sym)!;

  it('quotes every stock of the universe and is accepted whole by the normalizer', () => {
    expect(m.symbols).toEqual(u.symbols);
    expect(normalizer.counters().rejected).toEqual({});
    expect(new Set(quotes().map((q) => q.symbol))).toEqual(new Set(u.symbols));
  });

  it('keeps each price on its board tick grid and inside its board band; volumes in board lots', () => {
    const bad: string[] = [];
    for (const q of quotes()) {
      const ex = board(q.symbol);
      const band = priceBand(q.reference, ex);
      if (q.ceiling !== band.ceiling || q.floor !== band.floor) bad.push(`${q.symbol}@${ex} band ${q.floor}..${q.ceiling} for ref ${q.reference}`);
      for (const p of [q.reference, q.last, q.open, q.high, q.low, ...q.bids.map((l) => l.price), ...q.asks.map((l) => l.price)].filter((p) => p > 0)) {
        if (p % tickSize(p, ex) !== 0) bad.push(`${q.symbol}@${ex} ${p} off grid`);
        if (p < q.floor || p > q.ceiling) bad.push(`${q.symbol}@${ex} ${p} outside band`);
      }
      if (q.totalVolume % BOARD_LOTS[ex] !== 0) bad.push(`${q.symbol} volume ${q.totalVolume}`);
    }
    expect(bad.slice(0, 10)).toEqual([]);
    // The wider boards' bands really are wider.
    const widths = (ex: Exchange) => quotes().filter((q) => board(q.symbol) === ex && q.reference >= 20_000).map((q) => (q.ceiling - q.reference) / q.reference);
    expect(Math.max(...widths('HOSE'))).toBeLessThanOrEqual(0.07);
    expect(Math.max(...widths('HNX'))).toBeGreaterThan(0.09);
    expect(Math.max(...widths('UPCOM'))).toBeGreaterThan(0.14);
  });

  it('trades each board only in its own sessions: HNX and UPCoM from 09:00 (no ATO), UPCoM through 14:45 (no ATC)', () => {
    const last = new Map<string, QuoteEvent>();
    const sessions = new Map<Exchange, Set<number>>([['HOSE', new Set()], ['HNX', new Set()], ['UPCOM', new Set()]]);
    const bad: string[] = [];
    for (const q of quotes()) {
      const prev = last.get(q.symbol);
      last.set(q.symbol, q);
      if (!prev || q.totalVolume <= prev.totalVolume || q.tradingDate !== prev.tradingDate) continue;
      const ex = board(q.symbol);
      const phase = q.session ?? phaseAt(q.timeMs, stockClassOf(ex));
      sessions.get(ex)!.add(phase);
      const clock = phaseAt(q.timeMs, stockClassOf(ex));
      // An auction match is stamped at its window's end, when the clock shows the next phase.
      if (phase === P.CONTINUOUS && clock !== P.CONTINUOUS) bad.push(`${q.symbol}@${ex} continuous trade in phase ${clock}`);
    }
    expect(bad.slice(0, 5)).toEqual([]);
    expect(sessions.get('HOSE')).toEqual(new Set([P.ATO, P.CONTINUOUS, P.ATC]));
    expect(sessions.get('HNX')).toEqual(new Set([P.CONTINUOUS, P.ATC]));
    expect(sessions.get('UPCOM')).toEqual(new Set([P.CONTINUOUS]));
  });

  it('concentrates trading: a few dozen names take most trades, most of UPCoM trades rarely', () => {
    const trades = new Map<string, number>();
    const last = new Map<string, number>();
    for (const q of quotes()) {
      const prev = last.get(q.symbol);
      last.set(q.symbol, q.totalVolume);
      if (prev !== undefined && q.totalVolume > prev && !vn30.has(q.symbol)) trades.set(q.symbol, (trades.get(q.symbol) ?? 0) + 1);
    }
    const counts = [...trades.values()].sort((a, b) => b - a);
    const total = counts.reduce((a, b) => a + b, 0);
    expect(total).toBeGreaterThan(5_000);
    const top40 = counts.slice(0, 40).reduce((a, b) => a + b, 0);
    expect(top40 / total).toBeGreaterThan(0.5);
    const upcom = u.listings.filter((l) => l.exchange === 'UPCOM').map((l) => trades.get(l.symbol) ?? 0);
    const rare = upcom.filter((n) => n <= 3).length;
    expect(rare / upcom.length).toBeGreaterThan(0.6);
  });

  it('publishes every index of the universe with breadth over its board', () => {
    const last = new Map<string, IndexEvent>();
    for (const e of events) if (e.type === 'index') last.set(e.id, e);
    expect([...last.keys()].sort()).toEqual([...u.indexIds].sort());
    const hnx = last.get('HNX-INDEX')!;
    expect(hnx.advances + hnx.declines + hnx.unchanged).toBe(300);
    expect(last.get('UPCOM-INDEX')!.advances + last.get('UPCOM-INDEX')!.declines + last.get('UPCOM-INDEX')!.unchanged).toBe(850);
    expect(last.get('VN100')!.advances + last.get('VN100')!.declines + last.get('VN100')!.unchanged).toBe(100);
    for (const id of ['VN100', 'HNX-INDEX', 'HNX30', 'UPCOM-INDEX']) expect(last.get(id)!.value).toBeGreaterThan(0);
  });

  it('is deterministic under the seed, and its VN30 part is exactly the VN30-only simulation', () => {
    const a = sim({ startTime: '10:00:00' });
    const b = sim({ startTime: '10:00:00' });
    const ra = run(a, 20_000);
    expect(run(b, 20_000)).toEqual(ra);
    const only = new MarketSim({ seed: 42, now: () => WALL, startTime: '10:00:00' });
    const mine = (msgs: RawFeedMessage[]) => msgs.filter((r) => (r.RType !== 'MI' && (vn30.has(r.Symbol as string) || String(r.Symbol).startsWith('VN30F'))) || (r.RType === 'MI' && (r.IndexId === 'VN30' || r.IndexId === 'VNINDEX')));
    expect(mine(ra)).toEqual(run(only, 20_000));
  });
});
