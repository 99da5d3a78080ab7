// The soak's WebSocket clients: steady readers (always reading: their frame rate, latency
// and seq gaps are the run's health), and the chaos — paused readers, connect/disconnect
// churn, garbage and oversized messages, message floods, subscribe and resync storms,
// short-lived tokens. Each chaos actor is a loop that runs until told to stop; what every
// client saw (closes by code, refusals, error frames) goes into one Tally.
import type { Histogram } from 'hdr-histogram-js';
import WebSocket from 'ws';
import { decodeFrame, encodeClientMessage, type ClientBody } from '@boardcast/client';
import { decodeMessage } from '../../../src/loadgen/decode.js';
import { checkSeq, createLatencyHistogram, emptySeqCounts, recordLatency, type SeqCounts, type SeqState } from '../../../src/loadgen/stats.js';

const nowUs = () => (performance.timeOrigin + performance.now()) * 1000;
const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

export interface Tally {
  /** Client-observed close codes (1006: the connection dropped without a close frame). */
  closes: Record<string, number>;
  /** Upgrades refused, by HTTP status. */
  refusals: Record<string, number>;
  /** Error control frames received, by code. */
  errorFrames: Record<string, number>;
  connects: number;
  /** Short-lived tokens: sockets that reached their expiry, and how they were closed. */
  expiry: { due: number; closedExpired: number; closedOtherwise: number; stillOpen: number; otherCloses: Record<string, number> };
  /** Resync storms: the most messages one socket got for one seq (1 = one FULL per frame). */
  resyncMaxPerSeq: number;
}

export const emptyTally = (): Tally => ({ closes: {}, refusals: {}, errorFrames: {}, connects: 0, expiry: { due: 0, closedExpired: 0, closedOtherwise: 0, stillOpen: 0, otherCloses: {} }, resyncMaxPerSeq: 0 });
const bump = (r: Record<string, number>, k: string | number) => (r[k] = (r[k] ?? 0) + 1);

export interface ActorContext {
  /** ws://…/ws?query */
  url: (query: string) => string;
  /** A valid bearer token (exp in seconds since the epoch; undefined: a long one). */
  token: (expS?: number) => Promise<string>;
  tally: Tally;
  rnd: () => number;
  basket: string[];
  /** The server's WS_MAX_PAYLOAD_BYTES (an oversized message is one byte more). */
  maxPayload: number;
}

interface Opened {
  ws: WebSocket;
  closed: Promise<{ code: number; reason: string }>;
}

/** Opens an authenticated socket; resolves once open (null when refused or failed, which the tally records). */
async function open(ctx: ActorContext, query: string, expS?: number, onMessage?: (data: Buffer, isBinary: boolean) => void): Promise<Opened | null> {
  const token = await ctx.token(expS);
  const ws = new WebSocket(ctx.url(query), { perMessageDeflate: false, headers: { authorization: `Bearer ${token}` }, handshakeTimeout: 10_000 });
  if (onMessage) ws.on('message', onMessage);
  const closed = new Promise<{ code: number; reason: string }>((resolve) => ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })));
  ws.on('error', () => undefined);
  const ok = await new Promise<boolean>((resolve) => {
    ws.once('open', () => resolve(true));
    ws.once('unexpected-response', (_req, res) => {
      bump(ctx.tally.refusals, res.statusCode ?? 0);
      res.resume();
      ws.terminate();
      resolve(false);
    });
    ws.once('close', () => resolve(false));
  });
  if (!ok) return null;
  ctx.tally.connects++;
  void closed.then((c) => bump(ctx.tally.closes, c.code));
  return { ws, closed };
}

const noteErrors = (ctx: ActorContext) => (data: Buffer, isBinary: boolean) => {
  try {
    const f = decodeFrame(isBinary ? data : data.toString('utf8'));
    const code = (f.control as { error?: { code?: string } } | null | undefined)?.error?.code;
    if (code) bump(ctx.tally.errorFrames, code);
  } catch {
    bump(ctx.tally.errorFrames, 'undecodable');
  }
};

// ───────────────────────────── steady readers ─────────────────────────────

export interface ReaderStats {
  frames: number;
  seq: SeqCounts;
  /** Closed before the end of the run (anything but the shutdown's 1001 after the SIGTERM). */
  closedEarly: { code: number; reason: string } | null;
}

export class SteadyReader {
  readonly stats: ReaderStats = { frames: 0, seq: emptySeqCounts(), closedEarly: null };
  readonly hist: Histogram = createLatencyHistogram();
  /** Phases (enum names) and trading dates seen (the observer decodes whole frames). */
  readonly phases = new Set<string>();
  readonly dates: string[] = [];
  private state: SeqState = null;
  private counting = false;
  private ending = false;
  private opened: Opened | null = null;
  closeCode: number | undefined;

  constructor(
    private readonly ctx: ActorContext,
    readonly format: 'proto' | 'json',
    private readonly observer = false,
  ) {}

  async start(): Promise<void> {
    this.opened = await open(this.ctx, `format=${this.format}`, undefined, (data, isBinary) => this.onMessage(data, isBinary));
    if (!this.opened) throw new Error(`a steady ${this.format} reader could not connect`);
    void this.opened.closed.then((c) => {
      this.closeCode = c.code;
      if (!this.ending) this.stats.closedEarly = c;
    });
  }

  /** Frames and latency count from now on (after the warmup). */
  startCounting(): void {
    this.counting = true;
  }

  /** The SIGTERM is coming: a close from now on is the shutdown's. */
  expectEnd(): void {
    this.counting = false;
    this.ending = true;
  }

  private onMessage(data: Buffer, isBinary: boolean): void {
    const receivedUs = nowUs();
    const m = decodeMessage(data, isBinary, 'header');
    if (m.type !== 'board') return;
    this.state = checkSeq(this.state, m.header, this.stats.seq);
    if (this.observer) {
      const snap = decodeFrame(isBinary ? data : data.toString('utf8')).snapshot as { phase?: string; tradingDate?: string } | null;
      if (snap?.phase) this.phases.add(snap.phase);
      if (snap?.tradingDate && this.dates.at(-1) !== snap.tradingDate) this.dates.push(snap.tradingDate);
    }
    if (!this.counting) return;
    this.stats.frames++;
    recordLatency(this.hist, receivedUs - m.producedAtUs);
  }

  close(): void {
    this.opened?.ws.terminate();
  }
}

// ───────────────────────────── chaos ─────────────────────────────

export type ActorKind = 'paused' | 'churn' | 'garbage' | 'flood' | 'subscribe' | 'resync' | 'expiry';
export const ACTOR_KINDS: readonly ActorKind[] = ['paused', 'churn', 'garbage', 'flood', 'subscribe', 'resync', 'expiry'];

/** A loop body: one episode of the actor (connect, misbehave, go). `alive()` turns false when the loop should wind down. */
type Episode = (ctx: ActorContext, alive: () => boolean) => Promise<void>;

const rand = (ctx: ActorContext, lo: number, hi: number) => lo + ctx.rnd() * (hi - lo);
const pickFormat = (ctx: ActorContext): 'proto' | 'json' => (ctx.rnd() < 0.5 ? 'proto' : 'json');
const send = (o: Opened, format: 'proto' | 'json', body: ClientBody) => {
  if (o.ws.readyState === WebSocket.OPEN) o.ws.send(encodeClientMessage(format, body), { binary: format === 'proto' });
};
/** Waits for a close or `ms`, whichever first; true when closed. */
const closedWithin = async (o: Opened, ms: number) => {
  let t: NodeJS.Timeout | undefined;
  const r = await Promise.race([o.closed.then(() => true), new Promise<boolean>((resolve) => (t = setTimeout(() => resolve(false), ms)))]);
  clearTimeout(t);
  return r;
};
const bye = async (o: Opened, ctx: ActorContext) => {
  if (ctx.rnd() < 0.5) o.ws.terminate();
  else o.ws.close(1000);
  await closedWithin(o, 3000);
  o.ws.terminate();
};

const EPISODES: Record<ActorKind, Episode> = {
  // Reads, stops reading for a while (its send buffer fills: skipped, or closed "too slow"), reads again.
  async paused(ctx) {
    // JSON FULL frames only: the most bytes a socket can ask for, so a pause reaches the server's limit within seconds.
    const o = await open(ctx, 'format=json&delta=0');
    if (!o) return sleep(500);
    if (await closedWithin(o, rand(ctx, 1000, 3000))) return;
    o.ws.pause();
    // Loopback's socket buffers hold megabytes before the server sees any backpressure.
    const closed = await closedWithin(o, rand(ctx, 20_000, 50_000));
    o.ws.resume();
    if (!closed && !(await closedWithin(o, 2000))) await bye(o, ctx);
  },
  // Connects with a random view, takes a frame or two, goes.
  async churn(ctx) {
    const channels = ['board', 'indices', 'foreign', 'derivatives'].filter(() => ctx.rnd() < 0.6).join(',');
    const symbols = ctx.rnd() < 0.4 ? `&symbols=${[0, 1, 2].map(() => ctx.basket[Math.floor(ctx.rnd() * ctx.basket.length)]).join(',')}` : '';
    const o = await open(ctx, `format=${pickFormat(ctx)}${channels ? `&channels=${channels}` : ''}${symbols}`);
    if (!o) return sleep(200);
    await closedWithin(o, rand(ctx, 0, 600));
    await bye(o, ctx);
  },
  // Garbage of every kind at a polite rate (error frames, the socket stays), then now and then one oversized message (1009).
  async garbage(ctx, alive) {
    const format = pickFormat(ctx);
    const o = await open(ctx, `format=${format}`, undefined, noteErrors(ctx));
    if (!o) return sleep(500);
    const junk = [
      () => o.ws.send(Buffer.from(Array.from({ length: 1 + Math.floor(ctx.rnd() * 64) }, () => Math.floor(ctx.rnd() * 256))), { binary: true }),
      () => o.ws.send('{"version":1,', { binary: false }),
      () => o.ws.send('{"version":7,"resync":{}}', { binary: false }),
      () => o.ws.send('{"version":1}', { binary: false }),
      () => o.ws.send('[[[[[[[[]]]]]]]]', { binary: false }),
      () => o.ws.send(JSON.stringify({ version: 1, subscribe: { channels: ['weather'], symbols: ['JUNK'] } }), { binary: false }),
    ];
    const until = Date.now() + rand(ctx, 2000, 6000);
    while (alive() && Date.now() < until && o.ws.readyState === WebSocket.OPEN) {
      junk[Math.floor(ctx.rnd() * junk.length)]!();
      await sleep(200);
    }
    if (ctx.rnd() < 0.5 && o.ws.readyState === WebSocket.OPEN) {
      o.ws.send(Buffer.alloc(ctx.maxPayload + 1, 7), { binary: true });
      if (await closedWithin(o, 3000)) return;
    }
    await bye(o, ctx);
  },
  // More messages a second than allowed: closed with 1008.
  async flood(ctx) {
    const o = await open(ctx, 'format=proto');
    if (!o) return sleep(500);
    for (let i = 0; i < 200 && o.ws.readyState === WebSocket.OPEN; i++) send(o, 'proto', { ping: { clientTimeUs: i } });
    if (!(await closedWithin(o, 3000))) await bye(o, ctx);
    await sleep(1000);
  },
  // Subscribe / unsubscribe over random watchlists, under the message rate: the view cap answers some with an error frame.
  async subscribe(ctx, alive) {
    const format = pickFormat(ctx);
    const o = await open(ctx, `format=${format}&channels=board&symbols=${ctx.basket[0]}`, undefined, noteErrors(ctx));
    if (!o) return sleep(500);
    const sym = () => ctx.basket[Math.floor(ctx.rnd() * ctx.basket.length)]!;
    const until = Date.now() + rand(ctx, 3000, 10_000);
    while (alive() && Date.now() < until && o.ws.readyState === WebSocket.OPEN) {
      send(o, format, ctx.rnd() < 0.5 ? { subscribe: { channels: [], symbols: [sym()] } } : { unsubscribe: { channels: [], symbols: [sym()] } });
      await sleep(110);
    }
    await bye(o, ctx);
  },
  // Resync 15 times a second: one FULL per frame, however many it asks.
  async resync(ctx, alive) {
    const perSeq = new Map<number, number>();
    const o = await open(ctx, 'format=proto', undefined, (data, isBinary) => {
      const m = decodeMessage(data, isBinary, 'header');
      if (m.type === 'board') perSeq.set(m.header.seq, (perSeq.get(m.header.seq) ?? 0) + 1);
    });
    if (!o) return sleep(500);
    const until = Date.now() + rand(ctx, 3000, 10_000);
    while (alive() && Date.now() < until && o.ws.readyState === WebSocket.OPEN) {
      send(o, 'proto', { resync: {} });
      await sleep(66);
    }
    await bye(o, ctx);
    // Epoch changes restart seq; a worker restart is not expected in a soak, so one epoch.
    for (const n of perSeq.values()) ctx.tally.resyncMaxPerSeq = Math.max(ctx.tally.resyncMaxPerSeq, n);
  },
  // A token that runs out in 1–3 s: closed with 1008 "token expired" (at exp + the server's 5 s tolerance).
  async expiry(ctx, alive) {
    const expS = Math.floor(Date.now() / 1000) + 1 + Math.floor(ctx.rnd() * 3);
    const o = await open(ctx, 'format=proto', expS);
    if (!o) return sleep(1000);
    const graceMs = 5000 + 3000;
    const closed = await closedWithin(o, Math.max(0, expS * 1000 + graceMs - Date.now()));
    if (!closed) {
      // Still open past its expiry and the tolerance: a broken bound, unless the run is ending.
      if (alive()) {
        ctx.tally.expiry.due++;
        ctx.tally.expiry.stillOpen++;
      }
      return bye(o, ctx);
    }
    const c = await o.closed;
    const closedAt = Date.now();
    if (!alive()) return; // the run is ending: the shutdown closed it, not its token
    ctx.tally.expiry.due++;
    if (c.code === 1008 && c.reason === 'token expired') ctx.tally.expiry.closedExpired++;
    else {
      ctx.tally.expiry.closedOtherwise++;
      // When, relative to the token's exp, helps tell a lost close frame from an early cut.
      bump(ctx.tally.expiry.otherCloses, `${c.code} ${c.reason} at exp${(closedAt - expS * 1000 >= 0 ? '+' : '') + ((closedAt - expS * 1000) / 1000).toFixed(1)}s`);
    }
  },
};

/** Runs `n` loops of an actor kind, resizable at any time; stop() waits for the loops to end. */
export class ActorPool {
  private readonly loops: Array<{ stop: boolean; done: Promise<void> }> = [];

  constructor(
    readonly kind: ActorKind,
    private readonly ctx: ActorContext,
  ) {}

  get size(): number {
    return this.loops.filter((l) => !l.stop).length;
  }

  resize(n: number): void {
    while (this.size < n) {
      const loop = { stop: false, done: Promise.resolve() };
      loop.done = (async () => {
        while (!loop.stop) {
          try {
            await EPISODES[this.kind](this.ctx, () => !loop.stop);
          } catch {
            await sleep(250); // an episode failing (a refused connect, say) is part of the chaos
          }
        }
      })();
      this.loops.push(loop);
    }
    for (const l of this.loops) if (this.size > n && !l.stop) l.stop = true;
  }

  async stop(): Promise<void> {
    for (const l of this.loops) l.stop = true;
    await Promise.all(this.loops.map((l) => l.done));
  }
}
