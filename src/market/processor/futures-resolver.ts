// VN30 index futures calendar: expiry days, the front month, the listed contracts.
//
// HNX rule: the last trading day is the third Thursday of the contract month; when that
// day is not a trading day it moves to the previous trading day. The front month is the
// month's contract up to and including its expiry day, then the next month's.
// (The original seed used "last Thursday": that is wrong, see DESIGN.md §3.)

/**
 * Weekday exchange holidays (HOSE/HNX closed), YYYY-MM-DD, Asia/Ho_Chi_Minh.
 * Weekends are handled by the calendar itself. Sources:
 * - 2025: the exchanges' 2025 holiday notices: New Year 01/01; Tết Ất Tỵ 27/01–31/01;
 *   Hùng Kings 07/04; 30/04, 01/05 and the swapped day 02/05; National Day 01/09–02/09.
 * - 2026: HOSE notice of 09/12/2025 (VNX letter 1403/SGDVN-THHC of 28/11/2025):
 *   01/01; Tết Bính Ngọ 16/02–20/02; Hùng Kings (observed) 27/04; 30/04–01/05;
 *   National Day 31/08–02/09.
 * - 2027: NOT announced yet; derived from the Labour Code (art. 112) and the lunar
 *   calendar, to be replaced by the official notice: 01/01; Tết Đinh Mùi (06/02) 04/02–10/02;
 *   Hùng Kings 16/04 (10/3 lunar); 30/04 and 03/05 (01/05 falls on a Saturday);
 *   National Day 02/09–03/09. None of the provisional days is a third Thursday.
 */
export const EXCHANGE_HOLIDAYS: ReadonlySet<string> = new Set([
  '2025-01-01',
  '2025-01-27', '2025-01-28', '2025-01-29', '2025-01-30', '2025-01-31',
  '2025-04-07',
  '2025-04-30', '2025-05-01', '2025-05-02',
  '2025-09-01', '2025-09-02',
  '2026-01-01',
  '2026-02-16', '2026-02-17', '2026-02-18', '2026-02-19', '2026-02-20',
  '2026-04-27',
  '2026-04-30', '2026-05-01',
  '2026-08-31', '2026-09-01', '2026-09-02',
  '2027-01-01',
  '2027-02-04', '2027-02-05', '2027-02-08', '2027-02-09', '2027-02-10',
  '2027-04-16',
  '2027-04-30', '2027-05-03',
  '2027-09-02', '2027-09-03',
]);

export const FUTURES_PREFIX = 'VN30F';
const DAY_MS = 86_400_000;

export interface FuturesContract {
  symbol: string;
  /** Last trading day, YYYY-MM-DD. */
  expiryDate: string;
}

const pad2 = (n: number): string => (n < 10 ? `0${n}` : `${n}`);
const isoDay = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** True when the exchange trades on that (UTC-midnight) day. */
export function isTradingDay(date: string): boolean {
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return wd !== 0 && wd !== 6 && !EXCHANGE_HOLIDAYS.has(date);
}

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

/** Year and month of a VN30F + YYMM symbol; undefined for anything else. */
export function parseContract(symbol: string): { year: number; month: number } | undefined {
  const m = /^VN30F(\d{2})(\d{2})$/.exec(symbol);
  if (!m) return undefined;
  const month = Number(m[2]);
  if (month < 1 || month > 12) return undefined;
  return { year: 2000 + Number(m[1]), month };
}

function contract(year: number, month: number): FuturesContract {
  return { symbol: contractSymbol(year, month), expiryDate: expiryDate(year, month) };
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
