// The rows the market thread hands to history and the messages of that hand-over, declared
// here on the producing side: the market thread (market/history-tap.ts) needs nothing from
// history/, and history/ (the writer, the stores, the API) imports them — the dependency
// points from the store to the market, as everywhere else. Times are ms since the Unix epoch (UTC).
import type { TradeSide } from './rules/classifier.js';
import type { SideSource } from './processor/processor.js';

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

/** Market thread → history writer thread, on the BroadcastChannel named in WorkerStartup.history. */
export type TapToWriter =
  /** Rows the processor accepted since the previous message, oldest first. */
  | { type: 'rows'; epoch: string; rows: HistoryRows }
  /** The market worker is stopping: every row it had is in the messages before this one. */
  | { type: 'end'; epoch: string };

export type WriterToTap = { type: 'end-ack'; epoch: string };
