// The simulator's order books: three levels each side on the instrument's grid inside its
// price band, and the best bid a fair price implies. Pure: the sizes come from a function
// (the simulator's random source), called bids first, then asks, best level first.
import type { Exchange } from '../rules/exchange.js';
import { roundDownToTick, stepTicks } from '../rules/tick.js';

export interface Level {
  price: number;
  volume: number;
}

export interface Book {
  bids: Level[];
  asks: Level[];
}

export const BOOK_DEPTH = 3;

/** A spread in ticks from a uniform draw in [0, 1): mostly one tick, sometimes two or three. */
export function spreadTicksOf(u: number): number {
  return u < 0.8 ? 1 : u < 0.95 ? 2 : 3;
}

/** The best bid a fair price implies for a stock: on the grid, at least the floor, below the ceiling. */
export function stockBestBid(fair: number, floor: number, ceiling: number, exchange: Exchange = 'HOSE'): number {
  return Math.max(floor, Math.min(stepTicks(ceiling, -1, exchange), roundDownToTick(fair, exchange)));
}

/** A stock book with best bid `bid1` (0 = none) and best ask `ask1` (0 = none) on its board's grid, within the band. */
export function stockBook(bid1: number, ask1: number, floor: number, ceiling: number, volume: () => number, exchange: Exchange = 'HOSE'): Book {
  const bids: Level[] = [];
  const asks: Level[] = [];
  for (let i = 0, p = bid1; i < BOOK_DEPTH && p >= floor && bid1 > 0; i++, p = stepTicks(p, -1, exchange)) bids.push({ price: p, volume: volume() });
  for (let i = 0, p = ask1; i < BOOK_DEPTH && p <= ceiling && ask1 > 0; i++, p = stepTicks(p, 1, exchange)) asks.push({ price: p, volume: volume() });
  return { bids, asks };
}

/** A futures book in integer tenths of a point (one tick = 1), within the band. */
export function futuresBook(bid1: number, ask1: number, floor: number, ceiling: number, volume: () => number): Book {
  const bids: Level[] = [];
  const asks: Level[] = [];
  for (let i = 0, p = bid1; i < BOOK_DEPTH && p >= floor && bid1 > 0; i++, p--) bids.push({ price: p, volume: volume() });
  for (let i = 0, p = ask1; i < BOOK_DEPTH && p <= ceiling && ask1 > 0; i++, p++) asks.push({ price: p, volume: volume() });
  return { bids, asks };
}

/** A stock's session figures that a match moves. */
export interface SessionTape {
  last: number;
  lastVol: number;
  totalVol: number;
  totalVal: number;
  open: number;
  high: number;
  low: number;
}

/** Folds a match of `vol` at `price` into the session's last / totals / open-high-low. */
export function applyFill(s: SessionTape, price: number, vol: number): void {
  s.last = price;
  s.lastVol = vol;
  s.totalVol += vol;
  s.totalVal += vol * price;
  if (!s.open) s.open = price;
  s.high = Math.max(s.high, price);
  s.low = s.low ? Math.min(s.low, price) : price;
}
