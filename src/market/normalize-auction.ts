// The call-auction fields of an SSI "X" message: EstMatchedPrice, FastConnect's projected
// (indicative) match price during ATO / ATC, and TradingSession, which says whether the
// message belongs to an auction. FastConnect sends no projected volume, so it is computed
// here: the volume the message's own book (all the levels it carries, ATO/ATC market
// orders included) would match at EstMatchedPrice, by the exchange's auction rule
// (rules/auction.ts). With 10 levels that is the real figure unless the book is deeper.
import type { ProjectedMatch } from './events.js';
import { LIMITS, MARKET_ORDER_PRICES, num } from './normalize-fields.js';
import { matchedVolumeAt, type AuctionBook, type AuctionLevel } from './rules/auction.js';

/** FastConnect sends up to 10 levels a side. */
const DEPTH = 10;

/** `{ projected }` when the message carries a non-zero EstMatchedPrice, else `{}`. Throws FeedMessageError on a bad price. */
export function auctionFields(msg: Record<string, unknown>): { projected?: ProjectedMatch } {
  const price = num('X', msg, 'EstMatchedPrice', { max: LIMITS.maxPrice });
  if (price === 0) return {};
  const raw = msg.TradingSession;
  const session = typeof raw === 'string' ? raw.trim().toUpperCase() : '';
  const inAuction = session === '' ? undefined : session === 'ATO' || session === 'ATC';
  return { projected: { price, volume: matchedVolumeAt(bookOf(msg), price), inAuction } };
}

/** Levels 1–3 are validated by the quote's own parsing; deeper ones are read leniently (an unreadable level is skipped). */
function bookOf(msg: Record<string, unknown>): AuctionBook {
  const side = (name: 'Bid' | 'Ask') => {
    const levels: AuctionLevel[] = [];
    let market = 0;
    for (let i = 1; i <= DEPTH; i++) {
      const volume = loose(msg[`${name}Vol${i}`]);
      if (!(volume > 0)) continue;
      const p = msg[`${name}Price${i}`];
      if (typeof p === 'string' && MARKET_ORDER_PRICES.has(p.trim().toUpperCase())) market += volume;
      else {
        const price = loose(p);
        if (price > 0) levels.push({ price, volume });
      }
    }
    return { levels, market };
  };
  const bids = side('Bid');
  const asks = side('Ask');
  return { bids: bids.levels, asks: asks.levels, marketBuy: bids.market, marketSell: asks.market };
}

function loose(v: unknown): number {
  const n = typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN;
  return Number.isFinite(n) && n >= 0 ? n : 0;
}
