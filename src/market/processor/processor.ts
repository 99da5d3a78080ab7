// The market processor: folds normalized feed events into board state and builds the
// snapshot the worker encodes every frame. Single-threaded, owned by the market worker.
import type { FeedEvent, ForeignEvent, IndexEvent, QuoteEvent, StatusEvent } from '../events.js';
import { phaseAt, stockClassOf, type InstrumentClass } from '../rules/calendar.js';
import type { Exchange } from '../rules/exchange.js';
import { localTimeToMs, sessionKey, tradingDate, VN_OFFSET_MS } from '../rules/session.js';
import { classifyTrade, type TradeSide } from '../rules/classifier.js';
import {
  MarketPhase,
  type DerivativesProps,
  type ForeignSummaryProps,
  type IndexStateProps,
  type SnapshotProps,
  type SymbolStateProps,
} from '../../wire/proto.js';
import { DerivativesTracker } from './derivatives-tracker.js';
import { ForeignTracker } from './foreign-tracker.js';
import { displaySymbol, frontMonthContract, isFuturesSymbol, type FuturesContract } from '../rules/futures.js';
import { IndexTracker, breadthOfQuotes } from './index-tracker.js';
import { QuoteCache, bestAsk, bestBid, percentOf } from './quote-cache.js';
import { SessionFlow, emptyFlow, type FlowTotals } from './session-flow.js';
import { SymbolMarks, projectionOf } from './symbol-marks.js';

const DAY_MS = 86_400_000;
const MINUTE_MS = 60_000;
const MAX_LEVELS = 3;
export const DEFAULT_INDEX_IDS: readonly string[] = ['VN30', 'VNINDEX'];
export const DEFAULT_TRADE_BUFFER_LIMIT = 100_000;
/** The index whose breadth falls back to the basket's quotes, and the futures' spot. */
const BASKET_INDEX = 'VN30';

/** Who decided a trade's side: the exchange's own `Side` on the message, or the book rule. */
export type SideSource = 'feed' | 'book';

export interface ClassifiedTrade {
  /** The display name (VN30FYYMM for futures, whatever code the feed used). */
  symbol: string;
  /** The code the feed sent (a futures contract's KRX-era code, say); equals `symbol` for stocks. */
  feedCode: string;
  timeMs: number;
  price: number;
  volume: number;
  side: TradeSide;
  sideBy: SideSource;
  /** The session bucket: the feed's TradingSession when it sent one, else the class's timetable. */
  phase: MarketPhase;
}

/** The board's active futures contract against VN30 spot, as the history records it. */
export interface BasisPoint {
  /** The display name (VN30FYYMM). */
  contract: string;
  /** The code the feed sent the contract's quote under. */
  feedCode: string;
  futures: number;
  spot: number;
  basis: number;
  basisPct: number;
}

export interface MarketProcessorOptions {
  /** The stocks on the board, in board order (duplicates are dropped). */
  basket: string[];
  /** Indices to track, in board order. Default VN30, VNINDEX. */
  indexIds?: string[];
  /** The board each stock trades on, for its timetable (a trade's session); absent = HOSE. */
  exchangeOf?: (symbol: string) => Exchange | undefined;
  /** Most classified trades kept for drainTrades(); 0 keeps none. Default 100,000. */
  tradeBufferLimit?: number;
  /**
   * Called with every accepted trade, in order, as it is accepted (the live trade tape and
   * candles); independent of drainTrades(), whose buffer is history's.
   */
  onTrade?: (t: ClassifiedTrade) => void;
}

/** One basket symbol: its change counter and the last SymbolState built from it. */
interface SymbolSlot {
  symbol: string;
  version: number;
  updatedAtMs: number;
  built: SymbolStateProps | undefined;
  builtVersion: number;
  /** Market second the foreign speed of `built` was computed at (it decays with time). */
  builtSecond: number;
}

interface Cached<T> {
  key: string;
  value: T;
}

/**
 * Snapshot objects are immutable once returned: parts that did not change since the
 * previous snapshot are the SAME objects (identity can drive delta encoding); anything
 * that changes is rebuilt as a new object, never mutated in place.
 */
export class MarketProcessor {
  readonly basket: readonly string[];
  readonly indexIds: readonly string[];

  private readonly slots: SymbolSlot[];
  private readonly slotBySymbol = new Map<string, SymbolSlot>();
  private readonly quotes = new QuoteCache();
  private readonly flows = new SessionFlow();
  private readonly foreign = new ForeignTracker();
  private readonly indices: IndexTracker;
  private readonly futures = new DerivativesTracker();
  private readonly marks = new SymbolMarks();
  private readonly tradeBufferLimit: number;
  private readonly classBySymbol = new Map<string, InstrumentClass>();
  private readonly onTrade: ((t: ClassifiedTrade) => void) | undefined;

  private marketTimeMs = 0;
  /** Current session: its key (sessionKey) and [start, end) in UTC ms, to skip recomputing it. */
  private sessKey: string | undefined;
  private sessStartMs = 0;
  private sessEndMs = 0;

  // Change counters that key the snapshot caches.
  private quotesVersion = 0;
  private foreignVersion = 0;
  private futuresVersion = 0;
  private readonly indexVersion = new Map<string, number>();

  private dayCache = { startMs: 0, endMs: 0, date: '' };
  private readonly phaseCache: Record<InstrumentClass, { minute: number; phase: MarketPhase }> = {
    stock: { minute: NaN, phase: MarketPhase.PHASE_UNSPECIFIED },
    derivatives: { minute: NaN, phase: MarketPhase.PHASE_UNSPECIFIED },
    'hnx-stock': { minute: NaN, phase: MarketPhase.PHASE_UNSPECIFIED },
    'upcom-stock': { minute: NaN, phase: MarketPhase.PHASE_UNSPECIFIED },
  };
  private frontCache: { date: string; contract: FuturesContract } | undefined;
  private indexCache = new Map<string, Cached<IndexStateProps>>();
  private foreignCache: Cached<ForeignSummaryProps> | undefined;
  private derivativesCache: Cached<DerivativesProps> | undefined;

  private accepted = 0;
  private dropped = 0;
  private trades: ClassifiedTrade[] = [];

  constructor(opts: MarketProcessorOptions) {
    this.basket = [...new Set(opts.basket)];
    this.indexIds = [...new Set(opts.indexIds ?? DEFAULT_INDEX_IDS)];
    this.indices = new IndexTracker(this.indexIds);
    this.tradeBufferLimit = opts.tradeBufferLimit ?? DEFAULT_TRADE_BUFFER_LIMIT;
    this.onTrade = opts.onTrade;
    this.slots = this.basket.map((symbol) => ({ symbol, version: 0, updatedAtMs: 0, built: undefined, builtVersion: -1, builtSecond: NaN }));
    for (const s of this.slots) this.slotBySymbol.set(s.symbol, s);
    for (const s of this.basket) this.classBySymbol.set(s, stockClassOf(opts.exchangeOf?.(s) ?? 'HOSE'));
  }

  /** Trades classified since construction (all sessions, stocks and futures). */
  get acceptedTrades(): number {
    return this.accepted;
  }

  /** Classified trades lost because the drainTrades() buffer was full. */
  get droppedTrades(): number {
    return this.dropped;
  }

  /** The classified trades since the previous call, oldest first. */
  drainTrades(): ClassifiedTrade[] {
    const out = this.trades;
    this.trades = [];
    return out;
  }

  /**
   * Folds one event in; true when it changed state. Ignored (false): quotes of symbols
   * neither in the basket nor VN30F*, foreign flow outside the basket, untracked indices,
   * a quote older than the cached one of its symbol, and events of an earlier session
   * than the current one (late messages must not wipe or pollute the new day).
   */
  apply(ev: FeedEvent): boolean {
    switch (ev.type) {
      case 'quote':
        return this.applyQuote(ev);
      case 'foreign':
        return this.applyForeign(ev);
      case 'index':
        return this.applyIndex(ev);
      case 'status':
        return this.applyStatus(ev);
      default:
        return false;
    }
  }

  /** Clears all session data (quotes, flows, foreign, indices, futures). The trade buffer and counters stay. */
  resetSession(): void {
    this.quotes.clear();
    this.flows.clear();
    this.foreign.clear();
    this.indices.clear();
    this.futures.clear();
    this.marks.newSession();
    for (const s of this.slots) {
      s.version++;
      s.updatedAtMs = 0;
    }
    this.quotesVersion++;
    this.foreignVersion++;
    this.futuresVersion++;
    // Versions only ever grow, so no cache key can match a pre-reset entry; drop them anyway.
    for (const id of this.indexVersion.keys()) this.bumpIndex(id);
    this.indexCache.clear();
    this.foreignCache = undefined;
    this.derivativesCache = undefined;
  }

  /**
   * The board. `clockMs` is the market clock when the caller keeps one (the worker's
   * MarketClock: the last message's time advanced by wall time since): the market time and
   * the phases follow it while the feed is quiet; never earlier than the last event. The
   * trading date stays the date of the data on the board (the daily reset is driven by the
   * feed's next session, so a quiet evening keeps the day's close on the board).
   */
  snapshot(clockMs = 0): SnapshotProps {
    const t = Math.max(this.marketTimeMs, clockMs);
    const known = t > 0;
    const date = this.marketTimeMs > 0 ? this.tradingDateOf(this.marketTimeMs) : known ? this.tradingDateOf(t) : '';
    const second = Math.floor(t / 1000);
    const symbols = new Array<SymbolStateProps>(this.slots.length);
    for (let i = 0; i < this.slots.length; i++) symbols[i] = this.symbolState(this.slots[i]!, second);
    const indices: IndexStateProps[] = [];
    for (const id of this.indexIds) {
      const s = this.indexState(id);
      if (s) indices.push(s);
    }
    return {
      marketTimeMs: t,
      tradingDate: date,
      phase: known ? this.phaseOf(t, 'stock') : MarketPhase.PHASE_UNSPECIFIED,
      derivativesPhase: known ? this.phaseOf(t, 'derivatives') : MarketPhase.PHASE_UNSPECIFIED,
      symbols,
      indices,
      foreign: this.foreignSummary(),
      derivatives: this.derivatives(date),
      removedSymbols: [],
    };
  }

  // ---- events ------------------------------------------------------------------------

  private applyQuote(raw: QuoteEvent): boolean {
    const futures = isFuturesSymbol(raw.symbol);
    const slot = this.slotBySymbol.get(raw.symbol);
    if (!futures && !slot) return false;
    if (!this.enterSession(raw.timeMs)) return false;
    // A contract is kept under its display name whichever code the feed used for it.
    const display = futures ? (displaySymbol(raw.symbol) ?? raw.symbol) : raw.symbol;
    const ev = display === raw.symbol ? raw : { ...raw, symbol: display };
    const prev = futures ? this.futures.get(display) : this.quotes.get(display);
    if (prev && ev.timeMs < prev.timeMs) return false;
    // A rise of the cumulative volume is a trade at `last` (several fills between two
    // messages collapse into one). A fall is a feed restart/correction: no trade.
    const traded = prev !== undefined && ev.totalVolume > prev.totalVolume && ev.last > 0;
    const cls: InstrumentClass = futures ? 'derivatives' : (this.classBySymbol.get(ev.symbol) ?? 'stock');
    if (traded) this.recordTrade(ev, prev, raw.symbol, cls, slot !== undefined);
    this.touch(ev.timeMs);
    if (futures) {
      this.futures.apply(ev, raw.symbol);
      this.futuresVersion++;
    } else {
      this.quotes.set(ev);
      this.marks.setProjection(ev.symbol, projectionOf(ev, traded, this.phaseOf(ev.timeMs, cls)));
      this.quotesVersion++;
      this.touchSlot(slot!, ev.timeMs);
    }
    return true;
  }

  private recordTrade(ev: QuoteEvent, prev: QuoteEvent, feedCode: string, cls: InstrumentClass, onBoard: boolean): void {
    const volume = ev.totalVolume - prev.totalVolume;
    // HOSE stamps an auction's match at the window's end (09:15:00, 14:45:00), when the clock
    // already says the next phase: the feed's own session field is the truth when present.
    const phase = ev.session ?? this.phaseOf(ev.timeMs, cls);
    const sideBy: SideSource = ev.aggressor ? 'feed' : 'book';
    const side = ev.aggressor ?? classifyTrade(ev.last, bestBid(prev), bestAsk(prev), phase);
    // Futures trades go to the trade log only: the board's flow split is for stocks.
    if (onBoard) this.flows.add(ev.symbol, phase, side, volume, volume * ev.last);
    this.accepted++;
    const trade: ClassifiedTrade = { symbol: ev.symbol, feedCode, timeMs: ev.timeMs, price: ev.last, volume, side, sideBy, phase };
    if (this.trades.length < this.tradeBufferLimit) this.trades.push(trade);
    else this.dropped++;
    this.onTrade?.(trade);
  }

  private applyForeign(ev: ForeignEvent): boolean {
    const slot = this.slotBySymbol.get(ev.symbol);
    if (!slot || !this.enterSession(ev.timeMs)) return false;
    this.touch(ev.timeMs);
    this.foreign.apply(ev);
    this.foreignVersion++;
    this.touchSlot(slot, ev.timeMs);
    return true;
  }

  private applyStatus(ev: StatusEvent): boolean {
    const slot = this.slotBySymbol.get(ev.symbol);
    if (!slot || !this.enterSession(ev.timeMs)) return false;
    this.touch(ev.timeMs);
    if (this.marks.applyStatus(ev)) this.touchSlot(slot, ev.timeMs);
    return true;
  }

  private applyIndex(ev: IndexEvent): boolean {
    if (!this.indices.tracks(ev.id) || !this.enterSession(ev.timeMs)) return false;
    this.touch(ev.timeMs);
    this.indices.apply(ev);
    this.bumpIndex(ev.id);
    return true;
  }

  /**
   * Moves to the session of `timeMs`: crossing 15:05 local starts a new session, whose
   * data is reset BEFORE the event is applied. False for an event of an older session.
   */
  private enterSession(timeMs: number): boolean {
    if (timeMs >= this.sessStartMs && timeMs < this.sessEndMs) return true;
    const key = sessionKey(timeMs);
    if (this.sessKey !== undefined && key < this.sessKey) return false;
    if (this.sessKey !== undefined && key !== this.sessKey) this.resetSession();
    this.sessKey = key;
    // The session keyed D runs from 15:05 on the day before D to 15:05 on D (no DST in Vietnam).
    this.sessEndMs = localTimeToMs(key, '15:05');
    this.sessStartMs = this.sessEndMs - DAY_MS;
    return true;
  }

  private touch(timeMs: number): void {
    if (timeMs > this.marketTimeMs) this.marketTimeMs = timeMs;
  }

  private touchSlot(slot: SymbolSlot, timeMs: number): void {
    slot.version++;
    if (timeMs > slot.updatedAtMs) slot.updatedAtMs = timeMs;
  }

  private bumpIndex(id: string): void {
    this.indexVersion.set(id, (this.indexVersion.get(id) ?? 0) + 1);
  }

  // ---- snapshot parts ----------------------------------------------------------------

  /** tradingDate() formats a Date: do it once per local day, not per frame. */
  private tradingDateOf(t: number): string {
    const c = this.dayCache;
    if (t < c.startMs || t >= c.endMs) {
      const start = Math.floor((t + VN_OFFSET_MS) / DAY_MS) * DAY_MS - VN_OFFSET_MS;
      this.dayCache = { startMs: start, endMs: start + DAY_MS, date: tradingDate(t) };
    }
    return this.dayCache.date;
  }

  /** Phases change only on whole local minutes. */
  private phaseOf(t: number, cls: InstrumentClass): MarketPhase {
    const minute = Math.floor(t / MINUTE_MS);
    const c = this.phaseCache[cls];
    if (minute !== c.minute) {
      c.minute = minute;
      c.phase = phaseAt(t, cls);
    }
    return c.phase;
  }

  private symbolState(slot: SymbolSlot, second: number): SymbolStateProps {
    const built = slot.built;
    if (built && slot.builtVersion === slot.version) {
      if (slot.builtSecond === second) return built;
      // Only the foreign speed and acceleration move with the clock alone.
      slot.builtSecond = second;
      const f = this.foreign.stateAt(slot.symbol, this.marketTimeMs);
      const old = built.foreign!;
      if (f.speedPerMinute === old.speedPerMinute && f.acceleration === old.acceleration) return built;
      return (slot.built = { ...built, foreign: f });
    }
    const q = this.quotes.get(slot.symbol);
    const flow = this.flows.get(slot.symbol);
    const projection = this.marks.projection(slot.symbol);
    const last = q?.last ?? 0;
    const reference = q?.reference ?? 0;
    const change = last > 0 ? last - reference : 0;
    const state: SymbolStateProps = {
      symbol: slot.symbol,
      lastPrice: last,
      lastVolume: q?.lastVolume ?? 0,
      change,
      changePct: last > 0 ? percentOf(change, reference) : 0,
      reference,
      ceiling: q?.ceiling ?? 0,
      floor: q?.floor ?? 0,
      open: q?.open ?? 0,
      high: q?.high ?? 0,
      low: q?.low ?? 0,
      bids: levels(q?.bids),
      asks: levels(q?.asks),
      totalVolume: q?.totalVolume ?? 0,
      totalValue: q?.totalValue ?? 0,
      ato: flowCopy(flow?.ato),
      continuous: flowCopy(flow?.continuous),
      atc: flowCopy(flow?.atc),
      foreign: this.foreign.stateAt(slot.symbol, this.marketTimeMs),
      updatedAtMs: slot.updatedAtMs,
      status: this.marks.status(slot.symbol),
      projectedPrice: projection?.price ?? 0,
      projectedVolume: projection?.volume ?? 0,
    };
    slot.built = state;
    slot.builtVersion = slot.version;
    slot.builtSecond = second;
    return state;
  }

  private indexState(id: string): IndexStateProps | undefined {
    const version = this.indexVersion.get(id);
    if (version === undefined) return undefined;
    // VN30's breadth may come from the basket's quotes, so they key its cache too.
    const key = id === BASKET_INDEX ? `${version}:${this.quotesVersion}` : `${version}`;
    const c = this.indexCache.get(id);
    if (c?.key === key) return c.value;
    const fallback = id === BASKET_INDEX ? breadthOfQuotes(this.basketQuotes()) : undefined;
    const value = this.indices.state(id, fallback);
    if (!value) return undefined;
    this.indexCache.set(id, { key, value });
    return value;
  }

  private *basketQuotes(): Iterable<QuoteEvent | undefined> {
    for (const s of this.slots) yield this.quotes.get(s.symbol);
  }

  private foreignSummary(): ForeignSummaryProps {
    const key = `${this.foreignVersion}`;
    if (this.foreignCache?.key !== key) this.foreignCache = { key, value: this.foreign.summary() };
    return this.foreignCache.value;
  }

  /**
   * The basis of the contract the board shows (the same choice as the snapshot's
   * `derivatives`), or undefined while the contract or VN30 has no price yet.
   */
  basisPoint(): BasisPoint | undefined {
    const d = this.derivatives(this.marketTimeMs > 0 ? this.tradingDateOf(this.marketTimeMs) : '');
    const spot = this.indices.value(BASKET_INDEX);
    if (!(d.last! > 0) || !(spot > 0)) return undefined;
    return { contract: d.symbol!, feedCode: d.feedCode!, futures: d.last!, spot, basis: d.basis!, basisPct: d.basisPct! };
  }

  private derivatives(date: string): DerivativesProps {
    const key = `${this.futuresVersion}:${this.indexVersion.get(BASKET_INDEX) ?? 0}:${date}`;
    if (this.derivativesCache?.key === key) return this.derivativesCache.value;
    const front = date ? this.frontContract(date) : undefined;
    const value = this.futures.state(front?.symbol, front?.expiryDate ?? '', this.indices.value(BASKET_INDEX));
    this.derivativesCache = { key, value };
    return value;
  }

  private frontContract(date: string): FuturesContract {
    if (this.frontCache?.date !== date) this.frontCache = { date, contract: frontMonthContract(date) };
    return this.frontCache.contract;
  }
}

function levels(src: readonly { price: number; volume: number }[] | undefined): { price: number; volume: number }[] {
  if (!src) return [];
  const n = Math.min(src.length, MAX_LEVELS);
  const out = new Array<{ price: number; volume: number }>(n);
  for (let i = 0; i < n; i++) out[i] = { price: src[i]!.price, volume: src[i]!.volume };
  return out;
}

function flowCopy(f: FlowTotals | undefined): FlowTotals {
  return f ? { ...f } : emptyFlow();
}
