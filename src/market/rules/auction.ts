// The call auction (ATO opening, ATC closing) as HOSE runs it: every order in the book is
// matched at one price, chosen by these rules in turn:
//   1. the price at which the most volume matches;
//   2. among those, the price equal or closest to the last matched price (the reference
//      price when there has been no trade yet today);
//   3. if two are equally close (one above, one below), the higher one (kept for the rule's
//      sake: with the last price itself a candidate, rule 2 never leaves such a tie).
// At a price p the buyers willing are every bid at p or above plus the ATO/ATC market
// orders, the sellers every ask at p or below plus the market orders; the volume matched
// is the smaller of the two. Candidate prices are the limit prices in the book (the matched
// volume only changes at those) and the last matched price itself, which rule 2 picks
// whenever it lies inside the range of best prices. Pure: the simulator builds its auction quotes with it and
// the normalizer prices the volume at the feed's EstMatchedPrice with it.

export interface AuctionLevel {
  price: number;
  volume: number;
}

export interface AuctionBook {
  /** Limit buy orders by price (any order, any number of levels). */
  bids: readonly AuctionLevel[];
  /** Limit sell orders by price. */
  asks: readonly AuctionLevel[];
  /** ATO / ATC market orders: they match at whatever price the auction finds. */
  marketBuy?: number;
  marketSell?: number;
}

export interface AuctionMatch {
  price: number;
  volume: number;
}

/** Volume the auction would match at `price`. */
export function matchedVolumeAt(book: AuctionBook, price: number): number {
  let demand = book.marketBuy ?? 0;
  let supply = book.marketSell ?? 0;
  for (const b of book.bids) if (b.price >= price) demand += b.volume;
  for (const a of book.asks) if (a.price <= price) supply += a.volume;
  return Math.min(demand, supply);
}

/**
 * The projected match of the book: its price by the rules above and the volume matched
 * there; undefined when nothing would match (the books do not cross). `lastPrice` is the
 * last matched price, or the reference price before the day's first trade.
 */
export function projectedMatch(book: AuctionBook, lastPrice: number): AuctionMatch | undefined {
  let best: AuctionMatch | undefined;
  const consider = (price: number) => {
    if (!(price > 0)) return;
    const volume = matchedVolumeAt(book, price);
    if (volume <= 0) return;
    if (!best || volume > best.volume || (volume === best.volume && closer(price, best.price, lastPrice))) best = { price, volume };
  };
  for (const b of book.bids) consider(b.price);
  for (const a of book.asks) consider(a.price);
  consider(lastPrice); // also what only market orders on both sides match at
  return best;
}

/** Rules 2 and 3: is `p` a better auction price than `q` given the last matched price? */
function closer(p: number, q: number, last: number): boolean {
  const dp = Math.abs(p - last);
  const dq = Math.abs(q - last);
  return dp < dq || (dp === dq && p > q);
}
