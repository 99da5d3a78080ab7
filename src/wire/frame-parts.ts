// A snapshot encoded once per wire format as separable parts — header, one row per symbol,
// indices, foreign summary, derivatives — packed into one transferable buffer with an
// offset table. The main thread assembles any view a socket asked for (channels, symbol
// watchlist, FULL or DELTA) by concatenating parts, so no view is ever re-encoded and no
// encoding is done per socket.
//
// protobuf: a message is the concatenation of its encoded fields, and repeated entries are
// independent, so header + any subset of tagged rows + the other tagged parts is a valid
// Snapshot. JSON: the parts are the members of the snapshot object, joined with commas.
//
// The opt-in list channels (trades, candles, alerts; list-parts.ts) follow the board's parts in
// the same buffer, grouped by symbol: [0, boardEnd) is the default channels' whole view.
import type { WireFormat } from './formats.js';
import { ByteAssembler } from './byte-assembler.js';
import { appendSnapshot } from './codec.js';
import { jsonFeed, jsonSymbol } from './json-enums.js';
import { appendProtoList, jsonListTexts, LIST_CHANNELS, type FrameLists, type ListChannel, type PackedList } from './list-parts.js';

// The list channels' public surface is part of this module's (list-parts.ts is the codec's own).
export { EVERY_VIEW, LIST_CHANNELS, type AlertRecord, type AlertSeverityName, type FrameLists, type ListChannel, type ListGroups, type ListItems, type PackedList } from './list-parts.js';
import { MarketPhase, Premium, type SnapshotProps, type SymbolStateProps } from './proto.js';

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
  /** End of the default channels' parts: bytes [0, boardEnd) are the whole board. */
  boardEnd: number;
  /** The list channels the regular stream carries (a DELTA, a keyframe, a `delta=0` FULL). */
  lists: Partial<Record<ListChannel, PackedList>>;
  /**
   * What a FULL served to a socket that connects or resyncs carries instead, where it differs
   * (the trade and alert replays). A list with nothing in it has no table: an empty replay
   * (TRADES_REPLAY / ALERTS_REPLAY 0, or nothing yet) leaves the connect FULL the regular one.
   */
  replay: Partial<Record<ListChannel, PackedList>>;
}

/** The list channels of one frame: the regular stream's, and the connect/resync FULL's where they differ. */
export interface PartLists {
  lists?: FrameLists;
  replay?: FrameLists;
}

function packProto(s: SnapshotProps, l: PartLists): PackedParts {
  const asm = new ByteAssembler();
  const layout = appendSnapshot(asm, s);
  const rows: number[] = [];
  for (const r of layout.rows) rows.push(r.span[0], r.span[1]);
  const boardEnd = asm.length;
  const packList = (src: FrameLists | undefined) => {
    const out: Partial<Record<ListChannel, PackedList>> = {};
    for (const c of LIST_CHANNELS) {
      if (!src?.[c]) continue;
      const table = appendProtoList(asm, c, src[c]!);
      if (table.keys.length > 0) out[c] = table;
    }
    return out;
  };
  const lists = packList(l.lists);
  const replay = packList(l.replay);
  const bytes = asm.finish();
  return { format: 'proto', bytes: bytes.buffer as ArrayBuffer, header: layout.header, symbols: layout.rows.map((r) => r.symbol), rows, indices: layout.indices, foreign: layout.foreign, derivatives: layout.derivatives, boardEnd, lists, replay };
}

// JSON text of a row, cached by object identity like the protobuf bytes (see codec.ts).
const rowJson = new WeakMap<object, string>();
const jsonRow = (row: SymbolStateProps) => {
  let t = rowJson.get(row);
  if (t === undefined) rowJson.set(row, (t = JSON.stringify(jsonSymbol(row))));
  return t;
};

function packJson(s: SnapshotProps, l: PartLists): PackedParts {
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
  const nBoard = pieces.length;
  const listTables: Array<{ into: 'lists' | 'replay'; channel: ListChannel; keys: string[]; first: number }> = [];
  for (const into of ['lists', 'replay'] as const) {
    for (const c of LIST_CHANNELS) {
      const groups = l[into]?.[c];
      if (!groups) continue;
      const { keys, texts } = jsonListTexts(c, groups);
      if (keys.length === 0) continue;
      listTables.push({ into, channel: c, keys, first: pieces.length });
      pieces.push(...texts);
    }
  }
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
  const boardEnd = nBoard === spans.length ? off : spans[nBoard]![0];
  const lists: Partial<Record<ListChannel, PackedList>> = {};
  const replay: Partial<Record<ListChannel, PackedList>> = {};
  for (const t of listTables) {
    const spansOut: number[] = [];
    for (let i = 0; i < t.keys.length; i++) spansOut.push(spans[t.first + i]![0], spans[t.first + i]![1]);
    (t.into === 'lists' ? lists : replay)[t.channel] = { keys: t.keys, spans: spansOut };
  }
  return { format: 'json', bytes: bytes.buffer, header: spans[0]!, symbols, rows, indices: spans[nRows + 1]!, foreign: spans[nRows + 2]!, derivatives: spans[nRows + 3]!, boardEnd, lists, replay };
}

const encoder = new TextEncoder();

export function packParts(s: SnapshotProps, format: WireFormat, lists: PartLists = {}): PackedParts {
  return format === 'proto' ? packProto(s, lists) : packJson(s, lists);
}

