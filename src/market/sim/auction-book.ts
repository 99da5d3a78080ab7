// The simulator's books during the ATO / ATC call auctions. Orders collect without
// matching, so buyers bid above and sellers ask below the price the auction will find: the
// book crosses, and its projected match (rules/auction.ts, the exchange's rule) is what
// the quote message states as EstMatchedPrice, and what the auction matches at its end.
// Levels are sized so the match is the share of a day's volume an auction trades
// (ATO about 2 %, ATC about 8 %).
import { MarketPhase } from '../rules/phase.js';
import { projectedMatch, type AuctionMatch } from '../rules/auction.js';
import { BOARD_LOT, roundToTick, stepTicks } from '../rules/tick.js';
import type { Rng } from './rng.js';

interface Level {
  price: number;
  volume: number;
}

export interface AuctionQuoteState {
  ref: number;
  ceiling: number;
  floor: number;
  last: number;
  bids: Level[];
  asks: Level[];
}

export function isAuctionPhase(phase: MarketPhase): boolean {
  return phase === MarketPhase.ATO || phase === MarketPhase.ATC;
}

/**
 * A crossing 3-level book around `fair`: the best bid 1–2 ticks above it, the best ask 1–2
 * ticks below, all within the band; `lots()` draws a level's size in board lots.
 */
export function crossingBook(rng: Rng, s: AuctionQuoteState, fair: number, lots: () => number): { bids: Level[]; asks: Level[] } {
  const center = Math.min(s.ceiling, Math.max(s.floor, roundToTick(fair)));
  const bid1 = Math.min(s.ceiling, stepTicks(center, 1 + rng.int(2)));
  const ask1 = Math.max(s.floor, stepTicks(center, -(1 + rng.int(2))));
  const bids: Level[] = [];
  const asks: Level[] = [];
  for (let i = 0, p = bid1; i < 3 && p >= s.floor; i++, p = stepTicks(p, -1)) bids.push({ price: p, volume: lots() * BOARD_LOT });
  for (let i = 0, p = ask1; i < 3 && p <= s.ceiling; i++, p = stepTicks(p, 1)) asks.push({ price: p, volume: lots() * BOARD_LOT });
  return { bids, asks };
}

/** The book's projected match by the exchange's rule; undefined when the sides do not cross. */
export function bookMatch(s: AuctionQuoteState): AuctionMatch | undefined {
  return projectedMatch({ bids: s.bids, asks: s.asks }, s.last || s.ref);
}

/** The EstMatchedPrice of a book: its projected match price, 0 when the sides do not cross. */
export function estMatchedPrice(s: AuctionQuoteState): number {
  return bookMatch(s)?.price ?? 0;
}

/** Board lots of one auction book level for a stock trading `dailyVolume` shares a day. */
export function auctionLots(rng: Rng, dailyVolume: number, closing: boolean): number {
  return Math.max(1, Math.round((dailyVolume * (closing ? 0.08 : 0.02) * rng.uniform(0.2, 0.6)) / BOARD_LOT));
}
