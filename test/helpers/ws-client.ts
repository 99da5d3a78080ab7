// A real WebSocket client (the `ws` library) with awaitable messages and close events:
// tests wait for the event they need, with a timeout, instead of sleeping.
import WebSocket from 'ws';
import { pb } from '../../src/wire/proto.js';
import { omitEmptyOptIn } from '../../src/wire/reference-codec.js';

export interface Received {
  data: Buffer;
  isBinary: boolean;
  at: number;
}

export class TestClient {
  readonly ws: WebSocket;
  readonly messages: Received[] = [];
  closed?: { code: number; reason: string };
  private waiters: Array<() => void> = [];

  private constructor(url: string, headers?: Record<string, string>) {
    this.ws = new WebSocket(url, { perMessageDeflate: false, headers });
    this.ws.on('message', (data: Buffer, isBinary: boolean) => {
      this.messages.push({ data, isBinary, at: Date.now() });
      this.wake();
    });
    this.ws.on('close', (code, reason) => {
      this.closed = { code, reason: reason.toString() };
      this.wake();
    });
    this.ws.on('error', () => this.wake());
  }

  static async open(url: string, headers?: Record<string, string>): Promise<TestClient> {
    const c = new TestClient(url, headers);
    await new Promise<void>((resolve, reject) => {
      c.ws.once('open', () => resolve());
      c.ws.once('error', reject);
      c.ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    });
    return c;
  }

  private wake() {
    const w = this.waiters;
    this.waiters = [];
    for (const f of w) f();
  }

  /** Resolves once `pred` holds (checked on every message or close), or rejects after timeoutMs. */
  async until<T>(pred: () => T | undefined | false, timeoutMs = 5000, what = 'condition'): Promise<T> {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const v = pred();
      if (v) return v;
      const left = deadline - Date.now();
      if (left <= 0) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what} (${this.messages.length} messages, closed=${JSON.stringify(this.closed)})`);
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, left);
        this.waiters.push(() => {
          clearTimeout(t);
          resolve();
        });
      });
    }
  }

  /** Waits for the n-th message (1-based). */
  nth(n: number, timeoutMs = 5000): Promise<Received> {
    return this.until(() => this.messages[n - 1], timeoutMs, `message #${n}`);
  }

  waitClose(timeoutMs = 5000) {
    return this.until(() => this.closed, timeoutMs, 'close');
  }

  close() {
    this.ws.terminate();
  }
}

export interface DecodedFrame {
  seq: number;
  baseSeq: number;
  epoch: string;
  kind: string;
  producedAtUs: number;
  hasSnapshot: boolean;
  control?: Record<string, unknown>;
  json: Record<string, unknown>;
}

/** Decodes a received frame, protobuf or JSON, into one comparable shape. */
export function decode(m: Received): DecodedFrame {
  const json = m.isBinary
    ? (pb.Frame.toObject(pb.Frame.decode(m.data), { longs: String, enums: String, defaults: true, arrays: true }) as Record<string, unknown>)
    : (JSON.parse(m.data.toString()) as Record<string, unknown>);
  // toObject's defaults include absent message fields as null; the JSON mapping omits them.
  if (json.control === null) delete json.control;
  if (json.snapshot === null) delete json.snapshot;
  const snap = json.snapshot as Record<string, unknown> | undefined;
  if (snap) for (const k of Object.keys(snap)) if (snap[k] === null) delete snap[k];
  if (m.isBinary) omitEmptyOptIn(snap);
  return {
    seq: Number(json.seq),
    baseSeq: Number(json.baseSeq),
    epoch: String(json.epoch),
    kind: String(json.kind),
    producedAtUs: Number(json.producedAtUs),
    hasSnapshot: json.snapshot != null,
    control: (json.control as Record<string, unknown> | null) ?? undefined,
    json,
  };
}
