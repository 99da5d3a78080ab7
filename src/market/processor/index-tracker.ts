// Index values, breadth and a per-minute intraday series: a minute series keeps the frame's
// size bounded; the raw values are the history API's, never the board's.
import type { IndexEvent, QuoteEvent } from '../events.js';
import type { boardcast } from '../../wire/gen/boardcast.js';
import type { IndexStateProps } from '../../wire/proto.js';
import { percentOf, roundTo, type Complete } from './quote-cache.js';

type IndexPointProps = boardcast.v1.IndexPoint.$Properties;

const MINUTE_MS = 60_000;
/** Longest intraday series kept: a HOSE day is 270 trading minutes; 400 leaves room. */
export const MAX_SERIES_POINTS = 400;

export interface Breadth {
  advances: number;
  declines: number;
  unchanged: number;
  ceilings: number;
  floors: number;
}

/** advances / (advances + declines), 0 when both are 0. */
export function advanceRatio(advances: number, declines: number): number {
  const n = advances + declines;
  return n > 0 ? advances / n : 0;
}

/** True when the event carries breadth (the feed leaves it all zero for some indices). */
export function hasBreadth(b: Breadth): boolean {
  return b.advances + b.declines + b.unchanged + b.ceilings + b.floors > 0;
}

/**
 * Breadth of a basket from its own quotes. Ceilings are counted among advances and floors
 * among declines (the board shows "advances (of which at ceiling)"). A stock without a
 * trade yet (last 0) or without a reference sits at its reference: unchanged.
 */
export function breadthOfQuotes(quotes: Iterable<QuoteEvent | undefined>): Breadth {
  const b: Breadth = { advances: 0, declines: 0, unchanged: 0, ceilings: 0, floors: 0 };
  for (const q of quotes) {
    if (!q) continue;
    if (q.last <= 0 || q.reference <= 0 || q.last === q.reference) b.unchanged++;
    else if (q.last > q.reference) {
      b.advances++;
      if (q.ceiling > 0 && q.last >= q.ceiling) b.ceilings++;
    } else {
      b.declines++;
      if (q.floor > 0 && q.last <= q.floor) b.floors++;
    }
  }
  return b;
}

/**
 * Last value within each minute, keyed by the minute's start. Copy-on-write: `points()`
 * hands out the live array and marks it shared; the next change copies it first, and
 * point objects are replaced, never mutated. So a snapshot can hold the series with no
 * per-frame copy while the tracker keeps updating.
 */
export class IntradaySeries {
  private pts: IndexPointProps[] = [];
  private shared = false;

  constructor(private readonly cap = MAX_SERIES_POINTS) {}

  add(timeMs: number, value: number): void {
    const minute = Math.floor(timeMs / MINUTE_MS) * MINUTE_MS;
    const last = this.pts[this.pts.length - 1];
    const lastMinute = last ? (last.timeMs as number) : -Infinity;
    // A late message for an older minute would break the order; its minute is done.
    if (minute < lastMinute) return;
    if (this.shared) {
      this.pts = this.pts.slice();
      this.shared = false;
    }
    const point = { timeMs: minute, value };
    if (minute === lastMinute) this.pts[this.pts.length - 1] = point;
    else {
      this.pts.push(point);
      if (this.pts.length > this.cap) this.pts.splice(0, this.pts.length - this.cap);
    }
  }

  /** The series, oldest first. Treat as read-only. */
  points(): IndexPointProps[] {
    this.shared = true;
    return this.pts;
  }

  get length(): number {
    return this.pts.length;
  }
}

interface IndexEntry {
  latest: IndexEvent;
  series: IntradaySeries;
}

export class IndexTracker {
  private readonly ids: ReadonlySet<string>;
  private readonly entries = new Map<string, IndexEntry>();

  constructor(ids: readonly string[]) {
    this.ids = new Set(ids);
  }

  tracks(id: string): boolean {
    return this.ids.has(id);
  }

  /** False (and nothing kept) for an index this tracker does not follow. */
  apply(ev: IndexEvent): boolean {
    if (!this.ids.has(ev.id)) return false;
    let e = this.entries.get(ev.id);
    if (!e) this.entries.set(ev.id, (e = { latest: ev, series: new IntradaySeries() }));
    // Keep the newest value even when messages arrive out of order.
    if (ev.timeMs >= e.latest.timeMs) e.latest = ev;
    e.series.add(ev.timeMs, ev.value);
    return true;
  }

  latest(id: string): IndexEvent | undefined {
    return this.entries.get(id)?.latest;
  }

  /** Current index value, 0 when unknown. */
  value(id: string): number {
    return this.entries.get(id)?.latest.value ?? 0;
  }

  /**
   * A fresh wire object for an index seen today; undefined otherwise. `fallbackBreadth`
   * is used only when the event itself carries no breadth.
   */
  state(id: string, fallbackBreadth?: Breadth): Complete<IndexStateProps> | undefined {
    const e = this.entries.get(id);
    if (!e) return undefined;
    const ev = e.latest;
    const b = hasBreadth(ev) || !fallbackBreadth ? ev : fallbackBreadth;
    const change = ev.priorValue > 0 ? roundTo(ev.value - ev.priorValue, 2) : 0;
    return {
      id,
      value: ev.value,
      priorValue: ev.priorValue,
      change,
      changePct: percentOf(ev.value - ev.priorValue, ev.priorValue),
      totalVolume: ev.totalVolume,
      totalValue: ev.totalValue,
      advances: b.advances,
      declines: b.declines,
      unchanged: b.unchanged,
      ceilings: b.ceilings,
      floors: b.floors,
      advanceRatio: roundTo(advanceRatio(b.advances, b.declines), 4),
      intraday: e.series.points(),
    };
  }

  clear(): void {
    this.entries.clear();
  }
}
