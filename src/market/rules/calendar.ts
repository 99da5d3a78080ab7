// The exchange calendar: one place for the trading timetables of each instrument class
// (HOSE, HNX and UPCoM stocks, HNX VN30 index futures), the exchange holidays and trading days.
// Everything on the Asia/Ho_Chi_Minh clock (UTC+7 all year: Vietnam has no DST). Pure.
import { MarketPhase } from './phase.js';
import type { Exchange } from './exchange.js';
import { localMinuteOfDay, tradingDate } from './session.js';

/** The instrument classes whose timetables differ: 'stock' is HOSE's (the VN30 basket's). */
export type InstrumentClass = 'stock' | 'derivatives' | 'hnx-stock' | 'upcom-stock';
export const INSTRUMENT_CLASSES: readonly InstrumentClass[] = ['stock', 'derivatives', 'hnx-stock', 'upcom-stock'];

/** The timetable a board's stocks trade on. */
export function stockClassOf(exchange: Exchange): InstrumentClass {
  return exchange === 'HNX' ? 'hnx-stock' : exchange === 'UPCOM' ? 'upcom-stock' : 'stock';
}

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

/** True when the exchanges trade on that local date (YYYY-MM-DD): a weekday that is no holiday. */
export function isTradingDay(date: string): boolean {
  const wd = new Date(`${date}T00:00:00Z`).getUTCDay();
  return wd !== 0 && wd !== 6 && !EXCHANGE_HOLIDAYS.has(date);
}

type Timetable = ReadonlyArray<readonly [startMinute: number, phase: MarketPhase]>;
const P = MarketPhase;
const hm = (h: number, m: number): number => h * 60 + m;

/**
 * A trading day's phases from each start minute on. HOSE cash: ATO 09:00–09:15,
 * continuous 09:15–11:30 and 13:00–14:30, ATC 14:30–14:45, put-through to 15:00.
 * HNX cash: no ATO — continuous 09:00–11:30 and 13:00–14:30, ATC 14:30–14:45, then the
 * post-close session (PLO orders matched at the closing price, with put-through) to 15:00,
 * shown as PUT_THROUGH: the wire has no post-close phase and the window is HOSE's
 * put-through one. UPCoM: no ATO and no ATC — continuous 09:00–11:30 and 13:00–15:00.
 * HNX derivatives (VN30 futures): ATO 08:45–09:00, continuous 09:00–11:30 and
 * 13:00–14:30, ATC 14:30–14:45, then closed (no put-through window after the close).
 * Sources (the brokers' restatements of the exchanges' rules, read 2026): HSC "HSX / HNX
 * trading regulations", BSC "Trading session on the market", SBSC "HNX trading regulations".
 */
export const TIMETABLES: Readonly<Record<InstrumentClass, Timetable>> = {
  stock: [
    [0, P.PRE_OPEN],
    [hm(9, 0), P.ATO],
    [hm(9, 15), P.CONTINUOUS],
    [hm(11, 30), P.LUNCH_BREAK],
    [hm(13, 0), P.CONTINUOUS],
    [hm(14, 30), P.ATC],
    [hm(14, 45), P.PUT_THROUGH],
    [hm(15, 0), P.CLOSED],
  ],
  'hnx-stock': [
    [0, P.PRE_OPEN],
    [hm(9, 0), P.CONTINUOUS],
    [hm(11, 30), P.LUNCH_BREAK],
    [hm(13, 0), P.CONTINUOUS],
    [hm(14, 30), P.ATC],
    [hm(14, 45), P.PUT_THROUGH],
    [hm(15, 0), P.CLOSED],
  ],
  'upcom-stock': [
    [0, P.PRE_OPEN],
    [hm(9, 0), P.CONTINUOUS],
    [hm(11, 30), P.LUNCH_BREAK],
    [hm(13, 0), P.CONTINUOUS],
    [hm(15, 0), P.CLOSED],
  ],
  derivatives: [
    [0, P.PRE_OPEN],
    [hm(8, 45), P.ATO],
    [hm(9, 0), P.CONTINUOUS],
    [hm(11, 30), P.LUNCH_BREAK],
    [hm(13, 0), P.CONTINUOUS],
    [hm(14, 30), P.ATC],
    [hm(14, 45), P.CLOSED],
  ],
};

/** The minutes of day at which a class's phase changes (after midnight), ascending. */
export function phaseBoundaries(cls: InstrumentClass): number[] {
  return TIMETABLES[cls].slice(1).map(([m]) => m);
}

/** The phase of a trading day at a local minute of day (fractional minutes allowed). */
export function phaseAtMinute(minute: number, cls: InstrumentClass = 'stock'): MarketPhase {
  let phase: MarketPhase = P.PRE_OPEN;
  for (const [start, p] of TIMETABLES[cls]) if (minute >= start) phase = p;
  return phase;
}

/** The phase of a class at an instant (UTC ms): CLOSED all day on weekends and exchange holidays. */
export function phaseAt(timeMs: number, cls: InstrumentClass = 'stock'): MarketPhase {
  if (!isTradingDay(tradingDate(timeMs))) return P.CLOSED;
  return phaseAtMinute(localMinuteOfDay(timeMs), cls);
}
