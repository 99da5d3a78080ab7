// ROLE=edge: frames come from the ingest over NATS instead of a local market worker. The
// edge feeds its Broadcaster exactly as ROLE=all does, with the parts the ingest's worker
// encoded, so every edge sends every client the same bytes.
//
// - At start: connect (retrying forever), subscribe to <prefix>.v1.frames.* and the
//   heartbeat, then load the latest FULL frame per format from the KV bucket. /readyz is
//   503 until NATS is connected, a FULL frame is loaded and the ingest's heartbeat is fresh.
// - A frame is emitted once every format of its seq has arrived (one subscription: NATS
//   keeps one publisher's order across subjects).
// - Never stale, never replayed: a frame at or below the last seq is dropped; after a gap
//   (an edge that lost NATS, a lost message) the next frame goes out as a keyframe, i.e. a
//   FULL to every socket (every frame message carries the FULL parts); a new epoch resets
//   the broadcaster ('ready') and goes out FULL too.
// - Nothing from NATS is trusted: every frame message is decoded and checked before use
//   (frame-codec.ts), every heartbeat against its schema (heartbeat.ts); frames are fenced
//   by the lease term the edge watches in KV (lease-watch.ts, frame-fence.ts). A bad or
//   forged message is dropped and counted (boardcast_edge_frames_dropped_total{reason}),
//   and no exception ever leaves a NATS callback.
import type { Msg, Subscription } from '@nats-io/transport-node';
import { Kvm, type KV } from '@nats-io/kv';
import type { Registry } from 'prom-client';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { FeedStatus } from '../market/feed/feed.js';
import type { ClientCounts } from '../messages.js';
import { WIRE_FORMATS, type WireFormat } from '../wire/formats.js';
import { LogLimiter } from '../log-limiter.js';
import { FrameSource, type SourceReadiness } from '../server/frame-source.js';
import { heartbeatDeadlineMs } from '../server/readiness.js';
import type { PackedParts } from '../wire/frame-parts.js';
import { decodeBusFrame, type BusFrame } from './frame-codec.js';
import { createEdgeMetrics, type EdgeDropReason, type EdgeMetrics } from './edge-metrics.js';
import { FrameFence } from './frame-fence.js';
import { parseHeartbeat } from './heartbeat.js';
import { LeaseWatch } from './lease-watch.js';
import { BusConnection } from './nats.js';
import { natsConnectSettings } from '../nats-options.js';
import { natsNames, type NatsNames } from './subjects.js';
import { backoffDelay, type Backoff } from '../util/backoff.js';
import { nowUs } from '../util/clock.js';

/** Reading the lease and the latest frames while NATS is not ready yet: 200 ms doubling to 2 s. */
const NATS_READ_RETRY: Backoff = { initialMs: 200, maxMs: 2000, factor: 2, jitter: 0 };

export interface EdgeStats {
  framesReceived: number;
  framesEmitted: number;
  dropped: Partial<Record<EdgeDropReason, number>>;
  gaps: number;
  /** NATS path latency of the last frame: publish at the ingest → complete at this edge, µs. */
  lastBusLatencyUs: number;
}

export class NatsFrameSource extends FrameSource {
  readonly kind = 'nats';
  readonly listenAfterFirstFrame = false;
  private bus: BusConnection | undefined;
  private kv: KV | undefined;
  private readonly names: NatsNames;
  private readonly subs: Subscription[] = [];
  private readonly pending = new Map<string, Map<WireFormat, BusFrame>>();
  private readonly fence: FrameFence;
  private lease: LeaseWatch | undefined;
  private readonly metrics: EdgeMetrics | undefined;
  private readonly dropLog = new LogLimiter();
  private firstFrameAt: number | undefined;
  /** The boards last announced ('ready'), as JSON: announced again only when they change. */
  private boardsSent: string | undefined;
  private lastHeartbeatAt: number | undefined;
  private feed: FeedStatus | undefined;
  private stopped = false;
  private loopStopped = false;
  readonly stats: EdgeStats = { framesReceived: 0, framesEmitted: 0, dropped: {}, gaps: 0, lastBusLatencyUs: 0 };

  constructor(
    private readonly config: Config,
    private readonly log: Logger,
    registry?: Registry,
  ) {
    super();
    this.names = natsNames(config.NATS_PREFIX);
    this.fence = new FrameFence({ intervalMs: config.BROADCAST_INTERVAL_MS });
    this.metrics = registry && createEdgeMetrics(registry, { natsConnected: () => (this.bus?.connected ? 1 : 0), leaseTerm: () => this.fence.leaseTerm, lastFrameAt: () => this.fence.lastAcceptedAt });
  }

  private drop(reason: EdgeDropReason, detail?: Record<string, unknown>): void {
    this.stats.dropped[reason] = (this.stats.dropped[reason] ?? 0) + 1;
    this.metrics?.dropped.inc({ reason });
    // One line per reason per 10 s: a flood of junk must not become a flood of log lines.
    if (detail) this.dropLog.run(reason, (suppressed) => this.log.warn({ reason, ...detail, suppressed }, 'message from NATS dropped'));
  }

  /** Every NATS callback goes through here: a message that makes the edge throw is dropped and counted, the subscription lives on. */
  private guarded(what: string, handle: (data: Uint8Array) => void) {
    return (err: Error | null, msg: Msg) => {
      if (err) return void this.log.warn({ err: err.message, subscription: what }, 'NATS subscription error');
      try {
        handle(msg.data);
      } catch (e) {
        this.drop('internal');
        this.log.error({ err: e, subscription: what }, 'handling a message from NATS failed; dropped');
      }
    };
  }

  start(): void {
    void this.run().catch((err: Error) => {
      // Never fatal: readiness says what is missing, and the operator sees this line.
      if (!this.stopped) this.log.error({ err }, 'edge could not attach to NATS');
    });
  }

  private async run(): Promise<void> {
    this.bus = await BusConnection.open(natsConnectSettings(this.config), `boardcast-edge-${process.pid}`, this.log, () => this.stopped);
    if (this.stopped) return void (await this.bus.close());
    const nc = this.bus.nc;
    // The lease first: no frame is judged before the term it must carry is known.
    const kvm = new Kvm(nc);
    for (let attempt = 0; !this.lease && !this.stopped; attempt++) {
      try {
        const lease = new LeaseWatch(await kvm.open(this.names.leaderBucket), this.names.leaderKey, this.log);
        lease.on('term', (term) => {
          this.fence.leaseTerm = term;
        });
        await lease.start();
        this.lease = lease;
      } catch (err) {
        this.log.warn({ err: (err as Error).message, attempt }, 'cannot read the ingest lease from NATS yet; retrying');
        await new Promise((r) => setTimeout(r, backoffDelay(NATS_READ_RETRY, attempt + 1)));
      }
    }
    if (this.stopped) return;
    this.subs.push(
      nc.subscribe(this.names.framesWildcard, { callback: this.guarded('frames', (data) => this.onBusFrame(data)) }),
      nc.subscribe(this.names.heartbeatSubject, { callback: this.guarded('heartbeat', (data) => this.onHeartbeat(data)) }),
    );
    // After a reconnect the next frame most likely follows a gap: it goes out FULL (onBusFrame).
    this.bus.on('reconnect', () => {
      this.pending.clear();
    });
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        // open, not create: an edge may read the buckets, never define them (deploy/nats).
        this.kv ??= await kvm.open(this.names.framesBucket);
        await this.loadLatestFull(this.kv);
        return;
      } catch (err) {
        this.log.warn({ err: (err as Error).message, attempt }, 'cannot read the latest FULL frames from NATS yet; retrying');
        await new Promise((r) => setTimeout(r, backoffDelay(NATS_READ_RETRY, attempt + 1)));
      }
    }
  }

  /** The latest FULL per format from the bucket, emitted as one keyframe (if live frames have not overtaken it). */
  private async loadLatestFull(kv: KV): Promise<void> {
    for (let i = 0; i < 5; i++) {
      const frames = new Map<WireFormat, BusFrame>();
      for (const f of WIRE_FORMATS) {
        const e = await kv.get(this.names.fullKey(f));
        if (e && e.operation === 'PUT') {
          try {
            frames.set(f, decodeBusFrame(e.value));
          } catch (err) {
            this.drop('malformed', { from: 'kv', key: this.names.fullKey(f), err: (err as Error).message });
          }
        }
      }
      const first = frames.values().next().value as BusFrame | undefined;
      if (!first) {
        this.log.info('no FULL frame in the bucket yet: waiting for the ingest');
        return;
      }
      const consistent = [...frames.values()].every((b) => b.epoch === first.epoch && b.seq === first.seq) && first.formats.every((f) => frames.has(f));
      if (consistent) {
        const accepted = this.accept(frames, true);
        this.log.info({ epoch: first.epoch, seq: first.seq, term: first.term, accepted }, 'latest FULL frames loaded from NATS');
        return;
      }
      await new Promise((r) => setTimeout(r, 20)); // caught between the ingest's puts: read again
    }
    this.log.info('FULL frames in the bucket keep changing: the live frames will do');
  }

  private onBusFrame(data: Uint8Array): void {
    if (this.loopStopped) return;
    this.stats.framesReceived++;
    let b: BusFrame;
    try {
      b = decodeBusFrame(data);
    } catch (err) {
      this.drop('malformed', { err: (err as Error).message, bytes: data.byteLength });
      return;
    }
    // Judged before it may touch the frames being assembled: a forged message never
    // displaces a real frame's formats.
    if (!this.judge(b, false)) return;
    const key = `${b.term}/${b.epoch}/${b.seq}`;
    let set = this.pending.get(key);
    if (!set) {
      // A frame whose formats did not all arrive is never completed: newer frames replace it.
      for (const k of this.pending.keys()) {
        this.drop('incomplete');
        this.pending.delete(k);
      }
      this.pending.set(key, (set = new Map()));
    }
    set.set(b.format, b);
    if (!b.formats.every((f) => set.has(f))) return;
    this.pending.delete(key);
    this.stats.lastBusLatencyUs = nowUs() - b.sentAtUs;
    this.accept(set, false);
  }

  /** The fence's verdict, counted when it drops; a newer term than the lease's makes the lease be read again. */
  private judge(h: BusFrame, fromStore: boolean): boolean {
    const v = this.fence.check(h, Date.now(), fromStore);
    if (v.accept) return true;
    if (v.reason === 'term_ahead' || v.reason === 'term_unknown') this.lease?.refresh();
    // Rare and worth a line (a forgery, or a failover seen late); stale frames are routine after a reconnect.
    this.drop(v.reason, v.reason === 'stale' || v.reason === 'term_stale' ? undefined : { term: h.term, epoch: h.epoch, seq: h.seq, leaseTerm: this.fence.leaseTerm, lastSeq: this.fence.lastSeq });
    return false;
  }

  private accept(frames: Map<WireFormat, BusFrame>, fromStore: boolean): boolean {
    const h = frames.values().next().value as BusFrame;
    const now = Date.now();
    if (!this.judge(h, fromStore)) return false;
    const from = this.fence.epoch;
    const { newEpoch, gap } = this.fence.commit(h, now);
    let keyframe = h.keyframe || fromStore;
    // The feed's boards come with keyframes: a new epoch whose first frame here was a delta
    // gets them (a second 'ready', same epoch) with its next keyframe.
    const boards = h.boards ? JSON.stringify(h.boards) : undefined;
    if (newEpoch || (boards !== undefined && boards !== this.boardsSent)) {
      if (newEpoch) this.boardsSent = undefined;
      this.boardsSent = boards ?? this.boardsSent;
      this.emit('message', { type: 'ready', epoch: h.epoch, basket: h.basket, ...(h.boards ? { boards: h.boards } : {}) });
    }
    if (newEpoch) {
      if (from) this.log.info({ from, to: h.epoch, term: h.term }, 'new epoch from the ingest');
      keyframe = true;
    } else if (gap) {
      this.stats.gaps++;
      this.metrics?.gaps.inc();
      this.log.info({ epoch: h.epoch, seq: h.seq }, 'frames missed (gap): sending FULL');
      keyframe = true;
    }
    const ordered = WIRE_FORMATS.filter((f) => frames.has(f)).map((f) => frames.get(f)!);
    const deltas = ordered.map((b) => b.delta);
    const delta = keyframe || deltas.some((d) => d === null) ? null : (deltas as PackedParts[]);
    this.firstFrameAt ??= now;
    this.stats.framesEmitted++;
    this.emit('message', { type: 'frame', seq: h.seq, producedAtUs: h.producedAtUs, keyframe, buildUs: h.buildUs, encodeUs: {}, full: ordered.map((b) => b.full), delta });
    return true;
  }

  private onHeartbeat(data: Uint8Array): void {
    const hb = parseHeartbeat(data);
    if (!hb) return this.drop('heartbeat_malformed', { bytes: data.byteLength });
    if (hb.term !== this.fence.leaseTerm) {
      if (this.fence.leaseTerm === undefined || hb.term > this.fence.leaseTerm) this.lease?.refresh();
      return this.drop('heartbeat_term');
    }
    this.lastHeartbeatAt = Date.now();
    this.feed = hb.feed;
    this.emit('message', { type: 'heartbeat', at: hb.at, feed: hb.feed, framesSkipped: hb.framesSkipped, feedAccepted: hb.feedAccepted, feedRejected: hb.feedRejected });
  }

  setClients(_clients: ClientCounts): void {
    // The ingest encodes every format whatever the clients: it cannot see them.
  }

  readiness(now: number, shuttingDown: boolean): SourceReadiness {
    const reasons: string[] = [];
    if (shuttingDown) reasons.push('shutting down');
    if (!this.bus) reasons.push('NATS not connected yet');
    else if (!this.bus.connected) reasons.push(`NATS ${this.bus.state} for ${now - this.bus.since} ms`);
    if (this.firstFrameAt === undefined) reasons.push('no FULL frame from the ingest yet');
    // A failover (no leader for up to INGEST_FAILOVER_MS) must not take every edge out of service.
    const deadline = heartbeatDeadlineMs(this.config.BROADCAST_INTERVAL_MS) + this.config.INGEST_FAILOVER_MS;
    if (this.lastHeartbeatAt === undefined) reasons.push('no heartbeat from the ingest yet');
    else if (now - this.lastHeartbeatAt > deadline) reasons.push(`ingest heartbeat stale (${now - this.lastHeartbeatAt} ms old)`);
    // Frozen: connected and the ingest alive, yet no frame accepted (every one dropped, or none sent).
    const lastFrame = this.fence.lastAcceptedAt;
    if (lastFrame > 0 && now - lastFrame > deadline) reasons.push(`no frame accepted for ${now - lastFrame} ms`);
    if (this.feed && this.feed.state !== 'live') reasons.push(`feed ${this.feed.state}${this.feed.lastError ? `: ${this.feed.lastError}` : ''}`);
    return { ready: reasons.length === 0, reasons, feed: this.feed ?? null };
  }

  async stopLoop(): Promise<void> {
    this.loopStopped = true;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.loopStopped = true;
    this.lease?.stop();
    for (const s of this.subs) s.unsubscribe();
    await this.bus?.close();
  }
}
