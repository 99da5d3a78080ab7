// The simulator's pure parts, without stepping a whole market: its schedule, its books and
// its messages.
import { describe, expect, it } from 'vitest';
import { localTimeToMs } from '../../src/market/rules/session.js';
import { MarketPhase } from '../../src/market/rules/phase.js';
import { futuresBook, spreadTicksOf, stockBestBid, stockBook } from '../../src/market/sim/book.js';
import { foreignMsg, indexMsg, quoteMsg, SESSION_CODE } from '../../src/market/sim/messages.js';
import { ATC_MATCH_MS, ATO_MATCH_MS, BOOK_PHASES, CONT_END_MS, CONT_START_MS, CONTINUOUS, FUT_ATO_MATCH_MS, firstDue, nextArrival, noEvents } from '../../src/market/sim/schedule.js';
import { Normalizer } from '../../src/market/normalizer.js';

const DATE = '2025-06-17';
const midnight = localTimeToMs(DATE, '00:00:00');
const at = (hms: string) => localTimeToMs(DATE, hms);

describe('schedule', () => {
  it('takes its session instants from the exchange timetables', () => {
    const ms = (hms: string) => at(hms) - midnight;
    expect([FUT_ATO_MATCH_MS, ATO_MATCH_MS, CONT_START_MS, CONT_END_MS, ATC_MATCH_MS]).toEqual([ms('09:00:00'), ms('09:15:00'), ms('09:15:00'), ms('14:30:00'), ms('14:45:00')]);
  });

  it('firstDue picks the earliest event, ties in the fixed order, none when nothing is scheduled', () => {
    expect(firstDue(noEvents())).toBeUndefined();
    expect(firstDue({ ...noEvents(), trade: 5, index: 3 })).toEqual({ key: 'index', t: 3 });
    expect(firstDue({ ...noEvents(), index: 3, ato: 3, trade: 3 })).toEqual({ key: 'ato', t: 3 });
  });

  it('nextArrival waits from the first open instant of its phases, with the mean of that phase', () => {
    const means: number[] = [];
    const exp = (mean: number) => (means.push(mean), 100);
    // 08:00: continuous trading opens at 09:15 for the stocks, 09:00 for the futures.
    expect(nextArrival(at('08:00:00'), midnight, CONTINUOUS, () => 50, exp)).toBe(at('09:15:00') + 100);
    expect(nextArrival(at('08:00:00'), midnight, CONTINUOUS, () => 50, exp, 'derivatives')).toBe(at('09:00:00') + 100);
    // In the ATO the book phases are open at once; the rate depends on the phase.
    expect(nextArrival(at('09:05:00'), midnight, BOOK_PHASES, (p) => (p === MarketPhase.ATO ? 7 : 3), exp)).toBe(at('09:05:00') + 100);
    expect(means).toEqual([50, 50, 7]);
    // After the close no continuous phase is left that day.
    expect(nextArrival(at('14:50:00'), midnight, CONTINUOUS, () => 50, exp)).toBe(Infinity);
  });
});

describe('books', () => {
  it('three levels each side on the HOSE grid, sizes drawn bids first, cut at the band', () => {
    let n = 0;
    const book = stockBook(25_000, 25_050, 24_900, 25_100, () => ++n);
    expect(book.bids).toEqual([{ price: 25_000, volume: 1 }, { price: 24_950, volume: 2 }, { price: 24_900, volume: 3 }]);
    expect(book.asks).toEqual([{ price: 25_050, volume: 4 }, { price: 25_100, volume: 5 }]);
    expect(stockBook(0, 25_050, 24_900, 25_100, () => 1).bids).toEqual([]);
  });

  it('the best bid of a fair price is on the grid, at least the floor and below the ceiling', () => {
    expect(stockBestBid(25_033, 23_000, 27_000)).toBe(25_000);
    expect(stockBestBid(20_000, 23_000, 27_000)).toBe(23_000);
    expect(stockBestBid(30_000, 23_000, 27_000)).toBe(26_950);
  });

  it('futures books step by one tenth of a point; spreads are mostly one tick', () => {
    expect(futuresBook(13_425, 13_426, 12_000, 13_427, () => 9).asks.map((l) => l.price)).toEqual([13_426, 13_427]);
    expect([0, 0.79, 0.8, 0.94, 0.95, 0.999].map(spreadTicksOf)).toEqual([1, 1, 2, 2, 3, 3]);
  });
});

describe('messages', () => {
  const q = { ref: 25_000, ceiling: 26_750, floor: 23_250, open: 25_050, high: 25_100, low: 24_950, last: 25_050, lastVol: 100, totalVol: 1_000, totalVal: 25_050_000, bids: [{ price: 25_000, volume: 500 }], asks: [] };

  it('X, R and MI messages pass the normalizer as what they say', () => {
    const n = new Normalizer();
    const t = at('10:15:30');
    const x = n.accept(quoteMsg('FPT', 'HOSE', DATE, t, q, 1, SESSION_CODE[MarketPhase.CONTINUOUS]));
    expect(x).toMatchObject({ type: 'quote', symbol: 'FPT', timeMs: t, tradingDate: DATE, last: 25_050, totalVolume: 1_000, bids: [{ price: 25_000, volume: 500 }], asks: [] });
    const fut = n.accept(quoteMsg('VN30F2506', 'DERIVATIVE', DATE, t, { ...q, ref: 13_400, last: 13_425 }, 10, 'LO'));
    expect(fut).toMatchObject({ last: 1_342.5, reference: 1_340 });
    const r = n.accept(foreignMsg('FPT', DATE, t, { totalRoom: 1_000, held: 1_200, buyVol: 5, sellVol: 6, buyVal: 7, sellVal: 8 }));
    expect(r).toMatchObject({ type: 'foreign', symbol: 'FPT', currentRoom: 0, buyVolume: 5, sellValue: 8 });
    const base = { TradingDate: '17/06/2025', Time: '10:15:30', Exchange: 'HOSE', TradingSession: 'LO' };
    const mi = n.accept(indexMsg('VN30', { value: 1_350, prior: 1_340, volume: 10, valueTraded: 20, advances: 1, declines: 2, unchanged: 3, ceilings: 0, floors: 1 }, base));
    expect(mi).toMatchObject({ type: 'index', id: 'VN30', value: 1_350, priorValue: 1_340, advances: 1, declines: 2, unchanged: 3 });
    expect(n.rejectedTotal).toBe(0);
  });

  it('every phase has the TradingSession code the normalizer maps back', () => {
    expect(Object.keys(SESSION_CODE).length).toBe(8);
    expect(SESSION_CODE[MarketPhase.ATC]).toBe('ATC');
  });
});
