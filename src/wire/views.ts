// Views: what one socket asked to receive — wire format, channels, an optional symbol
// watchlist, deltas or FULL frames only. Sockets with the same view share a uWS topic, and
// each frame is assembled once per view from the worker's pre-encoded parts (never
// re-encoded, never per socket).
import { jsonEnvelopeHead, protoEnvelope, type FrameKindName, type FrameMeta } from './envelope.js';
import type { WireFormat } from './formats.js';
import { CHANNELS, DEFAULT_CHANNELS, type Channel, type PackedParts, type Span } from './frame-parts.js';
import { jsonListOpen, LIST_CHANNELS, takesGroup, type PackedList } from './list-parts.js';
import { fieldHead, TAG } from './varint.js';

export type { FrameMeta } from './envelope.js';

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

const ascii = new TextEncoder();

const slice = (p: PackedParts, s: Span) => new Uint8Array(p.bytes, s[0], s[1]);

// Row index by symbol, per parts object, built on first use: a 20-symbol watchlist over
// the whole market (1,550 rows in a FULL) looks its rows up instead of scanning every row,
// once per view per frame. Held as long as the parts are.
const rowIndex = new WeakMap<PackedParts, Map<string, number>>();

function indexOf(p: PackedParts): Map<string, number> {
  let m = rowIndex.get(p);
  if (!m) {
    m = new Map(p.symbols.map((s, i) => [s, i]));
    rowIndex.set(p, m);
  }
  return m;
}

/** The rows (indices into `p.symbols`) view `v` receives, in snapshot order. */
function selectedRows(p: PackedParts, v: ViewSpec): number[] {
  const n = p.symbols.length;
  const list = v.symbols;
  if (list === null) return Array.from({ length: n }, (_, i) => i);
  if (list.size * 4 < n) {
    const at = indexOf(p);
    const rows: number[] = [];
    for (const s of list) {
      const i = at.get(s);
      if (i !== undefined) rows.push(i);
    }
    return rows.sort((a, b) => a - b);
  }
  const rows: number[] = [];
  for (let i = 0; i < n; i++) if (list.has(p.symbols[i]!)) rows.push(i);
  return rows;
}

/** The parts of `p` that view `v` receives, in snapshot order. */
function selectedParts(p: PackedParts, v: ViewSpec): Uint8Array[] {
  const out: Uint8Array[] = [];
  // The packed buffer holds the default channels' parts, contiguous: a view of all of them
  // and no watchlist is the buffer itself.
  const all = v.symbols === null && DEFAULT_CHANNELS.every((c) => v.channels.has(c));
  if (all && p.format === 'proto') return [new Uint8Array(p.bytes, 0, p.boardEnd)];
  out.push(slice(p, p.header));
  if (v.channels.has('board')) for (const i of selectedRows(p, v)) out.push(new Uint8Array(p.bytes, p.rows[2 * i]!, p.rows[2 * i + 1]!));
  return out;
}

function trailingParts(p: PackedParts, v: ViewSpec): Uint8Array[] {
  const out: Uint8Array[] = [];
  if (v.channels.has('indices') && p.indices[1] > 0) out.push(slice(p, p.indices));
  if (v.channels.has('foreign') && p.foreign[1] > 0) out.push(slice(p, p.foreign));
  if (v.channels.has('derivatives') && p.derivatives[1] > 0) out.push(slice(p, p.derivatives));
  return out;
}

/** The list channels' packed tables a frame of view `v` takes: the replay's where `replay` and it has one. */
function listsOf(p: PackedParts, v: ViewSpec, replay: boolean): PackedList[] {
  const out: PackedList[] = [];
  for (const c of LIST_CHANNELS) {
    if (!v.channels.has(c)) continue;
    const l = (replay && p.replay[c]) || p.lists[c];
    if (l) out.push(l);
  }
  return out;
}

/** The groups of list `l` that view `v` takes (its watchlist's symbols and the every-view groups). */
function listGroups(p: PackedParts, l: PackedList, v: ViewSpec): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < l.keys.length; i++) if (takesGroup(v.symbols, l.keys[i]!)) out.push(new Uint8Array(p.bytes, l.spans[2 * i]!, l.spans[2 * i + 1]!));
  return out;
}

/** Whether a FULL of view `v` served on connect or resync differs from the regular stream's FULL. */
export function hasReplay(p: PackedParts, v: ViewSpec): boolean {
  return LIST_CHANNELS.some((c) => v.channels.has(c) && p.replay[c] !== undefined);
}

function assembleProto(meta: FrameMeta, kind: FrameKindName, baseSeq: number, p: PackedParts, v: ViewSpec, replay: boolean): Uint8Array {
  const head = selectedParts(p, v);
  const body = head.length === 1 && head[0]!.byteLength === p.boardEnd ? head : [...head, ...trailingParts(p, v)];
  // Each list entry is a tagged field of its own: the groups splice in as they are.
  for (const l of listsOf(p, v, replay)) body.push(...listGroups(p, l, v));
  let len = 0;
  for (const b of body) len += b.byteLength;
  return Buffer.concat([protoEnvelope(meta, kind, baseSeq), fieldHead(TAG.FRAME_SNAPSHOT, len), ...body]);
}

const COMMA = ascii.encode(',');
const CLOSE = ascii.encode(']');
const listOpen = Object.fromEntries(LIST_CHANNELS.map((c) => [c, ascii.encode(`,${jsonListOpen(c)}`)]));

function assembleJson(meta: FrameMeta, kind: FrameKindName, baseSeq: number, p: PackedParts, v: ViewSpec, replay: boolean): Uint8Array {
  const pieces: Uint8Array[] = [ascii.encode(`${jsonEnvelopeHead(meta, kind, baseSeq, 'snapshot')}{`)];
  pieces.push(slice(p, p.header));
  if (v.channels.has('board')) {
    pieces.push(ascii.encode(',"symbols":['));
    let first = true;
    for (const i of selectedRows(p, v)) {
      if (!first) pieces.push(COMMA);
      first = false;
      pieces.push(new Uint8Array(p.bytes, p.rows[2 * i]!, p.rows[2 * i + 1]!));
    }
    pieces.push(ascii.encode(']'));
  }
  for (const part of trailingParts(p, v)) pieces.push(COMMA, part);
  // A list channel with nothing for this view is left out (the proto3 JSON mapping may omit an empty repeated field).
  for (const c of LIST_CHANNELS) {
    if (!v.channels.has(c)) continue;
    const l = (replay && p.replay[c]) || p.lists[c];
    const groups = l ? listGroups(p, l, v) : [];
    if (groups.length === 0) continue;
    pieces.push(listOpen[c]!);
    for (let i = 0; i < groups.length; i++) {
      if (i > 0) pieces.push(COMMA);
      pieces.push(groups[i]!);
    }
    pieces.push(CLOSE);
  }
  pieces.push(ascii.encode('}}'));
  return Buffer.concat(pieces);
}

/**
 * One frame of view `v`, as the bytes to send. `replay`: the FULL a socket gets when it
 * connects or resyncs (its list channels carry their replay, e.g. the last trades).
 */
export function assembleView(meta: FrameMeta, kind: FrameKindName, baseSeq: number, parts: PackedParts, v: ViewSpec, replay = false): Uint8Array {
  return v.format === 'proto' ? assembleProto(meta, kind, baseSeq, parts, v, replay) : assembleJson(meta, kind, baseSeq, parts, v, replay);
}
