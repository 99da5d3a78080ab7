// VN30 index futures calendar: expiry days, the front month, the listed contracts, and
// the two code schemes a contract goes by.
//
// Codes: the familiar VN30FYYMM (the display name everywhere in boardcast) and the KRX-era
// code the exchange has listed new contracts under since its KRX trading system went
// live: "41I1" + a year letter + a month character + "000", e.g. 41I1F8000 = August 2025,
// 41I1G6000 = June 2026. Year letters: A = 2020 … F = 2025, G = 2026, H = 2027; beyond
// that the letters I, O and U are skipped as in KRX's own code tables (2028 = J) — an
// assumption until such a contract is listed. Months: 1–9, then A, B, C for Oct–Dec.
//
// HNX rule: the last trading day is the third Thursday of the contract month; when that
// day is not a trading day it moves to the previous trading day. The front month is the
// month's contract up to and including its expiry day, then the next month's.
// (Not the last Thursday, as is sometimes said: HNX's contract specification names the third.)
import { isTradingDay } from './calendar.js';

export const FUTURES_PREFIX = 'VN30F';
const DAY_MS = 86_400_000;

export const KRX_FUTURES_PREFIX = '41I1';

export interface FuturesContract {
  /** The display name, VN30FYYMM. */
  symbol: string;
  /** The KRX-era code of the same contract (41I1…000). */
  krxCode: string;
  /** Last trading day, YYYY-MM-DD. */
  expiryDate: string;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** Last trading day of the contract of `month` (1–12) of `year`. */
export function expiryDate(year: number, month: number): string {
  const first = Date.UTC(year, month - 1, 1);
  const firstWd = new Date(first).getUTCDay();
  // Thursday is weekday 4; the first Thursday is 0–6 days after the 1st.
  const thirdThursday = first + (((4 - firstWd + 7) % 7) + 14) * DAY_MS;
  let t = thirdThursday;
  while (!isTradingDay(isoDay(t))) t -= DAY_MS;
  return isoDay(t);
}

/** VN30F + YYMM. */
export function contractSymbol(year: number, month: number): string {
  return `${FUTURES_PREFIX}${pad2(year % 100)}${pad2(month)}`;
}

const KRX_YEAR_LETTERS = 'ABCDEFGHJKLMNPQRSTVWXYZ';
const KRX_BASE_YEAR = 2020;
const KRX_MONTHS = '123456789ABC';
const KRX_RE = /^41I1([A-Z])([1-9ABC])000$/;
const CLASSIC_RE = /^VN30F(\d{2})(\d{2})$/;

/** The KRX-era code of the contract of `month` (1–12) of `year` (2020–2042). */
export function krxCode(year: number, month: number): string {
  const letter = KRX_YEAR_LETTERS[year - KRX_BASE_YEAR];
  if (!letter || !(month >= 1 && month <= 12)) throw new RangeError(`no KRX futures code for ${year}-${month}`);
  return `${KRX_FUTURES_PREFIX}${letter}${KRX_MONTHS[month - 1]}000`;
}

/** Year and month of a contract in either scheme (VN30FYYMM or 41I1…000); undefined for anything else. */
export function parseContract(code: string): { year: number; month: number } | undefined {
  const c = CLASSIC_RE.exec(code);
  if (c) {
    const month = Number(c[2]);
    return month >= 1 && month <= 12 ? { year: 2000 + Number(c[1]), month } : undefined;
  }
  const k = KRX_RE.exec(code);
  if (!k) return undefined;
  const y = KRX_YEAR_LETTERS.indexOf(k[1]!);
  return y < 0 ? undefined : { year: KRX_BASE_YEAR + y, month: KRX_MONTHS.indexOf(k[2]!) + 1 };
}

/** The VN30FYYMM display name of a contract code in either scheme; undefined when it is not one. */
export function displaySymbol(code: string): string | undefined {
  const c = parseContract(code);
  return c ? contractSymbol(c.year, c.month) : undefined;
}

/** A VN30 futures symbol in either scheme (anything starting VN30F, or a KRX-era code). */
export function isFuturesSymbol(symbol: string): boolean {
  return symbol.startsWith(FUTURES_PREFIX) || KRX_RE.test(symbol);
}

function contract(year: number, month: number): FuturesContract {
  return { symbol: contractSymbol(year, month), krxCode: krxCode(year, month), expiryDate: expiryDate(year, month) };
}

function nextMonth(year: number, month: number): [number, number] {
  return month === 12 ? [year + 1, 1] : [year, month + 1];
}

function frontMonth(date: string): [number, number] {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  // ISO dates compare correctly as strings; on expiry day the contract still trades.
  return date <= expiryDate(year, month) ? [year, month] : nextMonth(year, month);
}

/** The contract trading as the front month on `tradingDate` (YYYY-MM-DD). */
export function frontMonthContract(tradingDate: string): FuturesContract {
  const [y, m] = frontMonth(tradingDate);
  return contract(y, m);
}

/**
 * The listed contracts on `tradingDate`, nearest first, as HNX lists them: the two serial
 * months (front and next) then the two quarter months (Mar/Jun/Sep/Dec) after those.
 * Asking for more than 4 continues with further quarter months.
 */
export function activeContracts(tradingDate: string, n = 4): FuturesContract[] {
  let [y, m] = frontMonth(tradingDate);
  const out: FuturesContract[] = [];
  for (let i = 0; i < 2 && out.length < n; i++) {
    out.push(contract(y, m));
    [y, m] = nextMonth(y, m);
  }
  while (out.length < n) {
    if (m % 3 === 0) out.push(contract(y, m));
    [y, m] = nextMonth(y, m);
  }
  return out;
}
