// The field readers every part of the normalizer shares (normalizer.ts, normalize-auction.ts,
// normalize-status.ts): a reason-coded rejection, numbers, symbols, trading dates and times.
// They are a leaf the three import, so none of them imports another's caller.
import { FeedMessageError } from '../errors.js';
import { localTimeToMs } from './rules/session.js';

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
const NUMERIC_RE = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const DMY_RE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/;
const YMD_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME_RE = /^(\d{1,2}):(\d{2})(?::(\d{2}))?$/;
/** Market-order markers some feeds put in a level's price during auctions: no limit price. */
export const MARKET_ORDER_PRICES = new Set(['ATO', 'ATC', 'MP', 'MOK', 'MAK', 'MTL']);

export type Msg = Record<string, unknown>;

export function reject(rtype: string, field: string, reason: RejectReason, value?: unknown): never {
  const shown = typeof value === 'string' ? JSON.stringify(value.length > 40 ? `${value.slice(0, 40)}…` : value) : typeof value === 'number' ? String(value) : typeof value;
  const where = rtype ? `${rtype}.${field}` : field;
  throw new FeedMessageError(`${where}: ${reason}${value === undefined ? '' : ` (${shown})`}`, { rtype, field, reason });
}

export function isMissing(v: unknown): boolean {
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
