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
import { isMissing, LIMITS, MARKET_ORDER_PRICES, num, reject, symbol, TradingDates, when, type Msg } from './normalize-fields.js';
import type { FeedEvent, ForeignEvent, IndexEvent, PriceLevel, QuoteEvent } from './events.js';
import { aggressorSide, INDEX_FEED_ALIASES, sessionPhase } from './rules/feed-codes.js';
import { auctionFields } from './normalize-auction.js';
import { normalizeStatus } from './normalize-status.js';

// The readers' public names, for the normalizer's callers and tests.
export { parseTime, parseTradingDate, type RejectReason } from './normalize-fields.js';

/** The RTypes the normalizer understands. */
export const KNOWN_RTYPES = ['X', 'R', 'MI', 'F'] as const;
export type KnownRType = (typeof KNOWN_RTYPES)[number];

// Hyphens: the board indices' names (HNX-INDEX, UPCOM-INDEX, src/market/rules/universe.ts).
const INDEX_ID_RE = /^[A-Za-z0-9-]{1,20}$/;

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
