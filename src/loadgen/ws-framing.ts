// The client side of RFC 6455 that the raw receive path needs, with no socket in sight so
// it can be tested byte by byte: the opening handshake, an incremental reader of the
// server's (unmasked) frames that keeps only the first bytes of each message, and the
// masked control frames a client sends back (pong, close).
//
// Why hand-written: the load generator must cost a small fraction of the server per
// message, and a general client (ws) pays per message for stream plumbing, fragment
// concatenation, UTF-8 validation and events. A header-only measurement needs none of it.
import { createHash, randomBytes, randomFillSync } from 'node:crypto';

/** Bytes kept from the start of each message: enough for any frame's envelope (see decode.ts). */
export const HEAD_BYTES = 256;

const WS_GUID = '258EAFA5-E914-47DA-95CA-C5AB0DC85B11';
/** A server that sends this much without ending its headers is not speaking HTTP to us. */
const MAX_RESPONSE_HEAD = 16 * 1024;

export const OP_CONTINUATION = 0x0;
export const OP_TEXT = 0x1;
export const OP_BINARY = 0x2;
export const OP_CLOSE = 0x8;
export const OP_PING = 0x9;
export const OP_PONG = 0xa;

/** A handshake or framing violation: the connection cannot go on. */
export class WsProtocolError extends Error {}

export const newHandshakeKey = (): string => randomBytes(16).toString('base64');

export const acceptFor = (key: string): string => createHash('sha1').update(key + WS_GUID).digest('base64');

/** The opening handshake's GET (no extensions: frames arrive uncompressed). */
export function handshakeRequest(url: URL, key: string): string {
  return `GET ${url.pathname || '/'}${url.search} HTTP/1.1\r\nHost: ${url.host}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
    `Sec-WebSocket-Key: ${key}\r\nSec-WebSocket-Version: 13\r\n\r\n`;
}

/**
 * Reads the server's reply to the handshake from the bytes received so far: -1 while its
 * headers are incomplete, else the offset of the first frame byte after them. Throws a
 * WsProtocolError for anything but a 101 with the accept hash of `key`; the messages are
 * ws's, so error samples read the same on either client path.
 */
export function readHandshakeResponse(bytes: Buffer, key: string): number {
  const end = bytes.indexOf('\r\n\r\n', 0, 'latin1');
  if (end < 0) {
    if (bytes.length > MAX_RESPONSE_HEAD) throw new WsProtocolError('Invalid HTTP response: headers too large');
    return -1;
  }
  const lines = bytes.toString('latin1', 0, end).split('\r\n');
  const status = /^HTTP\/1\.[01] (\d{3})/.exec(lines[0]!);
  if (!status) throw new WsProtocolError(`Invalid HTTP response: ${JSON.stringify(lines[0]!.slice(0, 80))}`);
  if (status[1] !== '101') throw new WsProtocolError(`Unexpected server response: ${Number(status[1])}`);
  const headers = new Map<string, string>();
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.set(line.slice(0, colon).trim().toLowerCase(), line.slice(colon + 1).trim());
  }
  if (headers.get('upgrade')?.toLowerCase() !== 'websocket') throw new WsProtocolError('Invalid Upgrade header');
  const accept = headers.get('sec-websocket-accept');
  if (accept === undefined) throw new WsProtocolError('Missing Sec-WebSocket-Accept header');
  if (accept !== acceptFor(key)) throw new WsProtocolError('Invalid Sec-WebSocket-Accept header');
  if (headers.has('sec-websocket-extensions')) throw new WsProtocolError('Server sent a Sec-WebSocket-Extensions header but no extension was requested');
  return end + 4;
}

/** One client→server frame (FIN, masked as RFC 6455 §5.3 requires); control payloads only (≤ 125 bytes). */
export function maskedFrame(opcode: number, payload: Uint8Array): Buffer {
  if (payload.length > 125) throw new RangeError('control frame payload over 125 bytes');
  const out = Buffer.allocUnsafe(6 + payload.length);
  out[0] = 0x80 | opcode;
  out[1] = 0x80 | payload.length;
  randomFillSync(out, 2, 4);
  for (let i = 0; i < payload.length; i++) out[6 + i] = payload[i]! ^ out[2 + (i & 3)]!;
  return out;
}

/** A close frame's payload: the status code and a short reason. */
export function closePayload(code: number, reason = ''): Buffer {
  const out = Buffer.allocUnsafe(2 + Buffer.byteLength(reason));
  out.writeUInt16BE(code, 0);
  out.write(reason, 2);
  return out;
}

export interface FrameSink {
  /**
   * A whole message has arrived. `head` is its first min(length, HEAD_BYTES) bytes and is
   * only valid during the call; `length` is the payload of all its fragments.
   */
  message(head: Buffer, isBinary: boolean, length: number): void;
  ping(payload: Buffer): void;
  /** The server's close frame (code null when it carried none); nothing after it is read. */
  close(code: number | null): void;
}

/**
 * Incremental reader of server→client frames. push() takes whatever a read returned, in
 * any split; frame headers and control payloads that straddle reads are carried in small
 * per-reader buffers, message payloads are skipped by count once their head is kept.
 */
export class FrameReader {
  /** Frame header bytes read so far (2 to 14: a server frame has no mask key). */
  private readonly hdr = Buffer.allocUnsafe(10);
  private hdrLen = 0;
  private hdrNeed = 2;
  private inPayload = false;
  private payloadLeft = 0;
  private opcode = 0;
  private fin = false;
  /** A data message has started (its first fragment came) and its FIN has not. */
  private inMessage = false;
  private msgBinary = false;
  private msgLength = 0;
  private readonly head = Buffer.allocUnsafe(HEAD_BYTES);
  private headLen = 0;
  /** Payload of the control frame being read (≤ 125 bytes), allocated once on first use. */
  private ctl: Buffer | null = null;
  private ctlLen = 0;
  private closed = false;

  constructor(private readonly sink: FrameSink) {}

  /** Reads buf[start, end). Throws WsProtocolError on a frame no server may send. */
  push(buf: Uint8Array, start = 0, end = buf.length): void {
    let i = start;
    while (i < end && !this.closed) {
      if (!this.inPayload) {
        while (this.hdrLen < this.hdrNeed && i < end) this.hdr[this.hdrLen++] = buf[i++]!;
        if (this.hdrLen < this.hdrNeed) return;
        if (this.hdrNeed === 2) {
          const len7 = this.hdr[1]! & 0x7f;
          if (this.hdr[1]! & 0x80) throw new WsProtocolError('A server frame must not be masked');
          this.hdrNeed = len7 === 126 ? 4 : len7 === 127 ? 10 : 2;
          if (this.hdrNeed > 2) continue;
        }
        this.startFrame();
        if (this.payloadLeft === 0) this.endFrame();
        continue;
      }
      const take = Math.min(this.payloadLeft, end - i);
      if (this.opcode >= OP_CLOSE) {
        this.ctl!.set(buf.subarray(i, i + take), this.ctlLen);
        this.ctlLen += take;
      } else if (this.headLen < HEAD_BYTES) {
        const keep = Math.min(take, HEAD_BYTES - this.headLen);
        this.head.set(buf.subarray(i, i + keep), this.headLen);
        this.headLen += keep;
      }
      i += take;
      this.payloadLeft -= take;
      if (this.payloadLeft === 0) this.endFrame();
    }
  }

  private startFrame(): void {
    const b0 = this.hdr[0]!;
    if (b0 & 0x70) throw new WsProtocolError('RSV bits set without a negotiated extension');
    this.fin = (b0 & 0x80) !== 0;
    this.opcode = b0 & 0x0f;
    const len7 = this.hdr[1]! & 0x7f;
    let len = len7;
    if (len7 === 126) len = this.hdr.readUInt16BE(2);
    else if (len7 === 127) {
      const hi = this.hdr.readUInt32BE(2);
      if (hi > 0x1fffff) throw new WsProtocolError('Frame length beyond 2^53 - 1');
      len = hi * 2 ** 32 + this.hdr.readUInt32BE(6);
    }
    this.hdrLen = 0;
    this.hdrNeed = 2;
    this.inPayload = true;
    this.payloadLeft = len;
    switch (this.opcode) {
      case OP_TEXT:
      case OP_BINARY:
        if (this.inMessage) throw new WsProtocolError('A new message began before the previous one ended');
        this.inMessage = true;
        this.msgBinary = this.opcode === OP_BINARY;
        this.msgLength = len;
        this.headLen = 0;
        break;
      case OP_CONTINUATION:
        if (!this.inMessage) throw new WsProtocolError('A continuation frame with no message to continue');
        this.msgLength += len;
        break;
      case OP_CLOSE:
      case OP_PING:
      case OP_PONG:
        if (!this.fin) throw new WsProtocolError('A control frame must not be fragmented');
        if (len > 125) throw new WsProtocolError('A control frame payload over 125 bytes');
        this.ctl ??= Buffer.allocUnsafe(125);
        this.ctlLen = 0;
        break;
      default:
        throw new WsProtocolError(`Invalid opcode ${this.opcode}`);
    }
  }

  private endFrame(): void {
    this.inPayload = false;
    if (this.opcode >= OP_CLOSE) {
      if (this.opcode === OP_PING) this.sink.ping(this.ctl!.subarray(0, this.ctlLen));
      else if (this.opcode === OP_CLOSE) {
        if (this.ctlLen === 1) throw new WsProtocolError('A close frame with a 1-byte payload');
        this.closed = true;
        this.sink.close(this.ctlLen >= 2 ? this.ctl!.readUInt16BE(0) : null);
      }
      return;
    }
    if (!this.fin) return;
    this.inMessage = false;
    this.sink.message(this.head.subarray(0, this.headLen), this.msgBinary, this.msgLength);
  }
}
