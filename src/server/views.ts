// Views: what one socket asked to receive — wire format, channels, an optional symbol
// watchlist, deltas or FULL frames only. Sockets with the same view share a uWS topic, and
// each frame is assembled once per view from the worker's pre-encoded parts (never
// re-encoded, never per socket).
import { pb, FrameKind } from '../wire/proto.js';
import { CHANNELS, type Channel, type PackedParts, type Span } from '../wire/frame-parts.js';
import type { WireFormat } from '../messages.js';
import { VN30_SYMBOLS } from '../market/sim/basket.js';

export interface ViewSpec {
  format: WireFormat;
  channels: ReadonlySet<Channel>;
  /** Watchlist; null means every symbol on the board. */
  symbols: ReadonlySet<string> | null;
  /** false: FULL frames only (?delta=0). */
  delta: boolean;
}

export function viewKey(v: ViewSpec): string {
  const ch = CHANNELS.filter((c) => v.channels.has(c)).join(',');
  const sy = v.symbols ? [...v.symbols].sort().join(',') : '*';
  return `${v.format}|${v.delta ? 'd' : 'f'}|${ch}|${sy}`;
}

export interface FrameMeta {
  seq: number;
  epoch: string;
  producedAtUs: number;
}

const TAG_SNAPSHOT = (6 << 3) | 2;
const ascii = new TextEncoder();

function varint(n: number): Uint8Array {
  const out: number[] = [];
  while (n > 0x7f) {
    out.push((n & 0x7f) | 0x80);
    n >>>= 7;
  }
  out.push(n);
  return Uint8Array.from(out);
}

const slice = (p: PackedParts, s: Span) => new Uint8Array(p.bytes, s[0], s[1]);

/** The parts of `p` that view `v` receives, in snapshot order. */
function selectedParts(p: PackedParts, v: ViewSpec): Uint8Array[] {
  const out: Uint8Array[] = [];
  const all = v.channels.size === CHANNELS.length && v.symbols === null;
  if (all && p.format === 'proto') return [new Uint8Array(p.bytes)]; // the parts are contiguous
  out.push(slice(p, p.header));
  if (v.channels.has('board')) {
    for (let i = 0; i < p.symbols.length; i++) {
      if (v.symbols && !v.symbols.has(p.symbols[i]!)) continue;
      out.push(new Uint8Array(p.bytes, p.rows[2 * i]!, p.rows[2 * i + 1]!));
    }
  }
  return out;
}

function trailingParts(p: PackedParts, v: ViewSpec): Uint8Array[] {
  const out: Uint8Array[] = [];
  if (v.channels.has('indices') && p.indices[1] > 0) out.push(slice(p, p.indices));
  if (v.channels.has('foreign') && p.foreign[1] > 0) out.push(slice(p, p.foreign));
  if (v.channels.has('derivatives') && p.derivatives[1] > 0) out.push(slice(p, p.derivatives));
  return out;
}

function assembleProto(meta: FrameMeta, kind: 'FULL' | 'DELTA', baseSeq: number, p: PackedParts, v: ViewSpec): Uint8Array {
  const envelope = pb.Frame.encode({ seq: meta.seq, epoch: meta.epoch, producedAtUs: meta.producedAtUs, kind: kind === 'FULL' ? FrameKind.FULL : FrameKind.DELTA, baseSeq }).finish();
  const head = selectedParts(p, v);
  const body = head.length === 1 && head[0]!.byteLength === p.bytes.byteLength ? head : [...head, ...trailingParts(p, v)];
  let len = 0;
  for (const b of body) len += b.byteLength;
  return Buffer.concat([envelope, Uint8Array.of(TAG_SNAPSHOT), varint(len), ...body]);
}

const COMMA = ascii.encode(',');

function assembleJson(meta: FrameMeta, kind: 'FULL' | 'DELTA', baseSeq: number, p: PackedParts, v: ViewSpec): Uint8Array {
  const pieces: Uint8Array[] = [ascii.encode(`{"seq":"${meta.seq}","epoch":${JSON.stringify(meta.epoch)},"producedAtUs":"${meta.producedAtUs}","kind":"${kind}","baseSeq":"${baseSeq}","snapshot":{`)];
  pieces.push(slice(p, p.header));
  if (v.channels.has('board')) {
    pieces.push(ascii.encode(',"symbols":['));
    let first = true;
    for (let i = 0; i < p.symbols.length; i++) {
      if (v.symbols && !v.symbols.has(p.symbols[i]!)) continue;
      if (!first) pieces.push(COMMA);
      first = false;
      pieces.push(new Uint8Array(p.bytes, p.rows[2 * i]!, p.rows[2 * i + 1]!));
    }
    pieces.push(ascii.encode(']'));
  }
  for (const part of trailingParts(p, v)) pieces.push(COMMA, part);
  pieces.push(ascii.encode('}}'));
  return Buffer.concat(pieces);
}

/** One frame of view `v`, as the bytes to send. */
export function assembleView(meta: FrameMeta, kind: 'FULL' | 'DELTA', baseSeq: number, parts: PackedParts, v: ViewSpec): Uint8Array {
  return v.format === 'proto' ? assembleProto(meta, kind, baseSeq, parts, v) : assembleJson(meta, kind, baseSeq, parts, v);
}

/** The channels a client may have: a JWT's `channels` claim (unknown names ignored), or all. */
export function allowedChannels(claim: readonly string[] | undefined): Set<Channel> {
  return new Set<Channel>(claim ? CHANNELS.filter((c) => claim.includes(c)) : CHANNELS);
}

/** Parses `?channels=a,b` (absent: every channel the socket may have). Returns the bad name on error. */
export function parseChannels(raw: string | null, allowed: ReadonlySet<Channel>): { ok: true; channels: Set<Channel> } | { ok: false; bad: string } {
  if (raw === null || raw === '') return { ok: true, channels: new Set(allowed) };
  const out = new Set<Channel>();
  for (const name of raw.split(',').map((s) => s.trim()).filter(Boolean)) {
    if (!(CHANNELS as readonly string[]).includes(name) || !allowed.has(name as Channel)) return { ok: false, bad: name };
    out.add(name as Channel);
  }
  return { ok: true, channels: out };
}

export type SymbolsResult =
  | { ok: true; symbols: Set<string> | null }
  | { ok: false; code: 'BC_UNKNOWN_SYMBOL' | 'BC_TOO_MANY_SYMBOLS'; message: string };

/** A watchlist of more than `max` symbols. */
export const tooManySymbols = (n: number, max: number): SymbolsResult => ({ ok: false, code: 'BC_TOO_MANY_SYMBOLS', message: `a watchlist holds at most ${max} symbols (asked for ${n})` });

/**
 * Parses `?symbols=FPT,VNM` (absent: null, the whole board). Every name must be in the
 * basket — never an empty one, see initialBasket — and there may be at most `max`.
 */
export function parseSymbols(raw: string | null, basket: readonly string[], max: number): SymbolsResult {
  if (raw === null || raw === '') return { ok: true, symbols: null };
  const out = new Set<string>();
  for (const name of raw.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean)) {
    if (!basket.includes(name)) return { ok: false, code: 'BC_UNKNOWN_SYMBOL', message: `unknown symbol ${JSON.stringify(name)}` };
    out.add(name);
    if (out.size > max) return tooManySymbols(out.size, max);
  }
  return { ok: true, symbols: out };
}

/**
 * The symbols a watchlist may name before the feed's own basket is known: the built-in
 * VN30 list plus EXTRA_SYMBOLS. ROLE=all listens only after its worker said 'ready' (the
 * real basket); an edge listens at once, and until the ingest's first FULL frame brings
 * the real basket it checks watchlists against this one rather than accepting any name.
 */
export function initialBasket(extraSymbols: readonly string[]): string[] {
  return [...new Set([...VN30_SYMBOLS, ...extraSymbols])];
}
