// Per-board rules with hand-computed values: HOSE ±7% and three ticks, HNX ±10% and
// UPCoM ±15% on a 100 VND grid; the timetables at their boundary instants.
import { describe, expect, it } from 'vitest';
import { BOARD_LOTS, exchangeOf } from '../../src/market/rules/exchange.js';
import { phaseAt, stockClassOf } from '../../src/market/rules/calendar.js';
import { localTimeToMs } from '../../src/market/rules/session.js';
import { isValidPrice, priceBand, roundDownToTick, roundToTick, roundUpToTick, stepTicks, tickSize } from '../../src/market/rules/tick.js';
import { MarketPhase as P } from '../../src/market/rules/phase.js';

describe('tick sizes per board', () => {
  it.each([
    ['HOSE', 9_990, 10],
    ['HOSE', 10_000, 50],
    ['HOSE', 49_950, 50],
    ['HOSE', 50_000, 100],
    ['HNX', 9_900, 100],
    ['HNX', 49_900, 100],
    ['HNX', 150_000, 100],
    ['UPCOM', 800, 100],
    ['UPCOM', 12_300, 100],
  ] as const)('%s %i → %i', (ex, price, tick) => expect(tickSize(price, ex)).toBe(tick));

  it('rounds onto the 100 VND grid on HNX and UPCoM at every level, where HOSE uses 10 and 50', () => {
    expect(roundDownToTick(9_990, 'HNX')).toBe(9_900);
    expect(roundDownToTick(9_990, 'HOSE')).toBe(9_990);
    expect(roundUpToTick(25_310, 'UPCOM')).toBe(25_400);
    expect(roundUpToTick(25_310, 'HOSE')).toBe(25_350);
    expect(roundToTick(12_349, 'HNX')).toBe(12_300);
    expect(roundToTick(12_350, 'UPCOM')).toBe(12_400);
    expect(stepTicks(9_900, 1, 'HNX')).toBe(10_000);
    expect(stepTicks(9_990, 1, 'HOSE')).toBe(10_000);
    expect(stepTicks(10_000, -2, 'UPCOM')).toBe(9_800);
  });
});

describe('price bands per board (limits rounded toward the reference, inside the band)', () => {
  it.each([
    // The same reference on each board: 10,000 ±7% / ±10% / ±15%, all exact.
    ['HOSE', 10_000, 10_700, 9_300],
    ['HNX', 10_000, 11_000, 9_000],
    ['UPCOM', 10_000, 11_500, 8_500],
    // HOSE 26,950: 28,836.5 → 28,800 (50 grid, down); 25,063.5 → 25,100 (up).
    ['HOSE', 26_950, 28_800, 25_100],
    // HNX 23,400: 25,740 → 25,700; 21,060 → 21,100.
    ['HNX', 23_400, 25_700, 21_100],
    // HNX 12,300: 13,530 → 13,500; 11,070 → 11,100.
    ['HNX', 12_300, 13_500, 11_100],
    // UPCoM 8,700 (the previous session's average): 10,005 → 10,000; 7,395 → 7,400.
    ['UPCOM', 8_700, 10_000, 7_400],
    // UPCoM 45,600: 52,440 → 52,400; 38,760 → 38,800.
    ['UPCOM', 45_600, 52_400, 38_800],
    // Penny prices: rounding lands on the reference, so that side widens to one tick.
    ['HNX', 500, 600, 400], // 550 → 500, 450 → 500
    ['UPCOM', 300, 400, 200], // 345 → 300, 255 → 300
    ['HOSE', 100, 110, 90], // 107 → 100, 93 → 100
  ] as const)('%s reference %i → ceiling %i, floor %i', (ex, ref, ceiling, floor) => {
    const band = priceBand(ref, ex);
    expect(band).toEqual({ ceiling, floor });
    expect(isValidPrice(ceiling, band, ex)).toBe(true);
    expect(isValidPrice(floor, band, ex)).toBe(true);
  });

  it('a price off the board grid or outside the band is not valid', () => {
    const band = priceBand(23_400, 'HNX');
    expect(isValidPrice(25_750, band, 'HNX')).toBe(false); // 50 VND step is HOSE's, not HNX's
    expect(isValidPrice(25_800, band, 'HNX')).toBe(false); // above the ceiling
    expect(isValidPrice(21_000, band, 'HNX')).toBe(false); // below the floor
    expect(isValidPrice(23_450, priceBand(23_400, 'HOSE'), 'HOSE')).toBe(true);
  });

  it('board lots are 100 shares on every board; feed exchange codes map to the boards', () => {
    expect(BOARD_LOTS).toEqual({ HOSE: 100, HNX: 100, UPCOM: 100 });
    expect(exchangeOf('HSX')).toBe('HOSE');
    expect(exchangeOf(' upcom ')).toBe('UPCOM');
    expect(exchangeOf('HNX')).toBe('HNX');
    expect(exchangeOf('DERIVATIVE')).toBeUndefined();
  });
});

describe('timetables per board at their boundary instants', () => {
  const day = '2026-12-02'; // a Wednesday, no holiday
  const at = (time: string, ex: 'HOSE' | 'HNX' | 'UPCOM') => phaseAt(localTimeToMs(day, time), stockClassOf(ex));

  it.each([
    ['08:59:59', P.PRE_OPEN, P.PRE_OPEN, P.PRE_OPEN],
    ['09:00:00', P.ATO, P.CONTINUOUS, P.CONTINUOUS], // only HOSE has an opening auction
    ['09:14:59', P.ATO, P.CONTINUOUS, P.CONTINUOUS],
    ['09:15:00', P.CONTINUOUS, P.CONTINUOUS, P.CONTINUOUS],
    ['11:29:59', P.CONTINUOUS, P.CONTINUOUS, P.CONTINUOUS],
    ['11:30:00', P.LUNCH_BREAK, P.LUNCH_BREAK, P.LUNCH_BREAK],
    ['13:00:00', P.CONTINUOUS, P.CONTINUOUS, P.CONTINUOUS],
    ['14:29:59', P.CONTINUOUS, P.CONTINUOUS, P.CONTINUOUS],
    ['14:30:00', P.ATC, P.ATC, P.CONTINUOUS], // UPCoM has no closing auction
    ['14:44:59', P.ATC, P.ATC, P.CONTINUOUS],
    ['14:45:00', P.PUT_THROUGH, P.PUT_THROUGH, P.CONTINUOUS], // HNX post-close shown as PUT_THROUGH
    ['14:59:59', P.PUT_THROUGH, P.PUT_THROUGH, P.CONTINUOUS],
    ['15:00:00', P.CLOSED, P.CLOSED, P.CLOSED],
  ])('%s: HOSE %i, HNX %i, UPCoM %i', (time, hose, hnx, upcom) => {
    expect(at(time, 'HOSE')).toBe(hose);
    expect(at(time, 'HNX')).toBe(hnx);
    expect(at(time, 'UPCOM')).toBe(upcom);
  });

  it('every board is closed all day on an exchange holiday', () => {
    for (const ex of ['HOSE', 'HNX', 'UPCOM'] as const) expect(phaseAt(localTimeToMs('2026-09-02', '10:00:00'), stockClassOf(ex))).toBe(P.CLOSED);
  });
});
