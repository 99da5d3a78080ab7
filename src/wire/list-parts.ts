// The per-frame list channels (trades, candles, alerts): entries grouped by key — a symbol,
// or '' for entries every view receives whatever its watchlist (the index candles, the
// market-wide alerts) — each
// group encoded once per format and packed after the board's parts, so a view takes the
// groups of its symbols by concatenation, as it takes the board's rows.
//
// A channel may have two lists in a FULL's parts: `lists` (what the regular stream
// carries: the trades since the previous frame, every current candle) and `replay` (what a
// socket that connects or resyncs gets instead: the last TRADES_REPLAY trades per symbol,
// the last ALERTS_REPLAY alerts).
//
// Adding a channel: its name in LIST_CHANNELS, its item type in ListItems, its encoders in
// CODECS. Nothing else (packing, NATS, view assembly) names a channel.
import type { ByteAssembler } from './byte-assembler.js';
import { AlertSeverity, MarketPhase, TradeSide, pb, type CandleProps, type TradeProps } from './proto.js';
import { TAG } from './varint.js';

/** Opt-in channels whose content is a list per frame, in snapshot field order. */
export const LIST_CHANNELS = ['trades', 'candles', 'alerts'] as const;
export type ListChannel = (typeof LIST_CHANNELS)[number];

export type AlertSeverityName = 'INFO' | 'WARNING' | 'CRITICAL';

/** An alert as the market worker raises it: the wire's Alert, plus whether it is market-wide. */
export interface AlertRecord {
  id: string;
  type: string;
  severity: AlertSeverityName;
  symbol: string;
  value: number;
  params: Record<string, number>;
  timeMs: number;
  message: string;
  /** About an index or the futures, not one stock: its group is EVERY_VIEW (every watchlist gets it). */
  wide: boolean;
}

export interface ListItems {
  trades: TradeProps;
  candles: CandleProps;
  alerts: AlertRecord;
}

/** One channel's entries: key → items (never an empty array). Group arrays are immutable once handed over: their bytes are cached by identity. */
export type ListGroups<C extends ListChannel> = ReadonlyMap<string, readonly ListItems[C][]>;
export type FrameLists = { [C in ListChannel]?: ListGroups<C> };

/** Key of the groups every view receives. */
export const EVERY_VIEW = '';

/** A packed channel: its group keys and their flattened [offset, length] spans in PackedParts.bytes. */
export interface PackedList {
  keys: string[];
  spans: number[];
}

interface Codec<T> {
  tag: number;
  /** The JSON member name (the proto field's lowerCamelCase name). */
  member: string;
  proto: (item: T) => Uint8Array;
  json: (item: T) => string;
}

const SIDE_NAME = TradeSide as unknown as Record<number, string>;
const PHASE_NAME = MarketPhase as unknown as Record<number, string>;

const CODECS: { [C in ListChannel]: Codec<ListItems[C]> } = {
  trades: {
    tag: TAG.SNAPSHOT_TRADES,
    member: 'trades',
    proto: (t) => pb.Trade.encode(t).finish(),
    // The JSON mapping: uint64 as a string, enums by name.
    json: (t) => `{"symbol":${JSON.stringify(t.symbol ?? '')},"tradeSeq":"${t.tradeSeq ?? 0}","price":${t.price ?? 0},"volume":${t.volume ?? 0},"side":"${SIDE_NAME[t.side ?? 0]}","session":"${PHASE_NAME[t.session ?? 0]}","timeMs":${t.timeMs ?? 0}}`,
  },
  candles: {
    tag: TAG.SNAPSHOT_CANDLES,
    member: 'candles',
    proto: (c) => pb.Candle.encode(c).finish(),
    json: (c) => JSON.stringify(c.closed ? c : { ...c, closed: undefined }),
  },
  alerts: {
    tag: TAG.SNAPSHOT_ALERTS,
    member: 'alerts',
    proto: (a) => pb.Alert.encode({ id: a.id, type: a.type, severity: AlertSeverity[a.severity], symbol: a.symbol, value: a.value, params: a.params, timeMs: a.timeMs, message: a.message }).finish(),
    json: (a) => JSON.stringify({ id: a.id, type: a.type, severity: a.severity, symbol: a.symbol, value: a.value, params: a.params, timeMs: a.timeMs, message: a.message }),
  },
};

// Bytes per item and per group, by object identity: a replay group that did not change
// since the previous frame (the same array) costs nothing to pack again.
const itemProto = new WeakMap<object, Uint8Array>();
const itemJson = new WeakMap<object, string>();
const groupProto = new WeakMap<object, Uint8Array[]>();
const groupJson = new WeakMap<object, string>();

function protoGroup<T extends object>(codec: Codec<T>, items: readonly T[]): Uint8Array[] {
  let chunks = groupProto.get(items);
  if (!chunks) {
    chunks = [];
    for (const it of items) {
      let b = itemProto.get(it);
      if (!b) itemProto.set(it, (b = codec.proto(it)));
      // tag (< 128) + length varint + content: written by the assembler's field().
      chunks.push(b);
    }
    groupProto.set(items, chunks);
  }
  return chunks;
}

function jsonGroup<T extends object>(codec: Codec<T>, items: readonly T[]): string {
  let text = groupJson.get(items);
  if (text === undefined) {
    const parts: string[] = [];
    for (const it of items) {
      let t = itemJson.get(it);
      if (t === undefined) itemJson.set(it, (t = codec.json(it)));
      parts.push(t);
    }
    groupJson.set(items, (text = parts.join(',')));
  }
  return text;
}

/** Appends one channel's groups to a protobuf assembly (each item a tagged field); returns the packed table. */
export function appendProtoList<C extends ListChannel>(asm: ByteAssembler, channel: C, groups: ListGroups<C>): PackedList {
  const codec = CODECS[channel] as unknown as Codec<object>;
  const out: PackedList = { keys: [], spans: [] };
  for (const [key, items] of groups) {
    if (items.length === 0) continue;
    const start = asm.length;
    for (const b of protoGroup(codec, items as readonly object[])) asm.field(codec.tag, b);
    out.keys.push(key);
    out.spans.push(start, asm.length - start);
  }
  return out;
}

/** One channel's groups as JSON texts (items joined with commas), in key order. */
export function jsonListTexts<C extends ListChannel>(channel: C, groups: ListGroups<C>): { keys: string[]; texts: string[] } {
  const codec = CODECS[channel] as unknown as Codec<object>;
  const keys: string[] = [];
  const texts: string[] = [];
  for (const [key, items] of groups) {
    if (items.length === 0) continue;
    keys.push(key);
    texts.push(jsonGroup(codec, items as readonly object[]));
  }
  return { keys, texts };
}

/** The JSON member that opens a channel's array: `"trades":[`. */
export const jsonListOpen = (channel: ListChannel): string => `"${CODECS[channel].member}":[`;

/** Whether a view with watchlist `symbols` (null: all) receives group `key`. */
export const takesGroup = (symbols: ReadonlySet<string> | null, key: string): boolean => key === EVERY_VIEW || symbols === null || symbols.has(key);

