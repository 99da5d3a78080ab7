// Fan-out of frames. Sockets with the same view (format, channels, watchlist, delta or
// FULL-only) share a uWS topic, so each frame is assembled once per view and written to
// all of them by uWS in one publish.
//
// No wrong base, no backlog: a socket whose send buffer is over the backpressure limit is
// taken off its topic ("stalled") instead of being queued more; once it drains it gets the
// latest FULL frame, then rejoins the topic, so a DELTA never reaches it on a base it
// missed. A socket stalled longer than the slow-client timeout is closed with 1008. uWS's
// own limit sits well above ours, so uWS never drops a frame silently.
//
// Memory is bounded in total too: `clients × per-socket limit` can exceed what the process
// has, so when the unsent bytes of all sockets together pass the send budget, every socket
// that is behind at all (anything unsent) is stalled the same way, and resumes with a FULL
// once it has drained; sockets that keep up are not touched. The budget in force grows with
// the clients (a share each, between a floor of two sockets' limits and the total), so the
// unsent bytes per connection stay bounded at any count: uWS never gives back a socket's
// send-buffer string once it grew (fragments.ts), so what a socket was once allowed to hold
// it keeps.
//
// Work is bounded by frames, not by what clients do: a resync or a view change takes the
// socket off its topic and it gets one FULL frame of its (new) view with the next frame,
// however many messages it sent; FULL frames are assembled once per live view per frame
// and dropped with the view; at most `maxViews` distinct views exist at once.
//
// A topic gets a DELTA only on the seq it was last sent. The worker learns of client
// counts a message late, so a frame can lack a format whose view has sockets on its topic
// (the format's last client left and a new one came, served the previous FULL, between two
// frames): that view then gets a FULL, with the 'format-full' or the next frame.
//
// A frame bigger than uWS's cork buffer (JSON FULL frames) is not published but sent to
// each socket on the topic in fragments: see fragments.ts for the memory that saves.
import type { TemplatedApp, WebSocket } from 'uWebSockets.js';
import type { Metrics } from '../metrics.js';
import type { ClientCounts, WireFormat, WorkerToMain } from '../messages.js';
import type { Channel, PackedParts } from '../wire/frame-parts.js';
import type { MessageRateLimiter } from './rate-limit.js';
import { assembleView, hasReplay, viewKey, type FrameMeta, type ViewSpec } from '../wire/views.js';
import { needsFragments, sendMessage } from './fragments.js';

export interface SocketData {
  ip: string;
  view: ViewSpec;
  key: string;
  /** Channels this socket may have (a JWT claim can restrict them). */
  allowed: ReadonlySet<Channel>;
  /** Not on its topic: waiting for a FULL frame (new, resyncing or stalled). */
  pending: boolean;
  /** performance.now() when it went over the backpressure limit; 0 when not stalled. */
  stalledSince: number;
  rate: MessageRateLimiter;
  release: () => void;
  closed: boolean;
  /** When the socket's token stops being valid (ms since the Unix epoch); absent: never. */
  expiresAt?: number;
}

type Frame = Extract<WorkerToMain, { type: 'frame' }>;

interface View {
  spec: ViewSpec;
  count: number;
  /** Seq of the last frame its topic was sent: 0 none yet, -1 its sockets differ (the next one is FULL). */
  sentSeq: number;
  /** The sockets on its topic: a frame too big for one uWS publish is sent to each (fragments.ts). */
  members: Set<WebSocket<SocketData>>;
}

interface Latest {
  meta: FrameMeta;
  keyframe: boolean;
  full: Map<WireFormat, PackedParts>;
  delta: Map<WireFormat, PackedParts> | null;
  receivedAt: number;
  /** FULL bytes per view key (a replay FULL's key prefixed 'r|'), assembled at most once per frame. */
  fullByView: Map<string, Uint8Array>;
}

export interface BroadcasterOptions {
  intervalMs: number;
  /** Distinct views at once; 0 = unlimited. */
  maxViews: number;
  backpressureLimit: number;
  /** Unsent bytes of all sockets together above which lagging sockets are stalled too (at most). */
  backpressureTotal: number;
  /** The budget's share per connected socket (0: the total alone). */
  budgetPerClient: number;
  slowClientTimeoutMs: number;
}

const topicOf = (key: string) => `v/${key}`;

export class Broadcaster {
  private readonly views = new Map<string, View>();
  private readonly sockets = new Set<WebSocket<SocketData>>();
  private readonly pending = new Set<WebSocket<SocketData>>();
  /** Sockets per format, kept as they join and leave: read on every connect and close, so never a walk over thousands of views. */
  private readonly perFormat: ClientCounts = { proto: 0, json: 0 };
  /** Pending sockets to serve a FULL once the current uWS callback has returned (serveSoon). */
  private readonly soon = new Map<WebSocket<SocketData>, SocketData>();
  private latest: Latest | undefined;
  /** Unsent bytes of every socket at the last sweep. */
  private buffered = 0;
  /** The send budget in force (budget()), as last published in the metric. */
  private budgetShown = -1;
  epoch = '';
  lastSeq = 0;

  constructor(
    private readonly app: TemplatedApp,
    private readonly metrics: Metrics,
    private readonly opts: BroadcasterOptions,
  ) {
    this.budget();
  }

  /** The send budget in force: a share per socket, at least two sockets' limits, at most the total. */
  private budget(): number {
    const { backpressureTotal: total, budgetPerClient: share, backpressureLimit: limit } = this.opts;
    const b = share === 0 ? total : Math.min(total, Math.max(2 * limit, this.sockets.size * share));
    if (b !== this.budgetShown) this.metrics.sendBudgetBytes.set((this.budgetShown = b));
    return b;
  }

  get size(): number {
    return this.sockets.size;
  }

  counts(): ClientCounts {
    return { ...this.perFormat };
  }

  /** A new worker epoch: frames of the old one must never reach a socket again. */
  setEpoch(epoch: string): void {
    this.epoch = epoch;
    this.lastSeq = 0;
    this.latest = undefined;
    for (const v of this.views.values()) v.sentSeq = -1; // sockets on a topic still hold an old-epoch board
  }

  /** Distinct live views (with at least one socket). */
  get viewCount(): number {
    return this.views.size;
  }

  /** Whether a socket may take view `key` (leaving view `from`) within the view cap. */
  canTake(key: string, from?: string): boolean {
    if (this.opts.maxViews === 0 || this.views.has(key)) return true;
    const freed = from !== undefined && from !== key && this.views.get(from)?.count === 1 ? 1 : 0;
    return this.views.size - freed < this.opts.maxViews;
  }

  /** A new socket: served the latest FULL from the cache, when it is current, right after the open callback (serveSoon). False (not added) when its view would exceed the cap. */
  add(ws: WebSocket<SocketData>): boolean {
    const d = ws.getUserData();
    if (!this.canTake(d.key)) return false;
    this.sockets.add(ws);
    this.join(d);
    d.pending = true;
    this.pending.add(ws);
    this.serveSoon(ws, d);
    return true;
  }

  remove(ws: WebSocket<SocketData>): void {
    const d = ws.getUserData();
    d.closed = true;
    this.soon.delete(ws);
    if (!this.sockets.delete(ws)) return; // never added (refused at open)
    this.pending.delete(ws);
    this.views.get(d.key)?.members.delete(ws);
    this.leave(d);
  }

  /**
   * Moves a socket to another view (subscribe / unsubscribe); it gets a FULL of the new
   * view with the next frame. The caller checked canTake.
   */
  changeView(ws: WebSocket<SocketData>, spec: ViewSpec, key = viewKey(spec)): void {
    const d = ws.getUserData();
    this.hold(ws);
    this.leave(d);
    d.view = spec;
    d.key = key;
    this.join(d);
  }

  /** A client asked for a resync: it gets one FULL frame with the next frame, however many it asks. */
  resync(ws: WebSocket<SocketData>): void {
    if (this.hold(ws)) this.metrics.resyncs.inc({ cause: 'client' });
  }

  /** Takes a socket off its topic until the next frame serves it a FULL. False when it already waits. */
  private hold(ws: WebSocket<SocketData>): boolean {
    const d = ws.getUserData();
    if (d.pending) return false;
    this.offTopic(ws, d);
    d.pending = true;
    this.pending.add(ws);
    return true;
  }

  /**
   * The latest frame in one more format (the worker's 'format-full': a format gained its
   * first client between frames). The sockets waiting for it are served now.
   */
  addFormat(seq: number, parts: PackedParts): void {
    const l = this.latest;
    if (!l || l.meta.seq !== seq || l.full.has(parts.format)) return;
    l.full.set(parts.format, parts);
    // Views of this format that missed the frame: their sockets on the topic catch up first.
    for (const [key, v] of this.views) {
      if (v.count > 0 && v.spec.format === parts.format && v.sentSeq !== seq) {
        this.send(key, v, this.fullFor(key, v.spec)!);
        v.sentSeq = seq;
      }
    }
    for (const ws of this.pending) {
      const d = ws.getUserData();
      if (d.stalledSince === 0 && d.view.format === parts.format) this.serveFull(ws);
    }
  }

  /** Whether a stalled socket with `b` bytes unsent may be served again. */
  private mayResume(b: number): boolean {
    return b < this.opts.backpressureLimit / 2 && (b === 0 || this.buffered <= this.budget());
  }

  /** uWS drain: a stalled socket that has emptied its buffer catches up at once. */
  drained(ws: WebSocket<SocketData>): void {
    const d = ws.getUserData();
    if (d.pending && d.stalledSince > 0 && this.mayResume(ws.getBufferedAmount())) {
      this.metrics.resyncs.inc({ cause: 'drained' });
      this.serveSoon(ws, d);
    }
  }

  /**
   * Serves a pending socket its FULL right after the uWS callback (open, drain) it came
   * from. Inside one, uWS has the socket corked, with its cork buffer partly used: a FULL
   * frame's fragments would no longer fit it and uWS would format them in the socket's own
   * send-buffer string, which it never frees (fragments.ts) — a frame's worth of native
   * memory kept per connection. Outside, each fragment goes through the empty cork buffer.
   */
  private serveSoon(ws: WebSocket<SocketData>, d: SocketData): void {
    if (this.soon.size === 0) setImmediate(this.serveQueued);
    this.soon.set(ws, d);
  }

  private readonly serveQueued = (): void => {
    for (const [ws, d] of this.soon) {
      // Closed meanwhile, or served by a frame that came first.
      if (!d.closed && d.pending && this.pending.has(ws)) this.serveFull(ws);
    }
    this.soon.clear();
  };

  publish(msg: Frame): void {
    const meta: FrameMeta = { seq: msg.seq, epoch: this.epoch, producedAtUs: msg.producedAtUs };
    const full = new Map(msg.full.map((p) => [p.format, p]));
    const delta = msg.delta ? new Map(msg.delta.map((p) => [p.format, p])) : null;
    this.latest = { meta, keyframe: msg.keyframe, full, delta, receivedAt: Date.now(), fullByView: new Map() };
    this.metrics.cachedFulls.set(0);
    this.lastSeq = msg.seq;
    for (const p of msg.full) this.metrics.frameBytes.set({ format: p.format }, p.bytes.byteLength);

    const t0 = performance.now();
    for (const [key, v] of this.views) {
      if (v.count === 0) continue;
      const fullParts = full.get(v.spec.format);
      if (!fullParts) continue; // the worker did not know this format had clients yet: they are pending
      const onBase = v.sentSeq === msg.seq - 1;
      const deltaParts = v.spec.delta && !msg.keyframe && onBase ? delta?.get(v.spec.format) : undefined;
      const bytes = deltaParts ? assembleView(meta, 'DELTA', msg.seq - 1, deltaParts, v.spec) : this.fullFor(key, v.spec)!;
      this.send(key, v, bytes);
      v.sentSeq = msg.seq;
    }
    this.sweep();
    const seconds = (performance.now() - t0) / 1000;
    this.metrics.publishSeconds.observe(seconds);
  }

  /** A frame to every socket on a view's topic: one uWS publish, or fragments to each when it is too big for one. */
  private send(key: string, v: View, bytes: Uint8Array): void {
    const binary = v.spec.format === 'proto';
    if (needsFragments(bytes)) for (const ws of v.members) sendMessage(ws, bytes, binary);
    // A personal watchlist is a view of one socket: a send skips uWS's topic lookup.
    else if (v.members.size === 1) for (const ws of v.members) ws.send(bytes, binary);
    else this.app.publish(topicOf(key), bytes, binary);
  }

  private offTopic(ws: WebSocket<SocketData>, d: SocketData): void {
    ws.unsubscribe(topicOf(d.key));
    this.views.get(d.key)?.members.delete(ws);
  }

  /**
   * The latest FULL of a view. `replay`: the one a socket gets when it connects or resyncs
   * (its list channels carry their replay: the last trades, the recent alerts); the topic's
   * regular FULL carries what every socket on it gets, those since the previous frame.
   */
  private fullFor(key: string, spec: ViewSpec, replay = false): Uint8Array | undefined {
    const l = this.latest;
    const parts = l?.full.get(spec.format);
    if (!l || !parts) return undefined;
    const withReplay = replay && hasReplay(parts, spec);
    const cacheKey = withReplay ? `r|${key}` : key;
    let b = l.fullByView.get(cacheKey);
    if (!b) {
      b = assembleView(l.meta, 'FULL', 0, parts, spec, withReplay);
      // Held for this frame only, and only for live views (leave() drops it).
      if (this.views.has(key)) {
        l.fullByView.set(cacheKey, b);
        this.metrics.cachedFulls.set(l.fullByView.size);
      }
    }
    return b;
  }

  /**
   * Sends the latest FULL frame and puts the socket on its topic, if that frame is current
   * (younger than an interval and a half: an older one means frames stopped for lack of
   * clients, and the worker, told of the new client, builds a fresh one now) and exists in
   * the socket's format (else the worker's 'format-full' brings it). Otherwise the socket
   * waits, off its topic, for the next frame.
   */
  private serveFull(ws: WebSocket<SocketData>): void {
    const d = ws.getUserData();
    const l = this.latest;
    const fresh = l && Date.now() - l.receivedAt <= this.opts.intervalMs * 1.5;
    const bytes = fresh ? this.fullFor(d.key, d.view, true) : undefined;
    if (!bytes || ws.getBufferedAmount() > this.opts.backpressureLimit) {
      d.pending = true;
      this.pending.add(ws);
      return;
    }
    sendMessage(ws, bytes, d.view.format === 'proto');
    ws.subscribe(topicOf(d.key));
    const v = this.views.get(d.key)!;
    v.members.add(ws);
    // A new view's topic starts at this seq; one whose sockets are on another gets a FULL next.
    if (v.sentSeq !== l!.meta.seq) v.sentSeq = v.sentSeq === 0 ? l!.meta.seq : -1;
    d.pending = false;
    d.stalledSince = 0;
    this.pending.delete(ws);
  }

  /**
   * After each publish: stall sockets over the limit (or behind at all while the total is
   * over the budget), serve or close the pending ones.
   */
  private sweep(): void {
    const now = performance.now();
    const limit = this.opts.backpressureLimit;
    const budget = this.budget();
    // The total so far this sweep, or the last sweep's when that was over: a socket seen
    // early in the loop is held to the budget as well as one seen late.
    let total = 0;
    const overLast = this.buffered > budget;
    for (const ws of this.sockets) {
      const b = ws.getBufferedAmount();
      // A socket with nothing unsent is never stalled: the common case costs one native call.
      if (b === 0) continue;
      total += b;
      const d = ws.getUserData();
      if (d.pending) continue;
      const overBudget = b > 0 && (overLast || total > budget);
      if (b > limit || overBudget) {
        if (overBudget && b <= limit) this.metrics.budgetStalls.inc();
        this.offTopic(ws, d);
        d.pending = true;
        d.stalledSince = now;
        this.pending.add(ws);
      }
    }
    this.buffered = total;
    this.metrics.sendBufferBytes.set(total);
    for (const ws of this.pending) {
      const d = ws.getUserData();
      if (d.stalledSince > 0) {
        this.metrics.skippedSends.inc();
        if (now - d.stalledSince > this.opts.slowClientTimeoutMs) {
          this.metrics.slowCloses.inc();
          this.pending.delete(ws);
          ws.end(1008, 'too slow');
          continue;
        }
        if (!this.mayResume(ws.getBufferedAmount())) continue;
        this.metrics.resyncs.inc({ cause: 'drained' });
      }
      this.serveFull(ws);
    }
  }

  private join(d: SocketData): void {
    this.perFormat[d.view.format]++;
    const v = this.views.get(d.key);
    if (v) v.count++;
    else {
      this.views.set(d.key, { spec: d.view, count: 1, sentSeq: 0, members: new Set() });
      this.metrics.views.set(this.views.size);
    }
  }

  private leave(d: SocketData): void {
    const v = this.views.get(d.key);
    if (!v) return;
    this.perFormat[d.view.format]--;
    if (--v.count > 0) return;
    this.views.delete(d.key);
    this.metrics.views.set(this.views.size);
    const cached = this.latest?.fullByView;
    if (!cached) return;
    const regular = cached.delete(d.key);
    if (cached.delete(`r|${d.key}`) || regular) this.metrics.cachedFulls.set(cached.size);
  }

  /** Every socket, for shutdown. */
  all(): WebSocket<SocketData>[] {
    return [...this.sockets];
  }
}
