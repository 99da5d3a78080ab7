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
// - Fencing: frames carry the leader's term (the lease's KV revision); frames of an older
//   term than the current one are dropped while the current leader is live (a deposed
//   leader's last frames, buffered somewhere, never win).
import type { Subscription } from '@nats-io/transport-node';
import { Kvm, type KV } from '@nats-io/kv';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { FeedStatus } from '../market/feed/feed.js';
import { WIRE_FORMATS, type ClientCounts, type WireFormat } from '../messages.js';
import { FrameSource, type SourceReadiness } from '../server/frame-source.js';
import { heartbeatDeadlineMs } from '../server/readiness.js';
import type { PackedParts } from '../wire/frame-parts.js';
import { decodeBusFrame, type BusFrame } from './frame-codec.js';
import { BusConnection } from './nats.js';
import { natsNames, type NatsNames } from './subjects.js';
import type { BusHeartbeat } from './ingest.js';

const nowUs = () => Math.round((performance.timeOrigin + performance.now()) * 1000);

export interface EdgeStats {
  framesReceived: number;
  framesEmitted: number;
  dropped: { stale: number; olderTerm: number; undecodable: number; incomplete: number };
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
  private term = 0;
  private epoch = '';
  private lastSeq = 0;
  private lastFrameAt = 0;
  private firstFrameAt: number | undefined;
  private lastHeartbeatAt: number | undefined;
  private feed: FeedStatus | undefined;
  private stopped = false;
  private loopStopped = false;
  readonly stats: EdgeStats = { framesReceived: 0, framesEmitted: 0, dropped: { stale: 0, olderTerm: 0, undecodable: 0, incomplete: 0 }, gaps: 0, lastBusLatencyUs: 0 };

  constructor(
    private readonly config: Config,
    private readonly log: Logger,
  ) {
    super();
    this.names = natsNames(config.NATS_PREFIX);
  }

  start(): void {
    void this.run().catch((err: Error) => {
      // Never fatal: readiness says what is missing, and the operator sees this line.
      if (!this.stopped) this.log.error({ err }, 'edge could not attach to NATS');
    });
  }

  private async run(): Promise<void> {
    this.bus = await BusConnection.open(this.config.NATS_URL, `boardcast-edge-${process.pid}`, this.log);
    if (this.stopped) return void (await this.bus.close());
    const nc = this.bus.nc;
    this.subs.push(
      nc.subscribe(this.names.framesWildcard, {
        callback: (err, msg) => {
          if (!err) this.onBusFrame(msg.data);
        },
      }),
      nc.subscribe(this.names.heartbeatSubject, {
        callback: (err, msg) => {
          if (!err) this.onHeartbeat(msg.data);
        },
      }),
    );
    // After a reconnect the next frame most likely follows a gap: it goes out FULL (onBusFrame).
    this.bus.on('reconnect', () => {
      this.pending.clear();
    });
    for (let attempt = 0; !this.stopped; attempt++) {
      try {
        this.kv ??= await new Kvm(nc).create(this.names.framesBucket, { history: 1 });
        await this.loadLatestFull(this.kv);
        return;
      } catch (err) {
        this.log.warn({ err: (err as Error).message, attempt }, 'cannot read the latest FULL frames from NATS yet; retrying');
        await new Promise((r) => setTimeout(r, Math.min(2000, 200 * 2 ** attempt)));
      }
    }
  }

  /** The latest FULL per format from the bucket, emitted as one keyframe (if live frames have not overtaken it). */
  private async loadLatestFull(kv: KV): Promise<void> {
    for (let i = 0; i < 5; i++) {
      const frames = new Map<WireFormat, BusFrame>();
      for (const f of WIRE_FORMATS) {
        const e = await kv.get(this.names.fullKey(f));
        if (e && e.operation === 'PUT') frames.set(f, decodeBusFrame(e.value));
      }
      const first = frames.values().next().value as BusFrame | undefined;
      if (!first) {
        this.log.info('no FULL frame in the bucket yet: waiting for the ingest');
        return;
      }
      const consistent = [...frames.values()].every((b) => b.epoch === first.epoch && b.seq === first.seq) && first.formats.every((f) => frames.has(f));
      if (consistent) {
        this.log.info({ epoch: first.epoch, seq: first.seq, term: first.term }, 'latest FULL frames loaded from NATS');
        this.accept(frames, true);
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
      this.stats.dropped.undecodable++;
      this.log.warn({ err: (err as Error).message }, 'undecodable frame message on the bus; dropped');
      return;
    }
    const key = `${b.term}/${b.epoch}/${b.seq}`;
    let set = this.pending.get(key);
    if (!set) {
      // A frame whose formats did not all arrive is never completed: newer frames replace it.
      for (const k of this.pending.keys()) {
        this.stats.dropped.incomplete++;
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

  private currentLeaderLive(now: number): boolean {
    return now - this.lastFrameAt < this.config.INGEST_FAILOVER_MS;
  }

  private accept(frames: Map<WireFormat, BusFrame>, fromStore: boolean): void {
    const h = frames.values().next().value as BusFrame;
    const now = Date.now();
    if (h.term < this.term && this.currentLeaderLive(now)) {
      this.stats.dropped.olderTerm++;
      return;
    }
    let keyframe = h.keyframe || fromStore;
    if (h.epoch !== this.epoch) {
      if (this.epoch) this.log.info({ from: this.epoch, to: h.epoch, term: h.term }, 'new epoch from the ingest');
      this.term = h.term;
      this.epoch = h.epoch;
      this.lastSeq = 0;
      this.emit('message', { type: 'ready', epoch: h.epoch, basket: h.basket });
      keyframe = true;
    } else if (h.seq <= this.lastSeq) {
      this.stats.dropped.stale++;
      return;
    } else if (h.seq !== this.lastSeq + 1) {
      this.stats.gaps++;
      this.log.info({ epoch: h.epoch, after: this.lastSeq, seq: h.seq }, 'frames missed (gap): sending FULL');
      keyframe = true;
    }
    this.term = Math.max(this.term, h.term);
    this.lastSeq = h.seq;
    this.lastFrameAt = now;
    const ordered = WIRE_FORMATS.filter((f) => frames.has(f)).map((f) => frames.get(f)!);
    const deltas = ordered.map((b) => b.delta);
    const delta = keyframe || deltas.some((d) => d === null) ? null : (deltas as PackedParts[]);
    this.firstFrameAt ??= now;
    this.stats.framesEmitted++;
    this.emit('message', { type: 'frame', seq: h.seq, producedAtUs: h.producedAtUs, keyframe, buildUs: h.buildUs, encodeUs: {}, full: ordered.map((b) => b.full), delta });
  }

  private onHeartbeat(data: Uint8Array): void {
    let hb: BusHeartbeat;
    try {
      hb = JSON.parse(new TextDecoder().decode(data)) as BusHeartbeat;
    } catch {
      return;
    }
    if (hb.term < this.term && this.currentLeaderLive(Date.now())) return;
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
    if (this.feed && this.feed.state !== 'live') reasons.push(`feed ${this.feed.state}${this.feed.lastError ? `: ${this.feed.lastError}` : ''}`);
    return { ready: reasons.length === 0, reasons, feed: this.feed ?? null };
  }

  async stopLoop(): Promise<void> {
    this.loopStopped = true;
  }

  async stop(): Promise<void> {
    this.stopped = true;
    this.loopStopped = true;
    for (const s of this.subs) s.unsubscribe();
    await this.bus?.close();
  }
}
