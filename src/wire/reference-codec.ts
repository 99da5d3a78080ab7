// Reference encoders of whole frames, for tests and benches only: the server never
// imports this file (test/arch/import-graph.test.ts checks it). What goes on the wire is
// assembled from the parts of frame-parts.ts (views.ts); these encode the same Frame in
// one go — protobuf through the same snapshot encoder, JSON through the generic mapping —
// so tests can compare the two paths and benches have a fixed unit of work.
import { ByteAssembler } from './byte-assembler.js';
import { appendSnapshot, ownBuffer } from './codec.js';
import { jsonEnvelope, protoEnvelope, type FrameKindName } from './envelope.js';
import { jsonFeed, jsonSymbol } from './json-enums.js';
import { pb, MarketPhase, Premium, type SnapshotProps } from './proto.js';
import { TAG } from './varint.js';

export interface FrameInput {
  seq: number;
  epoch: string;
  producedAtUs: number;
  kind: FrameKindName;
  baseSeq: number;
  snapshot: SnapshotProps;
}

const encoder = new TextEncoder();

export function encodeSnapshot(s: SnapshotProps): Uint8Array {
  const asm = new ByteAssembler();
  appendSnapshot(asm, s);
  return asm.finish();
}

export function encodeProto(f: FrameInput): ArrayBuffer {
  const snapshot = new ByteAssembler();
  appendSnapshot(snapshot, f.snapshot);
  const asm = new ByteAssembler();
  asm.raw(protoEnvelope(f, f.kind, f.baseSeq));
  asm.field(TAG.FRAME_SNAPSHOT, snapshot);
  return asm.finish().buffer as ArrayBuffer;
}

/**
 * The protobuf JSON mapping of the same Frame: lowerCamelCase names, enums by name,
 * 64-bit integers (seq, baseSeq, producedAtUs) as strings. Only the envelope and the enum
 * fields need converting, because the snapshot is already built in mapped form.
 */
export function toJsonMapping(f: FrameInput): Record<string, unknown> {
  const s = f.snapshot;
  const snapshot: Record<string, unknown> = { ...s, phase: MarketPhase[s.phase ?? 0], derivativesPhase: MarketPhase[s.derivativesPhase ?? 0] };
  if (s.symbols) snapshot.symbols = s.symbols.map(jsonSymbol);
  if (s.feed) snapshot.feed = jsonFeed(s.feed);
  if (s.derivatives) snapshot.derivatives = { ...s.derivatives, premium: Premium[s.derivatives.premium ?? 0] };
  return { ...jsonEnvelope(f, f.kind, f.baseSeq), snapshot };
}

export function encodeJsonText(f: FrameInput): string {
  return JSON.stringify(toJsonMapping(f));
}

export function encodeJson(f: FrameInput): ArrayBuffer {
  return ownBuffer(encoder.encode(encodeJsonText(f)));
}

/** Decodes a protobuf frame into the same JSON mapping the text sockets carry. */
export function decodeProtoToJsonMapping(bytes: Uint8Array): Record<string, unknown> {
  const msg = pb.Frame.decode(bytes);
  const obj = pb.Frame.toObject(msg, { longs: String, enums: String, defaults: true, arrays: true }) as Record<string, unknown>;
  // `defaults` renders absent message fields as null; the JSON mapping omits them.
  if (obj.snapshot === null) delete obj.snapshot;
  if (obj.control === null) delete obj.control;
  omitEmptyOptIn(obj.snapshot as Record<string, unknown> | undefined);
  return obj;
}

/**
 * The JSON mapping leaves out the opt-in channels' lists (trades, candles, alerts) when they
 * are empty, as proto3 JSON may: drops them from a snapshot decoded with `defaults`.
 */
export function omitEmptyOptIn(snapshot: Record<string, unknown> | undefined): void {
  if (!snapshot) return;
  for (const k of ['trades', 'candles', 'alerts']) if (Array.isArray(snapshot[k]) && (snapshot[k] as unknown[]).length === 0) delete snapshot[k];
}
