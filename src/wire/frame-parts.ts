// A snapshot encoded once per wire format as separable parts — header, one row per symbol,
// indices, foreign summary, derivatives — packed into one transferable buffer with an
// offset table. The main thread assembles any view a socket asked for (channels, symbol
// watchlist, FULL or DELTA) by concatenating parts, so no view is ever re-encoded and no
// encoding is done per socket.
//
// protobuf: a message is the concatenation of its encoded fields, and repeated entries are
// independent, so header + any subset of tagged rows + the other tagged parts is a valid
// Snapshot. JSON: the parts are the members of the snapshot object, joined with commas.
import type { WireFormat } from './formats.js';
import { ByteAssembler } from './byte-assembler.js';
import { appendSnapshot } from './codec.js';
import { jsonFeed, jsonSymbol } from './json-enums.js';
import { AlertSeverity, MarketPhase, pb, Premium, type SnapshotProps, type SymbolStateProps } from './proto.js';
import { TAG } from './varint.js';

export const CHANNELS = ['board', 'indices', 'foreign', 'derivatives', 'trades', 'candles', 'alerts'] as const;
export type Channel = (typeof CHANNELS)[number];
/** What a socket that does not name its channels receives: the board as in the first release (trades, candles and alerts are opt-in). */
export const DEFAULT_CHANNELS: readonly Channel[] = ['board', 'indices', 'foreign', 'derivatives'];

/** [offset, length] in PackedParts.bytes; length 0 means the part is absent. */
export type Span = readonly [number, number];

export interface PackedParts {
  format: WireFormat;
  bytes: ArrayBuffer;
  header: Span;
  symbols: string[];
  /** Flattened spans of the rows, in `symbols` order: [off0, len0, off1, len1, …]. */
  rows: number[];
  indices: Span;
  foreign: Span;
  derivatives: Span;
  /** Channel `alerts`: those raised since the previous frame. */
  alerts: ListPart;
  /** Channel `alerts`: the recent ones, for the FULL a socket gets when it connects or resyncs (FULL parts only). */
  alertsReplay: ListPart;
}

/**
 * A list whose entries a watchlist filters: each entry's span in PackedParts.bytes and the
 * symbol it belongs to ('' = market-wide: every view of its channel gets it). JSON entries
 * are bare objects (the view writes the brackets and commas); protobuf ones are tagged fields.
 */
export interface ListPart {
  keys: string[];
  /** Flattened [off0, len0, off1, len1, …]. */
  spans: number[];
}

export type AlertSeverityName = 'INFO' | 'WARNING' | 'CRITICAL';

/** An alert as the market worker raises it (the wire's Alert, plus whether it is market-wide). */
export interface AlertRecord {
  id: string;
  type: string;
  severity: AlertSeverityName;
  symbol: string;
  value: number;
  params: Record<string, number>;
  timeMs: number;
  message: string;
  /** About an index or the futures, not one stock: sent to every watchlist. */
  wide: boolean;
}

/** What a frame carries besides the board: events since the previous frame, and what a (re)connecting socket is replayed. */
export interface FrameEvents {
  alerts: readonly AlertRecord[];
  alertsReplay: readonly AlertRecord[];
}

export const NO_EVENTS: FrameEvents = { alerts: [], alertsReplay: [] };
const NO_LIST: ListPart = { keys: [], spans: [] };

const alertProto = (a: AlertRecord) => pb.Alert.encode({ id: a.id, type: a.type, severity: AlertSeverity[a.severity], symbol: a.symbol, value: a.value, params: a.params, timeMs: a.timeMs, message: a.message }).finish();
const alertJson = (a: AlertRecord) => JSON.stringify({ id: a.id, type: a.type, severity: a.severity, symbol: a.symbol, value: a.value, params: a.params, timeMs: a.timeMs, message: a.message });

function appendList<T>(asm: ByteAssembler, items: readonly T[], key: (t: T) => string, tag: number, encode: (t: T) => Uint8Array): ListPart {
  if (items.length === 0) return NO_LIST;
  const part: ListPart = { keys: [], spans: [] };
  for (const it of items) {
    const [o, l] = asm.field(tag, encode(it));
    part.keys.push(key(it));
    part.spans.push(o, l);
  }
  return part;
}

const alertKey = (a: AlertRecord) => (a.wide ? '' : a.symbol);

function packProto(s: SnapshotProps, ev: FrameEvents): PackedParts {
  const asm = new ByteAssembler();
  const layout = appendSnapshot(asm, s);
  const rows: number[] = [];
  for (const r of layout.rows) rows.push(r.span[0], r.span[1]);
  // After the default channels' parts, which stay one contiguous run (see views.ts).
  const alerts = appendList(asm, ev.alerts, alertKey, TAG.SNAPSHOT_ALERTS, alertProto);
  const alertsReplay = appendList(asm, ev.alertsReplay, alertKey, TAG.SNAPSHOT_ALERTS, alertProto);
  const bytes = asm.finish();
  return { format: 'proto', bytes: bytes.buffer as ArrayBuffer, header: layout.header, symbols: layout.rows.map((r) => r.symbol), rows, indices: layout.indices, foreign: layout.foreign, derivatives: layout.derivatives, alerts, alertsReplay };
}

// JSON text of a row, cached by object identity like the protobuf bytes (see codec.ts).
const rowJson = new WeakMap<object, string>();
const jsonRow = (row: SymbolStateProps) => {
  let t = rowJson.get(row);
  if (t === undefined) rowJson.set(row, (t = JSON.stringify(jsonSymbol(row))));
  return t;
};

function packJson(s: SnapshotProps, ev: FrameEvents): PackedParts {
  const pieces: string[] = [];
  pieces.push(`"marketTimeMs":${s.marketTimeMs ?? 0},"tradingDate":${JSON.stringify(s.tradingDate ?? '')},"phase":"${MarketPhase[s.phase ?? 0]}","derivativesPhase":"${MarketPhase[s.derivativesPhase ?? 0]}","removedSymbols":${JSON.stringify(s.removedSymbols ?? [])}${s.feed ? `,"feed":${JSON.stringify(jsonFeed(s.feed))}` : ''}`);
  const symbols: string[] = [];
  for (const row of s.symbols ?? []) {
    pieces.push(jsonRow(row));
    symbols.push(row.symbol ?? '');
  }
  const nRows = symbols.length;
  pieces.push(`"indices":${JSON.stringify(s.indices ?? [])}`);
  pieces.push(s.foreign ? `"foreign":${JSON.stringify(s.foreign)}` : '');
  pieces.push(s.derivatives ? `"derivatives":${JSON.stringify({ ...s.derivatives, premium: Premium[s.derivatives.premium ?? 0] })}` : '');
  const nFixed = pieces.length;
  for (const a of ev.alerts) pieces.push(alertJson(a));
  for (const a of ev.alertsReplay) pieces.push(alertJson(a));
  // Everything in a snapshot is ASCII (symbols, ids, dates, enum names, numbers), so one
  // string and its char offsets are the bytes and their offsets.
  const text = pieces.join('');
  const spans: Span[] = [];
  let off = 0;
  for (const p of pieces) {
    spans.push([off, p.length]);
    off += p.length;
  }
  const bytes = new Uint8Array(text.length);
  const { written } = encoder.encodeInto(text, bytes);
  if (written !== text.length) throw new Error('snapshot JSON is not ASCII');
  const rows: number[] = [];
  for (let i = 1; i <= nRows; i++) rows.push(spans[i]![0], spans[i]![1]);
  const list = (items: readonly AlertRecord[], first: number): ListPart => (items.length === 0 ? NO_LIST : { keys: items.map(alertKey), spans: items.flatMap((_, i) => spans[first + i]!) });
  const alerts = list(ev.alerts, nFixed);
  const alertsReplay = list(ev.alertsReplay, nFixed + ev.alerts.length);
  return { format: 'json', bytes: bytes.buffer, header: spans[0]!, symbols, rows, indices: spans[nRows + 1]!, foreign: spans[nRows + 2]!, derivatives: spans[nRows + 3]!, alerts, alertsReplay };
}

const encoder = new TextEncoder();

/** A snapshot's parts in one wire format; `events` are the frame's alerts (and what a resyncing socket is replayed). */
export function packParts(s: SnapshotProps, format: WireFormat, events: FrameEvents = NO_EVENTS): PackedParts {
  return format === 'proto' ? packProto(s, events) : packJson(s, events);
}

