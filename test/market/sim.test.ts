import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import type { FeedStatus, RawFeedMessage } from '../../src/market/feed/feed.js';
import { SimFeed } from '../../src/market/feed/sim-feed.js';
import type { FeedEvent, IndexEvent, QuoteEvent } from '../../src/market/events.js';
import { Normalizer, normalize } from '../../src/market/normalizer.js';
import { frontMonthContract } from '../../src/market/rules/futures.js';
import { projectedMatch } from '../../src/market/rules/auction.js';
import { phaseAt } from '../../src/market/rules/calendar.js';
import { BOARD_LOT, priceBand, tickSize } from '../../src/market/rules/tick.js';
import { VN30_BASKET } from '../../src/market/sim/basket.js';
import { VN30_SYMBOLS } from '../../src/market/rules/vn30.js';
import { MarketSim, type SimOptions } from '../../src/market/sim/market-sim.js';
import { MarketPhase } from '../../src/wire/proto.js';

/** Wednesday 2025-12-10, 10:00 in Ho Chi Minh City: the wall clock the sims start from. */
const WALL = Date.parse('2025-12-10T03:00:00Z');
const sim = (o: Partial<SimOptions> = {}) => new MarketSim({ seed: 42, now: () => WALL, ...o });

/** Advance in wall steps of stepMs for totalMs; all messages in order. */
function run(m: MarketSim, totalMs: number, stepMs = 1000): RawFeedMessage[] {
  const out: RawFeedMessage[] = [];
  for (let t = 0; t < totalMs; t += stepMs) for (const msg of m.advance(Math.min(stepMs, totalMs - t))) out.push(msg);
  return out;
}

const isFutures = (sym: string) => sym.startsWith('VN30F');
const onTick = (p: number) => p % tickSize(p) === 0;
const onTenth = (p: number) => Math.abs(p * 10 - Math.round(p * 10)) < 1e-6;
const quotes = (evs: FeedEvent[]) => evs.filter((e): e is QuoteEvent => e.type === 'quote');
const indices = (evs: FeedEvent[], id: string) => evs.filter((e): e is IndexEvent => e.type === 'index' && e.id === id);

/** Trades: quote events whose cumulative volume rose since the symbol's previous quote, with that previous quote. */
function trades(evs: FeedEvent[]): Array<{ ev: QuoteEvent; prev: QuoteEvent }> {
  const last = new Map<string, QuoteEvent>();
  const out: Array<{ ev: QuoteEvent; prev: QuoteEvent }> = [];
  for (const ev of quotes(evs)) {
    const prev = last.get(ev.symbol);
    if (prev && prev.tradingDate === ev.tradingDate && ev.totalVolume > prev.totalVolume) out.push({ ev, prev });
    last.set(ev.symbol, ev);
  }
  return out;
}

// Invariants over ~200k events: collect violations and assert once (expect() per field is slow).
function priceViolations(events: FeedEvent[]): string[] {
  const bad: string[] = [];
  for (const q of quotes(events)) {
    if (isFutures(q.symbol)) {
      for (const p of [q.reference, q.last, q.open, q.high, q.low, q.ceiling, q.floor, ...q.bids.map((l) => l.price), ...q.asks.map((l) => l.price)]) if (!onTenth(p)) bad.push(`${q.symbol} ${p} off the 0.1 grid`);
      continue;
    }
    const band = priceBand(q.reference);
    if (q.ceiling !== band.ceiling || q.floor !== band.floor) bad.push(`${q.symbol} band ${q.floor}..${q.ceiling} for ref ${q.reference}`);
    const prices = [q.reference, q.last, q.open, q.high, q.low, ...q.bids.map((l) => l.price), ...q.asks.map((l) => l.price)].filter((p) => p > 0);
    for (const p of prices) {
      if (!onTick(p)) bad.push(`${q.symbol} ${p} off the tick grid`);
      if (p < q.floor || p > q.ceiling) bad.push(`${q.symbol} ${p} outside [${q.floor}, ${q.ceiling}]`);
    }
    if (q.last > 0 && !(q.low <= q.last && q.last <= q.high)) bad.push(`${q.symbol} last ${q.last} outside low/high ${q.low}/${q.high}`);
    for (const v of [q.lastVolume, q.totalVolume, ...q.bids.map((l) => l.volume), ...q.asks.map((l) => l.volume)]) if (v % BOARD_LOT !== 0) bad.push(`${q.symbol} volume ${v} not in lots`);
  }
  return bad.slice(0, 10);
}

function bookViolations(events: FeedEvent[]): string[] {
  const bad: string[] = [];
  for (const q of quotes(events)) {
    const b = q.bids.map((l) => l.price);
    const a = q.asks.map((l) => l.price);
    if (b.length > 3 || a.length > 3) bad.push(`${q.symbol} too many levels`);
    for (let i = 1; i < b.length; i++) if (!(b[i]! < b[i - 1]!)) bad.push(`${q.symbol} bids ${b}`);
    for (let i = 1; i < a.length; i++) if (!(a[i]! > a[i - 1]!)) bad.push(`${q.symbol} asks ${a}`);
    // A call auction's book crosses (that is how it finds its price); the quote then states its projected match.
    if (b.length && a.length && !(b[0]! < a[0]!) && !q.projected) bad.push(`${q.symbol} crossed ${b[0]} >= ${a[0]}`);
    for (const l of [...q.bids, ...q.asks]) if (!(l.volume > 0)) bad.push(`${q.symbol} empty level ${l.price}`);
  }
  return bad.slice(0, 10);
}

describe('MarketSim: determinism', () => {
  it('gives the same messages for the same seed and clock', () => {
    const a = run(sim({ startTime: '09:14:00' }), 5 * 60_000);
    const b = run(sim({ startTime: '09:14:00' }), 5 * 60_000);
    expect(a.length).toBeGreaterThan(5_000);
    expect(b).toEqual(a);
  });

  it('does not depend on how the time is chopped into advance() calls', () => {
    const a = run(sim({ startTime: '11:29:00' }), 3 * 60_000, 1000);
    const b = run(sim({ startTime: '11:29:00' }), 3 * 60_000, 37);
    const c = sim({ startTime: '11:29:00' }).advance(3 * 60_000);
    expect(b).toEqual(a);
    expect(c).toEqual(a);
  });

  it('differs with another seed; seed 0 picks a random one', () => {
    const a = run(sim({ startTime: '10:00:00' }), 10_000);
    const b = run(sim({ startTime: '10:00:00', seed: 43 }), 10_000);
    expect(b).not.toEqual(a);
    expect(sim({ seed: 0 }).seed).toBeGreaterThan(0);
  });

  it('rejects bad options with the variable named', () => {
    expect(() => sim({ startTime: '9am' })).toThrow(/SIM_START_TIME/);
    expect(() => sim({ clockSpeed: 0 })).toThrow(/SIM_CLOCK_SPEED/);
    expect(() => sim({ tradesPerSecond: -1 })).toThrow(/SIM_TRADES_PER_SECOND/);
  });
});

describe('MarketSim: a simulated hour through the normalizer', () => {
  // 09:00 → 10:00 at clock speed 1: pre-ATO book, the ATO match, 45 minutes of continuous.
  let m: MarketSim;
  let raw: RawFeedMessage[];
  let normalizer: Normalizer;
  let events: FeedEvent[];
  beforeAll(() => {
    m = sim({ startTime: '09:00:00' });
    raw = [...m.snapshot(), ...run(m, 3600_000)];
    normalizer = new Normalizer();
    events = raw.map((r) => normalizer.accept(r)).filter((e): e is FeedEvent => e !== undefined);
  });

  it('is accepted 100% by the normalizer', () => {
    expect(raw.length).toBeGreaterThan(100_000);
    expect(normalizer.counters()).toEqual({ accepted: raw.length, rejected: {}, unknownType: {} });
    expect(new Set(raw.map((r) => r.RType))).toEqual(new Set(['X', 'R', 'MI']));
  });

  it('keeps every stock price on the tick grid and inside the band, volumes in board lots', () => {
    const stocks = quotes(events).filter((q) => !isFutures(q.symbol));
    expect(new Set(stocks.map((q) => q.symbol))).toEqual(new Set(VN30_SYMBOLS));
    expect(priceViolations(events)).toEqual([]);
  });

  it('keeps books sane: best bid < best ask, bids descending, asks ascending, 3 levels at most', () => {
    expect(bookViolations(events)).toEqual([]);
  });

  it('has cumulative volumes and foreign flow that never go down', () => {
    const vol = new Map<string, number>();
    const fb = new Map<string, number>();
    const bad: string[] = [];
    for (const e of events) {
      if (e.type === 'quote') {
        if (e.totalVolume < (vol.get(e.symbol) ?? 0)) bad.push(`${e.symbol} volume went down`);
        vol.set(e.symbol, e.totalVolume);
      } else if (e.type === 'foreign') {
        if (e.buyVolume + e.sellVolume < (fb.get(e.symbol) ?? 0)) bad.push(`${e.symbol} foreign flow went down`);
        if (e.currentRoom > e.totalRoom) bad.push(`${e.symbol} room`);
        fb.set(e.symbol, e.buyVolume + e.sellVolume);
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
    const foreign = events.filter((e) => e.type === 'foreign');
    // every symbol every ~4 s while trading
    expect(foreign.length).toBeGreaterThan((3600 / 4) * 30 * 0.9);
    expect([...fb.values()].filter((v) => v > 0).length).toBeGreaterThan(25);
  });

  it('has one opening match per instrument stamped at the window end with TradingSession=ATO (stocks 09:15:00, futures 09:00:00), and no trade before', () => {
    const all = trades(events);
    const ato = all.filter(({ ev }) => ev.session === MarketPhase.ATO);
    expect(new Set(ato.map(({ ev }) => ev.symbol)).size).toBe(31); // 30 stocks + VN30F
    expect(ato).toHaveLength(31);
    for (const { ev } of ato) {
      // 09:15:00 / 09:00:00 Asia/Ho_Chi_Minh = 02:15:00 / 02:00:00 UTC
      expect(new Date(ev.timeMs).toISOString().slice(11, 19)).toBe(isFutures(ev.symbol) ? '02:00:00' : '02:15:00');
      expect(ev.open).toBe(ev.last);
      if (ev.bids.length) expect(ev.bids[0]!.price).toBeLessThan(ev.last);
      if (ev.asks.length) expect(ev.asks[0]!.price).toBeGreaterThan(ev.last);
    }
    // Nothing trades before its class's opening match; the futures trade continuously from 09:00.
    const firstTrade = (fut: boolean) => Math.min(...all.filter(({ ev }) => isFutures(ev.symbol) === fut).map(({ ev }) => ev.timeMs));
    expect(new Date(firstTrade(false)).toISOString().slice(11, 19)).toBe('02:15:00');
    expect(new Date(firstTrade(true)).toISOString().slice(11, 19)).toBe('02:00:00');
    const earlyFutures = all.filter(({ ev }) => isFutures(ev.symbol) && ev.session === MarketPhase.CONTINUOUS && ev.timeMs < Date.parse('2025-12-10T02:15:00Z'));
    expect(earlyFutures.length).toBeGreaterThan(10);
  });

  it('in the ATO its books cross and each quote states the projected match of its own book (the exchange rule)', () => {
    const ato = quotes(events).filter((q) => phaseAt(q.timeMs) === MarketPhase.ATO && !isFutures(q.symbol) && q.totalVolume === 0);
    const projected = ato.filter((q) => q.projected);
    expect(projected.length).toBeGreaterThan(ato.length * 0.8);
    for (const q of projected) {
      expect(q.bids[0]!.price).toBeGreaterThanOrEqual(q.asks[0]!.price);
      expect(q.projected).toEqual({ ...projectedMatch({ bids: q.bids, asks: q.asks }, q.reference)!, inAuction: true });
    }
    // Outside the auctions no quote states one.
    expect(quotes(events).filter((q) => q.projected && phaseAt(q.timeMs) === MarketPhase.CONTINUOUS)).toEqual([]);
    // The opening match is the last projection: its price and its volume.
    const lastProjection = new Map<string, { price: number; volume: number }>();
    for (const q of projected) lastProjection.set(q.symbol, q.projected!);
    const opens = trades(events).filter(({ ev }) => ev.session === MarketPhase.ATO && !isFutures(ev.symbol));
    expect(opens.length).toBe(30);
    let same = 0;
    for (const { ev } of opens) {
      const p = lastProjection.get(ev.symbol);
      if (p && ev.last === p.price && ev.totalVolume === p.volume) same++;
    }
    expect(same).toBe(lastProjection.size);
    expect(same).toBeGreaterThan(25);
  });

  it('trades at the ask (active buy) and at the bid (active sell), sometimes in between, in continuous', () => {
    const cont = trades(events).filter(({ ev }) => ev.session === MarketPhase.CONTINUOUS && !isFutures(ev.symbol));
    expect(cont.every(({ ev }) => phaseAt(ev.timeMs, 'stock') === MarketPhase.CONTINUOUS)).toBe(true);
    let buys = 0;
    let sells = 0;
    let neutral = 0;
    let disagree = 0;
    for (const { ev, prev } of cont) {
      // classify against the book before the trade, and check the book after agrees
      const bid = prev.bids[0]?.price ?? 0;
      const ask = prev.asks[0]?.price ?? Infinity;
      if (ev.last >= ask) buys++;
      else if (ev.last <= bid) sells++;
      else neutral++;
      const afterBid = ev.bids[0]?.price ?? 0;
      const afterAsk = ev.asks[0]?.price ?? Infinity;
      if (ev.last >= afterAsk !== ev.last >= ask || ev.last <= afterBid !== ev.last <= bid) disagree++;
    }
    expect(disagree).toBe(0);
    expect(cont.length).toBeGreaterThan(90_000);
    expect(buys / cont.length).toBeGreaterThan(0.3);
    expect(sells / cont.length).toBeGreaterThan(0.3);
    expect(neutral).toBeGreaterThan(0);
    expect(neutral / cont.length).toBeLessThan(0.15);
  });

  it('computes VN30 from its constituents and moves with them', () => {
    const last = new Map<string, number>();
    let checked = 0;
    let maxErr = 0;
    let badBreadth = 0;
    for (const e of events) {
      if (e.type === 'quote' && !isFutures(e.symbol)) last.set(e.symbol, e.last || e.reference);
      if (e.type === 'index' && e.id === 'VN30') {
        maxErr = Math.max(maxErr, Math.abs(e.value - m.vn30Index.value((s) => last.get(s) ?? NaN)));
        if (e.advances + e.declines + e.unchanged !== 30) badBreadth++;
        checked++;
      }
    }
    expect(maxErr).toBeLessThanOrEqual(0.005 + 1e-9); // rounded to 2 decimals
    expect(badBreadth).toBe(0);
    expect(checked).toBeGreaterThan(3500);
    const vn30 = indices(events, 'VN30').map((e) => e.value);
    expect(new Set(vn30).size).toBeGreaterThan(100);
    expect(vn30[0]).toBeGreaterThan(1_300);
    expect(vn30[0]).toBeLessThan(1_900);
    const vni = indices(events, 'VNINDEX');
    expect(vni.length).toBe(vn30.length);
    expect(vni.filter((e) => e.advances + e.declines + e.unchanged !== 395 || Math.abs(Math.log(e.value / e.priorValue)) > 0.07)).toEqual([]);
    // VN30's cumulative volume is the sum of its constituents'
    const lastVn30 = indices(events, 'VN30').at(-1)!;
    let sum = 0;
    for (const s of VN30_SYMBOLS) sum += quotes(events).filter((q) => q.symbol === s).at(-1)!.totalVolume;
    expect(lastVn30.totalVolume).toBeLessThanOrEqual(sum);
  });

  it('weights the index plausibly: capped at 10%, every constituent counts', () => {
    const ws = VN30_BASKET.map((c) => c.reference * m.vn30Index.weights.get(c.symbol)!);
    const total = ws.reduce((a, b) => a + b, 0);
    for (const w of ws) {
      expect(w / total).toBeLessThanOrEqual(0.1 + 1e-9);
      expect(w / total).toBeGreaterThan(0.001);
    }
  });

  it('trades the front-month VN30F on the 0.1 grid, tracking VN30 with a small basis', () => {
    const fut = quotes(events).filter((q) => isFutures(q.symbol));
    expect(new Set(fut.map((q) => q.symbol))).toEqual(new Set([frontMonthContract('2025-12-10').symbol]));
    expect(m.futuresSymbol).toBe('VN30F2512');
    let vn30 = 0;
    const bad: string[] = [];
    const basis: number[] = [];
    for (const e of events) {
      if (e.type === 'index' && e.id === 'VN30') vn30 = e.value;
      if (e.type === 'quote' && isFutures(e.symbol)) {
        for (const p of [e.last, e.open, e.high, e.low, e.ceiling, e.floor, ...e.bids.map((l) => l.price), ...e.asks.map((l) => l.price)]) if (!onTenth(p)) bad.push(`off grid ${p}`);
        if (e.last > 0 && vn30 > 0) basis.push(e.last - vn30);
      }
    }
    expect(bad.slice(0, 10)).toEqual([]);
    expect(Math.max(...basis.map(Math.abs))).toBeLessThan(30);
    expect(basis.some((b) => b > 0) && basis.some((b) => b < 0)).toBe(true);
    expect(trades(events).filter(({ ev }) => isFutures(ev.symbol)).length).toBeGreaterThan(3600 * 40 * 0.08 * 0.5);
  });
});

describe('MarketSim: clock, phases and days', () => {
  it('runs on its own clock at clockSpeed', () => {
    const m = sim({ startTime: '10:00:00', clockSpeed: 60 });
    const t0 = m.simTimeMs;
    m.advance(1000);
    expect(m.simTimeMs - t0).toBe(60_000);
    expect(m.tradingDate).toBe('2025-12-10');
  });

  it('with the default start, a new board is trading within seconds: futures at once, the stocks\' opening match at 09:15:00', () => {
    const m = new MarketSim({ seed: 3, now: () => WALL });
    expect(m.options.startTime).toBe('09:14:55');
    const evs = [...m.snapshot(), ...run(m, 6_000, 25)].map((r) => normalize(r));
    const t = trades(evs);
    const stockAto = t.filter(({ ev }) => !isFutures(ev.symbol) && ev.session === MarketPhase.ATO);
    expect(stockAto).toHaveLength(30);
    expect(t.filter(({ ev }) => isFutures(ev.symbol) && ev.session === MarketPhase.CONTINUOUS).length).toBeGreaterThan(0);
    expect(t.filter(({ ev }) => !isFutures(ev.symbol) && ev.session === MarketPhase.CONTINUOUS).length).toBeGreaterThan(0);
  });

  it('starts on the previous Friday on a weekend', () => {
    const saturday = Date.parse('2025-12-13T05:00:00Z');
    const m = new MarketSim({ seed: 1, now: () => saturday });
    expect(m.tradingDate).toBe('2025-12-12');
    // Default start 09:14:55: the stocks in their ATO, the futures already continuous.
    expect(m.phase()).toBe(MarketPhase.ATO);
    expect(m.derivativesPhase()).toBe(MarketPhase.CONTINUOUS);
  });

  it('walks through the phases of a day and rolls to the next trading day with references = closes', () => {
    const m = sim({ startTime: '08:59:30', clockSpeed: 60 });
    const phases: MarketPhase[] = [m.phase()];
    const events: FeedEvent[] = [];
    for (let i = 0; i < 8 * 60; i++) {
      for (const r of m.advance(1000)) events.push(normalize(r));
      if (phases.at(-1) !== m.phase()) phases.push(m.phase());
    }
    const P = MarketPhase;
    expect(phases.slice(0, 9)).toEqual([P.PRE_OPEN, P.ATO, P.CONTINUOUS, P.LUNCH_BREAK, P.CONTINUOUS, P.ATC, P.PUT_THROUGH, P.CLOSED, P.PRE_OPEN]);
    expect(m.tradingDate).toBe('2025-12-11');
    // Nothing trades in the lunch break, put-through or closed: every trade's session is
    // ATO, continuous or ATC, and a continuous trade is inside its class's continuous hours.
    for (const { ev } of trades(events)) {
      expect([P.ATO, P.CONTINUOUS, P.ATC]).toContain(ev.session);
      if (ev.session === P.CONTINUOUS) expect(phaseAt(ev.timeMs, isFutures(ev.symbol) ? 'derivatives' : 'stock')).toBe(P.CONTINUOUS);
    }
    // The next day's references are the previous day's closes (the ATC match).
    const lastOfDay = new Map<string, QuoteEvent>();
    const firstOfNext = new Map<string, QuoteEvent>();
    for (const q of quotes(events)) {
      if (q.tradingDate === '2025-12-10') lastOfDay.set(q.symbol, q);
      else if (!firstOfNext.has(q.symbol)) firstOfNext.set(q.symbol, q);
    }
    expect(firstOfNext.size).toBe(31);
    for (const [sym, q] of firstOfNext) {
      expect(q.reference).toBe(lastOfDay.get(sym)!.last);
      expect(q.totalVolume).toBe(0);
    }
    const vn30 = indices(events, 'VN30');
    const closeVn30 = vn30.filter((e) => e.tradingDate === '2025-12-10').at(-1)!.value;
    expect(vn30.find((e) => e.tradingDate === '2025-12-11')!.priorValue).toBeCloseTo(closeVn30, 1);
  });

  it('rolls the VN30F contract after its expiry day (third Thursday)', () => {
    const expiryDay = Date.parse('2025-12-18T03:00:00Z'); // Thursday 18 Dec 2025
    expect(frontMonthContract('2025-12-18').expiryDate).toBe('2025-12-18');
    const m = new MarketSim({ seed: 5, now: () => expiryDay, startTime: '14:59:00' });
    expect(m.futuresSymbol).toBe('VN30F2512');
    const evs = m.advance(3 * 60_000).map((r) => normalize(r));
    expect(m.tradingDate).toBe('2025-12-19');
    expect(m.futuresSymbol).toBe('VN30F2601');
    expect(m.futuresSymbol).toBe(frontMonthContract(m.tradingDate).symbol);
    expect(quotes(evs).some((q) => q.symbol === 'VN30F2601' && q.tradingDate === '2025-12-19')).toBe(true);
  });

  it('starting after the close begins at the next trading day pre-open', () => {
    const friday = Date.parse('2025-12-12T03:00:00Z');
    const m = new MarketSim({ seed: 9, now: () => friday, startTime: '20:00:00' });
    expect(m.tradingDate).toBe('2025-12-15');
    expect(m.phase()).toBe(MarketPhase.PRE_OPEN);
    const snap = m.snapshot().map((r) => normalize(r));
    const fpt = quotes(snap).find((q) => q.symbol === 'FPT')!;
    expect(fpt.last).toBe(0);
    expect(fpt.totalVolume).toBe(0);
  });

  it('a mid-session start already has the day so far (open, volume, foreign flow)', () => {
    const m = sim({ startTime: '13:30:00' });
    const snap = m.snapshot().map((r) => normalize(r));
    for (const q of quotes(snap)) {
      expect(q.open).toBeGreaterThan(0);
      expect(q.totalVolume).toBeGreaterThan(0);
      expect(q.bids.length + q.asks.length).toBeGreaterThan(0);
    }
    expect(snap.filter((e) => e.type === 'foreign' && e.buyVolume > 0).length).toBeGreaterThan(25);
  });

  it('sometimes runs a symbol to its ceiling or floor', () => {
    const m = sim({ startTime: '09:00:00', clockSpeed: 600, seed: 11 });
    let touches = 0;
    const events = run(m, 5 * 40_000).map((r) => normalize(r));
    for (const e of events) if (e.type === 'quote' && !isFutures(e.symbol) && e.last > 0 && (e.last === e.ceiling || e.last === e.floor)) touches++;
    expect(priceViolations(events)).toEqual([]);
    expect(bookViolations(events)).toEqual([]);
    expect(m.tradingDate > '2025-12-12').toBe(true); // several days went by
    expect(touches).toBeGreaterThan(0);
  });
});

describe('MarketSim: pace', () => {
  const countTrades = (m: MarketSim, wallMs: number) =>
    trades([...m.snapshot(), ...run(m, wallMs, 25)].map((r) => normalize(r))).filter(({ ev }) => !isFutures(ev.symbol) && phaseAt(ev.timeMs) === MarketPhase.CONTINUOUS).length;

  it('trades ~tradesPerSecond per wall second in continuous trading', () => {
    expect(countTrades(sim({ startTime: '09:30:00' }), 60_000) / 60).toBeGreaterThan(40 * 0.9);
    expect(countTrades(sim({ startTime: '09:30:00' }), 60_000) / 60).toBeLessThan(40 * 1.1);
    const n = countTrades(sim({ startTime: '09:30:00', tradesPerSecond: 200 }), 20_000) / 20;
    expect(n).toBeGreaterThan(180);
    expect(n).toBeLessThan(220);
  });

  it('keeps the wall pace whatever the clock speed', () => {
    const n = countTrades(sim({ startTime: '09:30:00', clockSpeed: 10 }), 60_000) / 60;
    expect(n).toBeGreaterThan(36);
    expect(n).toBeLessThan(44);
  });
});

describe('SimFeed', () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it('is a timer wrapper: live after start, delivers on ticks, stop clears its timers', async () => {
    vi.useFakeTimers({ now: WALL });
    const feed = new SimFeed({ seed: 3, startTime: '10:00:00' });
    expect(feed.name).toBe('sim');
    expect(feed.basket()).toEqual([...VN30_SYMBOLS]);
    expect(feed.status().state).toBe('stopped');
    const got: Array<[RawFeedMessage, number]> = [];
    const statuses: FeedStatus[] = [];
    await feed.start({ onMessage: (raw, at) => got.push([raw, at]), onStatus: (s) => statuses.push(s) });
    expect(feed.status().state).toBe('live');
    expect(statuses.map((s) => s.state)).toEqual(['connecting', 'live']);
    expect(got.length).toBe(63); // the opening snapshot: 31 X, 30 R, 2 MI
    vi.advanceTimersByTime(2000);
    const trades = got.filter(([r]) => r.RType === 'X').length - 31;
    expect(trades).toBeGreaterThan(40);
    expect(got.at(-1)![1]).toBe(Date.now());
    expect(vi.getTimerCount()).toBe(1);
    await feed.stop();
    expect(vi.getTimerCount()).toBe(0);
    expect(feed.status().state).toBe('stopped');
    const n = got.length;
    vi.advanceTimersByTime(2000);
    expect(got.length).toBe(n);
  });

  it('matches the MarketSim stepped by hand (same seed, same clock)', async () => {
    vi.useFakeTimers({ now: WALL });
    const feed = new SimFeed({ seed: 8, startTime: '09:20:00', tickMs: 20 });
    const got: RawFeedMessage[] = [];
    await feed.start({ onMessage: (raw) => got.push(raw), onStatus: () => {} });
    vi.advanceTimersByTime(3000);
    await feed.stop();
    const m = new MarketSim({ seed: 8, startTime: '09:20:00', now: () => WALL });
    expect(got).toEqual([...m.snapshot(), ...m.advance(3000)]);
  });

  it('keeps going when onMessage throws', async () => {
    vi.useFakeTimers({ now: WALL });
    const feed = new SimFeed({ seed: 4, startTime: '10:00:00' });
    let calls = 0;
    await feed.start({ onMessage: () => { calls++; throw new Error('consumer bug'); }, onStatus: () => {} });
    vi.advanceTimersByTime(500);
    expect(calls).toBeGreaterThan(63);
    expect(feed.status().lastError).toMatch(/consumer bug/);
    await feed.stop();
  });
});
