import { describe, expect, it } from 'vitest';
import { MarketProcessor } from '../../src/market/processor/processor.js';
import { MarketPhase, Premium, pb } from '../../src/wire/proto.js';
import { DAY, at, foreign, index, quote } from './fixtures.js';

const BASKET = ['FPT', 'VNM', 'HPG'];
const book = (bid: number, ask: number) => ({ bids: [{ price: bid, volume: 1_000 }], asks: [{ price: ask, volume: 500 }] });

/** A day: FPT trades through ATO, continuous (a buy and a sell) and ATC, ending at the ceiling. */
function tradingDay(): MarketProcessor {
  const p = new MarketProcessor({ basket: BASKET });
  p.apply(quote('FPT', '08:50', { ...book(24_950, 25_050) }));
  // The ATO match (neutral whatever the book).
  p.apply(quote('FPT', '09:14:59', { last: 25_050, lastVolume: 1_000, totalVolume: 1_000, open: 25_050, high: 25_050, low: 25_050, ...book(25_000, 25_050) }));
  // At the previous ask → active buy of 300.
  p.apply(quote('FPT', '09:20', { last: 25_050, lastVolume: 300, totalVolume: 1_300, ...book(25_000, 25_100) }));
  // At the previous bid → active sell of 200.
  p.apply(quote('FPT', '09:21', { last: 25_000, lastVolume: 200, totalVolume: 1_500, ...book(24_950, 25_100) }));
  // Inside the spread (24,950 / 25,100) → neutral 100.
  p.apply(quote('FPT', '10:00', { last: 25_050, lastVolume: 100, totalVolume: 1_600, ...book(25_000, 25_100) }));
  // ATC at the ceiling → neutral 400.
  p.apply(quote('FPT', '14:44', {
    last: 26_750, lastVolume: 400, totalVolume: 2_000, totalValue: 50_000_000, open: 25_050, high: 26_750, low: 25_000,
    bids: [{ price: 26_750, volume: 9_000 }, { price: 26_700, volume: 10 }, { price: 26_650, volume: 20 }, { price: 26_600, volume: 30 }],
    asks: [],
  }));
  // VNM's first quote is at the floor (a baseline: no trade).
  p.apply(quote('VNM', '10:00', { last: 23_250, lastVolume: 100, totalVolume: 100, ...book(23_250, 23_300) }));
  p.apply(foreign('FPT', at('10:00'), { buyVolume: 1_000, buyValue: 25_000_000, currentRoom: 7_000 }));
  p.apply(foreign('FPT', at('10:01'), { buyVolume: 1_500, buyValue: 37_500_000, currentRoom: 6_500 }));
  p.apply(foreign('VNM', at('10:01'), { sellVolume: 300, sellValue: 7_000_000 }));
  p.apply(index('VN30', at('14:40'), { value: 1_340, priorValue: 1_330 })); // no breadth: from the basket
  p.apply(index('VNINDEX', at('14:40'), { value: 1_300, priorValue: 1_310, advances: 100, declines: 300, unchanged: 50, ceilings: 4, floors: 9 }));
  p.apply(quote('VN30F2506', '14:40', { reference: 1_335, ceiling: 1_428.4, floor: 1_241.6, last: 1_342.5, totalVolume: 12_000, ...book(1_342.4, 1_342.6) }));
  p.apply(quote('VN30F2507', '14:40', { reference: 1_336, last: 1_344, totalVolume: 900 }));
  return p;
}

describe('MarketProcessor.apply', () => {
  it('ignores symbols outside the basket, foreign flow outside it, and untracked indices', () => {
    const p = new MarketProcessor({ basket: BASKET });
    expect(p.apply(quote('XYZ', '10:00', { last: 10_000 }))).toBe(false);
    expect(p.apply(foreign('XYZ', at('10:00')))).toBe(false);
    expect(p.apply(index('HNX', at('10:00')))).toBe(false);
    expect(p.snapshot().marketTimeMs).toBe(0);
    expect(p.apply(quote('FPT', '10:00'))).toBe(true);
    expect(p.apply(quote('VN30F2506', '10:00'))).toBe(true);
  });

  it('classifies each volume rise against the previous book and counts the trades', () => {
    const p = tradingDay();
    expect(p.acceptedTrades).toBe(5);
    const trades = p.drainTrades();
    expect(trades.map((t) => [t.symbol, t.volume, t.price, t.side, t.phase])).toEqual([
      ['FPT', 1_000, 25_050, 'neutral', MarketPhase.ATO],
      ['FPT', 300, 25_050, 'buy', MarketPhase.CONTINUOUS],
      ['FPT', 200, 25_000, 'sell', MarketPhase.CONTINUOUS],
      ['FPT', 100, 25_050, 'neutral', MarketPhase.CONTINUOUS],
      ['FPT', 400, 26_750, 'neutral', MarketPhase.ATC],
    ]);
    expect(trades[1]!.timeMs).toBe(at('09:20'));
    expect(p.drainTrades()).toEqual([]);
  });

  it('does not treat a fall of the cumulative volume, or a stale quote, as a trade', () => {
    const p = new MarketProcessor({ basket: BASKET });
    p.apply(quote('FPT', '10:00', { last: 25_000, totalVolume: 5_000 }));
    p.apply(quote('FPT', '10:01', { last: 25_000, totalVolume: 100 })); // feed restart
    expect(p.apply(quote('FPT', '10:00:30', { last: 25_000, totalVolume: 9_000 }))).toBe(false); // older than cached
    p.apply(quote('FPT', '10:02', { last: 25_000, totalVolume: 150 }));
    expect(p.drainTrades().map((t) => t.volume)).toEqual([50]);
  });

  it('bounds the trade buffer and counts what it dropped', () => {
    const p = new MarketProcessor({ basket: BASKET, tradeBufferLimit: 2 });
    for (let i = 0; i <= 4; i++) p.apply(quote('FPT', `10:0${i}`, { last: 25_000, totalVolume: 100 * i }));
    expect(p.acceptedTrades).toBe(4);
    expect(p.droppedTrades).toBe(2);
    expect(p.drainTrades()).toHaveLength(2);
  });
});

describe('MarketProcessor.snapshot', () => {
  it('builds the whole board', () => {
    const s = tradingDay().snapshot();
    expect(s.marketTimeMs).toBe(at('14:44'));
    expect(s.tradingDate).toBe(DAY);
    expect(s.phase).toBe(MarketPhase.ATC);
    expect(s.symbols!.map((x) => x.symbol)).toEqual(BASKET);

    const fpt = s.symbols![0]!;
    expect(fpt).toMatchObject({
      lastPrice: 26_750,
      lastVolume: 400,
      change: 1_750,
      changePct: 7,
      reference: 25_000,
      ceiling: 26_750,
      floor: 23_250,
      open: 25_050,
      high: 26_750,
      low: 25_000,
      totalVolume: 2_000,
      totalValue: 50_000_000,
      updatedAtMs: at('14:44'),
    });
    expect(fpt.bids).toEqual([
      { price: 26_750, volume: 9_000 },
      { price: 26_700, volume: 10 },
      { price: 26_650, volume: 20 },
    ]);
    expect(fpt.asks).toEqual([]);
    expect(fpt.ato).toEqual({ buyVolume: 0, sellVolume: 0, neutralVolume: 1_000, buyValue: 0, sellValue: 0, neutralValue: 25_050_000 });
    expect(fpt.continuous).toEqual({
      buyVolume: 300,
      sellVolume: 200,
      neutralVolume: 100,
      buyValue: 7_515_000,
      sellValue: 5_000_000,
      neutralValue: 2_505_000,
    });
    expect(fpt.atc).toEqual({ buyVolume: 0, sellVolume: 0, neutralVolume: 400, buyValue: 0, sellValue: 0, neutralValue: 10_700_000 });
    expect(fpt.foreign).toEqual({
      buyVolume: 1_500,
      sellVolume: 0,
      buyValue: 37_500_000,
      sellValue: 0,
      netVolume: 1_500,
      netValue: 37_500_000,
      room: 6_500,
      speedPerMinute: 0, // the last foreign flow (10:01) left the 5-minute window long ago
      acceleration: 0,
    });

    expect(s.symbols![1]).toMatchObject({ symbol: 'VNM', lastPrice: 23_250, change: -1_750, changePct: -7 });
    // A symbol with no data yet: present, every field zero.
    const hpg = s.symbols![2]!;
    expect(hpg).toMatchObject({ symbol: 'HPG', lastPrice: 0, change: 0, changePct: 0, reference: 0, bids: [], asks: [], totalVolume: 0, updatedAtMs: 0 });
    expect(hpg.ato).toEqual({ buyVolume: 0, sellVolume: 0, neutralVolume: 0, buyValue: 0, sellValue: 0, neutralValue: 0 });
    expect(hpg.foreign).toMatchObject({ netValue: 0, room: 0, speedPerMinute: 0 });

    expect(s.indices!.map((i) => i.id)).toEqual(['VN30', 'VNINDEX']);
    // VN30 breadth from the basket: FPT at the ceiling, VNM at the floor, HPG unquoted.
    expect(s.indices![0]).toMatchObject({
      value: 1_340, priorValue: 1_330, change: 10, changePct: 0.75,
      advances: 1, declines: 1, unchanged: 0, ceilings: 1, floors: 1, advanceRatio: 0.5,
      intraday: [{ timeMs: at('14:40'), value: 1_340 }],
    });
    expect(s.indices![1]).toMatchObject({ change: -10, advances: 100, declines: 300, ceilings: 4, floors: 9, advanceRatio: 0.25 });

    expect(s.foreign).toMatchObject({
      buyVolume: 1_500, sellVolume: 300, netVolume: 1_200, netValue: 30_500_000,
      topBuyers: [{ symbol: 'FPT', netValue: 37_500_000, netVolume: 1_500 }],
      topSellers: [{ symbol: 'VNM', netValue: -7_000_000, netVolume: -300 }],
    });

    // 2025-06-17: the front month is June (expires Thursday 19th), not the busier July.
    expect(s.derivatives).toMatchObject({
      symbol: 'VN30F2506', expiryDate: '2025-06-19', last: 1_342.5, change: 7.5, reference: 1_335,
      totalVolume: 12_000, bid: 1_342.4, ask: 1_342.6, basis: 2.5, basisPct: 0.187, premium: Premium.PREMIUM,
    });
  });

  it('shows foreign speed within the window', () => {
    const p = new MarketProcessor({ basket: BASKET });
    p.apply(foreign('FPT', at('10:00'), { buyVolume: 1_000 }));
    p.apply(foreign('FPT', at('10:01'), { buyVolume: 2_000, sellVolume: 500 }));
    expect(p.snapshot().symbols![0]!.foreign).toMatchObject({ speedPerMinute: 100, acceleration: 100 });
    // The clock moves on with other events: the speed decays with it.
    p.apply(quote('VNM', '10:06'));
    expect(p.snapshot().symbols![0]!.foreign).toMatchObject({ speedPerMinute: 0, acceleration: -100 });
  });

  it('is empty but complete before any event', () => {
    const s = new MarketProcessor({ basket: BASKET }).snapshot();
    expect(s).toMatchObject({ marketTimeMs: 0, tradingDate: '', phase: MarketPhase.PHASE_UNSPECIFIED, indices: [] });
    expect(s.symbols).toHaveLength(3);
    expect(s.derivatives).toMatchObject({ symbol: '', last: 0 });
  });

  it('round-trips through the protobuf encoder', () => {
    const s = tradingDay().snapshot();
    const decoded = pb.Snapshot.toObject(pb.Snapshot.decode(pb.Snapshot.encode(s).finish()), { defaults: true });
    expect(decoded.symbols[0].lastPrice).toBe(26_750);
    expect(decoded.symbols[1].change).toBe(-1_750);
    expect(decoded.derivatives.basis).toBe(2.5);
    expect(decoded.indices[0].ceilings).toBe(1);
    expect(decoded.marketTimeMs).toBe(at('14:44'));
  });

  it('never mutates a snapshot it returned; unchanged parts keep their identity', () => {
    const p = tradingDay();
    const a = p.snapshot();
    const frozen = structuredClone(a);
    p.apply(quote('VNM', '14:44', { last: 23_300, totalVolume: 200, ...book(23_250, 23_300) }));
    p.apply(foreign('FPT', at('14:44'), { buyVolume: 9_000, buyValue: 2e8 }));
    p.apply(index('VN30', at('14:44'), { value: 1_341, priorValue: 1_330 }));
    const b = p.snapshot();
    expect(a).toEqual(frozen);
    expect(b.symbols![1]!.lastPrice).toBe(23_300);
    expect(b.symbols![2]).toBe(a.symbols![2]); // HPG did not change
    expect(b.symbols![1]).not.toBe(a.symbols![1]);
    expect(b.indices![0]!.intraday).toHaveLength(2);
    expect(p.snapshot().derivatives).toBe(b.derivatives);
  });

  it('falls back to a quoted contract when the front month has none', () => {
    const p = new MarketProcessor({ basket: BASKET });
    p.apply(index('VN30', at('10:00'), { value: 1_350 }));
    p.apply(quote('VN30F2507', '10:00', { reference: 1_340, last: 1_345.3, totalVolume: 10 }));
    expect(p.snapshot().derivatives).toMatchObject({ symbol: 'VN30F2507', expiryDate: '2025-07-17', basis: -4.7, premium: Premium.DISCOUNT });
  });

  it('basisPoint (what the history records) is the active contract of the board against VN30', () => {
    const p = new MarketProcessor({ basket: BASKET });
    expect(p.basisPoint()).toBeUndefined();
    p.apply(quote('VN30F2507', '10:00', { reference: 1_340, last: 1_345.3, totalVolume: 10 }));
    expect(p.basisPoint()).toBeUndefined(); // no spot yet
    p.apply(index('VN30', at('10:00'), { value: 1_350 }));
    expect(p.basisPoint()).toEqual({ contract: 'VN30F2507', feedCode: 'VN30F2507', futures: 1_345.3, spot: 1_350, basis: -4.7, basisPct: -0.348 });
    // The front month (June on 2025-06-17) takes over once it is quoted, under its KRX-era code.
    p.apply(quote('41I1F6000', '10:01', { reference: 1_340, last: 1_352, totalVolume: 5 }));
    expect(p.basisPoint()).toMatchObject({ contract: 'VN30F2506', feedCode: '41I1F6000', futures: 1_352, basis: 2 });
    expect(p.basisPoint()!.contract).toBe(p.snapshot().derivatives!.symbol);
  });
});

describe('daily reset at 15:05', () => {
  it('clears session data when an event crosses 15:05, before applying it', () => {
    const p = tradingDay();
    p.apply(quote('FPT', '15:04', { last: 26_750, totalVolume: 2_100 })); // put-through print, same session
    let s = p.snapshot();
    expect(s.symbols![0]!.totalVolume).toBe(2_100);
    expect(s.indices).toHaveLength(2);

    expect(p.apply(quote('VNM', '15:06', { reference: 23_300 }))).toBe(true);
    s = p.snapshot();
    expect(s.marketTimeMs).toBe(at('15:06'));
    expect(s.phase).toBe(MarketPhase.CLOSED);
    const fpt = s.symbols![0]!;
    expect(fpt).toMatchObject({ lastPrice: 0, totalVolume: 0, bids: [] });
    expect(fpt.continuous).toMatchObject({ buyVolume: 0, sellVolume: 0 });
    expect(fpt.foreign).toMatchObject({ buyVolume: 0, netValue: 0 });
    expect(s.symbols![1]).toMatchObject({ reference: 23_300, lastPrice: 0 }); // the event that crossed is applied
    expect(s.indices).toEqual([]);
    expect(s.foreign).toMatchObject({ buyVolume: 0, topBuyers: [], topSellers: [] });
    expect(s.derivatives).toMatchObject({ symbol: 'VN30F2506', last: 0 });
    // A late message of the old session is dropped, it must not leak into the new one.
    expect(p.apply(quote('FPT', '15:04:30', { last: 26_750, totalVolume: 2_200 }))).toBe(false);
    expect(p.snapshot().symbols![0]!.totalVolume).toBe(0);
  });

  it('the next morning trades from a fresh baseline; counters keep counting', () => {
    const p = tradingDay();
    const before = p.acceptedTrades;
    const next = '2025-06-18';
    p.apply({ ...quote('FPT', '09:00'), timeMs: at('09:00', next), tradingDate: next });
    p.apply({ ...quote('FPT', '09:14:59', { last: 25_000, totalVolume: 700 }), timeMs: at('09:14:59', next), tradingDate: next });
    const s = p.snapshot();
    expect(s.tradingDate).toBe(next);
    expect(s.symbols![0]!.ato).toMatchObject({ neutralVolume: 700 });
    expect(p.acceptedTrades).toBe(before + 1);
  });

  it('resetSession() clears on demand', () => {
    const p = tradingDay();
    p.resetSession();
    const s = p.snapshot();
    expect(s.symbols![0]!.lastPrice).toBe(0);
    expect(s.indices).toEqual([]);
    expect(s.marketTimeMs).toBe(at('14:44'));
  });
});

describe('MarketProcessor: the phases of both classes on the market clock', () => {
  it('each class on its own timetable, from the last event or from a later clock reading', () => {
    const p = new MarketProcessor({ basket: BASKET });
    expect(p.snapshot().phase).toBe(MarketPhase.PHASE_UNSPECIFIED);
    p.apply(quote('FPT', '08:50', { ...book(24_950, 25_050) }));
    let s = p.snapshot();
    expect([s.phase, s.derivativesPhase]).toEqual([MarketPhase.PRE_OPEN, MarketPhase.ATO]);
    // A clock reading later than the data moves the phases and the market time, not the data.
    s = p.snapshot(at('09:05'));
    expect([s.phase, s.derivativesPhase]).toEqual([MarketPhase.ATO, MarketPhase.CONTINUOUS]);
    expect(s.marketTimeMs).toBe(at('09:05'));
    expect(s.symbols!.find((x) => x.symbol === 'FPT')!.updatedAtMs).toBe(at('08:50'));
    s = p.snapshot(at('14:50'));
    expect([s.phase, s.derivativesPhase]).toEqual([MarketPhase.PUT_THROUGH, MarketPhase.CLOSED]);
    // The next evening and a weekend: CLOSED; the trading date stays the data's.
    s = p.snapshot(at('10:00', '2025-06-21'));
    expect([s.phase, s.derivativesPhase, s.tradingDate]).toEqual([MarketPhase.CLOSED, MarketPhase.CLOSED, DAY]);
    // An earlier reading never takes the board back before its data.
    expect(p.snapshot(at('08:00')).marketTimeMs).toBe(at('08:50'));
  });

  it('a contract quoted under its KRX-era code is the same contract as its VN30FYYMM name', () => {
    const p = new MarketProcessor({ basket: BASKET });
    const fut = (symbol: string, time: string, last: number, totalVolume: number) => quote(symbol, time, { reference: 1_335, last, totalVolume, ...book(last - 0.1, last) });
    p.apply(fut('41I1F6000', '10:00', 1_340, 100));
    p.apply(fut('VN30F2506', '10:01', 1_341, 130)); // the other name, same contract: a trade of 30
    p.apply(fut('41I1F6000', '10:02', 1_342, 150));
    const d = p.snapshot().derivatives!;
    expect(d).toMatchObject({ symbol: 'VN30F2506', feedCode: '41I1F6000', last: 1_342, totalVolume: 150 });
    expect(p.drainTrades().map((t) => [t.symbol, t.feedCode, t.volume])).toEqual([
      ['VN30F2506', 'VN30F2506', 30],
      ['VN30F2506', '41I1F6000', 20],
    ]);
  });
});
