// The frame bus codec: one worker 'frame' message, for one wire format, as one NATS
// message. The parts (PackedParts) travel as their bytes plus their offset table, so an
// edge assembles exactly the views the ingest's own main thread would have assembled:
// the bytes a client receives are the bytes the ingest's worker encoded, on every edge.
//
// Layout: "BCF1" | u32 LE header length | header (JSON, UTF-8) | full bytes | delta bytes.
// The header is small (spans, the basket, on keyframes the boards); the parts are copied verbatim.
import { FrameCodecError } from './errors.js';
import { WIRE_FORMATS, type WireFormat } from '../wire/formats.js';
import { LIST_CHANNELS, type ListChannel, type PackedList, type PackedParts, type Span } from '../wire/frame-parts.js';

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
  /**
   * The named boards as the ingest's feed learned them (the worker's 'ready'), e.g. the
   * HNX list from SSI's securities lists. Only on keyframes and the KV's latest FULL: the
   * lists are as large as the basket and change only with a new epoch.
   */
  boards?: Record<string, string[]>;
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
  boardEnd: number;
  lists: Partial<Record<ListChannel, PackedList>>;
  replay: Partial<Record<ListChannel, PackedList>>;
}

const meta = (p: PackedParts): PartsMeta => ({ len: p.bytes.byteLength, header: p.header, symbols: p.symbols, rows: p.rows, indices: p.indices, foreign: p.foreign, derivatives: p.derivatives, boardEnd: p.boardEnd, lists: p.lists, replay: p.replay });
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

// Everything below checks a message from the bus before any of it is used: an edge must
// never throw on, or pass on, bytes that are not a well-formed frame message (a NATS
// subject is a door other processes can knock on). Every failure is a FrameCodecError.
const bad = (what: string) => new FrameCodecError('BC_FRAME_CODEC', what);
const MAX_HEADER_BYTES = 1 << 20;
const MAX_SYMBOLS = 5000;
const EPOCH_RE = /^[A-Za-z0-9_-]{1,64}$/;
const SYMBOL_RE = /^[A-Za-z0-9._-]{1,32}$/;

const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
const isTime = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;
const isSpan = (s: unknown): s is Span => Array.isArray(s) && s.length === 2 && s.every(isCount);
const isObject = (o: unknown): o is Record<string, unknown> => typeof o === 'object' && o !== null && !Array.isArray(o);
const isSymbolList = (a: unknown): a is string[] => Array.isArray(a) && a.length <= MAX_SYMBOLS && a.every((x) => typeof x === 'string' && SYMBOL_RE.test(x));
const MAX_BOARDS = 32;
const BOARD_RE = /^[A-Z0-9-]{1,16}$/;

/** The boards of a header: absent is fine (a delta, or a feed without lists); present, every name and list checked. */
function boardLists(b: unknown): Record<string, string[]> | undefined {
  if (b === undefined) return undefined;
  if (!isObject(b)) throw bad('malformed header: boards');
  const names = Object.keys(b);
  if (names.length > MAX_BOARDS || !names.every((n) => BOARD_RE.test(n) && isSymbolList(b[n]))) throw bad('malformed header: boards');
  return b as Record<string, string[]>;
}

/** A list channel table (keys: symbols, and at most one '' for the every-view group). */
const isGroupKeys = (a: unknown): a is string[] => Array.isArray(a) && a.length <= MAX_SYMBOLS + 1 && a.every((x) => x === '' || (typeof x === 'string' && SYMBOL_RE.test(x)));

/** The list channels' tables, checked; their spans are added to `spans`. */
function listTables(m: unknown, spans: Span[]): Partial<Record<ListChannel, PackedList>> {
  if (m === undefined) return {};
  if (!isObject(m)) throw bad('malformed part table: lists');
  const out: Partial<Record<ListChannel, PackedList>> = {};
  for (const [c, l] of Object.entries(m)) {
    if (!(LIST_CHANNELS as readonly string[]).includes(c) || !isObject(l)) throw bad('malformed part table: lists');
    const { keys, spans: sp } = l;
    if (!isGroupKeys(keys) || !Array.isArray(sp) || sp.length !== 2 * keys.length || !sp.every(isCount)) throw bad('malformed part table: list spans');
    for (let i = 0; i < sp.length; i += 2) spans.push([sp[i] as number, sp[i + 1] as number]);
    out[c as ListChannel] = { keys, spans: sp as number[] };
  }
  return out;
}

/** The part table, checked: every span an in-range [offset, length] of a `len`-byte buffer. */
function partsMeta(m: unknown): PartsMeta {
  if (!isObject(m) || !isCount(m.len)) throw bad('malformed part table');
  const { len, header, indices, foreign, derivatives, rows, symbols } = m;
  // A frame from an ingest older than the list channels has no boardEnd: the board is the whole buffer.
  const boardEnd = m.boardEnd === undefined ? len : m.boardEnd;
  if (!isCount(boardEnd) || boardEnd > len) throw bad('malformed part table: boardEnd');
  if (![header, indices, foreign, derivatives].every(isSpan)) throw bad('malformed part table: bad span');
  if (!isSymbolList(symbols) || !Array.isArray(rows) || rows.length !== 2 * symbols.length || !rows.every(isCount)) throw bad('malformed part table: bad rows');
  const spans = [header, indices, foreign, derivatives] as Span[];
  for (let i = 0; i < rows.length; i += 2) spans.push([rows[i] as number, rows[i + 1] as number]);
  const lists = listTables(m.lists, spans);
  const replay = listTables(m.replay, spans);
  for (const [o, l] of spans) if (o + l > len) throw bad('a part lies outside its buffer');
  return { len, header: header as Span, symbols, rows: rows as number[], indices: indices as Span, foreign: foreign as Span, derivatives: derivatives as Span, boardEnd, lists, replay };
}

function parts(format: WireFormat, m: PartsMeta, data: Uint8Array, offset: number): PackedParts {
  // A copy of exactly this range: the broadcaster slices parts out of `bytes` by offset.
  // (Not data.slice(): on a Node Buffer that is a view into the whole socket buffer.)
  const copy = new Uint8Array(m.len);
  copy.set(data.subarray(offset, offset + m.len));
  return { format, bytes: copy.buffer, header: m.header, symbols: m.symbols, rows: m.rows, indices: m.indices, foreign: m.foreign, derivatives: m.derivatives, boardEnd: m.boardEnd, lists: m.lists, replay: m.replay };
}

export function decodeBusFrame(data: Uint8Array): BusFrame {
  if (!(data instanceof Uint8Array) || data.byteLength < 8 || MAGIC.some((b, i) => data[i] !== b)) throw bad('not a boardcast frame message (bad magic)');
  const headLen = new DataView(data.buffer, data.byteOffset, data.byteLength).getUint32(4, true);
  if (headLen > MAX_HEADER_BYTES || 8 + headLen > data.byteLength) throw bad('header overruns the message');
  let h: unknown;
  try {
    h = JSON.parse(fromUtf8.decode(data.subarray(8, 8 + headLen)));
  } catch (err) {
    throw bad(`undecodable header: ${(err as Error).message}`);
  }
  if (!isObject(h)) throw bad('malformed header: not an object');
  if (h.v !== 1) throw bad(`unsupported frame message version ${String(h.v).slice(0, 20)}`);
  const format = h.format as WireFormat;
  if (!WIRE_FORMATS.includes(format)) throw bad('malformed header: format');
  if (typeof h.epoch !== 'string' || !EPOCH_RE.test(h.epoch)) throw bad('malformed header: epoch');
  if (!isCount(h.seq) || h.seq < 1 || !isCount(h.term) || h.term < 1) throw bad('malformed header: seq or term');
  if (!isTime(h.producedAtUs) || !isTime(h.sentAtUs) || !isTime(h.buildUs)) throw bad('malformed header: times');
  if (typeof h.keyframe !== 'boolean') throw bad('malformed header: keyframe');
  const formats = h.formats;
  if (!Array.isArray(formats) || formats.length === 0 || formats.length > WIRE_FORMATS.length || !formats.every((f) => WIRE_FORMATS.includes(f as WireFormat)) || new Set(formats).size !== formats.length || !formats.includes(format)) throw bad('malformed header: formats');
  if (!isSymbolList(h.basket)) throw bad('malformed header: basket');
  const boards = boardLists(h.boards);
  const fullMeta = partsMeta(h.full);
  const deltaMeta = h.delta === null ? null : partsMeta(h.delta);
  const body = 8 + headLen;
  if (body + fullMeta.len + (deltaMeta?.len ?? 0) !== data.byteLength) throw bad('parts overrun the message (or bytes are missing)');
  return {
    term: h.term,
    epoch: h.epoch,
    seq: h.seq,
    producedAtUs: h.producedAtUs,
    keyframe: h.keyframe,
    buildUs: h.buildUs,
    formats: formats as WireFormat[],
    basket: h.basket,
    ...(boards ? { boards } : {}),
    sentAtUs: h.sentAtUs,
    format,
    full: parts(format, fullMeta, data, body),
    delta: deltaMeta ? parts(format, deltaMeta, data, body + fullMeta.len) : null,
  };
}
