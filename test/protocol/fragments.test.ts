// Frames bigger than uWS's cork buffer go out as WebSocket fragments (src/server/fragments.ts),
// seen on the wire by a raw TCP client that parses the server's frames itself: a JSON FULL
// frame (~34 KB) arrives as a text frame without FIN, continuation frames, the last with
// FIN, every piece within FRAGMENT_BYTES; small DELTA frames arrive whole; the reassembled
// messages are the protocol's frames, seq contiguous, FULL first and on every keyframe.
// A `ws` client (the library the SDK's Node users have) reassembles them unchanged.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect, type Socket } from 'node:net';
import { randomBytes } from 'node:crypto';
import { FRAGMENT_BYTES } from '../../src/server/fragments.js';
import { decode, TestClient, type DecodedFrame } from '../helpers/ws-client.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { boardFrames, expectContiguous } from '../helpers/protocol.js';

interface WireFrame { fin: boolean; opcode: number; payload: Buffer }
interface Message { frames: WireFrame[]; data: Buffer; isBinary: boolean }

/** A raw WebSocket client: the handshake, then every server frame as sent (server frames are unmasked). */
class RawClient {
  readonly messages: Message[] = [];
  private buf = Buffer.alloc(0);
  private upgraded = false;
  private current: WireFrame[] = [];
  private waiters: Array<() => void> = [];
  private constructor(readonly sock: Socket) {}

  static open(port: number, query: string): Promise<RawClient> {
    return new Promise((resolve, reject) => {
      const sock = connect(port, '127.0.0.1');
      const c = new RawClient(sock);
      sock.once('error', reject);
      sock.on('data', (d: Buffer) => c.onData(d, resolve));
      sock.once('connect', () => {
        sock.write(`GET /ws?${query} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n` +
          `Sec-WebSocket-Key: ${randomBytes(16).toString('base64')}\r\nSec-WebSocket-Version: 13\r\n\r\n`);
      });
    });
  }

  private onData(d: Buffer, opened: (c: RawClient) => void): void {
    this.buf = Buffer.concat([this.buf, d]);
    if (!this.upgraded) {
      const end = this.buf.indexOf('\r\n\r\n');
      if (end < 0) return;
      const head = this.buf.subarray(0, end).toString();
      if (!head.startsWith('HTTP/1.1 101')) throw new Error(`upgrade refused: ${head.split('\r\n')[0]}`);
      this.upgraded = true;
      this.buf = this.buf.subarray(end + 4);
      opened(this);
    }
    for (;;) {
      if (this.buf.length < 2) return;
      const b0 = this.buf[0]!;
      const b1 = this.buf[1]!;
      expect(b1 & 0x80, 'server frames are unmasked').toBe(0);
      let len = b1 & 0x7f;
      let at = 2;
      if (len === 126) {
        if (this.buf.length < 4) return;
        len = this.buf.readUInt16BE(2);
        at = 4;
      } else if (len === 127) {
        if (this.buf.length < 10) return;
        len = Number(this.buf.readBigUInt64BE(2));
        at = 10;
      }
      if (this.buf.length < at + len) return;
      const frame = { fin: (b0 & 0x80) !== 0, opcode: b0 & 0x0f, payload: Buffer.from(this.buf.subarray(at, at + len)) };
      this.buf = this.buf.subarray(at + len);
      if (frame.opcode >= 8) continue; // ping / pong / close: control frames, not message data
      this.current.push(frame);
      if (frame.fin) {
        const frames = this.current;
        this.current = [];
        this.messages.push({ frames, data: Buffer.concat(frames.map((f) => f.payload)), isBinary: frames[0]!.opcode === 2 });
        for (const w of this.waiters.splice(0)) w();
      }
    }
  }

  async until(pred: () => boolean, timeoutMs: number, what: string): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!pred()) {
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => { clearTimeout(t); resolve(); });
      });
    }
  }

  close(): void {
    this.sock.destroy();
  }
}

const decoded = (m: Message): DecodedFrame => decode({ data: m.data, isBinary: m.isBinary, at: 0 });

describe('big frames in fragments', () => {
  let srv: TestServer;
  beforeAll(async () => {
    // A keyframe every 4th frame: FULL frames come both at connect and through the broadcast.
    srv = await startTestServer({ BROADCAST_INTERVAL_MS: '20', KEYFRAME_EVERY: '4' });
  });
  afterAll(async () => {
    await srv?.stop();
  });

  it('a JSON FULL frame arrives as fragments within FRAGMENT_BYTES, a small DELTA whole; reassembled, the frames are contiguous', async () => {
    const raw = await RawClient.open(srv.port, 'format=json&delta=1');
    try {
      const boards = () => raw.messages.filter((m) => decoded(m).hasSnapshot);
      await raw.until(() => boards().filter((m) => decoded(m).kind === 'FULL').length >= 3 && boards().length >= 10, 10_000, 'three FULL frames and ten frames');
      const msgs = boards();
      const frames = msgs.map(decoded);
      expect(frames[0]!.kind).toBe('FULL');
      expectContiguous(frames, 'raw JSON client');
      let fragmented = 0;
      let whole = 0;
      for (const m of msgs) {
        expect(m.isBinary).toBe(false);
        expect(m.frames[0]!.opcode, 'a message starts with a text frame').toBe(1);
        for (const f of m.frames.slice(1)) expect(f.opcode, 'then continuation frames').toBe(0);
        for (const f of m.frames.slice(0, -1)) expect(f.fin).toBe(false);
        for (const f of m.frames) expect(f.payload.length).toBeLessThanOrEqual(FRAGMENT_BYTES);
        expect(m.frames.length, `a ${m.data.length} B message`).toBe(Math.max(1, Math.ceil(m.data.length / FRAGMENT_BYTES)));
        if (m.frames.length > 1) fragmented++;
        else whole++;
      }
      // The VN30 board's JSON FULL frame is over 16 KiB and its DELTAs are under: both paths ran.
      const fulls = msgs.filter((m) => decoded(m).kind === 'FULL');
      expect(fulls.every((m) => m.data.length > FRAGMENT_BYTES)).toBe(true);
      expect(fragmented).toBeGreaterThanOrEqual(3); // the one at connect and keyframes through the broadcast
      expect(whole).toBeGreaterThan(0);
    } finally {
      raw.close();
    }
  });

  it('protobuf frames under the limit are single frames; a ws client reassembles fragmented JSON frames', async () => {
    const raw = await RawClient.open(srv.port, 'format=proto&delta=1');
    const lib = await TestClient.open(srv.ws('format=json&delta=0'));
    try {
      await raw.until(() => raw.messages.length >= 5, 10_000, 'five protobuf frames');
      for (const m of raw.messages) {
        expect(m.isBinary).toBe(true);
        expect(m.frames.length, `a ${m.data.length} B protobuf frame`).toBe(m.data.length > FRAGMENT_BYTES ? Math.ceil(m.data.length / FRAGMENT_BYTES) : 1);
      }
      expectContiguous(raw.messages.map(decoded).filter((f) => f.hasSnapshot), 'raw protobuf client');
      // FULL-only JSON: every frame is fragmented on the wire, every one whole here.
      await lib.until(() => boardFrames(lib).length >= 5, 10_000, 'five FULL JSON frames');
      const got = boardFrames(lib);
      expect(got.every((f) => f.kind === 'FULL')).toBe(true);
      expect(lib.messages.every((m) => !m.isBinary && m.data.length > FRAGMENT_BYTES || !decode(m).hasSnapshot)).toBe(true);
      expectContiguous(got, 'ws client, FULL-only JSON');
    } finally {
      raw.close();
      lib.close();
    }
  });
});
