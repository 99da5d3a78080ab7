// The one candle rule, pure: live candles (the market worker's candle book) and history's
// candles (the stores' queries) both fold their inputs through these functions, so a live
// closed candle and the stored one are the same numbers by construction.
//
// Trade candles: OHLC of the trade prices in arrival order, volume, active buy / sell
// volume and the trade count. Index candles: OHLC of the index value; volume is the rise
// of the index's cumulative total volume since the previous point (0 for the first point
// seen and after a fall, i.e. a new session); buy/sell volume and trades stay 0.

export type CandleSide = 'buy' | 'sell' | 'neutral';

export interface Candle {
  /** Bucket start (ms since the Unix epoch). */
  ts: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  /** Active buy / active sell volume within the bucket. */
  buyVolume: number;
  sellVolume: number;
  /** Number of trades (0 for an index). */
  trades: number;
}

/** Buckets align to Asia/Ho_Chi_Minh (UTC+7, no DST): a 1d candle is one local day. */
export const BUCKET_OFFSET_MS = 7 * 3_600_000;
export const MINUTE_MS = 60_000;

export function bucketStart(ts: number, stepMs: number): number {
  return Math.floor((ts + BUCKET_OFFSET_MS) / stepMs) * stepMs - BUCKET_OFFSET_MS;
}

const open = (ts: number, price: number): Candle => ({ ts, open: price, high: price, low: price, close: price, volume: 0, buyVolume: 0, sellVolume: 0, trades: 0 });

/**
 * Folds one trade into `c` when it belongs to c's bucket (mutating it), or returns the new
 * bucket's candle. The caller keeps candles it has handed out immutable by copying first.
 */
export function foldTrade(c: Candle | undefined, stepMs: number, ts: number, price: number, volume: number, side: CandleSide): Candle {
  const t = bucketStart(ts, stepMs);
  const out = c && c.ts === t ? c : open(t, price);
  if (price > out.high) out.high = price;
  if (price < out.low) out.low = price;
  out.close = price;
  out.volume += volume;
  if (side === 'buy') out.buyVolume += volume;
  else if (side === 'sell') out.sellVolume += volume;
  out.trades++;
  return out;
}

/** The volume an index point adds: the rise of the cumulative total since the previous point. */
export const indexVolumeStep = (prevTotal: number | undefined, total: number): number => (prevTotal !== undefined && total >= prevTotal ? total - prevTotal : 0);

/** Folds one index point into `c` (see foldTrade); `prevTotal` is the previous point's total volume. */
export function foldIndexPoint(c: Candle | undefined, stepMs: number, ts: number, value: number, totalVolume: number, prevTotal: number | undefined): Candle {
  const t = bucketStart(ts, stepMs);
  const out = c && c.ts === t ? c : open(t, value);
  if (value > out.high) out.high = value;
  if (value < out.low) out.low = value;
  out.close = value;
  out.volume += indexVolumeStep(prevTotal, totalVolume);
  return out;
}

/** Candles of a time-ordered series, `limit` at most; `fold` returns the bucket's candle. */
function collect<T>(items: Iterable<T>, limit: number, fold: (c: Candle | undefined, item: T) => Candle): Candle[] {
  const out: Candle[] = [];
  let c: Candle | undefined;
  for (const item of items) {
    const next = fold(c, item);
    if (next !== c) {
      if (out.length >= limit) break;
      out.push(next);
      c = next;
    }
  }
  return out;
}

/** Side codes as stored: 1 buy, 2 sell. */
const SIDE_BY_CODE: readonly CandleSide[] = ['neutral', 'buy', 'sell'];

/** Trade candles from stored ticks in (time, arrival) order. */
export function candlesOfTicks(ticks: Iterable<readonly [ts: number, price: number, volume: number, side: number]>, stepMs: number, limit: number): Candle[] {
  return collect(ticks, limit, (c, [ts, price, volume, side]) => foldTrade(c, stepMs, ts, price, volume, SIDE_BY_CODE[side] ?? 'neutral'));
}

/**
 * Index candles from stored index points in (time, arrival) order. `prevTotal`: the total
 * volume of the point just before the range (undefined: none), so a range that starts
 * mid-day counts its first point's rise as the live candle did.
 */
export function candlesOfIndex(points: Iterable<readonly [ts: number, value: number, totalVolume: number]>, stepMs: number, limit: number, prevTotal?: number): Candle[] {
  let prev = prevTotal;
  return collect(points, limit, (c, [ts, value, total]) => {
    const next = foldIndexPoint(c, stepMs, ts, value, total, prev);
    prev = total;
    return next;
  });
}
