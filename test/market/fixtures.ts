// Event builders for the market tests: every field set, override what the test is about.
import type { ForeignEvent, IndexEvent, QuoteEvent } from '../../src/market/events.js';
import { localTimeToMs } from '../../src/market/rules/session.js';

/** A Tuesday, away from expiries and holidays. */
export const DAY = '2025-06-17';
export const at = (time: string, date = DAY): number => localTimeToMs(date, time);

export function quote(symbol: string, time: string, o: Partial<QuoteEvent> = {}): QuoteEvent {
  return {
    type: 'quote',
    symbol,
    timeMs: at(time),
    tradingDate: DAY,
    reference: 25_000,
    ceiling: 26_750,
    floor: 23_250,
    open: 0,
    high: 0,
    low: 0,
    last: 0,
    lastVolume: 0,
    totalVolume: 0,
    totalValue: 0,
    bids: [],
    asks: [],
    session: undefined,
    aggressor: undefined,
    ...o,
  };
}

export function foreign(symbol: string, timeMs: number, o: Partial<ForeignEvent> = {}): ForeignEvent {
  return {
    type: 'foreign',
    symbol,
    timeMs,
    tradingDate: DAY,
    buyVolume: 0,
    sellVolume: 0,
    buyValue: 0,
    sellValue: 0,
    totalRoom: 1_000_000,
    currentRoom: 500_000,
    ...o,
  };
}

export function index(id: string, timeMs: number, o: Partial<IndexEvent> = {}): IndexEvent {
  return {
    type: 'index',
    id,
    timeMs,
    tradingDate: DAY,
    value: 1_300,
    priorValue: 1_290,
    totalVolume: 0,
    totalValue: 0,
    advances: 0,
    declines: 0,
    unchanged: 0,
    ceilings: 0,
    floors: 0,
    ...o,
  };
}
