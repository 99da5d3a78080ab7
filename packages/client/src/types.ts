// The client SDK's public types: the board as the SDK hands it out (the protobuf JSON
// mapping of boardcast.v1.Snapshot with every field present, enums by name), its options,
// events and connection states.
import type { boardcast } from '../../../src/wire/gen/boardcast.js';

export type PhaseName = keyof typeof boardcast.v1.MarketPhase;
export type PremiumName = keyof typeof boardcast.v1.Premium;
export type FrameKindName = keyof typeof boardcast.v1.FrameKind;
export type FeedStateName = keyof typeof boardcast.v1.FeedState;
export type SymbolStatusName = keyof typeof boardcast.v1.SymbolStatus;
export type TradeSideName = keyof typeof boardcast.v1.TradeSide;

export interface PriceLevel {
  price: number;
  volume: number;
}

export interface ActiveFlow {
  buyVolume: number;
  sellVolume: number;
  neutralVolume: number;
  buyValue: number;
  sellValue: number;
  neutralValue: number;
}

export interface SymbolForeign {
  buyVolume: number;
  sellVolume: number;
  buyValue: number;
  sellValue: number;
  netVolume: number;
  netValue: number;
  room: number;
  speedPerMinute: number;
  acceleration: number;
}

export interface SymbolState {
  symbol: string;
  lastPrice: number;
  lastVolume: number;
  change: number;
  changePct: number;
  reference: number;
  ceiling: number;
  floor: number;
  open: number;
  high: number;
  low: number;
  bids: PriceLevel[];
  asks: PriceLevel[];
  totalVolume: number;
  totalValue: number;
  ato: ActiveFlow | null;
  continuous: ActiveFlow | null;
  atc: ActiveFlow | null;
  foreign: SymbolForeign | null;
  updatedAtMs: number;
  /** Trading status from the feed (STATUS_HALTED, STATUS_SUSPENDED, …); STATUS_UNSPECIFIED when the feed says nothing. */
  status: SymbolStatusName;
  /** During the ATO / ATC auctions: the price the auction would match at now, and its volume; 0 otherwise. */
  projectedPrice: number;
  projectedVolume: number;
}

export interface IndexPoint {
  timeMs: number;
  value: number;
}

export interface IndexState {
  id: string;
  value: number;
  priorValue: number;
  change: number;
  changePct: number;
  totalVolume: number;
  totalValue: number;
  advances: number;
  declines: number;
  unchanged: number;
  advanceRatio: number;
  intraday: IndexPoint[];
  ceilings: number;
  floors: number;
}

export interface ForeignRank {
  symbol: string;
  netValue: number;
  netVolume: number;
}

export interface ForeignSummary {
  buyVolume: number;
  sellVolume: number;
  buyValue: number;
  sellValue: number;
  netVolume: number;
  netValue: number;
  topBuyers: ForeignRank[];
  topSellers: ForeignRank[];
}

export interface Derivatives {
  symbol: string;
  expiryDate: string;
  last: number;
  change: number;
  changePct: number;
  reference: number;
  totalVolume: number;
  bid: number;
  ask: number;
  basis: number;
  basisPct: number;
  premium: PremiumName;
  openInterest: number;
  /** The code the feed quotes the contract under (VN30FYYMM or KRX-era 41I1…000); `symbol` is always VN30FYYMM. */
  feedCode: string;
}

export type AlertSeverityName = 'INFO' | 'WARNING' | 'CRITICAL';

/** An alert of the `alerts` channel (PROTOCOL.md): delivered once per id by the `alert` event. */
export interface Alert {
  /** Unique and stable: the same alert in a replay has the same id. */
  id: string;
  /** volume_spike, ceiling, floor, foreign_acceleration, basis_flip, price_above, price_below, percent_move */
  type: string;
  severity: AlertSeverityName;
  /** A stock, a futures display name (VN30FYYMM) or an index id. */
  symbol: string;
  /** The observed value that triggered the rule. */
  value: number;
  /** The rule's parameters (thresholds, windows). */
  params: Record<string, number>;
  /** Market time it fired, ms since the Unix epoch. */
  timeMs: number;
  message: string;
}

/** The whole board. Treat it as immutable: the SDK shares unchanged parts between boards. */
export interface Board {
  marketTimeMs: number;
  tradingDate: string;
  /** The stocks' phase (HOSE timetable). */
  phase: PhaseName;
  /** The VN30 futures' phase (HNX derivatives timetable). */
  derivativesPhase: PhaseName;
  symbols: SymbolState[];
  indices: IndexState[];
  foreign: ForeignSummary | null;
  derivatives: Derivatives | null;
  /** Always empty on a board (only DELTA frames carry removals). */
  removedSymbols: string[];
  /** The upstream feed's health as of the last frame (null from a server that does not send it). */
  feed: FeedStatus | null;
}

/** A trade of the `trades` channel. */
export interface Trade {
  /** The display name (VN30FYYMM for futures). */
  symbol: string;
  /** Per symbol, +1 per trade within an epoch (the first is 1). */
  tradeSeq: number;
  price: number;
  volume: number;
  /** ACTIVE_BUY, ACTIVE_SELL or NEUTRAL (auctions, trades inside the spread). */
  side: TradeSideName;
  /** The session the trade belongs to (ATO, CONTINUOUS, ATC, …). */
  session: PhaseName;
  /** Exchange time, ms since the Unix epoch. */
  timeMs: number;
}

/** The `trade` event: a trade not seen before (repeats in a replay are dropped by trade_seq). */
export interface TradeEvent extends Trade {
  /** Trades of this symbol were missed just before this one (trade_seq skipped). */
  gap: boolean;
  /** How many (0 unless gap). */
  missed: number;
}

/** A 1-minute candle of the `candles` channel (a symbol, a futures contract, or an index: VN30, VNINDEX). */
export interface Candle {
  symbol: string;
  /** Bucket start, ms since the Unix epoch (the minutes of /api/history's 1m candles). */
  timeMs: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  buyVolume: number;
  sellVolume: number;
  /** Number of trades (0 for an index). */
  trades: number;
  /** The minute is over: these are the final values. */
  closed: boolean;
}

export interface FeedStatus {
  /** FEED_LIVE, FEED_RECONNECTING, FEED_STALE (connected but silent), FEED_FAILED. */
  state: FeedStateName;
  /** ms since the feed's last message (data or keep-alive) when the frame was built; -1 before the first. */
  lastMessageAgeMs: number;
}

/** The `feed` event: the feed's state changed (or the first frame told it). */
export interface FeedEvent extends FeedStatus {
  /** The state before, undefined on the first frame of this client. */
  previous: FeedStateName | undefined;
}

export interface ServerErrorBody {
  code: string;
  message: string;
}

export interface PongBody {
  clientTimeUs: number;
  serverTimeUs: number;
}

/** One decoded frame: 64-bit fields as numbers, enums by name, absent messages null. */
export interface DecodedFrame {
  seq: number;
  epoch: string;
  producedAtUs: number;
  kind: FrameKindName;
  baseSeq: number;
  snapshot: Board | null;
  control: { error?: ServerErrorBody | null; pong?: PongBody | null } | null;
}

/** What the `frame` event reports about every frame received (before it is applied). */
export interface FrameMeta {
  seq: number;
  epoch: string;
  producedAtUs: number;
  kind: FrameKindName;
  baseSeq: number;
  /** 'board' for FULL/DELTA frames, 'error' / 'pong' for control frames, 'empty' for neither. */
  type: 'board' | 'error' | 'pong' | 'empty';
  /** Encoded size in bytes (UTF-16 code units for a text frame). */
  bytes: number;
}

export type ConnectionState = 'connecting' | 'open' | 'resyncing' | 'reconnecting' | 'closed';

export interface StateEvent {
  state: ConnectionState;
  /** The URL connected to, or (reconnecting) the one to be tried next. */
  url: string;
  /** Reconnect attempts since the last good FULL frame (0 on the first connect). */
  attempt: number;
  /** reconnecting: the wait before the next attempt. */
  delayMs?: number;
  /** reconnecting: the close code and reason of the socket that went away. */
  code?: number;
  reason?: string;
}

export interface BoardEvent {
  board: Board;
  seq: number;
  epoch: string;
  producedAtUs: number;
  kind: FrameKindName;
}

export interface PongEvent extends PongBody {
  /** Round trip, ms, measured with the client's clock. */
  rttMs: number;
}

export interface BoardClientStats {
  /** Frames received (all kinds, control included). */
  frames: number;
  /** FULL and DELTA frames applied to the board. */
  applied: number;
  /** DELTA frames not applied while waiting for a FULL. */
  skipped: number;
  /** Resync requests sent. */
  resyncs: number;
  /** Sequence gaps detected (incl. undecodable frames). */
  gaps: number;
  /** Epoch changes seen (a new epoch drops the board). */
  epochChanges: number;
  /** Reconnects scheduled after a socket closed or failed. */
  reconnects: number;
  /** Trades dropped as repeats (a replay overlapping what was delivered). */
  tradeDuplicates: number;
  /** Trades known missed (trade_seq skipped). */
  tradesMissed: number;
}

export interface BackoffOptions {
  /** First reconnect delay, ms. Default 250. */
  initialMs?: number;
  /** Largest delay, ms. Default 10,000. */
  maxMs?: number;
  /** Growth per attempt. Default 2. */
  factor?: number;
  /** 0..1: a delay d becomes a random value in [d·(1−jitter), d]. Default 0.5. */
  jitter?: number;
}

/** The subset of the WebSocket API the SDK uses: browsers' WebSocket and the `ws` package's both fit. */
export interface WebSocketLike {
  binaryType: string;
  readonly readyState: number;
  send(data: string | ArrayBuffer | Uint8Array): void;
  close(code?: number, reason?: string): void;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the event types differ between implementations
  addEventListener(type: 'open' | 'message' | 'close' | 'error', listener: (ev: any) => void): void;
}

export type WebSocketConstructor = new (url: string) => WebSocketLike;

export interface BoardClientOptions {
  /** One or more WebSocket URLs (e.g. ws://host:8080/ws); each reconnect moves to the next. */
  urls: string[] | string;
  /** Wire format. Default 'proto'. */
  format?: 'proto' | 'json';
  /** Extra query parameters (channels, symbols, delta, token, ...). */
  query?: Record<string, string>;
  /** WebSocket implementation. Default globalThis.WebSocket (Node 20 needs e.g. the `ws` package's). */
  WebSocket?: WebSocketConstructor;
  backoff?: BackoffOptions;
  /** While waiting for a FULL, a resync request is repeated at most this often, ms. Default 3000. */
  resyncRetryMs?: number;
  /** Random source in [0, 1) for the backoff jitter (tests make it deterministic). Default Math.random. */
  random?: () => number;
}
