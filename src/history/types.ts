// History rows, batches and queries: what the market worker hands to the writer, what the
// stores persist and what the history API answers. Times are ms since the Unix epoch (UTC).
import type { TradeSide } from '../market/rules/classifier.js';
import type { SideSource } from '../market/processor/processor.js';

/** One classified trade the processor accepted (stocks and futures). */
export interface TickRow {
  /** The display name (VN30FYYMM for futures). */
  symbol: string;
  ts: number;
  price: number;
  volume: number;
  side: TradeSide;
  /** Who decided `side`: the feed's own `Side` field, or the book rule. Default (writing) 'book'. */
  sideBy?: SideSource;
  /** MarketPhase (wire enum number) of the trade's session bucket. */
  phase: number;
  /** The code the feed used (a futures contract's KRX-era code); default (writing) `symbol`. */
  feedCode?: string;
}

/** One cumulative foreign-flow snapshot of a symbol. */
export interface ForeignRow {
  symbol: string;
  ts: number;
  buyVolume: number;
  sellVolume: number;
  buyValue: number;
  sellValue: number;
  totalRoom: number;
  currentRoom: number;
}

/** One index value with its breadth. */
export interface IndexRow {
  id: string;
  ts: number;
  value: number;
  priorValue: number;
  totalVolume: number;
  totalValue: number;
  advances: number;
  declines: number;
  unchanged: number;
}

/** One basis point: the active VN30F contract against VN30 spot. */
export interface BasisRow {
  ts: number;
  /** The contract's display name (VN30FYYMM). */
  contract: string;
  /** The code the feed quotes it under; default (writing) `contract`. */
  feedCode?: string;
  futures: number;
  spot: number;
  basis: number;
  basisPct: number;
}

export const ROW_KINDS = ['ticks', 'foreign', 'index', 'basis'] as const;
export type RowKind = (typeof ROW_KINDS)[number];

/** Rows of every kind, in arrival order within each kind. */
export interface HistoryRows {
  ticks: TickRow[];
  foreign: ForeignRow[];
  index: IndexRow[];
  basis: BasisRow[];
}

export const emptyRows = (): HistoryRows => ({ ticks: [], foreign: [], index: [], basis: [] });
export const rowCount = (r: HistoryRows): number => r.ticks.length + r.foreign.length + r.index.length + r.basis.length;

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
  | ({ kind: 'basis' } & RangeQuery);

export type QueryRow = Candle | TickRow | ForeignRow | IndexRow | BasisRow;

/** Side on disk: a small integer. */
export const SIDE_CODE: Record<TradeSide, number> = { neutral: 0, buy: 1, sell: 2 };
export const SIDE_OF: readonly TradeSide[] = ['neutral', 'buy', 'sell'];
/** Side source on disk: 0 the book rule (also every row written before the column existed), 1 the feed. */
export const SIDE_BY_CODE: Record<SideSource, number> = { book: 0, feed: 1 };
export const SIDE_BY_OF: readonly SideSource[] = ['book', 'feed'];
/** A feed code is stored only when it differs from the display name ('' otherwise). */
export const storedFeedCode = (symbol: string, feedCode: string | undefined): string => (feedCode && feedCode !== symbol ? feedCode : '');
