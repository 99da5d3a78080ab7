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

/** One alert the market worker's rule engine raised (its id is unique: a repeat is not stored twice). */
export interface AlertRow {
  id: string;
  /** Market time it fired. */
  ts: number;
  type: string;
  severity: 'INFO' | 'WARNING' | 'CRITICAL';
  symbol: string;
  value: number;
  params: Record<string, number>;
  message: string;
}

export const ROW_KINDS = ['ticks', 'foreign', 'index', 'basis', 'alerts'] as const;
export type RowKind = (typeof ROW_KINDS)[number];

/** Rows of every kind, in arrival order within each kind. */
export interface HistoryRows {
  ticks: TickRow[];
  foreign: ForeignRow[];
  index: IndexRow[];
  basis: BasisRow[];
  alerts: AlertRow[];
}

export const emptyRows = (): HistoryRows => ({ ticks: [], foreign: [], index: [], basis: [], alerts: [] });
export const rowCount = (r: HistoryRows): number => r.ticks.length + r.foreign.length + r.index.length + r.basis.length + r.alerts.length;

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

/** Buckets align to Asia/Ho_Chi_Minh (UTC+7, no DST): a 1d candle is one local day. */
export const BUCKET_OFFSET_MS = 7 * 3_600_000;

export function bucketStart(ts: number, stepMs: number): number {
  return Math.floor((ts + BUCKET_OFFSET_MS) / stepMs) * stepMs - BUCKET_OFFSET_MS;
}

export interface Candle {
  /** Bucket start (ms). */
  ts: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  /** Active buy / active sell volume within the bucket. */
  buyVolume: number;
  sellVolume: number;
  /** Number of trades. */
  trades: number;
}

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
