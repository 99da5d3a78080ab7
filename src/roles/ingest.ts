// ROLE=ingest: the feed and the market worker, no client sockets. Replicas elect one
// leader through a NATS KV lease (election.ts); only the leader runs the market worker and
// publishes. Every frame goes out once per wire format on <prefix>.v1.frames.<format>,
// and the latest FULL per format is kept in the KV bucket <prefix>_v1_frames (keys
// full.<format>) for edges that start later. The ingest cannot see the edges' clients, so
// its worker encodes every format on every frame.
//
// History: every ingest opens the history writer at start (stores before the market
// worker, ARCHITECTURE.md "Start and stop"); the leader's worker hands it rows exactly as
// under ROLE=all. A worker stopped on losing the lease hands over its last rows first; the
// writer outlives it (and any later term) and is flushed and closed at shutdown, after the
// feed has stopped.
//
// HTTP: the operations routes every role serves — /healthz, /readyz (NATS connected; the
// leader also needs a live worker and feed), /metrics. Nothing else (the history API is the
// edges' or ROLE=all's). Listen and the ordered stop are src/server/lifecycle.ts.
import { hostname } from 'node:os';
import { Kvm, type KV } from '@nats-io/kv';
import { Counter, Gauge, Histogram } from 'prom-client';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { FeedStatus } from '../market/feed/feed.js';
import type { WorkerToMain } from '../messages.js';
import { WIRE_FORMATS, type WireFormat } from '../wire/formats.js';
import { createMetrics, observeFrame, observeHeartbeat } from '../metrics.js';
import { HistoryService, type HistoryOverrides } from '../history/service.js';
import { LocalFrameSource } from '../server/frame-source.js';
import { createAuthenticator } from '../server/auth.js';
import { Guard } from '../guard.js';
import { HttpServer } from '../server/http-server.js';
import { Lifecycle, type ServerHandle } from '../server/lifecycle.js';
import { operationsRoutes } from '../server/ops-routes.js';
import { loadUws } from '../server/uws.js';
import { LeaderElection } from '../scale/election.js';
import { encodeBusFrame, type FrameHeader } from '../scale/frame-codec.js';
import type { BusHeartbeat } from '../scale/heartbeat.js';
import { BusConnection } from '../scale/nats.js';
import { natsConnectSettings, redactNatsUrl } from '../nats-options.js';
import { natsNames } from '../scale/subjects.js';
import { nowUs } from '../util/clock.js';
import { LogLimiter } from '../log-limiter.js';


/** The lease: half the failover bound, so expiry + poll + a worker start fit inside it. */
export const leaseMs = (failoverMs: number) => Math.max(500, Math.floor(failoverMs / 2));

type ShutdownDone = Extract<WorkerToMain, { type: 'shutdown-done' }>;

export async function startIngest(config: Config, log: Logger, opts: { history?: HistoryOverrides } = {}): Promise<ServerHandle> {
  const { uws, native } = loadUws(config.ALLOW_UWS_FALLBACK, log);
  const metrics = createMetrics();
  const m = {
    leader: new Gauge({ name: 'boardcast_ingest_leader', help: '1 while this ingest holds the lease and publishes', registers: [metrics.registry] }),
    term: new Gauge({ name: 'boardcast_ingest_term', help: 'Leadership term (lease KV revision) this ingest last held', registers: [metrics.registry] }),
    published: new Counter({ name: 'boardcast_bus_frames_published_total', help: 'Frame messages published on NATS', labelNames: ['format'] as const, registers: [metrics.registry] }),
    dropped: new Counter({ name: 'boardcast_bus_frames_dropped_total', help: 'Frames not published because NATS was disconnected (never replayed later)', registers: [metrics.registry] }),
    tooLarge: new Counter({ name: 'boardcast_bus_frames_too_large_total', help: "Frames not published because a format's message exceeds the NATS server's max_payload", labelNames: ['format'] as const, registers: [metrics.registry] }),
    publishBytes: new Gauge({ name: 'boardcast_bus_frame_bytes', help: 'Size of the latest frame message by format', labelNames: ['format'] as const, registers: [metrics.registry] }),
    kvPutSeconds: new Histogram({ name: 'boardcast_bus_kv_put_seconds', help: 'Time to store the latest FULL frame in the KV bucket', buckets: [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 1], registers: [metrics.registry] }),
  };
  const names = natsNames(config.NATS_PREFIX);
  const id = `${hostname()}-${process.pid}`;
  const guard = new Guard(log, metrics.registry);
  guard.declare('worker.message', 'worker.crash');
  const authenticator = createAuthenticator({ token: config.WS_AUTH_TOKEN || undefined, jwtSecret: config.WS_JWT_SECRET || undefined });
  const http = new HttpServer({ uws, config, log, metrics, guard, authenticator });
  const lifecycle = new Lifecycle({ config, log, http });

  // Stores first (ARCHITECTURE.md "Start and stop"). The ingest serves no history API: writer only, no query pool.
  const history = await HistoryService.open(config, log, metrics.registry, opts.history, { queries: false });
  let bus: BusConnection;
  try {
    bus = await BusConnection.open(natsConnectSettings(config), `boardcast-ingest-${id}`, log);
  } catch (err) {
    await history.close(Date.now() + 1000);
    throw err;
  }
  const kvm = new Kvm(bus.nc);
  const lease = leaseMs(config.INGEST_FAILOVER_MS);
  const [framesKv, leaderKv] = await Promise.all([
    kvm.create(names.framesBucket, { history: 1, description: 'boardcast: the latest FULL frame per wire format' }),
    kvm.create(names.leaderBucket, { history: 1, ttl: lease, description: 'boardcast: the ingest lease (bucket TTL = lease)' }),
  ]);
  const election = new LeaderElection({ kv: leaderKv, key: names.leaderKey, id, leaseMs: lease, log });

  // ── the leader's market worker ───────────────────────────────────────────────
  let source: { source: LocalFrameSource; term: number } | undefined;
  let basket: string[] = [];
  let boards: Record<string, string[]> | undefined;
  let epoch = '';
  const tooLargeLog = new LogLimiter(60_000);
  const storeFull = latestWins(framesKv, (s) => m.kvPutSeconds.observe(s), log);

  const onMessage = (term: number) => (msg: WorkerToMain) => {
    if (!election.leader || election.term !== term) return; // deposed: this worker is being stopped
    switch (msg.type) {
      case 'ready':
        basket = msg.basket;
        boards = msg.boards;
        epoch = msg.epoch;
        log.info({ epoch, term, symbols: basket.length }, 'market worker ready (leader)');
        break;
      case 'frame': {
        if (msg.full.length === 0) break;
        observeFrame(metrics, msg);
        // Never queue frames for a NATS that is not there: they would arrive stale.
        if (!bus.connected) {
          m.dropped.inc();
          break;
        }
        const header: FrameHeader = { term, epoch, seq: msg.seq, producedAtUs: msg.producedAtUs, keyframe: msg.keyframe, buildUs: msg.buildUs, formats: msg.full.map((p) => p.format), basket, sentAtUs: nowUs() };
        // The feed's boards ride on keyframes and on the KV's FULL (what a starting edge reads first).
        const withBoards: FrameHeader = boards ? { ...header, boards } : header;
        const out = msg.full.map((full) => {
          const delta = msg.delta?.find((d) => d.format === full.format) ?? null;
          const bytes = encodeBusFrame(msg.keyframe ? withBoards : header, full, delta);
          return { full, bytes, stored: delta || !msg.keyframe ? encodeBusFrame(withBoards, full, null) : bytes };
        });
        // The whole market's JSON FULL is ~1.3 MB, over NATS's 1 MB default: publishing it would
        // throw, and an edge completes a frame only with every format. The whole frame is
        // dropped, counted and said (once a minute) until the operator raises max_payload.
        const maxPayload = bus.nc.info?.max_payload ?? Number.POSITIVE_INFINITY;
        const over = out.find((o) => Math.max(o.bytes.byteLength, o.stored.byteLength) > maxPayload);
        if (over) {
          m.tooLarge.inc({ format: over.full.format });
          tooLargeLog.run('too-large', (suppressed) => log.error({ format: over.full.format, bytes: Math.max(over.bytes.byteLength, over.stored.byteLength), maxPayload, suppressed }, "frame message over the NATS server's max_payload: not published (raise max_payload, see deploy/k8s/nats-server.conf)"));
          break;
        }
        for (const { full, bytes, stored } of out) {
          bus.nc.publish(names.frameSubject(full.format), bytes);
          m.published.inc({ format: full.format });
          m.publishBytes.set({ format: full.format }, bytes.byteLength);
          storeFull(names.fullKey(full.format), stored);
        }
        break;
      }
      case 'heartbeat': {
        observeHeartbeat(metrics, msg);
        if (!bus.connected) break;
        const hb: BusHeartbeat = { at: msg.at, term, epoch, leader: id, feed: msg.feed, framesSkipped: msg.framesSkipped, feedAccepted: msg.feedAccepted, feedRejected: msg.feedRejected };
        bus.nc.publish(names.heartbeatSubject, JSON.stringify(hb));
        break;
      }
      default:
        break;
    }
  };

  // Trades accepted by this process's workers over all its terms (each worker's
  // shutdown-done), and the stops in flight: a shutdown waits for a deposed worker's stop
  // (its last rows) before it flushes and closes the history store.
  const totals = { tradesAccepted: 0, historyTicks: 0, workers: 0 };
  const stopping = new Set<Promise<void>>();
  let workersStopped = false;
  const stopWorker = async (s: LocalFrameSource, term: number) => {
    let done: ShutdownDone | undefined;
    const onDone = (msg: WorkerToMain) => {
      if (msg.type === 'shutdown-done') done = msg;
    };
    s.on('message', onDone);
    await s.stopLoop();
    await s.stop(config.SHUTDOWN_TIMEOUT_MS); // the feed stops, then the worker hands its last rows to the writer
    s.off('message', onDone);
    totals.workers++;
    totals.tradesAccepted += done?.tradesAccepted ?? 0;
    totals.historyTicks += done?.historyTicks ?? 0;
    log.info({ term, tradesAccepted: done?.tradesAccepted, ticksHanded: done?.historyTicks }, 'market worker stopped');
  };
  const stopSource = async () => {
    const s = source;
    source = undefined;
    if (s) {
      const p: Promise<void> = stopWorker(s.source, s.term).finally(() => stopping.delete(p));
      stopping.add(p);
    }
    await Promise.all([...stopping]);
  };

  election.on('elected', ({ term }) => {
    if (workersStopped) return; // shutting down: the lease is released in a moment
    m.leader.set(1);
    m.term.set(term);
    const s = new LocalFrameSource(config, log, undefined, { channel: history.channel, flushMs: config.HISTORY_FLUSH_MS });
    s.on('message', guard.wrap('worker.message', onMessage(term)));
    s.on('crash', guard.wrap('worker.crash', () => metrics.workerRestarts.inc()));
    // Both formats, always: the ingest cannot see the edges' clients.
    s.setClients(Object.fromEntries(WIRE_FORMATS.map((f) => [f, 1])) as Record<WireFormat, number>);
    source = { source: s, term };
    s.start();
  });
  election.on('deposed', ({ term, reason }) => {
    m.leader.set(0);
    log.warn({ term, reason }, 'stopping the market worker: no longer the leader');
    stopSource().catch((err: Error) => log.error({ err }, 'could not stop the market worker'));
  });
  election.start();

  // ── routes ───────────────────────────────────────────────────────────────────
  const ready = () => {
    const now = Date.now();
    const reasons: string[] = [];
    if (lifecycle.shuttingDown) reasons.push('shutting down');
    if (!bus.connected) reasons.push(`NATS ${bus.state} for ${now - bus.since} ms`);
    let feed: FeedStatus | null = null;
    if (election.leader && source) {
      const r = source.source.readiness(now, false);
      reasons.push(...r.reasons);
      feed = r.feed;
    }
    return { ready: reasons.length === 0, reasons, feed };
  };
  http.routes(
    operationsRoutes({
      authenticator,
      readiness: () => {
        const r = ready();
        return { ...r, detail: { role: 'ingest', leader: election.leader, term: election.term, epoch: election.leader ? epoch : null, nats: bus.state, feed: r.feed } };
      },
    }),
    ' (ROLE=ingest serves /healthz, /readyz, /metrics)',
  );
  const { port, metricsPort } = await lifecycle.listen({ native, role: 'ingest', id, leaseMs: lease, nats: redactNatsUrl(config.NATS_URL) }, async () => {
    workersStopped = true;
    await stopSource();
    await election.stop();
    await bus.close();
    await history.close(Date.now() + 1000);
  });

  let wasLeader = false;
  const shutdown = (reason: string) =>
    lifecycle.shutdown(reason, {}, {
      fields: { leader: election.leader },
      steps: [
        async () => {
          wasLeader = election.leader;
          workersStopped = true;
          await stopSource(); // the frame loop, the feed; the worker hands over its last rows
        },
        () => election.stop(), // releases the lease: a follower takes over now, not after the TTL
        () => storeFull.flush(),
        () => bus.close(),
        () => void m.leader.set(0),
      ],
      // Flush the history writer and close the store (as ROLE=all does, after the feed stopped).
      history: { service: history, writer: true, counts: () => ({ tradesAccepted: totals.tradesAccepted, ticksHanded: totals.historyTicks, workers: totals.workers }) },
      done: () => ({ wasLeader }),
    });

  return {
    port,
    metricsPort,
    metrics,
    get supervisor() {
      return source?.source.supervisor;
    },
    shutdown,
  };
}

/** KV puts, one in flight per key; a newer value replaces a waiting one (the latest wins, none pile up). */
function latestWins(kv: KV, observe: (seconds: number) => void, log: Logger) {
  const waiting = new Map<string, Uint8Array>();
  const busy = new Map<string, Promise<void>>();
  const run = (key: string): Promise<void> => {
    const value = waiting.get(key);
    if (!value) return Promise.resolve();
    waiting.delete(key);
    const t0 = performance.now();
    const p = kv.put(key, value).then(
      () => observe((performance.now() - t0) / 1000),
      (err: Error) => log.warn({ err: err.message, key }, 'could not store the latest FULL frame'),
    ).then(() => {
      busy.delete(key);
      if (waiting.has(key)) busy.set(key, run(key));
    });
    return p;
  };
  const put = (key: string, value: Uint8Array) => {
    waiting.set(key, value);
    if (!busy.has(key)) busy.set(key, run(key));
  };
  put.flush = async () => {
    for (let i = 0; i < 3 && busy.size > 0; i++) await Promise.all(busy.values());
  };
  return put;
}
