// Candle building from ticks in time order: OHLCV plus active buy / sell volume per bucket.
// The SQLite store aggregates here (in a query thread); PostgreSQL aggregates in SQL with
// the same bucket rule (types.ts bucketStart) and the same tie order (time, then arrival).
import { bucketStart, type Candle } from './types.js';

/** Side codes as stored: 1 buy, 2 sell (types.ts SIDE_CODE). */
export function buildCandles(ticks: Iterable<readonly [ts: number, price: number, volume: number, side: number]>, stepMs: number, limit: number): Candle[] {
  const out: Candle[] = [];
  let c: Candle | undefined;
  for (const [ts, price, volume, side] of ticks) {
    const t = bucketStart(ts, stepMs);
    if (!c || c.ts !== t) {
      if (out.length >= limit) break;
      c = { ts: t, open: price, high: price, low: price, close: price, volume: 0, buyVolume: 0, sellVolume: 0, trades: 0 };
      out.push(c);
    }
    if (price > c.high) c.high = price;
    if (price < c.low) c.low = price;
    c.close = price;
    c.volume += volume;
    if (side === 1) c.buyVolume += volume;
    else if (side === 2) c.sellVolume += volume;
    c.trades++;
  }
  return out;
}
