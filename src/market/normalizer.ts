// The normalizer: SSI FastConnect Data v2 message objects (the parsed `Content` of the
// hub's Broadcast envelope) → typed FeedEvents, validated field by field.
//
// Units (see src/market/events.ts, the one place they are defined): stock prices are VND
// as SSI v2 sends them (e.g. 95300); futures prices and index values are index points
// (e.g. 1342.5); volumes are shares (stocks) or contracts (futures); values are VND.
// Times become ms since the Unix epoch from the local Asia/Ho_Chi_Minh TradingDate + Time;
// trading dates become YYYY-MM-DD.
//
// Input shapes, by `RType`:
//   X  trade + quote   Symbol TradingDate Time Ceiling Floor RefPrice [Open] High|Highest
//                      Low|Lowest LastPrice [LastVol] TotalVol [TotalVal]
//                      [BidPrice1..3 BidVol1..3 AskPrice1..3 AskVol1..3] (deeper levels ignored)
//                      [TradingSession ATO|LO|ATC|PT|C] [Side BU|SD] (unknown codes: absent)
//   R  foreign flow    Symbol TradingDate Time BuyVol SellVol BuyVal SellVal [TotalRoom CurrentRoom]
//   MI index           IndexId IndexValue PriorIndexValue TradingDate Time TotalQtty|AllQty
//                      TotalValue|AllValue [Advances Declines NoChanges Ceilings Floors]
//   F  security status Symbol TradingDate Time TradingStatus|TradingSession (normalize-status.ts)
// X may also carry EstMatchedPrice and TradingSession (normalize-auction.ts).
// Numbers may be numbers or numeric strings; an empty string (or null, for an optional
// field) is 0. `normalize` throws a FeedMessageError naming the field and a reason code;
// `Normalizer` wraps it with counters and never throws.
import { FeedMessageError } from '../errors.js';
import type { FeedEvent, ForeignEvent, IndexEvent, PriceLevel, QuoteEvent } from './events.js';
import { aggressorSide, INDEX_FEED_ALIASES, sessionPhase } from './rules/feed-codes.js';
import { localTimeToMs } from './rules/session.js';
import { auctionFields } from './normalize-auction.js';
import { normalizeStatus } from './normalize-status.js';

/** Why a message was rejected: the stable reason codes counted by Normalizer. */
export type RejectReason =
  | 'not_an_object'
  | 'missing'
  | 'bad_format'
  | 'not_a_number'
  | 'not_finite'
  | 'negative'
  | 'out_of_range'
  | 'bad_symbol'
  | 'bad_date'
  | 'bad_time'
  | 'unknown_type';

/** The RTypes the normalizer understands. */
export const KNOWN_RTYPES = ['X', 'R', 'MI', 'F'] as const;
export type KnownRType = (typeof KNOWN_RTYPES)[number];

/** Upper bounds that no sane message exceeds (prices in VND or points, volumes, values). */
export const LIMITS = {
  /** Stock prices in VND and futures prices in points both stay far below this. */
  maxPrice: 10_000_000,
  maxIndex: 100_000,
  maxVolume: 1e12,
  maxValue: 1e16,
  maxCount: 10_000,
} as const;

const SYMBOL_RE = /^[A-Z0-9]{1,20}$/;
// Hyphens: the board indices' names (HNX-INDEX, UPCOM-INDEX, src/market/rules/universe.ts).
const INDEX_ID_RE = /^[A-Za-z0-9-]{1,20}$/;
const NUMERIC_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DMY_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const YMD_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
/** Market-order markers some feeds put in a level's price during auctions: no limit price. */
export const MARKET_ORDER_PRICES = new Set(['ATO', 'ATC', 'MP', 'MOK', 'MAK', 'MTL']);

type Msg = Record<string, unknown>;

export function reject(rtype: string, field: string, reason: RejectReason, value?: unknown): never {
  const shown = typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : typeof value === 'number' ? String(value) : typeof value;
  const where = rtype ? `${rtype}.${field}` : field;
  throw new FeedMessageError(`${where}: ${reason}${value === undefined ? '' : ` (${shown})`}`, { rtype, field, reason });
}

function isMissing(v: unknown): boolean {
  return v === undefined || v === null;
}

/** The first present key among alternatives (e.g. High / Highest). */
function pick(msg: Msg, keys: readonly string[]): { key: string; value: unknown } {
  for (const k of keys) if (!isMissing(msg[k])) return { key: k, value: msg[k] };
  return { key: keys[0]!, value: undefined };
}

interface NumOpts {
  required?: boolean;
  max?: number;
}

/** A finite, non-negative number from a number or numeric string; '' is 0. */
export function num(rtype: string, msg: Msg, keys: string | readonly string[], opts: NumOpts = {}): number {
  const { key, value } = pick(msg, typeof keys === 'string' ? [keys] : keys);
  if (isMissing(value)) {
    if (opts.required) reject(rtype, key, 'missing');
    return 0;
  }
  let n: number;
  if (typeof value === 'number') n = value;
  else if (typeof value === 'string') {
    const s = value.trim();
    if (s === '') n = 0;
    else if (NUMERIC_RE.test(s)) n = Number(s);
    else reject(rtype, key, 'not_a_number', value);
  } else reject(rtype, key, 'not_a_number', value);
  if (!Number.isFinite(n)) reject(rtype, key, 'not_finite', n);
  if (n < 0) reject(rtype, key, 'negative', n);
  if (opts.max !== undefined && n > opts.max) reject(rtype, key, 'out_of_range', n);
  return n === 0 ? 0 : n; // no -0
}

function str(rtype: string, msg: Msg, key: string): string {
  const v = msg[key];
  if (isMissing(v) || v === '') reject(rtype, key, 'missing');
  if (typeof v !== 'string') reject(rtype, key, 'bad_format', v);
  return v.trim();
}

export function symbol(rtype: string, msg: Msg, key = 'Symbol', re = SYMBOL_RE): string {
  const s = str(rtype, msg, key);
  if (!re.test(s)) reject(rtype, key, 'bad_symbol', s);
  return s;
}

function pad2(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** "dd/mm/yyyy" (SSI) or "yyyy-mm-dd" → "yyyy-mm-dd", checked to be a real calendar day. */
export function parseTradingDate(s: string): string | undefined {
  let d: number, m: number, y: number;
  const dmy = DMY_RE.exec(s);
  if (dmy) [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
  else {
    const ymd = YMD_RE.exec(s);
    if (!ymd) return undefined;
    [y, m, d] = [Number(ymd[1]), Number(ymd[2]), Number(ymd[3])];
  }
  if (y < 2000 || y > 2100 || m < 1 || m > 12 || d < 1) return undefined;
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  if (d > daysInMonth) return undefined;
  return `${y}-${pad2(m)}-${pad2(d)}`;
}

/** "HH:MM[:SS]" → "HH:MM:SS" when it is a real time of day. */
export function parseTime(s: string): string | undefined {
  const t = TIME_RE.exec(s);
  if (!t) return undefined;
  const h = Number(t[1]);
  const mi = Number(t[2]);
  const se = t[3] === undefined ? 0 : Number(t[3]);
  if (h > 23 || mi > 59 || se > 59) return undefined;
  return `${pad2(h)}:${pad2(mi)}:${pad2(se)}`;
}

/**
 * Messages of a session share one TradingDate: the last one parsed is remembered, per
 * normalizer (two feeds in one process, or two tests, never share it).
 */
export class TradingDates {
  private raw = '';
  date = '';
  midnight = 0;

  /** Parses `rawDate` unless it is the last one seen; rejects a bad one (the cache is unchanged). */
  set(rtype: string, rawDate: string): void {
    if (rawDate === this.raw) return;
    const parsed = parseTradingDate(rawDate);
    if (!parsed) reject(rtype, 'TradingDate', 'bad_date', rawDate);
    this.raw = rawDate;
    this.date = parsed;
    this.midnight = localTimeToMs(parsed, '00:00:00');
  }
}

export function when(rtype: string, msg: Msg, dates: TradingDates): { tradingDate: string; timeMs: number } {
  dates.set(rtype, str(rtype, msg, 'TradingDate'));
  const rawTime = str(rtype, msg, 'Time');
  const t = TIME_RE.exec(rawTime);
  const h = t ? Number(t[1]) : NaN;
  const mi = t ? Number(t[2]) : NaN;
  const se = t?.[3] === undefined ? 0 : Number(t[3]);
  if (!t || h > 23 || mi > 59 || se > 59) reject(rtype, 'Time', 'bad_time', rawTime);
  return { tradingDate: dates.date, timeMs: dates.midnight + (h * 3600 + mi * 60 + se) * 1000 };
}

/** A book level's price: like num, but a market-order marker (ATO/ATC/...) means "no price". */
function levelPrice(msg: Msg, key: string): number {
  const v = msg[key];
  if (typeof v === 'string' && MARKET_ORDER_PRICES.has(v.trim().toUpperCase())) return 0;
  return num('X', msg, key, { max: LIMITS.maxPrice });
}

function levels(msg: Msg, side: 'Bid' | 'Ask'): PriceLevel[] {
  const out: PriceLevel[] = [];
  for (let i = 1; i <= 3; i++) {
    const price = levelPrice(msg, `${side}Price${i}`);
    const volume = num('X', msg, `${side}Vol${i}`, { max: LIMITS.maxVolume });
    if (price > 0) out.push({ price, volume });
  }
  return out;
}

function normalizeQuote(msg: Msg, dates: TradingDates): QuoteEvent {
  const sym = symbol('X', msg);
  const { tradingDate, timeMs } = when('X', msg, dates);
  const price = (keys: string | readonly string[], required = false) => num('X', msg, keys, { required, max: LIMITS.maxPrice });
  const vol = (keys: string, required = false) => num('X', msg, keys, { required, max: LIMITS.maxVolume });
  return {
    type: 'quote',
    symbol: sym,
    timeMs,
    tradingDate,
    reference: price('RefPrice', true),
    ceiling: price('Ceiling', true),
    floor: price('Floor', true),
    open: price('Open'),
    high: price(['High', 'Highest']),
    low: price(['Low', 'Lowest']),
    last: price('LastPrice', true),
    lastVolume: vol('LastVol'),
    totalVolume: vol('TotalVol', true),
    totalValue: num('X', msg, 'TotalVal', { max: LIMITS.maxValue }),
    bids: levels(msg, 'Bid'),
    asks: levels(msg, 'Ask'),
    ...auctionFields(msg),
    session: sessionPhase(msg.TradingSession),
    aggressor: aggressorSide(msg.Side),
  };
}

function normalizeForeign(msg: Msg, dates: TradingDates): ForeignEvent {
  const sym = symbol('R', msg);
  const { tradingDate, timeMs } = when('R', msg, dates);
  const vol = (k: string, required = true) => num('R', msg, k, { required, max: LIMITS.maxVolume });
  const val = (k: string) => num('R', msg, k, { required: true, max: LIMITS.maxValue });
  return {
    type: 'foreign',
    symbol: sym,
    timeMs,
    tradingDate,
    buyVolume: vol('BuyVol'),
    sellVolume: vol('SellVol'),
    buyValue: val('BuyVal'),
    sellValue: val('SellVal'),
    totalRoom: vol('TotalRoom', false),
    currentRoom: vol('CurrentRoom', false),
  };
}

function normalizeIndex(msg: Msg, dates: TradingDates): IndexEvent {
  const feedId = symbol('MI', msg, 'IndexId', INDEX_ID_RE);
  const id = INDEX_FEED_ALIASES[feedId] ?? feedId;
  const { tradingDate, timeMs } = when('MI', msg, dates);
  const count = (k: string) => num('MI', msg, k, { max: LIMITS.maxCount });
  return {
    type: 'index',
    id,
    timeMs,
    tradingDate,
    value: num('MI', msg, 'IndexValue', { required: true, max: LIMITS.maxIndex }),
    priorValue: num('MI', msg, 'PriorIndexValue', { required: true, max: LIMITS.maxIndex }),
    totalVolume: num('MI', msg, ['TotalQtty', 'AllQty'], { max: LIMITS.maxVolume }),
    totalValue: num('MI', msg, ['TotalValue', 'AllValue'], { max: LIMITS.maxValue }),
    advances: count('Advances'),
    declines: count('Declines'),
    unchanged: count('NoChanges'),
    ceilings: count('Ceilings'),
    floors: count('Floors'),
  };
}

function isPlainObject(raw: unknown): raw is Msg {
  return typeof raw === 'object' && raw !== null && !Array.isArray(raw);
}

/**
 * One SSI message → one FeedEvent. Throws FeedMessageError for anything invalid, including
 * an RType this normalizer does not know (reason `unknown_type`, context.rtype set).
 */
export function normalize(raw: unknown, dates = new TradingDates()): FeedEvent {
  if (!isPlainObject(raw)) reject('', 'message', 'not_an_object', Array.isArray(raw) ? 'array' : raw === null ? 'null' : raw);
  // FastConnect's published F example spells the key "Rtype".
  const rtype = raw.RType ?? raw.Rtype;
  if (isMissing(rtype) || rtype === '') reject('', 'RType', 'missing');
  if (typeof rtype !== 'string') reject('', 'RType', 'bad_format', rtype);
  switch (rtype) {
    case 'X':
      return normalizeQuote(raw, dates);
    case 'R':
      return normalizeForeign(raw, dates);
    case 'MI':
      return normalizeIndex(raw, dates);
    case 'F':
      return normalizeStatus(raw, dates);
    default:
      throw new FeedMessageError(`RType ${JSON.stringify(rtype.slice(0, 20))}: unknown_type`, { rtype, field: 'RType', reason: 'unknown_type' });
  }
}

/** The reason code of a FeedMessageError raised by normalize, or 'internal' for anything else. */
export function rejectReason(err: unknown): string {
  if (err instanceof FeedMessageError && typeof err.context.reason === 'string') return err.context.reason;
  return 'internal';
}

export interface NormalizerCounters {
  accepted: number;
  /** Rejections by reason code (RejectReason, or 'internal' for a bug). */
  rejected: Record<string, number>;
  /** Messages of an RType the normalizer does not handle, by RType. Not errors. */
  unknownType: Record<string, number>;
}

export interface NormalizerOptions {
  /** Called for each rejected message (e.g. to log a sample). Exceptions from it are ignored. */
  onReject?: (err: FeedMessageError, raw: unknown) => void;
}

/** normalize with counters; never throws. */
export class Normalizer {
  accepted = 0;
  // Null-prototype maps: an RType like "__proto__" from upstream is just a key.
  readonly rejected: Record<string, number> = Object.create(null) as Record<string, number>;
  readonly unknownType: Record<string, number> = Object.create(null) as Record<string, number>;
  private readonly onReject?: NormalizerOptions['onReject'];
  private readonly dates = new TradingDates();

  constructor(opts: NormalizerOptions = {}) {
    this.onReject = opts.onReject;
  }

  /** The event, or undefined when the message was rejected or of an unknown RType. */
  accept(raw: unknown): FeedEvent | undefined {
    try {
      const ev = normalize(raw, this.dates);
      this.accepted++;
      return ev;
    } catch (err) {
      const reason = rejectReason(err);
      if (reason === 'unknown_type') {
        const rtype = String((err as FeedMessageError).context.rtype).slice(0, 20);
        this.unknownType[rtype] = (this.unknownType[rtype] ?? 0) + 1;
        return undefined;
      }
      this.rejected[reason] = (this.rejected[reason] ?? 0) + 1;
      if (this.onReject) {
        const e = err instanceof FeedMessageError ? err : new FeedMessageError(`internal: ${String((err as Error)?.message ?? err)}`, { reason: 'internal' }, { cause: err });
        try {
          this.onReject(e, raw);
        } catch {
          // a failing hook must not take the feed down; the rejection is counted above
        }
      }
      return undefined;
    }
  }

  /** Total rejected messages over all reasons. */
  get rejectedTotal(): number {
    let n = 0;
    for (const k in this.rejected) n += this.rejected[k]!;
    return n;
  }

  /** A copy of the counters (e.g. for metrics). */
  counters(): NormalizerCounters {
    return { accepted: this.accepted, rejected: { ...this.rejected }, unknownType: { ...this.unknownType } };
  }
}
