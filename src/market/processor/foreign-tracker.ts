// Foreign-investor flow per symbol, from the feed's CUMULATIVE daily buy/sell figures.
import type { ForeignEvent } from '../events.js';
import type { ForeignSummaryProps, SymbolForeignProps } from '../../wire/proto.js';
import { roundTo, type Complete } from './quote-cache.js';

const MINUTE_MS = 60_000;
/** Speed is net volume per minute over this trailing window. */
export const SPEED_WINDOW_MS = 5 * MINUTE_MS;
/** Acceleration compares the speed now with the speed this long ago. */
export const ACCEL_LAG_MS = MINUTE_MS;
/** How many symbols each side of the summary ranks. */
export const TOP_N = 5;

/**
 * One symbol's flow. The cumulative figures are turned into an "observed net flow" C(t):
 * the sum of net-volume deltas between consecutive messages, starting at 0 on the first
 * message seen (whatever was bought before we connected is not flow we saw happen). Net
 * flow over any window (a, b] is then C(b) - C(a): no per-window re-summing.
 *
 * When any cumulative figure goes DOWN (the feed reconnected and restarted its counters,
 * or corrected them) the message becomes the new baseline and contributes no delta, so a
 * reconnect never shows as a huge negative (or positive) spike.
 */
class SymbolFlowHistory {
  latest: ForeignEvent | undefined;
  /** Sample times (non-decreasing) and C at each; entries before `head` are evicted. */
  private times: number[] = [];
  private cum: number[] = [];
  private head = 0;
  private observed = 0;

  record(ev: ForeignEvent): void {
    const prev = this.latest;
    if (prev && !isReset(prev, ev)) {
      this.observed += ev.buyVolume - ev.sellVolume - (prev.buyVolume - prev.sellVolume);
    }
    this.latest = ev;
    // Clamp out-of-order messages to keep the samples sorted for the binary search.
    const last = this.times.length > this.head ? this.times[this.times.length - 1]! : -Infinity;
    const t = Math.max(last, ev.timeMs);
    this.times.push(t);
    this.cum.push(this.observed);
    this.evictBefore(t - SPEED_WINDOW_MS - ACCEL_LAG_MS);
  }

  /**
   * C(t): observed net flow up to t; before the first sample nothing was observed yet.
   * History is kept for the window plus the lag only, so t must be no older than the last
   * sample minus 6 minutes (the board asks about "now", which always is).
   */
  observedAt(t: number): number {
    let lo = this.head;
    let hi = this.times.length - 1;
    if (hi < lo || this.times[lo]! > t) return this.cum[lo] ?? 0;
    // Last index with times[i] <= t.
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.times[mid]! <= t) lo = mid;
      else hi = mid - 1;
    }
    return this.cum[lo]!;
  }

  /** Net volume per minute over (now - 5 min, now]. Always divided by the full window. */
  speedAt(now: number): number {
    return (this.observedAt(now) - this.observedAt(now - SPEED_WINDOW_MS)) / (SPEED_WINDOW_MS / MINUTE_MS);
  }

  /** (speed now - speed one minute ago) per minute. */
  accelerationAt(now: number): number {
    return (this.speedAt(now) - this.speedAt(now - ACCEL_LAG_MS)) / (ACCEL_LAG_MS / MINUTE_MS);
  }

  /** Drop samples older than `cutoff` but keep the last one at or before it as the anchor of C(cutoff). */
  private evictBefore(cutoff: number): void {
    let h = this.head;
    while (h + 1 < this.times.length && this.times[h + 1]! <= cutoff) h++;
    this.head = h;
    // Compact occasionally so the arrays do not grow for the whole session.
    if (h > 1024 && h * 2 > this.times.length) {
      this.times = this.times.slice(h);
      this.cum = this.cum.slice(h);
      this.head = 0;
    }
  }
}

function isReset(prev: ForeignEvent, ev: ForeignEvent): boolean {
  return (
    ev.buyVolume < prev.buyVolume || ev.sellVolume < prev.sellVolume || ev.buyValue < prev.buyValue || ev.sellValue < prev.sellValue
  );
}

export interface ForeignRankEntry {
  symbol: string;
  netValue: number;
  netVolume: number;
}

/** Insert into a list kept sorted by `before`, capped at TOP_N (a 5-slot insertion sort, no full sort). */
function insertRanked(list: ForeignRankEntry[], e: ForeignRankEntry, before: (a: ForeignRankEntry, b: ForeignRankEntry) => boolean): void {
  if (list.length === TOP_N && !before(e, list[TOP_N - 1]!)) return;
  let i = list.length < TOP_N ? list.length : TOP_N - 1;
  list[i] = e;
  while (i > 0 && before(e, list[i - 1]!)) {
    list[i] = list[i - 1]!;
    list[--i] = e;
  }
}

// Ties are broken by symbol so the ranking is deterministic between frames.
const buysFirst = (a: ForeignRankEntry, b: ForeignRankEntry): boolean =>
  a.netValue > b.netValue || (a.netValue === b.netValue && a.symbol < b.symbol);
const sellsFirst = (a: ForeignRankEntry, b: ForeignRankEntry): boolean =>
  a.netValue < b.netValue || (a.netValue === b.netValue && a.symbol < b.symbol);

export class ForeignTracker {
  private readonly symbols = new Map<string, SymbolFlowHistory>();

  apply(ev: ForeignEvent): void {
    let h = this.symbols.get(ev.symbol);
    if (!h) this.symbols.set(ev.symbol, (h = new SymbolFlowHistory()));
    h.record(ev);
  }

  latest(symbol: string): ForeignEvent | undefined {
    return this.symbols.get(symbol)?.latest;
  }

  speedAt(symbol: string, now: number): number {
    return this.symbols.get(symbol)?.speedAt(now) ?? 0;
  }

  accelerationAt(symbol: string, now: number): number {
    return this.symbols.get(symbol)?.accelerationAt(now) ?? 0;
  }

  /** A fresh wire object with every field set (zeros for a symbol never seen). */
  stateAt(symbol: string, now: number): Complete<SymbolForeignProps> {
    const h = this.symbols.get(symbol);
    const ev = h?.latest;
    if (!h || !ev) {
      return { buyVolume: 0, sellVolume: 0, buyValue: 0, sellValue: 0, netVolume: 0, netValue: 0, room: 0, speedPerMinute: 0, acceleration: 0 };
    }
    return {
      buyVolume: ev.buyVolume,
      sellVolume: ev.sellVolume,
      buyValue: ev.buyValue,
      sellValue: ev.sellValue,
      netVolume: ev.buyVolume - ev.sellVolume,
      netValue: ev.buyValue - ev.sellValue,
      room: ev.currentRoom,
      speedPerMinute: roundTo(h.speedAt(now), 2),
      acceleration: roundTo(h.accelerationAt(now), 2),
    };
  }

  /**
   * Totals over every tracked symbol, and the top 5 net buyers (net value > 0, largest
   * first) and net sellers (net value < 0, most negative first). A symbol with zero net is
   * neither a buyer nor a seller, so a quiet market can show fewer than five of each.
   */
  summary(): Complete<ForeignSummaryProps> {
    let buyVolume = 0;
    let sellVolume = 0;
    let buyValue = 0;
    let sellValue = 0;
    const topBuyers: ForeignRankEntry[] = [];
    const topSellers: ForeignRankEntry[] = [];
    for (const [symbol, h] of this.symbols) {
      const ev = h.latest;
      if (!ev) continue;
      buyVolume += ev.buyVolume;
      sellVolume += ev.sellVolume;
      buyValue += ev.buyValue;
      sellValue += ev.sellValue;
      const netValue = ev.buyValue - ev.sellValue;
      if (netValue === 0) continue;
      const entry = { symbol, netValue, netVolume: ev.buyVolume - ev.sellVolume };
      if (netValue > 0) insertRanked(topBuyers, entry, buysFirst);
      else insertRanked(topSellers, entry, sellsFirst);
    }
    return {
      buyVolume,
      sellVolume,
      buyValue,
      sellValue,
      netVolume: buyVolume - sellVolume,
      netValue: buyValue - sellValue,
      topBuyers,
      topSellers,
    };
  }

  clear(): void {
    this.symbols.clear();
  }
}
