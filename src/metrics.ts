// Prometheus metrics (prom-client), one registry per server instance so tests can run
// several servers in one process.
import { performance } from 'node:perf_hooks';
import type { FeedStatus } from './market/feed/feed.js';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export function createMetrics() {
  const registry = new Registry();
  let lastElu = performance.eventLoopUtilization();
  collectDefaultMetrics({ register: registry, prefix: 'boardcast_', eventLoopMonitoringPrecision: 10 });
  const µsBuckets = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10_000, 50_000].map((us) => us / 1e6);
  const metrics = {
    registry,
    clients: new Gauge({ name: 'boardcast_clients', help: 'Connected WebSocket clients by wire format', labelNames: ['format'] as const, registers: [registry] }),
    connections: new Counter({ name: 'boardcast_connections_total', help: 'WebSocket connections accepted', labelNames: ['format'] as const, registers: [registry] }),
    framesProduced: new Counter({ name: 'boardcast_frames_produced_total', help: 'Frames built and encoded by the market worker', registers: [registry] }),
    framesEncoded: new Counter({ name: 'boardcast_frames_encoded_total', help: 'Frame encodings, one per wire format per frame', labelNames: ['format'] as const, registers: [registry] }),
    framesSkipped: new Gauge({ name: 'boardcast_frames_skipped', help: 'Frame intervals skipped for lack of clients (current worker epoch)', registers: [registry] }),
    frameBytes: new Gauge({ name: 'boardcast_frame_bytes', help: 'Size of the latest frame by wire format', labelNames: ['format'] as const, registers: [registry] }),
    buildSeconds: new Histogram({ name: 'boardcast_build_seconds', help: 'Time to build a snapshot in the worker', buckets: µsBuckets, registers: [registry] }),
    encodeSeconds: new Histogram({ name: 'boardcast_encode_seconds', help: 'Time to encode one frame in the worker', labelNames: ['format'] as const, buckets: µsBuckets, registers: [registry] }),
    publishSeconds: new Histogram({ name: 'boardcast_publish_seconds', help: 'Main-thread time to hand one frame to every view (assembly, publish, backpressure sweep); uWS writes topic messages to the sockets after publish returns, so the socket writes show in boardcast_main_event_loop_utilization instead', buckets: [...µsBuckets, 0.1, 0.25], registers: [registry] }),
    resyncs: new Counter({ name: 'boardcast_resyncs_total', help: 'FULL frames sent to resync a socket', labelNames: ['cause'] as const, registers: [registry] }),
    skippedSends: new Counter({ name: 'boardcast_skipped_sends_total', help: 'Frames not sent to a socket because it was over its backpressure limit', registers: [registry] }),
    sendBufferBytes: new Gauge({ name: 'boardcast_ws_send_buffer_bytes', help: 'Bytes queued in the server for all WebSocket sockets together (not yet taken by the kernel), at the last frame; bounded by WS_MAX_BACKPRESSURE_TOTAL_BYTES plus about one frame per lagging socket', registers: [registry] }),
    sendBudgetBytes: new Gauge({ name: 'boardcast_ws_send_budget_bytes', help: 'WS_MAX_BACKPRESSURE_TOTAL_BYTES: the process-wide send budget', registers: [registry] }),
    budgetStalls: new Counter({ name: 'boardcast_budget_stalls_total', help: 'Sockets taken off their topic because the process-wide send budget was exceeded while they were behind (under their own limit)', registers: [registry] }),
    views: new Gauge({ name: 'boardcast_views', help: 'Distinct live views (format, channels, watchlist, delta) at once; capped by WS_MAX_VIEWS', registers: [registry] }),
    cachedFulls: new Gauge({ name: 'boardcast_view_fulls_cached', help: 'FULL frames of the latest frame assembled and held for live views', registers: [registry] }),
    tokenExpiredCloses: new Counter({ name: 'boardcast_token_expired_closes_total', help: 'Sockets closed with 1008 "token expired" when their JWT ran out', registers: [registry] }),
    slowCloses: new Counter({ name: 'boardcast_slow_closes_total', help: 'Sockets closed with 1008 "too slow"', registers: [registry] }),
    eventLoopUtilization: new Gauge({
      name: 'boardcast_main_event_loop_utilization',
      help: 'Share of time the main thread was busy since the previous scrape (0..1): the whole fan-out cost, socket writes included',
      registers: [registry],
      collect() {
        const now = performance.eventLoopUtilization();
        this.set(performance.eventLoopUtilization(now, lastElu).utilization);
        lastElu = now;
      },
    }),
    rejectedUpgrades: new Counter({ name: 'boardcast_rejected_upgrades_total', help: 'WebSocket upgrades refused before any socket existed', labelNames: ['code'] as const, registers: [registry] }),
    workerRestarts: new Counter({ name: 'boardcast_worker_restarts_total', help: 'Market worker restarts after a crash', registers: [registry] }),
    clientMessagesRejected: new Counter({ name: 'boardcast_client_messages_rejected_total', help: 'Client messages rejected', labelNames: ['reason'] as const, registers: [registry] }),
    feedMessages: new Gauge({ name: 'boardcast_feed_messages', help: 'Feed messages by outcome (current worker epoch)', labelNames: ['outcome'] as const, registers: [registry] }),
    feedUp: new Gauge({ name: 'boardcast_feed_live', help: '1 when the feed is live', registers: [registry] }),
    feedEvents: new Gauge({ name: 'boardcast_feed_events', help: 'Feed adapter and normalizer counts (current worker epoch): sessions, retries, watchdog trips, rejections by reason, unknown message types', labelNames: ['event'] as const, registers: [registry] }),
  };
  // Counters that alert rules watch exist from the start, at 0, not from their first event.
  for (const cause of ['client', 'drained'] as const) metrics.resyncs.inc({ cause }, 0);
  return metrics;
}

export type Metrics = ReturnType<typeof createMetrics>;

/** What every role records from the market worker's heartbeat. */
export function observeHeartbeat(m: Metrics, hb: { framesSkipped: number; feedAccepted: number; feedRejected: number; feed: FeedStatus }): void {
  m.framesSkipped.set(hb.framesSkipped);
  m.feedMessages.set({ outcome: 'accepted' }, hb.feedAccepted);
  m.feedMessages.set({ outcome: 'rejected' }, hb.feedRejected);
  m.feedUp.set(hb.feed.state === 'live' ? 1 : 0);
  // Bounded label set: the adapter's fixed counters and the normalizer's reason codes.
  for (const [event, n] of Object.entries(hb.feed.counters ?? {})) m.feedEvents.set({ event }, n);
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
