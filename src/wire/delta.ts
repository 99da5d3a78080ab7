// DELTA frames: what changed between two snapshots (diffSnapshots, run by the market
// worker every frame) and how a client folds such a delta into its board (applyDelta, run
// by the client SDK). Pure functions, no I/O, safe in browsers.
//
// A delta is a Snapshot message that carries:
// - marketTimeMs, tradingDate, phase, derivativesPhase, feed: always (copied from the new snapshot);
// - symbols: the whole SymbolState of each symbol that differs from the base;
//   removedSymbols: the symbols that left the board;
// - indices: the whole IndexState of each changed index, except `intraday`, which carries
//   only the points with timeMs >= the base's last point (the last minute's point is
//   updated in place, older points never change); [] when the series did not change;
// - foreign / derivatives: the whole message when anything in it changed, else absent.
// Absent message fields (null/undefined once decoded) and empty repeated fields mean
// "unchanged", so a decoded protobuf message applies as well as a plain object.
import { BoardcastError } from '../errors.js';
import { FrameKind, type IndexStateProps, type SnapshotProps, type SymbolStateProps } from './proto.js';

type Maybe<T> = T | null | undefined;

/** The parts of a snapshot that applyDelta needs to know about; enums may be numbers or names. */
export interface SnapshotLike {
  marketTimeMs?: Maybe<number>;
  tradingDate?: Maybe<string>;
  phase?: unknown;
  derivativesPhase?: unknown;
  feed?: unknown;
  symbols?: Maybe<readonly { symbol?: Maybe<string> }[]>;
  indices?: Maybe<readonly IndexLike[]>;
  foreign?: unknown;
  derivatives?: unknown;
  removedSymbols?: Maybe<readonly string[]>;
}

interface IndexLike {
  id?: Maybe<string>;
  intraday?: Maybe<readonly { timeMs?: Maybe<number> }[]>;
}

export interface SnapshotDiff {
  /** The DELTA's snapshot message. */
  delta: SnapshotProps;
  /** False when next equals base in every field (the delta would carry nothing new). */
  changed: boolean;
  /**
   * True when a delta cannot express the change and a FULL frame must be sent instead:
   * an index, the foreign summary or the derivatives disappeared; an intraday series
   * restarted (daily reset) or lost points at its front; or the order of the symbols or
   * indices is not "base order, then new ones appended". Rare; `delta` is then partial.
   */
  needsFull: boolean;
}

/** A DELTA arrived with no board to apply it to. */
export class DeltaWithoutBaseError extends BoardcastError {
  constructor(baseSeq: unknown) {
    super('BC_DELTA_WITHOUT_BASE', `DELTA frame (base_seq ${String(baseSeq)}) received with no board to apply it to`, { baseSeq });
  }
}

const NO_INDEX_CHANGE = 0;
const INDEX_NEEDS_FULL = 1;

/** The DELTA that turns `base` into `next`. */
export function diffSnapshots(base: SnapshotProps, next: SnapshotProps): SnapshotDiff {
  let needsFull = false;
  const headerChanged = base.marketTimeMs !== next.marketTimeMs || base.tradingDate !== next.tradingDate || base.phase !== next.phase || base.derivativesPhase !== next.derivativesPhase || !deepEqual(base.feed, next.feed);

  const sym = diffSymbols(base.symbols ?? [], next.symbols ?? []);
  if (sym.outOfOrder) needsFull = true;

  const indices: IndexStateProps[] = [];
  const bi = base.indices ?? [];
  const ni = next.indices ?? [];
  if (bi !== ni) {
    // Indices are few (2–3): a linear search by id beats building a map.
    let cursor = 0; // position in bi of the last matched index, to check the order
    for (const n of ni) {
      const at = findIndex(bi, n.id);
      if (at < 0) {
        // New index: everything, its whole series included.
        indices.push(n);
        cursor = bi.length;
        continue;
      }
      if (at < cursor) needsFull = true;
      cursor = at;
      const d = diffIndex(bi[at]!, n);
      if (d === INDEX_NEEDS_FULL) needsFull = true;
      else if (d !== NO_INDEX_CHANGE) indices.push(d);
    }
    // A delta has no way to remove an index.
    if (bi.length > 0) for (const b of bi) if (findIndex(ni, b.id) < 0) needsFull = true;
  }

  const delta: SnapshotProps = {
    marketTimeMs: next.marketTimeMs,
    tradingDate: next.tradingDate,
    phase: next.phase,
    derivativesPhase: next.derivativesPhase,
    symbols: sym.changed,
    indices,
    removedSymbols: sym.removed,
  };
  if (next.feed) delta.feed = next.feed;
  let changed = headerChanged || sym.changed.length > 0 || sym.removed.length > 0 || indices.length > 0;
  if (base.foreign !== next.foreign) {
    if (next.foreign == null) needsFull = true;
    else if (!deepEqual(base.foreign, next.foreign)) {
      delta.foreign = next.foreign;
      changed = true;
    }
  }
  if (base.derivatives !== next.derivatives) {
    if (next.derivatives == null) needsFull = true;
    else if (!deepEqual(base.derivatives, next.derivatives)) {
      delta.derivatives = next.derivatives;
      changed = true;
    }
  }
  return { delta, changed: changed || needsFull, needsFull };
}

function findIndex(list: readonly IndexStateProps[], id: Maybe<string>): number {
  for (let i = 0; i < list.length; i++) if (list[i]!.id === id) return i;
  return -1;
}

interface SymbolsDiff {
  changed: SymbolStateProps[];
  removed: string[];
  outOfOrder: boolean;
}

function diffSymbols(bs: readonly SymbolStateProps[], ns: readonly SymbolStateProps[]): SymbolsDiff {
  const changed: SymbolStateProps[] = [];
  if (bs === ns) return { changed, removed: [], outOfOrder: false };
  // Fast path, the processor's case: the same symbols in the same order. Unchanged symbols
  // are the same objects, so most of this loop is identity checks.
  if (bs.length === ns.length) {
    let aligned = true;
    for (let i = 0; i < ns.length; i++) {
      const b = bs[i]!;
      const n = ns[i]!;
      if (b === n) continue;
      if (b.symbol !== n.symbol) {
        aligned = false;
        break;
      }
      if (!deepEqual(b, n)) changed.push(n);
    }
    if (aligned) return { changed, removed: [], outOfOrder: false };
    changed.length = 0;
  }
  // The basket changed: match by symbol.
  const basePos = new Map<Maybe<string>, number>();
  for (let i = 0; i < bs.length; i++) basePos.set(bs[i]!.symbol, i);
  const present = new Set<Maybe<string>>();
  let outOfOrder = false;
  let cursor = -1;
  let sawNew = false;
  for (const n of ns) {
    present.add(n.symbol);
    const at = basePos.get(n.symbol);
    if (at === undefined) {
      changed.push(n);
      sawNew = true;
      continue;
    }
    // applyDelta keeps the base order and appends new symbols: anything else needs a FULL.
    if (at < cursor || sawNew) outOfOrder = true;
    cursor = at;
    const b = bs[at]!;
    if (b !== n && !deepEqual(b, n)) changed.push(n);
  }
  const removed: string[] = [];
  for (const b of bs) if (!present.has(b.symbol)) removed.push(b.symbol ?? '');
  return { changed, removed, outOfOrder };
}

/** The index's delta entry, NO_INDEX_CHANGE, or INDEX_NEEDS_FULL when its series restarted. */
function diffIndex(b: IndexStateProps, n: IndexStateProps): IndexStateProps | typeof NO_INDEX_CHANGE | typeof INDEX_NEEDS_FULL {
  if (b === n) return NO_INDEX_CHANGE;
  const bp = b.intraday ?? [];
  const np = n.intraday ?? [];
  let points: NonNullable<IndexStateProps['intraday']> = [];
  if (bp !== np) {
    if (bp.length === 0) points = np;
    else {
      const k = bp.length - 1;
      const lastT = bp[k]!.timeMs;
      // A continuation keeps every base point before the last one, unchanged, and still
      // has a point at the base's last minute; the delta then starts at that minute.
      if (np.length <= k || np[k]!.timeMs !== lastT) return INDEX_NEEDS_FULL;
      for (let i = 0; i < k; i++) if (bp[i] !== np[i] && !deepEqual(bp[i], np[i])) return INDEX_NEEDS_FULL;
      if (np.length > k + 1 || !deepEqual(bp[k], np[k])) points = np.slice(k);
    }
  }
  if (points.length === 0 && deepEqual(b, n, 'intraday')) return NO_INDEX_CHANGE;
  return { ...n, intraday: points };
}

/**
 * Structural equality of plain data (objects, arrays, primitives); `skip` names a key of
 * the top-level objects to ignore. null and undefined (and a missing key) are equal: both
 * mean "absent" on the wire. NaN equals NaN so a NaN field does not count as a change
 * every frame. for…in does not allocate a key array.
 */
export function deepEqual(a: unknown, b: unknown, skip?: string): boolean {
  if (a === b) return true;
  if (a == null || b == null) return a == null && b == null;
  const ta = typeof a;
  if (ta !== 'object' || typeof b !== 'object') return ta === 'number' && typeof b === 'number' && a !== a && b !== b;
  if (Array.isArray(a)) {
    if (!Array.isArray(b) || a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!deepEqual(a[i], b[i])) return false;
    return true;
  }
  if (Array.isArray(b)) return false;
  const oa = a as Record<string, unknown>;
  const ob = b as Record<string, unknown>;
  for (const k in oa) if (k !== skip && !deepEqual(oa[k], ob[k])) return false;
  for (const k in ob) if (k !== skip && !(k in oa) && ob[k] != null) return false;
  return true;
}

/**
 * The board after `delta`: a new object (inputs are not mutated; unchanged parts are
 * shared with `board`). Symbols keep the board's order, new ones are appended; likewise
 * indices. Works on plain objects, toObject() output and decoded protobuf messages alike.
 */
export function applyDelta<S extends SnapshotLike>(board: S, delta: S): S {
  const out: SnapshotLike = {
    ...board,
    marketTimeMs: delta.marketTimeMs ?? board.marketTimeMs,
    tradingDate: delta.tradingDate ?? board.tradingDate,
    phase: delta.phase ?? board.phase,
    derivativesPhase: delta.derivativesPhase ?? board.derivativesPhase,
    feed: delta.feed ?? board.feed,
    symbols: mergeSymbols(board.symbols ?? [], delta.symbols ?? [], delta.removedSymbols ?? []),
    indices: mergeIndices(board.indices ?? [], delta.indices ?? []),
    foreign: delta.foreign ?? board.foreign,
    derivatives: delta.derivatives ?? board.derivatives,
    // A board never carries removals; keep the board's (empty) array when it has one.
    removedSymbols: board.removedSymbols?.length === 0 ? board.removedSymbols : [],
  };
  return out as S;
}

type SymbolLike = { symbol?: Maybe<string> };

function mergeSymbols(base: readonly SymbolLike[], changed: readonly SymbolLike[], removed: readonly string[]): readonly SymbolLike[] {
  if (changed.length === 0 && removed.length === 0) return base;
  const bySymbol = new Map<Maybe<string>, SymbolLike>();
  for (const s of changed) bySymbol.set(s.symbol, s);
  const gone = removed.length > 0 ? new Set<Maybe<string>>(removed) : undefined;
  const out: SymbolLike[] = [];
  for (const b of base) {
    if (gone?.has(b.symbol)) continue;
    const d = bySymbol.get(b.symbol);
    if (d) {
      out.push(d);
      bySymbol.delete(b.symbol);
    } else out.push(b);
  }
  // What is left is new to the board, in the delta's order (Map keeps insertion order).
  for (const d of bySymbol.values()) out.push(d);
  return out;
}

function mergeIndices(base: readonly IndexLike[], changed: readonly IndexLike[]): readonly IndexLike[] {
  if (changed.length === 0) return base;
  const out = base.slice();
  for (const d of changed) {
    let at = -1;
    for (let i = 0; i < out.length && at < 0; i++) if (out[i]!.id === d.id) at = i;
    if (at < 0) out.push(d);
    else out[at] = { ...d, intraday: mergeSeries(out[at]!.intraday ?? [], d.intraday ?? []) };
  }
  return out;
}

type PointLike = { timeMs?: Maybe<number> };

/** Base points before the delta's first minute, then the delta's points. */
function mergeSeries(base: readonly PointLike[], points: readonly PointLike[]): readonly PointLike[] {
  if (points.length === 0) return base;
  const from = points[0]!.timeMs ?? 0;
  let k = base.length;
  while (k > 0 && (base[k - 1]!.timeMs ?? 0) >= from) k--;
  const out = base.slice(0, k);
  for (const p of points) out.push(p);
  return out;
}

/** A frame as far as applyFrame cares: its kind (enum number or name) and snapshot. */
export interface FrameLike<S> {
  kind?: unknown;
  baseSeq?: unknown;
  snapshot?: S | null;
}

export function isDeltaKind(kind: unknown): boolean {
  return kind === 'DELTA' || kind === FrameKind.DELTA;
}

/**
 * The board after one frame: a FULL replaces it, a DELTA is applied to it (throws
 * DeltaWithoutBaseError when there is no board), a frame without a snapshot (control)
 * leaves it as it is. Sequence and epoch checks are the caller's (see BoardClient).
 */
export function applyFrame<S extends SnapshotLike>(board: S | undefined, frame: FrameLike<S>): S | undefined {
  const snap = frame.snapshot;
  if (snap == null) return board;
  if (!isDeltaKind(frame.kind)) return snap;
  if (board === undefined) throw new DeltaWithoutBaseError(frame.baseSeq);
  return applyDelta(board, snap);
}
