// Client-message fuzzing against the real server, on binary (protobuf) and text (JSON)
// sockets, with a seeded PRNG (FUZZ_SEED=<n> replays a run). Every bad message that does not
// close the socket is answered by exactly one error control frame with a stable code, and
// the socket stays open; an oversized message closes with 1009, a flood with 1008. All along,
// the server stays healthy and ready, and bystanders see every frame (no seq gap).
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { decode, TestClient, type DecodedFrame } from '../helpers/ws-client.js';
import { metric, startTestServer, type TestServer } from '../helpers/server.js';
import { boardFrames, expectContiguous, jsonMsg, prng, protoMsg, sendMsg, type Body } from '../helpers/protocol.js';

const SEED = Number(process.env.FUZZ_SEED ?? 20261128);
const MAX_PAYLOAD = 1024;
const RATE = 5000;

/** The codes a rejected client message may carry. BC_CLIENT_MSG_FAILED (an unexpected exception) is not one. */
const STABLE_CODES = new Set(['BC_CLIENT_MSG_MALFORMED', 'BC_CLIENT_MSG_VERSION', 'BC_CLIENT_MSG_UNKNOWN', 'BC_UNKNOWN_CHANNEL', 'BC_UNKNOWN_SYMBOL', 'BC_CHANNEL_FORBIDDEN']);

const SOCKETS = [
  { format: 'proto', binary: true },
  { format: 'json', binary: false },
] as const;

let srv: TestServer;
let bystanders: TestClient[];
beforeAll(async () => {
  srv = await startTestServer({ BROADCAST_INTERVAL_MS: '50', WS_MAX_PAYLOAD_BYTES: String(MAX_PAYLOAD), WS_CLIENT_MSG_RATE: String(RATE) });
  bystanders = [await TestClient.open(srv.ws('format=proto')), await TestClient.open(srv.ws('format=json'))];
  await Promise.all(bystanders.map((b) => b.nth(1)));
});
afterEach(async () => {
  // After every batch of abuse: alive and ready.
  expect((await fetch(`${srv.http}/healthz`)).status).toBe(200);
  expect((await fetch(`${srv.http}/readyz`)).status).toBe(200);
});
afterAll(async () => {
  try {
    // The bystanders were never disturbed: open, every seq, one epoch.
    for (const b of bystanders ?? []) {
      await b.nth(b.messages.length + 2);
      expect(b.closed).toBeUndefined();
      const frames = boardFrames(b);
      expect(frames.length).toBeGreaterThan(20);
      expectContiguous(frames, 'bystander');
      expect(b.messages.map(decode).filter((f) => f.control)).toEqual([]);
    }
    expect(await metric(srv.http, 'boardcast_client_messages_rejected_total', { reason: 'BC_CLIENT_MSG_FAILED' }).catch(() => 0)).toBe(0);
  } finally {
    for (const b of bystanders ?? []) b.close();
    await srv?.stop();
  }
});

let markerSeq = 7_000_000;

/**
 * Sends one message, then a ping marker, and returns the control frames that arrived in
 * between (the marker's pong excluded): the server answers messages of one socket in order,
 * so these are exactly the answers to the message.
 */
async function probe(c: TestClient, socketBinary: boolean, data: Uint8Array | string, frameBinary: boolean): Promise<Array<NonNullable<DecodedFrame['control']>>> {
  const start = c.messages.length;
  const marker = ++markerSeq;
  c.ws.send(data, { binary: frameBinary });
  sendMsg(c, socketBinary, { ping: { clientTimeUs: marker } });
  const isMarker = (f: DecodedFrame) => String((f.control?.pong as { clientTimeUs?: unknown } | undefined)?.clientTimeUs) === String(marker);
  const end = await c.until(
    () => {
      for (let i = start; i < c.messages.length; i++) if (isMarker(decode(c.messages[i]!))) return i + 1;
      return undefined;
    },
    3000,
    `the pong of marker ${marker} (after ${typeof data === 'string' ? JSON.stringify(data.slice(0, 80)) : Buffer.from(data).toString('hex').slice(0, 80)})`,
  );
  return c.messages
    .slice(start, end - 1)
    .map(decode)
    .filter((f) => f.control)
    .map((f) => f.control!);
}

const errorCode = (ctl: NonNullable<DecodedFrame['control']>) => (ctl.error as { code?: string } | undefined)?.code;

/** The socket is still open and still gets board frames. */
async function stillServed(c: TestClient) {
  const n = boardFrames(c).length;
  await c.until(() => boardFrames(c).length >= n + 2, 3000, 'two more board frames');
  expect(c.closed).toBeUndefined();
}

describe.each(SOCKETS)('fuzzing a $format socket', ({ format, binary }) => {
  it('JSON of wrong shapes → one error frame each, with the expected stable code', async () => {
    const c = await TestClient.open(srv.ws(`format=${format}`));
    try {
      await c.nth(1);
      const cases: Array<[string, string]> = [
        ['[]', 'BC_CLIENT_MSG_MALFORMED'],
        ['[{"version":1,"resync":{}}]', 'BC_CLIENT_MSG_MALFORMED'],
        ['42', 'BC_CLIENT_MSG_MALFORMED'],
        ['"resync"', 'BC_CLIENT_MSG_MALFORMED'],
        ['null', 'BC_CLIENT_MSG_MALFORMED'],
        ['true', 'BC_CLIENT_MSG_MALFORMED'],
        ['', 'BC_CLIENT_MSG_MALFORMED'],
        ['{', 'BC_CLIENT_MSG_MALFORMED'],
        ['{"version":1,', 'BC_CLIENT_MSG_MALFORMED'],
        ['{"version":1,"subscribe":"foreign"}', 'BC_CLIENT_MSG_MALFORMED'],
        ['{"version":1,"subscribe":{"channels":"foreign"}}', 'BC_CLIENT_MSG_MALFORMED'],
        ['{"version":1,"unsubscribe":{"symbols":{"FPT":true}}}', 'BC_CLIENT_MSG_MALFORMED'],
        ['{}', 'BC_CLIENT_MSG_VERSION'],
        ['{"resync":{}}', 'BC_CLIENT_MSG_VERSION'],
        ['{"version":0,"ping":{}}', 'BC_CLIENT_MSG_VERSION'],
        ['{"version":2,"ping":{}}', 'BC_CLIENT_MSG_VERSION'],
        ['{"version":-1,"resync":{}}', 'BC_CLIENT_MSG_VERSION'],
        ['{"version":99999999999,"resync":{}}', 'BC_CLIENT_MSG_VERSION'],
        ['{"__proto__":{"version":1},"resync":{}}', 'BC_CLIENT_MSG_VERSION'],
        ['{"version":1}', 'BC_CLIENT_MSG_UNKNOWN'],
        ['{"version":1,"frobnicate":{"x":[1,2,{"y":null}]}}', 'BC_CLIENT_MSG_UNKNOWN'],
        ['{"version":1,"ping":null}', 'BC_CLIENT_MSG_UNKNOWN'],
        ['{"version":1,"subscribe":{"channels":[1,2]}}', 'BC_UNKNOWN_CHANNEL'],
        ['{"version":1,"subscribe":{"channels":[{"a":[[[]]]}]}}', 'BC_UNKNOWN_CHANNEL'],
        ['{"version":1,"unsubscribe":{"channels":["board","BOARD"]}}', 'BC_UNKNOWN_CHANNEL'],
        ['{"version":1,"subscribe":{"symbols":["NOPE"]}}', 'BC_UNKNOWN_SYMBOL'],
        ['{"version":1,"subscribe":{"symbols":["FPT","FPT ","F\\u0000PT"]}}', 'BC_UNKNOWN_SYMBOL'],
      ];
      const got: Array<[string, string | undefined]> = [];
      for (const [text] of cases) {
        const answers = await probe(c, binary, text, false);
        expect(answers, `answers to ${text}`).toHaveLength(1);
        got.push([text, errorCode(answers[0]!)]);
      }
      expect(got).toEqual(cases);
      await stillServed(c);
    } finally {
      c.close();
    }
  });

  it('an unknown protocol version → BC_CLIENT_MSG_VERSION, in either encoding', async () => {
    const c = await TestClient.open(srv.ws(`format=${format}`));
    try {
      await c.nth(1);
      for (const version of [0, 2, 3, 255, 2 ** 32 - 1]) {
        for (const body of [{ ping: { clientTimeUs: 1 } }, { resync: {} }, { subscribe: { channels: ['board'] } }] satisfies Body[]) {
          const answers = binary ? await probe(c, binary, protoMsg(body, version), true) : await probe(c, binary, jsonMsg(body, version), false);
          expect(answers.map(errorCode), `version ${version} ${JSON.stringify(body)}`).toEqual(['BC_CLIENT_MSG_VERSION']);
        }
      }
      await stillServed(c);
    } finally {
      c.close();
    }
  });

  it(`truncated protobuf ClientMessages → one error each (seed ${SEED})`, async () => {
    const c = await TestClient.open(srv.ws(`format=${format}`));
    try {
      await c.nth(1);
      const valid = [
        protoMsg({ subscribe: { channels: ['foreign', 'derivatives'], symbols: ['FPT', 'VNM'] } }),
        protoMsg({ unsubscribe: { channels: ['board'], symbols: ['HPG'] } }),
        protoMsg({ ping: { clientTimeUs: 1_795_000_000_000_000 } }),
        protoMsg({ resync: {} }),
      ];
      let n = 0;
      for (const msg of valid) {
        for (let len = 0; len < msg.length; len++) {
          const answers = await probe(c, binary, msg.subarray(0, len), true);
          expect(answers, `prefix ${len}/${msg.length} of ${Buffer.from(msg).toString('hex')}`).toHaveLength(1);
          const code = errorCode(answers[0]!);
          expect(code && STABLE_CODES.has(code), `code ${code} for prefix ${len}`).toBe(true);
          n++;
        }
      }
      expect(n).toBeGreaterThan(40);
      await stillServed(c);
    } finally {
      c.close();
    }
  });

  it(`random bytes as binary frames → at most one answer, an error with a stable code or a valid reply (seed ${SEED})`, async () => {
    const r = prng(SEED + (binary ? 1 : 2));
    const c = await TestClient.open(srv.ws(`format=${format}`));
    try {
      await c.nth(1);
      let errors = 0;
      for (let i = 0; i < 150; i++) {
        const len = Math.floor(r() * (r() < 0.8 ? 24 : MAX_PAYLOAD));
        const bytes = Uint8Array.from({ length: len }, () => Math.floor(r() * 256));
        const answers = await probe(c, binary, bytes, true);
        expect(answers.length, `answers to ${Buffer.from(bytes).toString('hex')}`).toBeLessThanOrEqual(1);
        const code = answers[0] && errorCode(answers[0]);
        if (code) {
          expect(STABLE_CODES.has(code), `code ${code} for ${Buffer.from(bytes).toString('hex')}`).toBe(true);
          errors++;
        }
      }
      expect(errors).toBeGreaterThan(100);
      await stillServed(c);
    } finally {
      c.close();
    }
  });

  it(`random JSON values as text frames → at most one answer, an error with a stable code or a valid reply (seed ${SEED})`, async () => {
    const r = prng(SEED + (binary ? 3 : 4));
    const KEYS = ['version', 'ping', 'resync', 'subscribe', 'unsubscribe', 'channels', 'symbols', 'clientTimeUs', 'constructor', 'toString', '', 'x', 'ümlaut', '0'];
    const STRINGS = ['board', 'indices', 'foreign', 'derivatives', 'FPT', 'vnm', 'NOPE', '', ' ', '\u0000', '😀', '\ud800', '1', 'true', 'null', '{}'];
    const value = (depth: number): unknown => {
      const k = Math.floor(r() * (depth > 3 ? 4 : 9));
      if (k === 0) return null;
      if (k === 1) return r() < 0.5;
      if (k === 2) return [0, 1, -1, 2 ** 53, 1.5, -1e300, 1e-7][Math.floor(r() * 7)];
      if (k === 3) return r() < 0.7 ? STRINGS[Math.floor(r() * STRINGS.length)] : String.fromCharCode(...Array.from({ length: Math.floor(r() * 6) }, () => Math.floor(r() * 0xffff)));
      if (k <= 5) return Array.from({ length: Math.floor(r() * 4) }, () => value(depth + 1));
      return Object.fromEntries(Array.from({ length: Math.floor(r() * 4) }, () => [KEYS[Math.floor(r() * KEYS.length)]!, value(depth + 1)]));
    };
    const c = await TestClient.open(srv.ws(`format=${format}`));
    try {
      await c.nth(1);
      let errors = 0;
      for (let i = 0; i < 150; i++) {
        let v = value(0);
        // Mostly objects, mostly with the right version: the fuzz should get past the first checks.
        if (r() < 0.8) v = { ...(typeof v === 'object' && v && !Array.isArray(v) ? v : {}), ...(r() < 0.8 ? { version: 1 } : {}) };
        const text = JSON.stringify(v) ?? 'undefined';
        if (Buffer.byteLength(text) > MAX_PAYLOAD) continue;
        const answers = await probe(c, binary, text, false);
        expect(answers.length, `answers to ${text}`).toBeLessThanOrEqual(1);
        const code = answers[0] && errorCode(answers[0]);
        if (code) {
          expect(STABLE_CODES.has(code), `code ${code} for ${text}`).toBe(true);
          errors++;
        }
      }
      expect(errors).toBeGreaterThan(60);
      await stillServed(c);
    } finally {
      c.close();
    }
  });

  it('a ping whose clientTimeUs is not an integer → an error, or a pong that is still a valid frame (int64 as an integer string)', async () => {
    const c = await TestClient.open(srv.ws(`format=${format}`));
    try {
      await c.nth(1);
      for (const t of ['"abc"', '1e300', '"99999999999999999999999"', '1.5', '"NaN"', '-1e30']) {
        const text = `{"version":1,"ping":{"clientTimeUs":${t}}}`;
        const start = c.messages.length;
        const answers = await probe(c, binary, text, false);
        expect(answers, `answers to ${text}`).toHaveLength(1);
        const code = errorCode(answers[0]!);
        if (code) {
          expect(code).toBe('BC_CLIENT_MSG_MALFORMED');
          continue;
        }
        // A pong: on a text socket, read the raw JSON (the protobuf JSON mapping writes int64 as a decimal integer string).
        if (!binary) {
          const raw = c.messages.slice(start).map((m) => m.data.toString()).find((s) => s.includes('"pong"') && !s.includes(`"${markerSeq}"`));
          const pong = (JSON.parse(raw!) as { control: { pong: { clientTimeUs: unknown } } }).control.pong;
          expect(String(pong.clientTimeUs), `pong to ${text}: ${raw}`).toMatch(/^-?\d+$/);
        }
      }
      await stillServed(c);
    } finally {
      c.close();
    }
  });

  it(`a message over WS_MAX_PAYLOAD_BYTES (${MAX_PAYLOAD}) → close 1009; the server carries on`, async () => {
    const c = await TestClient.open(srv.ws(`format=${format}`));
    try {
      await c.nth(1);
      const rejected0 = await metric(srv.http, 'boardcast_client_messages_rejected_total', { reason: 'BC_CLIENT_MSG_TOO_BIG' }).catch(() => 0);
      const huge = JSON.stringify({ version: 1, subscribe: { channels: Array.from({ length: 400 }, (_, i) => `junk-${i}`), symbols: ['FPT'] } });
      expect(Buffer.byteLength(huge)).toBeGreaterThan(MAX_PAYLOAD);
      if (binary) c.ws.send(Buffer.concat([protoMsg({ ping: { clientTimeUs: 1 } }), Buffer.alloc(MAX_PAYLOAD)]), { binary: true });
      else c.ws.send(huge);
      const closed = await c.waitClose(3000);
      expect(closed.code).toBe(1009);
      expect(await metric(srv.http, 'boardcast_client_messages_rejected_total', { reason: 'BC_CLIENT_MSG_TOO_BIG' })).toBe(rejected0 + 1);
      // Exactly at the limit is still a message (answered, not closed).
      const d = await TestClient.open(srv.ws(`format=${format}`));
      try {
        await d.nth(1);
        const base = jsonMsg({ resync: {} });
        const exact = `${base.slice(0, -1)},"pad":"${'x'.repeat(MAX_PAYLOAD - base.length - 9)}"}`;
        expect(Buffer.byteLength(exact)).toBe(MAX_PAYLOAD);
        const answers = await probe(d, binary, exact, false);
        expect(answers).toEqual([]); // a valid resync: answered by a FULL frame, no error
        await stillServed(d);
      } finally {
        d.close();
      }
    } finally {
      c.close();
    }
  });

  it(`a flood above WS_CLIENT_MSG_RATE (${RATE}/s) → close 1008; the server carries on`, async () => {
    const c = await TestClient.open(srv.ws(`format=${format}`));
    try {
      await c.nth(1);
      const ping = binary ? protoMsg({ ping: { clientTimeUs: 5 } }) : jsonMsg({ ping: { clientTimeUs: 5 } });
      for (let i = 0; i < RATE * 2.5; i++) c.ws.send(ping, { binary });
      const closed = await c.waitClose(5000);
      expect(closed).toEqual({ code: 1008, reason: 'too many messages' });
      // Up to the burst the pings were answered; not all of them.
      const pongs = c.messages.map(decode).filter((f) => f.control?.pong).length;
      expect(pongs).toBeGreaterThan(RATE * 0.9);
      expect(pongs).toBeLessThan(RATE * 2.5);
      expect(await metric(srv.http, 'boardcast_client_messages_rejected_total', { reason: 'BC_RATE_LIMITED' })).toBeGreaterThanOrEqual(1);
    } finally {
      c.close();
    }
  });

  it('a text frame that is not UTF-8 drops that socket only (uWS closes it); nothing else is affected', async () => {
    const c = await TestClient.open(srv.ws(`format=${format}`));
    try {
      await c.nth(1);
      c.ws.send(Buffer.from([0x7b, 0xff, 0xfe, 0x80, 0x7d]), { binary: false });
      const closed = await c.waitClose(3000);
      expect([1006, 1007]).toContain(closed.code);
    } finally {
      c.close();
    }
  });
});
