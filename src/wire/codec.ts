// The snapshot encoder (the one every frame's protobuf bytes come from, through
// frame-parts.ts) and the control frames. Whole-frame encoders for tests and benches are
// in reference-codec.ts, never on the serving path.
import { ByteAssembler } from './byte-assembler.js';
import { jsonEnvelope } from './envelope.js';
import type { WireFormat } from './formats.js';
import { pb, FrameKind, type IndexPointProps, type IndexStateProps, type SnapshotProps, type SymbolStateProps } from './proto.js';
import { TAG } from './varint.js';
import { nowUs } from '../util/clock.js';

/** A Uint8Array's bytes in an ArrayBuffer of their own (Node pools small buffers; a pooled one must never be transferred). */
export function ownBuffer(u8: Uint8Array): ArrayBuffer {
  if (u8.byteOffset === 0 && u8.byteLength === u8.buffer.byteLength && u8.buffer instanceof ArrayBuffer) return u8.buffer;
  const copy = new Uint8Array(u8.byteLength);
  copy.set(u8);
  return copy.buffer;
}

// The processor hands out the same (never mutated) object for every part of the board
// that did not change since the previous snapshot, so the encoded bytes of a symbol row or
// an intraday point are cached by object identity: a frame re-encodes only what changed.
// An embedded message is its tag plus its length-prefixed bytes, so cached bytes splice in
// exactly as the generated encoder would have written them.
const symbolBytes = new WeakMap<object, Uint8Array>();
const pointBytes = new WeakMap<object, Uint8Array>();

function cached<T extends object>(cache: WeakMap<object, Uint8Array>, obj: T, encode: (o: T) => Uint8Array): Uint8Array {
  let b = cache.get(obj);
  if (!b) {
    b = encode(obj);
    cache.set(obj, b);
  }
  return b;
}

const encodeSymbolRaw = (o: SymbolStateProps) => pb.SymbolState.encode(o).finish();

/** A symbol row's bytes, cached while the processor hands out the same row object. */
export const encodeSymbol = (o: SymbolStateProps) => cached(symbolBytes, o, encodeSymbolRaw);
const encodePoint = (o: IndexPointProps) => pb.IndexPoint.encode(o).finish();

// An intraday series only ever changes at its end (the current minute's point is replaced,
// new minutes are appended, the oldest may be trimmed), so the tagged bytes of all points
// but the last are cached, keyed by the identity of the first point object (a FULL's
// series and a DELTA's short suffix start at different points, so they never evict each
// other) and checked against the second-to-last point: a frame then encodes one point,
// not the whole day.
const seriesPrefix = new WeakMap<object, { end: object; bytes: Uint8Array }>();

function seriesChunks(points: readonly IndexPointProps[]): Uint8Array[] {
  if (points.length === 0) return [];
  const n = points.length - 1;
  const last = pb.IndexState.encode({ intraday: [points[n]!] }).finish();
  if (n === 0) return [last];
  let prefix = seriesPrefix.get(points[0]!);
  if (!prefix || prefix.end !== points[n - 1]) {
    const w = pb.IndexState.encode({});
    for (let i = 0; i < n; i++) w.uint32(TAG.INDEX_INTRADAY).bytes(cached(pointBytes, points[i]!, encodePoint));
    prefix = { end: points[n - 1]!, bytes: w.finish() };
    seriesPrefix.set(points[0]!, prefix);
  }
  return [prefix.bytes, last];
}

/** The content of an IndexState field as chunks: its scalars, then its intraday points. */
export function indexChunks(idx: IndexStateProps): Uint8Array[] {
  return [pb.IndexState.encode({ ...idx, intraday: undefined }).finish(), ...seriesChunks(idx.intraday ?? [])];
}

/** Where each part of a snapshot landed in the assembler: [offset, length]; length 0 = absent. */
export interface SnapshotLayout {
  header: [number, number];
  /** Each symbol row's span, in board order. */
  rows: Array<{ symbol: string; span: [number, number] }>;
  indices: [number, number];
  foreign: [number, number];
  derivatives: [number, number];
}

/** Appends a snapshot's fields to `asm` (meaning what pb.Snapshot.encode(s) means) and says where each part is. */
export function appendSnapshot(asm: ByteAssembler, s: SnapshotProps): SnapshotLayout {
  const since = (start: number): [number, number] => [start, asm.length - start];
  let start = asm.length;
  asm.raw(pb.Snapshot.encode({ marketTimeMs: s.marketTimeMs, tradingDate: s.tradingDate, phase: s.phase, derivativesPhase: s.derivativesPhase, removedSymbols: s.removedSymbols, feed: s.feed }).finish());
  const header = since(start);
  const rows = (s.symbols ?? []).map((row) => ({ symbol: row.symbol ?? '', span: asm.field(TAG.SNAPSHOT_SYMBOLS, encodeSymbol(row)) }));
  start = asm.length;
  for (const idx of s.indices ?? []) asm.field(TAG.SNAPSHOT_INDICES, ...indexChunks(idx));
  const indices = since(start);
  const foreign = s.foreign ? asm.field(TAG.SNAPSHOT_FOREIGN, pb.ForeignSummary.encode(s.foreign).finish()) : ([asm.length, 0] as [number, number]);
  const derivatives = s.derivatives ? asm.field(TAG.SNAPSHOT_DERIVATIVES, pb.Derivatives.encode(s.derivatives).finish()) : ([asm.length, 0] as [number, number]);
  return { header, rows, indices, foreign, derivatives };
}

export type ControlBody = { error: { code: string; message: string } } | { pong: { clientTimeUs: number; serverTimeUs: number } };

/**
 * A control frame (error, pong): seq and epoch repeat the last board frame's so a
 * client's gap check is unaffected; it carries no snapshot.
 */
export function encodeControl(format: WireFormat, seq: number, epoch: string, control: ControlBody): ArrayBuffer | string {
  const meta = { seq, epoch, producedAtUs: nowUs() };
  if (format === 'proto') return ownBuffer(pb.Frame.encode({ ...meta, kind: FrameKind.CONTROL, control }).finish());
  const mapped = 'pong' in control ? { pong: { clientTimeUs: String(control.pong.clientTimeUs), serverTimeUs: String(control.pong.serverTimeUs) } } : control;
  return JSON.stringify({ ...jsonEnvelope(meta, 'CONTROL', 0), control: mapped });
}
