// The simulator's schedule: the fixed instants of a session day (auction matches, the
// roll to the next day), which phases each kind of event runs in, the next arrival of a
// Poisson event stream on the session clock, and which event is due first. Pure: the
// random draw comes in as a function, the clock as numbers.
import type { InstrumentClass } from '../rules/calendar.js';
import { phaseAt, phaseAtMinute, phaseBoundaries } from '../rules/calendar.js';
import { MarketPhase } from '../rules/phase.js';
import { nextOpenAt, parseClock } from './clock.js';

const P = MarketPhase;
const H = (hms: string): number => parseClock(hms)!;

/** [start, end) in ms since local midnight of the first window of `phase` in the class's timetable. */
export function firstWindowMs(phase: MarketPhase, cls: InstrumentClass): [number, number] {
  const edges = [0, ...phaseBoundaries(cls), 24 * 60];
  for (let i = 0; i + 1 < edges.length; i++) if (phaseAtMinute(edges[i]!, cls) === phase) return [edges[i]! * 60_000, edges[i + 1]! * 60_000];
  throw new RangeError(`no ${phase} window in the ${cls} timetable`);
}

// Ms since local midnight. The session instants come from the exchange timetables; the
// day's open and the roll are the simulator's own choices.
/** Before the futures' ATO (08:45): where a new day starts. */
export const DAY_OPEN_MS = H('08:40:00');
/** Auction matches are stamped at the end of their window. */
export const FUT_ATO_MATCH_MS = firstWindowMs(P.ATO, 'derivatives')[1];
export const ATO_MATCH_MS = firstWindowMs(P.ATO, 'stock')[1];
export const CONT_START_MS = firstWindowMs(P.CONTINUOUS, 'stock')[0];
export const CONT_END_MS = firstWindowMs(P.ATC, 'stock')[0];
export const ATC_MATCH_MS = firstWindowMs(P.ATC, 'stock')[1];
/** After the close: the clock jumps to the next trading day. */
export const ROLL_MS = H('15:01:00');
export const DAY_END_MS = H('23:59:59');
export const CONTINUOUS = new Set<MarketPhase>([P.CONTINUOUS]);
/** Phases in which books change. */
export const BOOK_PHASES = new Set<MarketPhase>([P.ATO, P.CONTINUOUS, P.ATC]);
/** Phases in which foreign-flow messages go out. */
export const FOREIGN_PHASES = new Set<MarketPhase>([P.ATO, P.CONTINUOUS, P.ATC, P.PUT_THROUGH]);

/** `broad`: a trade in the rest of the market (UNIVERSE=hose|all, broad-market.ts); never due otherwise. */
export type EventKey = 'futAto' | 'ato' | 'atc' | 'roll' | 'trade' | 'quote' | 'futTrade' | 'futQuote' | 'broad' | 'foreign' | 'index';
/** Tie order: fixed-time session events first, then the Poisson ones, heartbeats last. */
export const EVENT_ORDER: readonly EventKey[] = ['futAto', 'ato', 'atc', 'roll', 'trade', 'quote', 'futTrade', 'futQuote', 'broad', 'foreign', 'index'];

export type EventTimes = Record<EventKey, number>;

export const noEvents = (): EventTimes => ({ futAto: Infinity, ato: Infinity, atc: Infinity, roll: Infinity, trade: Infinity, quote: Infinity, futTrade: Infinity, futQuote: Infinity, broad: Infinity, foreign: Infinity, index: Infinity });

/** The event due first (ties in EVENT_ORDER), or undefined when none is scheduled. */
export function firstDue(next: Readonly<EventTimes>): { key: EventKey; t: number } | undefined {
  let key: EventKey | undefined;
  let t = Infinity;
  for (const k of EVENT_ORDER) {
    if (next[k] < t) {
      t = next[k];
      key = k;
    }
  }
  return key === undefined ? undefined : { key, t };
}

/**
 * The next arrival, at or after `from`, of a Poisson stream that runs only in `phases` of
 * class `cls` on the day of `midnight`: the first open instant plus an exponential wait
 * (`exponential(mean)`) of mean `simMsPerEvent(phase)` in market ms. Infinity when no such
 * phase is left that day.
 */
export function nextArrival(
  from: number, midnight: number, phases: ReadonlySet<MarketPhase>, simMsPerEvent: (phase: MarketPhase) => number,
  exponential: (mean: number) => number, cls: InstrumentClass = 'stock',
): number {
  const start = nextOpenAt(from, midnight, phases, cls);
  if (start === Infinity) return Infinity;
  return start + exponential(simMsPerEvent(phaseAt(start, cls)));
}
