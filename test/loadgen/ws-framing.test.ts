// The raw path's pure RFC 6455 client side: the frame reader fed every possible split of a
// frame sequence (7/16/64-bit lengths, a fragmented message with a ping between its
// fragments, a close), its protocol errors, the handshake check and the masked frames.
import { describe, expect, it } from 'vitest';
import {
  acceptFor, closePayload, FrameReader, HEAD_BYTES, handshakeRequest, maskedFrame, OP_BINARY, OP_CLOSE, OP_CONTINUATION, OP_PING, OP_PONG, OP_TEXT,
  readHandshakeResponse, WsProtocolError, type FrameSink,
} from '../../src/loadgen/ws-framing.js';

/** A server frame (unmasked); `wide` writes the 64-bit length form whatever the size. */
function serverFrame(opcode: number, payload: Buffer, { fin = true, wide = false } = {}): Buffer {
  const n = payload.length;
  let hdr: Buffer;
  if (wide || n > 0xffff) {
    hdr = Buffer.alloc(10);
    hdr[1] = 127;
    hdr.writeBigUInt64BE(BigInt(n), 2);
  } else if (n > 125) {
    hdr = Buffer.alloc(4);
    hdr[1] = 126;
    hdr.writeUInt16BE(n, 2);
  } else {
    hdr = Buffer.alloc(2);
    hdr[1] = n;
  }
  hdr[0] = (fin ? 0x80 : 0) | opcode;
  return Buffer.concat([hdr, payload]);
}

type Event = { message: string; isBinary: boolean; length: number } | { ping: string } | { close: number | null };

function recorder(): { events: Event[]; sink: FrameSink } {
  const events: Event[] = [];
  return {
    events,
    sink: {
      // Copied: the head is only valid during the call.
      message: (head, isBinary, length) => events.push({ message: head.toString('latin1'), isBinary, length }),
      ping: (p) => events.push({ ping: p.toString('latin1') }),
      close: (code) => events.push({ close: code }),
    },
  };
}

const bytes = (n: number, seed: number) => Buffer.from(Array.from({ length: n }, (_, i) => (i * 31 + seed) & 0xff));

// A message in four fragments (the last with a 64-bit length) with a ping between two of
// them, around whole messages of every length form, then a close and bytes after it.
const frag1 = bytes(200, 1), frag2 = bytes(100, 2), frag3 = bytes(70_000, 3);
const big = Buffer.concat([frag1, frag2, frag3]);
const bin300 = bytes(300, 4);
const wide10 = bytes(10, 5);
const SEQUENCE = Buffer.concat([
  serverFrame(OP_TEXT, Buffer.from('hello')),
  serverFrame(OP_BINARY, bin300),
  serverFrame(OP_TEXT, frag1, { fin: false }),
  serverFrame(OP_PING, Buffer.from('p1')),
  serverFrame(OP_CONTINUATION, frag2, { fin: false }),
  serverFrame(OP_PONG, Buffer.alloc(0)),
  serverFrame(OP_CONTINUATION, Buffer.alloc(0), { fin: false }),
  serverFrame(OP_CONTINUATION, frag3),
  serverFrame(OP_BINARY, wide10, { wide: true }),
  serverFrame(OP_BINARY, Buffer.alloc(0)),
  serverFrame(OP_CLOSE, closePayload(1001, 'going away')),
  serverFrame(OP_TEXT, Buffer.from('after the close')),
]);
const EXPECTED: Event[] = [
  { message: 'hello', isBinary: false, length: 5 },
  { message: bin300.subarray(0, HEAD_BYTES).toString('latin1'), isBinary: true, length: 300 },
  { ping: 'p1' },
  { message: big.subarray(0, HEAD_BYTES).toString('latin1'), isBinary: false, length: big.length },
  { message: wide10.toString('latin1'), isBinary: true, length: 10 },
  { message: '', isBinary: true, length: 0 },
  { close: 1001 },
];

describe('FrameReader', () => {
  it('reads the sequence in one push', () => {
    const r = recorder();
    new FrameReader(r.sink).push(SEQUENCE);
    expect(r.events).toEqual(EXPECTED);
  });

  it('reads the same events whatever byte boundary splits it in two', () => {
    const want = JSON.stringify(EXPECTED);
    let same = 0;
    for (let at = 1; at < SEQUENCE.length; at++) {
      const r = recorder();
      const reader = new FrameReader(r.sink);
      reader.push(SEQUENCE, 0, at);
      reader.push(SEQUENCE, at);
      // toEqual only on a mismatch, for its diff: 70k deep comparisons would be slow.
      if (JSON.stringify(r.events) !== want) expect(r.events, `split at ${at}`).toEqual(EXPECTED);
      same++;
    }
    expect(same).toBe(SEQUENCE.length - 1);
  });

  it('reads the same events one byte per push', () => {
    const r = recorder();
    const reader = new FrameReader(r.sink);
    // Each read lands in one reused buffer, as with onread: nothing may point into it later.
    const shared = Buffer.alloc(1);
    for (let i = 0; i < SEQUENCE.length; i++) {
      shared[0] = SEQUENCE[i]!;
      reader.push(shared, 0, 1);
    }
    expect(r.events).toEqual(EXPECTED);
  });

  it('reports a close without a code as null', () => {
    const r = recorder();
    new FrameReader(r.sink).push(serverFrame(OP_CLOSE, Buffer.alloc(0)));
    expect(r.events).toEqual([{ close: null }]);
  });

  it.each([
    ['a masked server frame', Buffer.from([0x81, 0x85, 1, 2, 3, 4, 0, 0, 0, 0, 0]), /must not be masked/],
    ['RSV bits', Buffer.from([0xc1, 0x00]), /RSV/],
    ['an unknown opcode', Buffer.from([0x83, 0x00]), /Invalid opcode 3/],
    ['a continuation with no message', serverFrame(OP_CONTINUATION, Buffer.from('x')), /continuation/],
    ['a new message inside a message', Buffer.concat([serverFrame(OP_TEXT, Buffer.from('a'), { fin: false }), serverFrame(OP_TEXT, Buffer.from('b'))]), /new message/],
    ['a fragmented ping', serverFrame(OP_PING, Buffer.from('x'), { fin: false }), /fragmented/],
    ['a 126-byte ping', serverFrame(OP_PING, Buffer.alloc(126)), /125/],
    ['a 1-byte close', serverFrame(OP_CLOSE, Buffer.from([3])), /1-byte/],
    ['a length over 2^53', Buffer.from([0x82, 127, 0xff, 0, 0, 0, 0, 0, 0, 1]), /2\^53/],
  ])('rejects %s', (_what, frame, message) => {
    const r = recorder();
    expect(() => new FrameReader(r.sink).push(frame)).toThrow(WsProtocolError);
    expect(() => new FrameReader(r.sink).push(frame)).toThrow(message);
  });
});

describe('opening handshake', () => {
  // RFC 6455 §1.3's worked example.
  const key = 'dGhlIHNhbXBsZSBub25jZQ==';
  const reply = (status: string, headers: string) => Buffer.from(`HTTP/1.1 ${status}\r\n${headers}\r\n`, 'latin1');
  const ok = `Upgrade: websocket\r\nConnection: Upgrade\r\nSec-WebSocket-Accept: s3pPLMBiTxaQ9kYGzzhZRbK+xOo=\r\n`;

  it('derives the accept hash as RFC 6455 does', () => {
    expect(acceptFor(key)).toBe('s3pPLMBiTxaQ9kYGzzhZRbK+xOo=');
  });

  it('asks for the URL path and query on the URL host', () => {
    const req = handshakeRequest(new URL('ws://127.0.0.1:9000/ws?format=json&delta=1'), key);
    expect(req).toMatch(/^GET \/ws\?format=json&delta=1 HTTP\/1\.1\r\n/);
    expect(req).toContain('\r\nHost: 127.0.0.1:9000\r\n');
    expect(req).toContain(`\r\nSec-WebSocket-Key: ${key}\r\n`);
    expect(req).toContain('\r\nSec-WebSocket-Version: 13\r\n');
    expect(req.endsWith('\r\n\r\n')).toBe(true);
  });

  it('accepts a 101 with the right hash and points past its headers', () => {
    const head = reply('101 Switching Protocols', ok);
    const frame = serverFrame(OP_TEXT, Buffer.from('x'));
    expect(readHandshakeResponse(Buffer.concat([head, frame]), key)).toBe(head.length);
  });

  it('waits for the end of the headers', () => {
    const head = reply('101 Switching Protocols', ok);
    for (let at = 0; at < head.length; at++) expect(readHandshakeResponse(head.subarray(0, at), key)).toBe(-1);
  });

  it('rejects a wrong accept hash, a missing one, and a missing upgrade', () => {
    expect(() => readHandshakeResponse(reply('101 Switching Protocols', ok.replace('s3pP', 'AAAA')), key)).toThrow('Invalid Sec-WebSocket-Accept header');
    expect(() => readHandshakeResponse(reply('101 Switching Protocols', 'Upgrade: websocket\r\n'), key)).toThrow('Missing Sec-WebSocket-Accept header');
    expect(() => readHandshakeResponse(reply('101 Switching Protocols', ok.replace('Upgrade: websocket\r\n', '')), key)).toThrow('Invalid Upgrade header');
  });

  it('rejects any status but 101, naming it', () => {
    expect(() => readHandshakeResponse(reply('403 Forbidden', 'Content-Length: 0\r\n'), key)).toThrow('Unexpected server response: 403');
    expect(() => readHandshakeResponse(reply('200 OK', ok), key)).toThrow('Unexpected server response: 200');
    expect(() => readHandshakeResponse(Buffer.from('SSH-2.0-OpenSSH\r\n\r\n'), key)).toThrow(/Invalid HTTP response/);
  });
});

describe('client frames', () => {
  it('are masked: FIN, the opcode, the mask bit, and the payload XORed with the key', () => {
    const payload = closePayload(1000, 'loadgen done');
    const f = maskedFrame(OP_CLOSE, payload);
    expect(f[0]).toBe(0x80 | OP_CLOSE);
    expect(f[1]).toBe(0x80 | payload.length);
    const maskKey = f.subarray(2, 6);
    const unmasked = Buffer.from(f.subarray(6).map((b, i) => b ^ maskKey[i & 3]!));
    expect(unmasked.readUInt16BE(0)).toBe(1000);
    expect(unmasked.subarray(2).toString()).toBe('loadgen done');
    // Two frames of the same payload get different keys (random, RFC 6455 §5.3).
    expect(maskedFrame(OP_PONG, Buffer.from('abcd')).subarray(2, 6).equals(maskedFrame(OP_PONG, Buffer.from('abcd')).subarray(2, 6))).toBe(false);
  });

  it('refuses a control payload over 125 bytes', () => {
    expect(() => maskedFrame(OP_PONG, Buffer.alloc(126))).toThrow(RangeError);
  });
});
