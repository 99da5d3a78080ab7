// The latest quote per symbol, plus the small quote arithmetic the board shares.
import type { QuoteEvent } from '../events.js';

/**
 * Keeps the event objects themselves (no copy): feeds must not mutate an event after
 * emitting it. Snapshots never hand these objects out; they copy the fields they show.
 */
export class QuoteCache {
  private readonly quotes = new Map<string, QuoteEvent>();

  get(symbol: string): QuoteEvent | undefined {
    return this.quotes.get(symbol);
  }

  set(quote: QuoteEvent): void {
    this.quotes.set(quote.symbol, quote);
  }

  has(symbol: string): boolean {
    return this.quotes.has(symbol);
  }

  values(): IterableIterator<QuoteEvent> {
    return this.quotes.values();
  }

  get size(): number {
    return this.quotes.size;
  }

  clear(): void {
    this.quotes.clear();
  }
}

/** Best bid price of a quote, 0 when there is no quote or no bid. */
export function bestBid(q: QuoteEvent | undefined): number {
  return q?.bids[0]?.price ?? 0;
}

/** Best ask price of a quote, 0 when there is no quote or no ask. */
export function bestAsk(q: QuoteEvent | undefined): number {
  return q?.asks[0]?.price ?? 0;
}

/** x rounded to `digits` decimals (display precision; kills float noise like 2.3799999). */
export function roundTo(x: number, digits: number): number {
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** change / base in percent, 2 decimals; 0 when the base is unknown (0). */
export function percentOf(change: number, base: number): number {
  return base > 0 ? roundTo((change / base) * 100, 2) : 0;
}

/** A wire props type with every field required: the board always sets all of them. */
export type Complete<T> = { [K in Exclude<keyof T, '$unknowns'>]-?: NonNullable<T[K]> };
