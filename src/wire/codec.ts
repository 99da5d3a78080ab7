// Frame encoders: each frame is encoded once per wire format into an ArrayBuffer that is
// exactly the frame's bytes, so it can be transferred to the main thread without a copy.
import { pb, FrameKind, MarketPhase, Premium, type FrameProps, type SnapshotProps } from './proto.js';

export interface FrameInput {
  seq: number;
  epoch: string;
  producedAtUs: number;
  kind: 'FULL' | 'DELTA';
  baseSeq: number;
  snapshot: SnapshotProps;
}

const encoder = new TextEncoder();

/** A Uint8Array's bytes in an ArrayBuffer of their own (Node pools small buffers; a pooled one must never be transferred). */
function ownBuffer(u8: Uint8Array): ArrayBuffer {
  if (u8.byteOffset === 0 && u8.byteLength === u8.buffer.byteLength && u8.buffer instanceof ArrayBuffer) return u8.buffer;
  const copy = new Uint8Array(u8.byteLength);
  copy.set(u8);
  return copy.buffer;
}

function toProtoProps(f: FrameInput): FrameProps {
  return { seq: f.seq, epoch: f.epoch, producedAtUs: f.producedAtUs, kind: f.kind === 'FULL' ? FrameKind.FULL : FrameKind.DELTA, baseSeq: f.baseSeq, snapshot: f.snapshot };
}

export function encodeProto(f: FrameInput): ArrayBuffer {
  return ownBuffer(pb.Frame.encode(toProtoProps(f)).finish());
}

/**
 * The protobuf JSON mapping of the same Frame: lowerCamelCase names, enums by name,
 * 64-bit integers (seq, baseSeq, producedAtUs) as strings. Only the envelope and the two
 * enum fields need converting, because the snapshot is already built in mapped form.
 */
export function toJsonMapping(f: FrameInput): Record<string, unknown> {
  const s = f.snapshot;
  const snapshot: Record<string, unknown> = { ...s, phase: MarketPhase[s.phase ?? 0] };
  if (s.derivatives) snapshot.derivatives = { ...s.derivatives, premium: Premium[s.derivatives.premium ?? 0] };
  return { seq: String(f.seq), epoch: f.epoch, producedAtUs: String(f.producedAtUs), kind: f.kind, baseSeq: String(f.baseSeq), snapshot };
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
  return pb.Frame.toObject(msg, { longs: String, enums: String, defaults: true, arrays: true }) as Record<string, unknown>;
}

export type ControlBody = { error: { code: string; message: string } } | { pong: { clientTimeUs: number; serverTimeUs: number } };

/**
 * A control frame (error, pong): seq and epoch repeat the last board frame's so a
 * client's gap check is unaffected; it carries no snapshot.
 */
export function encodeControl(format: 'proto' | 'json', seq: number, epoch: string, control: ControlBody): ArrayBuffer | string {
  const producedAtUs = Math.round((performance.timeOrigin + performance.now()) * 1000);
  if (format === 'proto') return ownBuffer(pb.Frame.encode({ seq, epoch, producedAtUs, kind: FrameKind.FULL, control }).finish());
  const mapped = 'pong' in control ? { pong: { clientTimeUs: String(control.pong.clientTimeUs), serverTimeUs: String(control.pong.serverTimeUs) } } : control;
  return JSON.stringify({ seq: String(seq), epoch, producedAtUs: String(producedAtUs), kind: 'FULL', baseSeq: '0', control: mapped });
}
