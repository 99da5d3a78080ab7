// VN30 index futures on the board: the active contract's quote and its basis to VN30 spot.
import type { QuoteEvent } from '../events.js';
import type { boardcast } from '../../wire/gen/boardcast.js';
import { Premium, type DerivativesProps } from '../../wire/proto.js';
import { expiryDate, parseContract } from '../rules/futures.js';
import { QuoteCache, bestAsk, bestBid, percentOf, roundTo, type Complete } from './quote-cache.js';

export interface Basis {
  basis: number;
  basisPct: number;
  premium: boardcast.v1.Premium;
}

/**
 * basis = futures − spot (points, 2 decimals), basis % = basis / spot × 100 (3 decimals:
 * a basis is typically a fraction of a percent). PREMIUM above spot, DISCOUNT below, PAR
 * equal. With either side unknown (0) there is no basis: zeros and PREMIUM_UNSPECIFIED,
 * rather than a fake "discount" of the whole index level.
 */
export function basisOf(futures: number, spot: number): Basis {
  if (!(futures > 0) || !(spot > 0)) return { basis: 0, basisPct: 0, premium: Premium.PREMIUM_UNSPECIFIED };
  const basis = roundTo(futures - spot, 2);
  return {
    basis,
    basisPct: roundTo(((futures - spot) / spot) * 100, 3),
    premium: basis > 0 ? Premium.PREMIUM : basis < 0 ? Premium.DISCOUNT : Premium.PAR,
  };
}

export class DerivativesTracker {
  private readonly quotes = new QuoteCache();
  /** The code the feed last used for each contract (display name → feed code). */
  private readonly feedCodes = new Map<string, string>();

  /** A quote keyed by the contract's display name; `feedCode` is the code the feed sent it under. */
  apply(ev: QuoteEvent, feedCode = ev.symbol): void {
    this.quotes.set(ev);
    this.feedCodes.set(ev.symbol, feedCode);
  }

  get(symbol: string): QuoteEvent | undefined {
    return this.quotes.get(symbol);
  }

  /**
   * The contract to show: `preferred` (the resolver's front month) when it has quotes;
   * otherwise the most traded contract that has (a feed may lag the roll, or name only
   * one contract); otherwise `preferred` itself, with no data.
   */
  activeSymbol(preferred: string | undefined): string | undefined {
    if (preferred && this.quotes.has(preferred)) return preferred;
    let best: QuoteEvent | undefined;
    for (const q of this.quotes.values()) if (!best || q.totalVolume > best.totalVolume) best = q;
    return best?.symbol ?? preferred;
  }

  /** A fresh wire object for the active contract against VN30 `spot` (every field set). */
  state(preferred: string | undefined, preferredExpiry: string, spot: number): Complete<DerivativesProps> {
    const symbol = this.activeSymbol(preferred) ?? '';
    const q = this.quotes.get(symbol);
    let expiry = preferredExpiry;
    if (symbol !== preferred) {
      const c = parseContract(symbol);
      expiry = c ? expiryDate(c.year, c.month) : '';
    }
    const last = q?.last ?? 0;
    const reference = q?.reference ?? 0;
    const change = last > 0 && reference > 0 ? roundTo(last - reference, 2) : 0;
    const b = basisOf(last, spot);
    return {
      symbol,
      feedCode: q ? (this.feedCodes.get(symbol) ?? symbol) : '',
      expiryDate: expiry,
      last,
      change,
      changePct: last > 0 ? percentOf(last - reference, reference) : 0,
      reference,
      totalVolume: q?.totalVolume ?? 0,
      bid: bestBid(q),
      ask: bestAsk(q),
      basis: b.basis,
      basisPct: b.basisPct,
      premium: b.premium,
      // Open interest is not in the normalized quote yet.
      openInterest: 0,
    };
  }

  clear(): void {
    this.quotes.clear();
    this.feedCodes.clear();
  }
}
