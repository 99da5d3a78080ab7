// Prometheus metrics (prom-client), one registry per server instance so tests can run
// several servers in one process.
import { performance } from 'node:perf_hooks';
import { buildInfo } from './build-info.js';
import type { FeedStatus } from './market/feed/feed.js';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export function createMetrics() {
  const registry = new Registry();
  // The standard names (process_*, nodejs_*), so stock Node.js dashboards work unchanged.
  collectDefaultMetrics({ register: registry, eventLoopMonitoringPrecision: 10 });
  let busyMs = performance.eventLoopUtilization().active;
  const µsBuckets = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 50_000].map((us) => us / 1e6);
  const metrics = {
    registry,
    clients: new Gauge({ name: 'boardcast_clients', help: 'Connected WebSocket clients by wire format', labelNames: ['format'] as const, registers: [registry] }),
    connections: new Counter({ name: 'boardcast_connections_total', help: 'WebSocket connections accepted', labelNames: ['format'] as const, registers: [registry] }),
    framesProduced: new Counter({ name: 'boardcast_frames_produced_total', help: 'Frames built and encoded by the market worker', registers: [registry] }),
    framesEncoded: new Counter({ name: 'boardcast_frames_encoded_total', help: 'Frame encodings, one per wire format per frame', labelNames: ['format'] as const, registers: [registry] }),
    framesSkipped: new Counter({ name: 'boardcast_frames_skipped_total', help: 'Frame intervals skipped for lack of clients', registers: [registry] }),
    frameBytes: new Gauge({ name: 'boardcast_frame_bytes', help: 'Size of the latest frame by wire format', labelNames: ['format'] as const, registers: [registry] }),
    buildSeconds: new Histogram({ name: 'boardcast_build_seconds', help: 'Time to build a snapshot in the worker', buckets: µsBuckets, registers: [registry] }),
    encodeSeconds: new Histogram({ name: 'boardcast_encode_seconds', help: 'Time to encode one frame in the worker', labelNames: ['format'] as const, buckets: µsBuckets, registers: [registry] }),
    publishSeconds: new Histogram({ name: 'boardcast_publish_seconds', help: 'Main-thread time to hand one frame to every view (assembly, publish, backpressure sweep); uWS writes topic messages to the sockets after publish returns, so the socket writes show in boardcast_main_event_loop_busy_seconds_total instead', buckets: [...µsBuckets, 0.1, 0.25], registers: [registry] }),
    resyncs: new Counter({ name: 'boardcast_resyncs_total', help: 'FULL frames sent to resync a socket', labelNames: ['cause'] as const, registers: [registry] }),
    skippedSends: new Counter({ name: 'boardcast_skipped_sends_total', help: 'Frames not sent to a socket because it was over its backpressure limit', registers: [registry] }),
    sendBufferBytes: new Gauge({ name: 'boardcast_ws_send_buffer_bytes', help: 'Bytes queued in the server for all WebSocket sockets together (not yet taken by the kernel), at the last frame; bounded by WS_MAX_BACKPRESSURE_TOTAL_BYTES plus about one frame per lagging socket', registers: [registry] }),
    sendBudgetBytes: new Gauge({ name: 'boardcast_ws_send_budget_bytes', help: 'The process-wide send budget in force: clients × WS_SEND_BUDGET_PER_CLIENT_BYTES, at least 2 × WS_MAX_BACKPRESSURE_BYTES, at most WS_MAX_BACKPRESSURE_TOTAL_BYTES', registers: [registry] }),
    budgetStalls: new Counter({ name: 'boardcast_budget_stalls_total', help: 'Sockets taken off their topic because the process-wide send budget was exceeded while they were behind (under their own limit)', registers: [registry] }),
    views: new Gauge({ name: 'boardcast_views', help: 'Distinct live views (format, channels, watchlist, delta) at once; capped by WS_MAX_VIEWS', registers: [registry] }),
    cachedFulls: new Gauge({ name: 'boardcast_view_fulls_cached', help: 'FULL frames of the latest frame assembled and held for live views', registers: [registry] }),
    tokenExpiredCloses: new Counter({ name: 'boardcast_token_expired_closes_total', help: 'Sockets closed with 1008 "token expired" when their JWT ran out', registers: [registry] }),
    slowCloses: new Counter({ name: 'boardcast_slow_closes_total', help: 'Sockets closed with 1008 "too slow"', registers: [registry] }),
    // A counter of busy time, not a ratio since the previous scrape: rate() over it is the
    // utilisation (0..1) whatever the number of scrapers and their intervals.
    eventLoopBusy: new Counter({
      name: 'boardcast_main_event_loop_busy_seconds_total',
      help: 'Time the main thread\'s event loop was busy (rate() = utilisation 0..1): the whole fan-out cost, socket writes included',
      registers: [registry],
      collect() {
        const now = performance.eventLoopUtilization().active;
        this.inc(Math.max(0, now - busyMs) / 1000);
        busyMs = now;
      },
    }),
    buildInfo: new Gauge({ name: 'boardcast_build_info', help: 'Always 1; the labels say which boardcast version, uWebSockets.js build and Node.js run', labelNames: ['version', 'uws', 'node'] as const, registers: [registry] }),
    rejectedUpgrades: new Counter({ name: 'boardcast_rejected_upgrades_total', help: 'WebSocket upgrades refused before any socket existed', labelNames: ['code'] as const, registers: [registry] }),
    workerRestarts: new Counter({ name: 'boardcast_worker_restarts_total', help: 'Market worker restarts after a crash', registers: [registry] }),
    clientMessagesRejected: new Counter({ name: 'boardcast_client_messages_rejected_total', help: 'Client messages rejected', labelNames: ['reason'] as const, registers: [registry] }),
    feedMessages: new Counter({ name: 'boardcast_feed_messages_total', help: 'Feed messages by outcome', labelNames: ['outcome'] as const, registers: [registry] }),
    feedUp: new Gauge({ name: 'boardcast_feed_live', help: '1 when the feed is live', registers: [registry] }),
    feedLastMessage: new Gauge({ name: 'boardcast_feed_last_message_timestamp_seconds', help: 'Wall-clock time of the feed\'s last message, data or keep-alive (0 before the first); time() minus it is the feed\'s age', registers: [registry] }),
    feedEvents: new Counter({ name: 'boardcast_feed_events_total', help: 'Feed adapter and normalizer counts: sessions, retries, watchdog trips, rejections by reason, unknown message types', labelNames: ['event'] as const, registers: [registry] }),
    /** The worker's counts restart at 0 with each worker epoch; the counters above only grow. */
    workerCounts: new Map<string, number>(),
  };
  metrics.buildInfo.set({ ...buildInfo() }, 1);
  for (const outcome of ['accepted', 'rejected'] as const) metrics.feedMessages.inc({ outcome }, 0);
  // Counters that alert rules watch exist from the start, at 0, not from their first event.
  for (const cause of ['client', 'drained'] as const) metrics.resyncs.inc({ cause }, 0);
  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;

/**
 * The growth of a count that restarts at 0 with each worker epoch (and may come from another
 * ingest after a failover): a count below the previous one is a fresh start, all of it new (a new epoch whose first
 * heartbeat already counts more than the old one last did is undercounted by the old count).
 */
export function countGrowth(last: number | undefined, now: number): number {
  if (last === undefined || now < last) return now;
  return now - last;
}

/** What every role records from the market worker's heartbeat. */
export function observeHeartbeat(m: Metrics, hb: { framesSkipped: number; feedAccepted: number; feedRejected: number; feed: FeedStatus }): void {
  const grow = (key: string, now: number, inc: (by: number) => void) => {
    inc(countGrowth(m.workerCounts.get(key), now));
    m.workerCounts.set(key, now);
  };
  grow('frames_skipped', hb.framesSkipped, (by) => m.framesSkipped.inc(by));
  grow('feed_accepted', hb.feedAccepted, (by) => m.feedMessages.inc({ outcome: 'accepted' }, by));
  grow('feed_rejected', hb.feedRejected, (by) => m.feedMessages.inc({ outcome: 'rejected' }, by));
  m.feedUp.set(hb.feed.state === 'live' ? 1 : 0);
  m.feedLastMessage.set((hb.feed.lastMessageAt ?? 0) / 1000);
  // Bounded label set: the adapter's fixed counters and the normalizer's reason codes.
  for (const [event, n] of Object.entries(hb.feed.counters ?? {})) grow(`event:${event}`, n, (by) => m.feedEvents.inc({ event }, by));
}

/** What every role records from a frame the market worker built (one encoding per format it carries). */
export function observeFrame(m: Metrics, frame: { buildUs: number; encodeUs: Record<string, number>; full: ReadonlyArray<{ format: string }> }): void {
  m.framesProduced.inc();
  m.buildSeconds.observe(frame.buildUs / 1e6);
  for (const p of frame.full) {
    m.framesEncoded.inc({ format: p.format });
    m.encodeSeconds.observe({ format: p.format }, (frame.encodeUs[p.format] ?? 0) / 1e6);
  }
}
