// Frame decoding and client-message encoding for the SDK. Binary frames are protobuf,
// text frames the protobuf JSON mapping; both end up in the same shape (DecodedFrame):
// every field present, 64-bit integers as numbers, enums by name, absent messages null.
import { pb } from '../../../src/wire/proto.js';
import type { DecodedFrame } from './types.js';

export const CLIENT_PROTOCOL_VERSION = 1;

const TO_OBJECT = { longs: Number, enums: String, defaults: true, arrays: true } as const;
const textDecoder = new TextDecoder();

export type RawFrameData = ArrayBuffer | ArrayBufferView | string;

/**
 * A text frame is JSON; a binary frame is protobuf, unless the socket speaks JSON (then it
 * is JSON text sent as binary). Throws on anything that is not a Frame.
 */
export function decodeFrame(data: RawFrameData, format: 'proto' | 'json' = 'proto'): DecodedFrame {
  let msg: InstanceType<typeof pb.Frame>;
  if (typeof data === 'string') msg = fromJson(data);
  else {
    const bytes = data instanceof ArrayBuffer ? new Uint8Array(data) : new Uint8Array(data.buffer, data.byteOffset, data.byteLength);
    msg = format === 'json' ? fromJson(textDecoder.decode(bytes)) : pb.Frame.decode(bytes);
  }
  // Going through the message also fills in what the JSON mapping may omit (defaults).
  return pb.Frame.toObject(msg, TO_OBJECT) as unknown as DecodedFrame;
}

function fromJson(text: string): InstanceType<typeof pb.Frame> {
  const parsed: unknown = JSON.parse(text);
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) throw new TypeError('a JSON frame must be an object');
  return pb.Frame.fromObject(parsed as Record<string, unknown>);
}

/** Size of a frame: bytes of a binary one, UTF-16 code units of a text one. */
export function frameSize(data: RawFrameData): number {
  return typeof data === 'string' ? data.length : data.byteLength;
}

export type ClientBody =
  | { resync: Record<string, never> }
  | { ping: { clientTimeUs: number } }
  | { subscribe: { channels: string[]; symbols: string[]; board?: string } }
  | { unsubscribe: { channels: string[]; symbols: string[] } };

/** A ClientMessage: protobuf bytes for binary sockets, JSON-mapping text for text ones. */
export function encodeClientMessage(format: 'proto' | 'json', body: ClientBody): Uint8Array | string {
  const msg = { version: CLIENT_PROTOCOL_VERSION, ...body };
  if (format === 'proto') return pb.ClientMessage.encode(msg).finish();
  // The JSON mapping writes int64 as a string.
  if ('ping' in body) return JSON.stringify({ version: CLIENT_PROTOCOL_VERSION, ping: { clientTimeUs: String(body.ping.clientTimeUs) } });
  return JSON.stringify(msg);
}
