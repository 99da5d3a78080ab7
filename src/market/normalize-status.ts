// SSI FastConnect "F" (security status): one symbol's TradingSession and TradingStatus.
//
//   F  Symbol TradingDate Time [MarketId Exchange] TradingSession TradingStatus
//
// TradingSession: ATO, LO, ATC, PT, C (closed), BREAK (lunch), HALT. TradingStatus, as
// FastConnect documents it: N normal, H halted intraday, S suspended, SA matching
// suspended, SP put-through suspended (matching goes on), D delisted, NL newly listed,
// ND near delisting, ST special trading. Derivatives have been seen with "Active".
// A code not in this table maps to 'unknown' (the board then shows no status rather than a
// guess); TradingSession HALT means halted whatever TradingStatus says. At least one of
// the two fields must be present. FastConnect's published example writes Time with
// spaces ("15: 00: 16"); they are dropped before the time is read.
import type { StatusEvent, TradingStatus } from './events.js';
import { reject, symbol, when, type TradingDates } from './normalize-fields.js';

const STATUS_CODES: Readonly<Record<string, TradingStatus>> = {
  N: 'normal',
  NL: 'normal',
  ND: 'normal',
  SP: 'normal',
  ACTIVE: 'normal',
  NORMAL: 'normal',
  H: 'halted',
  HALT: 'halted',
  S: 'suspended',
  SA: 'suspended',
  SUSPENDED: 'suspended',
  D: 'delisted',
  ST: 'special',
};

const CODE_RE = /^[A-Z0-9_]{1,20}$/;

function code(msg: Record<string, unknown>, key: string): string {
  const v = msg[key];
  if (v === undefined || v === null || v === '') return '';
  if (typeof v !== 'string') reject('F', key, 'bad_format', v);
  const c = v.trim().toUpperCase();
  if (c !== '' && !CODE_RE.test(c)) reject('F', key, 'bad_format', v);
  return c;
}

export function statusOf(rawStatus: string, session: string): TradingStatus {
  if (session === 'HALT') return 'halted';
  return Object.hasOwn(STATUS_CODES, rawStatus) ? STATUS_CODES[rawStatus]! : 'unknown';
}

export function normalizeStatus(msg: Record<string, unknown>, dates: TradingDates): StatusEvent {
  const sym = symbol('F', msg);
  const t = msg.Time;
  const timed = typeof t === 'string' && /\s/.test(t) ? { ...msg, Time: t.replace(/\s+/g, '') } : msg;
  const { tradingDate, timeMs } = when('F', timed, dates);
  const rawStatus = code(msg, 'TradingStatus');
  const session = code(msg, 'TradingSession');
  if (rawStatus === '' && session === '') reject('F', 'TradingStatus', 'missing');
  return { type: 'status', symbol: sym, timeMs, tradingDate, status: statusOf(rawStatus, session), session, rawStatus };
}
