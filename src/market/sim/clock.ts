// The simulator's own session clock: dates and times on the Asia/Ho_Chi_Minh calendar,
// weekday stepping, the "active" (price-moving) time of a session day, and the next
// instant a set of phases is open. All instants are UTC ms; the timetables are the
// exchange calendar's (src/market/rules/calendar.ts).
import { MarketPhase } from '../rules/phase.js';
import { isTradingDay, phaseAtMinute, phaseBoundaries, type InstrumentClass } from '../rules/calendar.js';
import { VN_OFFSET_MS, localTimeToMs, tradingDate } from '../rules/session.js';

const DAY_MS = 86_400_000;

const PRICE_MOVING = new Set<MarketPhase>([MarketPhase.ATO, MarketPhase.CONTINUOUS, MarketPhase.ATC]);

/** Intervals (local minutes) in which prices move: ATO through ATC, minus the lunch break (from the stock timetable). */
const ACTIVE_MIN: ReadonlyArray<readonly [number, number]> = (() => {
  const edges = [0, ...phaseBoundaries('stock'), 24 * 60];
  const out: Array<[number, number]> = [];
  for (let i = 0; i + 1 < edges.length; i++) {
    if (!PRICE_MOVING.has(phaseAtMinute(edges[i]!, 'stock'))) continue;
    const last = out.at(-1);
    if (last && last[1] === edges[i]) last[1] = edges[i + 1]!;
    else out.push([edges[i]!, edges[i + 1]!]);
  }
  return out;
})();
export const ACTIVE_MS_PER_DAY = ACTIVE_MIN.reduce((s, [a, b]) => s + (b - a) * 60_000, 0);

export { parseClock } from '../../util/time-of-day.js';

/** UTC ms of local midnight of a YYYY-MM-DD date. */
export function localMidnight(date: string): number {
  return localTimeToMs(date, '00:00:00');
}

/**
 * The date itself when the exchange trades that day, otherwise the trading day before
 * (a Saturday or Sunday gives the previous Friday; exchange holidays are skipped too).
 */
export function tradingDayOnOrBefore(date: string): string {
  let t = localMidnight(date);
  while (!isTradingDay(tradingDate(t))) t -= DAY_MS;
  return tradingDate(t);
}

/** The first trading day (weekday, not an exchange holiday) after date. */
export function nextTradingDay(date: string): string {
  let t = localMidnight(date) + DAY_MS;
  while (!isTradingDay(tradingDate(t))) t += DAY_MS;
  return tradingDate(t);
}

/** Active (price-moving) ms of the session day up to `msOfDay` since local midnight. */
export function activeMsAt(msOfDay: number): number {
  let a = 0;
  for (const [s, e] of ACTIVE_MIN) {
    const s0 = s * 60_000;
    const e0 = e * 60_000;
    if (msOfDay > s0) a += Math.min(msOfDay, e0) - s0;
  }
  return a;
}

/** Ms of a trading day spent in `phase` (of class `cls`) from local midnight up to `msOfDay`. */
export function phaseMsUntil(msOfDay: number, phase: MarketPhase, cls: InstrumentClass): number {
  const edges = [0, ...phaseBoundaries(cls), 24 * 60];
  let ms = 0;
  for (let i = 0; i + 1 < edges.length; i++) {
    const a = edges[i]! * 60_000;
    const b = Math.min(edges[i + 1]! * 60_000, msOfDay);
    if (b > a && phaseAtMinute(edges[i]!, cls) === phase) ms += b - a;
  }
  return ms;
}

/**
 * The first instant at or after `t` (within the same local day, `midnight` being its local
 * midnight) whose phase of class `cls` is in `phases`; Infinity when none is left that day.
 */
export function nextOpenAt(t: number, midnight: number, phases: ReadonlySet<MarketPhase>, cls: InstrumentClass = 'stock'): number {
  const minute = (t - midnight) / 60_000;
  if (phases.has(phaseAtMinute(minute, cls))) return t;
  for (const b of phaseBoundaries(cls)) if (b > minute && phases.has(phaseAtMinute(b, cls))) return midnight + b * 60_000;
  return Infinity;
}

/** "dd/mm/yyyy" (SSI) of a YYYY-MM-DD date. */
export function ssiDate(date: string): string {
  return `${date.slice(8, 10)}/${date.slice(5, 7)}/${date.slice(0, 4)}`;
}

/** "HH:MM:SS" local of an instant. */
export function ssiTime(t: number): string {
  const sec = Math.floor(t / 1000);
  if (sec !== lastSec) {
    lastSec = sec;
    lastTime = new Date(sec * 1000 + VN_OFFSET_MS).toISOString().slice(11, 19);
  }
  return lastTime;
}
let lastSec = NaN;
let lastTime = '';
