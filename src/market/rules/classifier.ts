// Active buy / sell classification of one trade (README "Market rules").
import { MarketPhase } from './phase.js';

export type TradeSide = 'buy' | 'sell' | 'neutral';

/**
 * A CONTINUOUS-phase trade at or above the best ask of the book as it stood BEFORE the
 * trade hit the market aggressor on the sell side (active buy); at or below the best bid
 * it hit the buy side (active sell). Anything in between, and every auction (ATO/ATC) or
 * off-session trade, has no aggressor: neutral. A side priced 0 is an empty book side and
 * never matches. On a crossed book (bid >= ask) the ask test wins, so the result is stable.
 */
export function classifyTrade(price: number, prevBestBid: number, prevBestAsk: number, phase: MarketPhase): TradeSide {
  if (phase !== MarketPhase.CONTINUOUS || !(price > 0)) return 'neutral';
  if (prevBestAsk > 0 && price >= prevBestAsk) return 'buy';
  if (prevBestBid > 0 && price <= prevBestBid) return 'sell';
  return 'neutral';
}
