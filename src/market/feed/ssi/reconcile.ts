// What the SSI adapter reconciles between its REST answers and its stream, as pure functions
// and one small ledger (no I/O, no timers): the board's basket from the REST VN30 list, the
// futures codes to subscribe given the feed's derivatives list, the channel list, and the
// foreign-flow snapshot turned into R messages that never step behind the stream.
import { activeContracts, type FuturesContract } from '../../rules/futures.js';
import { VN_OFFSET_MS } from '../../rules/session.js';
import type { RawFeedMessage } from '../feed.js';
import type { DailyStockPriceRow } from './rest-client.js';

export const FUTURES_CODE_SCHEMES = ['auto', 'classic', 'krx'] as const;
export type FuturesCodeScheme = (typeof FUTURES_CODE_SCHEMES)[number];

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export interface VnClock {
  /** YYYY-MM-DD */
  iso: string;
  /** dd/mm/yyyy, as SSI writes dates */
  dmy: string;
  /** HH:MM:SS */
  time: string;
}

/** Local (Asia/Ho_Chi_Minh) date as YYYY-MM-DD and dd/mm/yyyy, and time HH:MM:SS. */
export function vnClock(ms: number): VnClock {
  const d = new Date(ms + VN_OFFSET_MS);
  const [y, m, day] = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()];
  return { iso: `${y}-${pad2(m)}-${pad2(day)}`, dmy: `${pad2(day)}/${pad2(m)}/${y}`, time: `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}` };
}

/** dd/mm/yyyy or yyyy-mm-dd (optionally with a time part) → YYYY-MM-DD; '' when unreadable. */
export function isoDay(s: unknown): string {
  if (typeof s !== 'string') return '';
  let m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})/.exec(s.trim());
  if (m) return `${m[3]}-${pad2(Number(m[2]))}-${pad2(Number(m[1]))}`;
  m = /^(\d{4})-(\d{2})-(\d{2})/.exec(s.trim());
  return m ? `${m[1]}-${m[2]}-${m[3]}` : '';
}

const toNum = (v: unknown): number => (typeof v === 'number' ? v : typeof v === 'string' && v.trim() !== '' ? Number(v) : NaN);

/** The board's basket: the REST VN30 list when there is one, else the fallback; then the extras; no duplicates, in order. */
export function boardBasket(restVn30: readonly string[], fallback: readonly string[], extras: readonly string[]): string[] {
  return [...new Set([...(restVn30.length > 0 ? restVn30 : fallback), ...extras])];
}

/** The board's basket over a wider universe: `base` (VN30 and the extras) first, then each market's listed stocks in order. */
export function universeBasket(base: readonly string[], listed: ReadonlyMap<string, readonly string[]>): string[] {
  return [...new Set([...base, ...[...listed.values()].flat()])];
}

/**
 * The codes to subscribe a contract under: the scheme's, or with `auto` the form(s) the
 * feed lists (`listed`, its derivatives list; undefined when it could not be had) — both
 * forms when the list is unknown or names neither, so no quote is missed either way.
 */
export function subscriptionCodes(c: FuturesContract, scheme: FuturesCodeScheme, listed: ReadonlySet<string> | undefined): string[] {
  if (scheme === 'classic') return [c.symbol];
  if (scheme === 'krx') return [c.krxCode];
  const found = listed ? [c.krxCode, c.symbol].filter((code) => listed.has(code)) : [];
  return found.length > 0 ? found : [c.krxCode, c.symbol];
}

/** The futures codes to subscribe on `date` (YYYY-MM-DD): the override, or the front month and the next in the scheme. */
export function futuresCodes(date: string, scheme: FuturesCodeScheme, listed: ReadonlySet<string> | undefined, override: readonly string[] = []): string[] {
  if (override.length > 0) return [...override];
  return activeContracts(date, 2).flatMap((c) => subscriptionCodes(c, scheme, listed));
}

/** The channels of a session: F, R and MI, then X (the busiest) last — see ssi-feed.ts. */
export function channelList(board: readonly string[], vn30: readonly string[], indexIds: readonly string[], futures: readonly string[], whole = false): string[] {
  // The whole market: FastConnect's ALL subscriptions rather than a 1,600-name list (the
  // processor drops what is not on the board).
  if (whole) return ['F:ALL', 'R:ALL', `MI:${indexIds.join('-')}`, 'X:ALL'];
  const stocks = [...new Set([...board, ...vn30])];
  return [`F:${stocks.join('-')}`, `R:${stocks.join('-')}`, `MI:${indexIds.join('-')}`, `X:${[...stocks, ...futures].join('-')}`];
}

interface ForeignTotals {
  buyVol: number;
  sellVol: number;
  buyVal: number;
  sellVal: number;
}

/**
 * What the stream has delivered that a REST snapshot must not contradict: each symbol's
 * last cumulative foreign totals, and the market date and time of the last message.
 */
export class StreamLedger {
  private readonly foreign = new Map<string, ForeignTotals>();
  private lastMarket: { date: string; time: string } | undefined;

  /** A message on its way to the normalizer (a stream message, or a reconciled one). */
  observe(raw: RawFeedMessage): void {
    if (typeof raw.TradingDate === 'string' && typeof raw.Time === 'string') this.lastMarket = { date: raw.TradingDate, time: raw.Time };
    if (raw.RType === 'R' && typeof raw.Symbol === 'string') {
      const t: ForeignTotals = { buyVol: toNum(raw.BuyVol), sellVol: toNum(raw.SellVol), buyVal: toNum(raw.BuyVal), sellVal: toNum(raw.SellVal) };
      if ([t.buyVol, t.sellVol, t.buyVal, t.sellVal].every(Number.isFinite)) this.foreign.set(raw.Symbol, t);
    }
  }

  /**
   * Today's cumulative foreign totals from Market/DailyStockPrice rows as R messages. Rows
   * of another day, of symbols not `tracked`, with unusable figures, or behind what the
   * stream already delivered (the REST data lags) are skipped. The messages are stamped
   * with the stream's own clock when it has spoken today, so the processor sees them in
   * order with the stream's messages; otherwise with the wall clock.
   */
  foreignSnapshot(rows: readonly DailyStockPriceRow[], tracked: ReadonlySet<string>, clock: VnClock): RawFeedMessage[] {
    const marketTime = this.lastMarket && isoDay(this.lastMarket.date) === clock.iso ? this.lastMarket.time : clock.time;
    const out: RawFeedMessage[] = [];
    for (const row of rows) {
      const sym = typeof row.Symbol === 'string' ? row.Symbol.trim().toUpperCase() : '';
      if (!tracked.has(sym) || isoDay(row.TradingDate) !== clock.iso) continue;
      const t: ForeignTotals = { buyVol: toNum(row.ForeignBuyVolTotal), sellVol: toNum(row.ForeignSellVolTotal), buyVal: toNum(row.ForeignBuyValTotal), sellVal: toNum(row.ForeignSellValTotal) };
      if (![t.buyVol, t.sellVol, t.buyVal, t.sellVal].every((n) => Number.isFinite(n) && n >= 0)) continue;
      const last = this.foreign.get(sym);
      if (last && (t.buyVol < last.buyVol || t.sellVol < last.sellVol || t.buyVal < last.buyVal || t.sellVal < last.sellVal)) continue;
      this.foreign.set(sym, t);
      out.push({
        RType: 'R',
        Symbol: sym,
        TradingDate: clock.dmy,
        Time: marketTime,
        BuyVol: t.buyVol,
        SellVol: t.sellVol,
        BuyVal: t.buyVal,
        SellVal: t.sellVal,
        ...(row.ForeignCurrentRoom !== undefined && row.ForeignCurrentRoom !== '' ? { CurrentRoom: row.ForeignCurrentRoom } : {}),
      });
    }
    return out;
  }
}
