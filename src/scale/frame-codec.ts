// The frame bus codec: one worker 'frame' message, for one wire format, as one NATS
// message. The parts (PackedParts) travel as their bytes plus their offset table, so an
// edge assembles exactly the views the ingest's own main thread would have assembled:
// the bytes a client receives are the bytes the ingest's worker encoded, on every edge.
//
// Layout: "BCF1" | u32 LE header length | header (JSON, UTF-8) | full bytes | delta bytes.
// The header is small (spans and the basket); the parts are copied verbatim.
import { FrameCodecError } from './errors.js';
import { WIRE_FORMATS, type WireFormat } from '../messages.js';
import type { PackedParts, Span } from '../wire/frame-parts.js';

const MAGIC = [0x42, 0x43, 0x46, 0x31]; // "BCF1"

/** What a frame message says besides its parts. */
export interface FrameHeader {
  /** The leadership term of the ingest that produced it (the lease key's KV revision). */
  term: number;
  epoch: string;
  seq: number;
  producedAtUs: number;
  keyframe: boolean;
  buildUs: number;
  /** Every format published for this seq: an edge emits the frame once it has them all. */
  formats: WireFormat[];
  basket: string[];
  /** µs wall clock when the ingest published it (NATS path latency probes). */
  sentAtUs: number;
}

export interface BusFrame extends FrameHeader {
  format: WireFormat;
  full: PackedParts;
  delta: PackedParts | null;
}

interface PartsMeta {
  len: number;
  header: Span;
  symbols: string[];
  rows: number[];
  indices: Span;
  foreign: Span;
  derivatives: Span;
}

const meta = (p: PackedParts): PartsMeta => ({ len: p.bytes.byteLength, header: p.header, symbols: p.symbols, rows: p.rows, indices: p.indices, foreign: p.foreign, derivatives: p.derivatives });
const utf8 = new TextEncoder();
const fromUtf8 = new TextDecoder();

export function encodeBusFrame(h: FrameHeader, full: PackedParts, delta: PackedParts | null): Uint8Array {
  if (delta && delta.format !== full.format) throw new FrameCodecError('BC_FRAME_CODEC', `full is ${full.format} but delta is ${delta.format}`);
  const head = utf8.encode(JSON.stringify({ v: 1, ...h, format: full.format, full: meta(full), delta: delta ? meta(delta) : null }));
  const fullLen = full.bytes.byteLength;
  const deltaLen = delta ? delta.bytes.byteLength : 0;
  const out = new Uint8Array(8 + head.byteLength + fullLen + deltaLen);
  out.set(MAGIC, 0);
  new DataView(out.buffer).setUint32(4, head.byteLength, true);
  out.set(head, 8);
  out.set(new Uint8Array(full.bytes), 8 + head.byteLength);
  if (delta) out.set(new Uint8Array(delta.bytes), 8 + head.byteLength + fullLen);
  return out;
}

const isSpan = (s: unknown): s is Span => Array.isArray(s) && s.length === 2 && s.every((n) => Number.isInteger(n) && n >= 0);

function parts(format: WireFormat, m: PartsMeta, data: Uint8Array, offset: number): PackedParts {
  if (!m || !Number.isInteger(m.len) || offset + m.len > data.byteLength) throw new FrameCodecError('BC_FRAME_CODEC', 'parts overrun the message');
  if (![m.header, m.indices, m.foreign, m.derivatives].every(isSpan) || !Array.isArray(m.rows) || !Array.isArray(m.symbols) || m.rows.length !== 2 * m.symbols.length) throw new FrameCodecError('BC_FRAME_CODEC', 'malformed part table');
  const spans = [m.header, m.indices, m.foreign, m.derivatives];
  for (let i = 0; i < m.rows.length; i += 2) spans.push([m.rows[i]!, m.rows[i + 1]!]);
  for (const [o, l] of spans) if (o + l > m.len) throw new FrameCodecError('BC_FRAME_CODEC', 'a part lies outside its buffer');
  // A copy of exactly this range: the broadcaster slices parts out of `bytes` by offset.
  // (Not data.slice(): on a Node Buffer that is a view into the whole socket buffer.)
  const copy = new Uint8Array(m.len);
  copy.set(data.subarray(offset, offset + m.len));
  const bytes = copy.buffer;
  return { format, bytes, header: m.header, symbols: m.symbols, rows: m.rows, indices: m.indices, foreign: m.foreign, derivatives: m.derivatives };
}

export function decodeBusFrame(data: Uint8Array): BusFrame {
  if (data.byteLength < 8 || MAGIC.some((b, i) => data[i] !== b)) throw new FrameCodecError('BC_FRAME_CODEC', 'not a boardcast frame message (bad magic)');
  const headLen = new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(4, true);
  if (8 + headLen > data.byteLength) throw new FrameCodecError('BC_FRAME_CODEC', 'header overruns the message');
  let h: FrameHeader & { v: number; format: WireFormat; full: PartsMeta; delta: PartsMeta | null };
  try {
    h = JSON.parse(fromUtf8.decode(data.subarray(8, 8 + headLen))) as typeof h;
  } catch (err) {
    throw new FrameCodecError('BC_FRAME_CODEC', `undecodable header: ${(err as Error).message}`);
  }
  if (h.v !== 1) throw new FrameCodecError('BC_FRAME_CODEC', `unsupported frame message version ${String(h.v)}`);
  if (!WIRE_FORMATS.includes(h.format) || typeof h.epoch !== 'string' || !Number.isSafeInteger(h.seq) || !Number.isSafeInteger(h.term)) throw new FrameCodecError('BC_FRAME_CODEC', 'malformed header');
  const full = parts(h.format, h.full, data, 8 + headLen);
  const delta = h.delta ? parts(h.format, h.delta, data, 8 + headLen + h.full.len) : null;
  return {
    term: h.term,
    epoch: h.epoch,
    seq: h.seq,
    producedAtUs: h.producedAtUs,
    keyframe: Boolean(h.keyframe),
    buildUs: h.buildUs ?? 0,
    formats: Array.isArray(h.formats) ? h.formats.filter((f) => WIRE_FORMATS.includes(f)) : [h.format],
    basket: Array.isArray(h.basket) ? h.basket : [],
    sentAtUs: h.sentAtUs ?? 0,
    format: h.format,
    full,
    delta,
  };
}
