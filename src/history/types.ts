// History rows, batches and queries: what the market worker hands to the writer, what the
// stores persist and what the history API answers. Times are ms since the Unix epoch (UTC).
import type { TradeSide } from '../market/rules/classifier.js';
import type { SideSource } from '../market/processor/processor.js';

// The rows themselves are declared by the market side that produces them.
import type { AlertRow, BasisRow, ForeignRow, IndexRow, TickRow } from '../market/history-rows.js';
export { emptyRows, ROW_KINDS, rowCount } from '../market/history-rows.js';
export type { AlertRow, BasisRow, ForeignRow, HistoryRows, IndexRow, RowKind, TickRow } from '../market/history-rows.js';

/** One trading day's foreign flow of a symbol: the day's last cumulative figures. */
export interface ForeignDayRow {
  /** YYYY-MM-DD, Asia/Ho_Chi_Minh. */
  date: string;
  /** Time of the day's last foreign row. */
  ts: number;
  buyVolume: number;
  sellVolume: number;
  buyValue: number;
  sellValue: number;
  netVolume: number;
  netValue: number;
  /** Foreign room left at the day's last row (shares). */
  room: number;
  totalRoom: number;
}

export const INTERVALS = { '1m': 60_000, '5m': 300_000, '15m': 900_000, '1h': 3_600_000, '1d': 86_400_000 } as const;
export type Interval = keyof typeof INTERVALS;

// The candle rule (buckets, OHLCV) is the market's, shared with the live candles.
export { BUCKET_OFFSET_MS, bucketStart, type Candle } from '../market/candles/candle.js';
import type { Candle } from '../market/candles/candle.js';

/** [from, to): from inclusive, to exclusive. `limit` rows at most, ascending time. */
export interface RangeQuery {
  from: number;
  to: number;
  limit: number;
}

export type HistoryQuery =
  | ({ kind: 'candles'; symbol: string; interval: Interval } & RangeQuery)
  | ({ kind: 'ticks'; symbol: string } & RangeQuery)
  | ({ kind: 'foreign'; symbol: string } & RangeQuery)
  | ({ kind: 'index'; id: string } & RangeQuery)
  | ({ kind: 'index-candles'; id: string; interval: Interval } & RangeQuery)
  | ({ kind: 'foreign-daily'; symbol: string } & RangeQuery)
  /** `contract`: one contract's rows only (display name); absent: every contract's. */
  | ({ kind: 'basis'; contract?: string } & RangeQuery)
  | ({ kind: 'alerts'; symbol?: string; type?: string; severity?: AlertRow['severity'] } & RangeQuery);

export type QueryRow = Candle | TickRow | ForeignRow | IndexRow | BasisRow | ForeignDayRow | AlertRow;

/** Side on disk: a small integer. */
export const SIDE_CODE: Record<TradeSide, number> = { neutral: 0, buy: 1, sell: 2 };
export const SIDE_OF: readonly TradeSide[] = ['neutral', 'buy', 'sell'];
/** Side source on disk: 0 the book rule (also every row written before the column existed), 1 the feed. */
export const SIDE_BY_CODE: Record<SideSource, number> = { book: 0, feed: 1 };
export const SIDE_BY_OF: readonly SideSource[] = ['book', 'feed'];
/** A feed code is stored only when it differs from the display name ('' otherwise). */
export const storedFeedCode = (symbol: string, feedCode: string | undefined): string => (feedCode && feedCode !== symbol ? feedCode : '');
