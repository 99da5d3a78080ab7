// Turns one WebSocket message into what the load generator measures: the frame's header
// (seq, epoch, kind, produced time) or "control". Binary messages are protobuf, text
// messages the protobuf JSON mapping, whatever format was asked for.
import protobuf from 'protobufjs/minimal.js';
import { decodeFrame } from '@boardcast/client';
import { FrameKind } from '../wire/proto.js';
import type { FrameHeader } from './stats.js';
import type { DecodeMode } from './options.js';

export type DecodedMessage =
  | { type: 'board'; header: FrameHeader; producedAtUs: number }
  | { type: 'control' };

/** uint64/int64 fields arrive as Long objects (protobuf), strings (JSON) or numbers. */
export function toNumber(v: unknown): number {
  if (v === null || v === undefined) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return Number(v);
  if (typeof v === 'object' && typeof (v as { toNumber?: unknown }).toNumber === 'function') {
    return (v as { toNumber(): number }).toNumber();
  }
  return Number(v);
}

function board(seq: unknown, epoch: unknown, kind: unknown, producedAtUs: unknown): DecodedMessage {
  return {
    type: 'board',
    // proto3 omits defaults: an absent kind is FULL (0), an absent seq is 0.
    header: { seq: toNumber(seq), epoch: typeof epoch === 'string' ? epoch : '', full: kind !== FrameKind.DELTA && kind !== 'DELTA' },
    producedAtUs: toNumber(producedAtUs),
  };
}

/** Full decode through the client SDK's decoder: what a real terminal pays per frame. */
function decodeFull(data: Buffer, isBinary: boolean): DecodedMessage {
  const f = decodeFrame(isBinary ? data : data.toString('utf8'));
  if (f.control != null && f.snapshot == null) return { type: 'control' };
  return board(f.seq, f.epoch, f.kind, f.producedAtUs);
}

/**
 * Reads the header fields and skips the snapshot bytes unparsed, so that at 10k sockets
 * the client threads measure the server, not their own decoding.
 */
function decodeProtoHeader(bytes: Uint8Array): DecodedMessage {
  const r = protobuf.Reader.create(bytes);
  let seq: unknown = 0, epoch = '', kind = 0, producedAtUs: unknown = 0;
  let hasSnapshot = false, hasControl = false;
  while (r.pos < r.len) {
    const tag = r.uint32();
    switch (tag >>> 3) {
      case 1: seq = r.uint64(); break;
      case 2: epoch = r.string(); break;
      case 3: producedAtUs = r.int64(); break;
      case 4: kind = r.int32(); break;
      // The snapshot follows the envelope: nothing after it is a header field.
      case 6: hasSnapshot = true; r.pos = r.len; break;
      // Like the snapshot, a control body ends the header (and may run past the bytes kept).
      case 7: hasControl = true; r.pos = r.len; break;
      default: r.skipType(tag & 7);
    }
  }
  // The kind says CONTROL before the control body does: the raw path may hold only the envelope.
  if ((hasControl || kind === FrameKind.CONTROL) && !hasSnapshot) return { type: 'control' };
  return board(seq, epoch, kind, producedAtUs);
}

/**
 * The envelope boardcast writes before every JSON board frame, in this order (see
 * src/server/views.ts); the snapshot after it is neither parsed nor turned into a string.
 */
const JSON_ENVELOPE = /^\{"seq":"(\d+)","epoch":("(?:[^"\\]|\\.)*"),"producedAtUs":"(-?\d+)","kind":"(FULL|DELTA|CONTROL)",/;
/** Enough bytes for the envelope of any frame (an epoch is a few dozen characters); the raw path keeps this many. */
export const JSON_ENVELOPE_MAX = 256;

/** JSON header: the envelope's leading fields; anything else (control, another writer's field order) parsed whole. */
function decodeJsonHeader(data: Buffer): DecodedMessage {
  const m = JSON_ENVELOPE.exec(data.toString('latin1', 0, Math.min(data.length, JSON_ENVELOPE_MAX)));
  if (m) return m[4] === 'CONTROL' ? { type: 'control' } : board(m[1], JSON.parse(m[2]!) as string, m[4], m[3]);
  const f = JSON.parse(data.toString('utf8')) as Record<string, unknown>;
  if (f === null || typeof f !== 'object') throw new Error('JSON frame is not an object');
  if (f.control != null && f.snapshot == null) return { type: 'control' };
  return board(f.seq, f.epoch, f.kind, f.producedAtUs);
}

/** Throws on a malformed message; the caller counts it as a decode error. */
export function decodeMessage(data: Buffer, isBinary: boolean, mode: DecodeMode): DecodedMessage {
  if (mode === 'full') return decodeFull(data, isBinary);
  return isBinary ? decodeProtoHeader(data) : decodeJsonHeader(data);
}
