import { describe, expect, it } from 'vitest';
import { priceBand, roundDownToTick, roundUpToTick, stepTicks, tickSize, isValidPrice } from '../../src/market/rules/tick.js';
import { phaseAt } from '../../src/market/rules/calendar.js';
import { localTimeToMs, sessionKey, tradingDate, localMinuteOfDay } from '../../src/market/rules/session.js';
import { MarketPhase } from '../../src/wire/proto.js';

describe('tickSize', () => {
  it.each([
    [9_990, 10],
    [9_999, 10],
    [10_000, 50],
    [49_950, 50],
    [49_999, 50],
    [50_000, 100],
    [120_000, 100],
  ])('%i → %i', (price, tick) => expect(tickSize(price)).toBe(tick));
});

describe('rounding to the tick grid', () => {
  it('rounds down and up across the tick boundaries', () => {
    expect(roundDownToTick(10_020)).toBe(10_000);
    expect(roundDownToTick(9_999)).toBe(9_990);
    expect(roundDownToTick(50_050)).toBe(50_000);
    expect(roundUpToTick(9_995)).toBe(10_000);
    expect(roundUpToTick(49_951)).toBe(50_000);
    expect(roundUpToTick(25_301)).toBe(25_350);
  });

  it('steps ticks with the tick of the level it lands on', () => {
    expect(stepTicks(9_990, 1)).toBe(10_000);
    expect(stepTicks(10_000, -1)).toBe(9_990);
    expect(stepTicks(49_950, 1)).toBe(50_000);
    expect(stepTicks(50_000, -1)).toBe(49_950);
    expect(stepTicks(25_000, 3)).toBe(25_150);
  });
});

describe('priceBand (±7%, ceiling down, floor up)', () => {
  it.each([
    // ref, ceiling, floor: 10,700 and 9,300 are exact; 9,300 sits on the 10 VND grid.
    [10_000, 10_700, 9_300],
    // 27,124.5 → 27,100; 23,575.5 → 23,600 (50 VND grid).
    [25_350, 27_100, 23_600],
    // 101,971 → 101,900; 88,629 → 88,700 (100 VND grid).
    [95_300, 101_900, 88_700],
    // 9,630 → 9,630 (10 grid); 8,370 exact.
    [9_000, 9_630, 8_370],
    // Band crossing into the 50,000 level: 50,825 → 50,800; 44,175 → 44,200.
    [47_500, 50_800, 44_200],
  ])('ref %i → ceiling %i floor %i', (ref, ceiling, floor) => {
    expect(priceBand(ref)).toEqual({ ceiling, floor });
  });

  // The lowest prices, by hand (10 VND grid): 7% of the reference is under one tick, so the
  // rounding takes a side back to the reference; HOSE widens it to one tick from it.
  it.each([
    // 107 → 100 = ref → 110; 93 → 100 = ref → 90.
    [100, 110, 90],
    // 139.1 → 139 → 130 = ref → 140; 120.9 → 121 → 130 = ref → 120.
    [130, 140, 120],
    // 149.8 → 149 → 140 = ref → 150; 130.2 → 131 → 140 = ref → 130.
    [140, 150, 130],
    // 160.5 → 160 and 139.5 → 140: not collapsed, left alone.
    [150, 160, 140],
    // 299.6 → 299 → 290; 260.4 → 261 → 270: not collapsed.
    [280, 290, 270],
    // 10.7 → 10 = ref → 20; 9.3 → 10 = ref, and 0 is no price: the floor stays at one tick.
    [10, 20, 10],
  ])('lowest prices: ref %i → ceiling %i floor %i (a collapsed side widens to one tick)', (ref, ceiling, floor) => {
    expect(priceBand(ref)).toEqual({ ceiling, floor });
  });

  it('validates prices on the grid within the band', () => {
    const band = priceBand(25_350);
    expect(isValidPrice(25_400, band)).toBe(true);
    expect(isValidPrice(25_420, band)).toBe(false);
    expect(isValidPrice(27_150, band)).toBe(false);
    expect(isValidPrice(23_600, band)).toBe(true);
  });
});

describe('session phases (Asia/Ho_Chi_Minh)', () => {
  const wd = '2025-06-17'; // Tuesday
  it.each([
    ['08:59:59', MarketPhase.PRE_OPEN],
    ['09:00', MarketPhase.ATO],
    ['09:14:59', MarketPhase.ATO],
    ['09:15', MarketPhase.CONTINUOUS],
    ['11:29:59', MarketPhase.CONTINUOUS],
    ['11:30', MarketPhase.LUNCH_BREAK],
    ['12:59:59', MarketPhase.LUNCH_BREAK],
    ['13:00', MarketPhase.CONTINUOUS],
    ['14:29:59', MarketPhase.CONTINUOUS],
    ['14:30', MarketPhase.ATC],
    ['14:44:59', MarketPhase.ATC],
    ['14:45', MarketPhase.PUT_THROUGH],
    ['14:59:59', MarketPhase.PUT_THROUGH],
    ['15:00', MarketPhase.CLOSED],
    ['23:59', MarketPhase.CLOSED],
    ['00:00', MarketPhase.PRE_OPEN],
  ])('%s → %s', (time, phase) => expect(phaseAt(localTimeToMs(wd, time))).toBe(phase));

  it('is CLOSED all weekend', () => {
    expect(phaseAt(localTimeToMs('2025-06-14', '10:00'))).toBe(MarketPhase.CLOSED); // Saturday
    expect(phaseAt(localTimeToMs('2025-06-15', '14:35'))).toBe(MarketPhase.CLOSED); // Sunday
    expect(phaseAt(localTimeToMs('2025-06-16', '10:00'))).toBe(MarketPhase.CONTINUOUS); // Monday
  });

  it('converts local time to UTC (+7, no DST)', () => {
    expect(localTimeToMs('2025-06-17', '09:00')).toBe(Date.parse('2025-06-17T02:00:00Z'));
    expect(localTimeToMs('2025-01-01', '00:30')).toBe(Date.parse('2024-12-31T17:30:00Z'));
    expect(tradingDate(Date.parse('2024-12-31T17:30:00Z'))).toBe('2025-01-01');
    expect(localMinuteOfDay(localTimeToMs(wd, '14:30:30'))).toBe(14 * 60 + 30.5);
  });

  it('starts the next session key at 15:05 local', () => {
    expect(sessionKey(localTimeToMs(wd, '15:04:59'))).toBe('2025-06-17');
    expect(sessionKey(localTimeToMs(wd, '15:05'))).toBe('2025-06-18');
    expect(sessionKey(localTimeToMs('2025-06-18', '09:00'))).toBe('2025-06-18');
  });
});
