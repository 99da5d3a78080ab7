// Small helpers for the terminal-protocol integration tests (test/protocol/): polling with a
// deadline, refused upgrades, frame checks, client messages in both formats, a seeded PRNG.
import WebSocket from 'ws';
import { expect } from 'vitest';
import { pb } from '../../src/wire/proto.js';
import { decode, type DecodedFrame, type TestClient } from './ws-client.js';
import { metric } from './server.js';

/** Polls `fn` until it returns a truthy value, or throws after `timeoutMs`. */
export async function pollUntil<T>(fn: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs: number, what: string, everyMs = 20): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await fn();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, everyMs));
  }
}

/** Polls a Prometheus sample until `pred` holds; returns its value. */
export function metricUntil(http: string, name: string, pred: (v: number) => boolean, timeoutMs: number, labels: Record<string, string> = {}): Promise<number> {
  return pollUntil(
    async () => {
      const v = await metric(http, name, labels).catch(() => 0);
      return pred(v) ? { v } : undefined;
    },
    timeoutMs,
    `${name}${JSON.stringify(labels)}`,
  ).then((r) => r.v);
}

export interface Refused {
  status: number;
  body: Record<string, unknown>;
  headers: Record<string, string | string[] | undefined>;
}

/**
 * Opens a WebSocket that the server is expected to refuse with an HTTP status before any
 * WebSocket exists (`ws` emits 'unexpected-response'). Fails if the socket opens.
 */
export function expectRefused(url: string, headers?: Record<string, string>, opts: { localAddress?: string; timeoutMs?: number } = {}): Promise<Refused> {
  const timeoutMs = opts.timeoutMs ?? 5000;
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false, headers, ...(opts.localAddress ? { localAddress: opts.localAddress } : {}) });
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`no answer from ${url} within ${timeoutMs} ms`));
    }, timeoutMs);
    ws.on('open', () => {
      clearTimeout(timer);
      ws.terminate();
      reject(new Error(`expected ${url} to be refused, but the WebSocket opened`));
    });
    ws.on('unexpected-response', (_req, res) => {
      let text = '';
      res.on('data', (d: Buffer) => (text += d.toString()));
      res.on('end', () => {
        clearTimeout(timer);
        let body: Record<string, unknown> = {};
        try {
          body = JSON.parse(text) as Record<string, unknown>;
        } catch {
          body = { raw: text };
        }
        resolve({ status: res.statusCode ?? 0, body, headers: res.headers });
        ws.terminate();
      });
    });
    ws.on('error', (err) => {
      // 'unexpected-response' handled it (ws emits an error after terminate); anything else is a failure
      if (!String(err.message).includes('closed before the connection was established')) {
        clearTimeout(timer);
        reject(err);
      }
    });
  });
}

/**
 * Opens a plain `ws` socket from a given local address (127.0.0.x: another "client IP" on
 * loopback) and resolves once its first frame arrived.
 */
export function openFrom(url: string, localAddress: string, timeoutMs = 5000): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { perMessageDeflate: false, localAddress });
    const timer = setTimeout(() => {
      ws.terminate();
      reject(new Error(`no frame from ${url} (local ${localAddress}) within ${timeoutMs} ms`));
    }, timeoutMs);
    ws.once('message', () => {
      clearTimeout(timer);
      resolve(ws);
    });
    ws.once('unexpected-response', (_req, res) => {
      clearTimeout(timer);
      ws.terminate();
      reject(new Error(`HTTP ${res.statusCode}`));
    });
    ws.once('error', (err) => {
      clearTimeout(timer);
      reject(err);
    });
  });
}

/** The decoded frames of a client that carry a board (control frames left out). */
export const boardFrames = (c: TestClient): DecodedFrame[] => c.messages.map(decode).filter((f) => f.hasSnapshot);

/** The error control frames a client received. */
export const errorFrames = (c: TestClient): Array<{ code: string; message: string }> =>
  c.messages
    .map(decode)
    .map((f) => f.control?.error as { code: string; message: string } | null | undefined)
    .filter((e): e is { code: string; message: string } => !!e);

/** Board frames of one epoch: seq +1 each time, every DELTA based on the previous seq. */
export function expectContiguous(frames: DecodedFrame[], what = 'frames'): void {
  expect(frames.length, `${what}: no frames`).toBeGreaterThan(0);
  for (let i = 1; i < frames.length; i++) {
    const prev = frames[i - 1]!;
    const f = frames[i]!;
    expect(f.seq, `${what}: seq after ${prev.seq}`).toBe(prev.seq + 1);
    if (f.kind === 'DELTA') expect(f.baseSeq, `${what}: baseSeq of DELTA ${f.seq}`).toBe(prev.seq);
  }
}

/**
 * The resync rule, seen from a client: a DELTA always applies to the frame just received
 * (seq + 1, baseSeq = previous seq); after any gap the next frame is FULL. Returns the gaps.
 */
export function checkResyncRule(frames: DecodedFrame[]): Array<{ from: number; to: number; kind: string }> {
  const gaps: Array<{ from: number; to: number; kind: string }> = [];
  expect(frames[0]?.kind).toBe('FULL');
  for (let i = 1; i < frames.length; i++) {
    const prev = frames[i - 1]!;
    const f = frames[i]!;
    if (f.kind === 'DELTA') {
      expect({ seq: f.seq, baseSeq: f.baseSeq }, `DELTA after seq ${prev.seq}`).toEqual({ seq: prev.seq + 1, baseSeq: prev.seq });
    } else if (f.seq !== prev.seq + 1) {
      gaps.push({ from: prev.seq, to: f.seq, kind: f.kind });
    }
  }
  return gaps;
}

export type Body =
  | { ping: { clientTimeUs: number } }
  | { resync: Record<string, never> }
  | { subscribe: { channels?: string[]; symbols?: string[]; board?: string } }
  | { unsubscribe: { channels?: string[]; symbols?: string[] } };

/** A ClientMessage as a binary socket sends it (protobuf). */
export const protoMsg = (body: Body, version = 1): Uint8Array => pb.ClientMessage.encode({ version, ...body } as never).finish();

/** A ClientMessage as a text socket sends it (its JSON mapping). */
export const jsonMsg = (body: Body, version = 1): string => JSON.stringify({ version, ...body });

/** Sends a ClientMessage in the socket's own format (`binary`: protobuf, else JSON text). */
export function sendMsg(c: TestClient, binary: boolean, body: Body, version = 1): void {
  if (binary) c.ws.send(protoMsg(body, version), { binary: true });
  else c.ws.send(jsonMsg(body, version), { binary: false });
}

export { prng } from './prng.js';

/** The snapshot object of a decoded frame (both formats decode to the JSON mapping). */
export const snap = (f: DecodedFrame) => f.json.snapshot as { symbols?: Array<{ symbol: string }>; indices?: Array<{ id: string }>; foreign?: unknown; derivatives?: unknown };
