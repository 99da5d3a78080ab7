// The boardcast server for one process: the supervised market worker, the uWS app with
// /ws and the HTTP routes, and the shutdown sequence of DESIGN §4.
import type { HttpRequest, HttpResponse, TemplatedApp, us_listen_socket, us_socket_context_t, WebSocket } from 'uWebSockets.js';
import type { Config } from '../config.js';
import type { Logger } from '../log.js';
import type { FeedStatus } from '../market/feed/feed.js';
import { WIRE_FORMATS, type ClientCounts, type WireFormat, type WorkerToMain } from '../messages.js';
import { createMetrics, type Metrics } from '../metrics.js';
import { ClientMessageError } from '../errors.js';
import { encodeControl } from '../wire/codec.js';
import { Broadcaster, topicFor, type SocketData } from './broadcaster.js';
import { parseClientMessage } from './client-messages.js';
import { handleAsync, send, sendJson } from './http.js';
import { MarketSupervisor } from './market-supervisor.js';
import { readiness } from './readiness.js';
import { loadUws } from './uws.js';

export interface ServerHandle {
  port: number;
  metrics: Metrics;
  supervisor: MarketSupervisor;
  /** The graceful stop of DESIGN §4 (without exiting the process). Idempotent. */
  shutdown(reason: string): Promise<void>;
}

/** uWS's own message-size cap: 4× ours, at least 1 MiB, at most 16 MiB. */
export const hardPayloadCap = (limit: number) => Math.min(16 * 1024 * 1024, Math.max(4 * limit, 1024 * 1024));

export async function startServer(config: Config, log: Logger): Promise<ServerHandle> {
  const { uws, native } = loadUws(config.ALLOW_UWS_FALLBACK, log);
  const metrics = createMetrics();
  const app: TemplatedApp = uws.App();
  const broadcaster = new Broadcaster(app, metrics, config.BROADCAST_INTERVAL_MS);
  const sockets = new Set<WebSocket<SocketData>>();
  const counts: ClientCounts = { proto: 0, json: 0 };
  let shuttingDown = false;
  let draining = false;
  let listenSocket: us_listen_socket | undefined;
  let basket: string[] = [];
  const state: { firstFrameAt?: number; lastHeartbeatAt?: number; feed?: FeedStatus } = {};

  const supervisor = new MarketSupervisor({
    startup: {
      intervalMs: config.BROADCAST_INTERVAL_MS,
      logLevel: config.LOG_LEVEL,
      feed: config.FEED,
      sim: { seed: config.SIM_SEED, tradesPerSecond: config.SIM_TRADES_PER_SECOND, startTime: config.SIM_START_TIME, clockSpeed: config.SIM_CLOCK_SPEED },
    },
    restartMinMs: config.WORKER_RESTART_MIN_MS,
    restartMaxMs: config.WORKER_RESTART_MAX_MS,
    log,
  });

  let firstFrame!: () => void;
  let startFailed!: (err: Error) => void;
  const firstFrameP = new Promise<void>((resolve, reject) => {
    firstFrame = resolve;
    startFailed = reject;
  });

  supervisor.on('message', (msg: WorkerToMain) => {
    switch (msg.type) {
      case 'ready':
        basket = msg.basket;
        broadcaster.setEpoch(msg.epoch);
        log.info({ epoch: msg.epoch, symbols: msg.basket.length }, 'market worker ready');
        break;
      case 'frame':
        if (msg.frames.length > 0) {
          broadcaster.publish(msg);
          metrics.framesProduced.inc();
          metrics.buildSeconds.observe(msg.buildUs / 1e6);
          for (const f of msg.frames) {
            metrics.framesEncoded.inc({ format: f.format });
            metrics.encodeSeconds.observe({ format: f.format }, (msg.encodeUs[f.format] ?? 0) / 1e6);
          }
        }
        if (state.firstFrameAt === undefined) {
          state.firstFrameAt = Date.now();
          firstFrame();
        }
        break;
      case 'heartbeat':
        state.lastHeartbeatAt = Date.now();
        state.feed = msg.feed;
        metrics.framesSkipped.set(msg.framesSkipped);
        metrics.feedMessages.set({ outcome: 'accepted' }, msg.feedAccepted);
        metrics.feedMessages.set({ outcome: 'rejected' }, msg.feedRejected);
        metrics.feedUp.set(msg.feed.state === 'live' ? 1 : 0);
        break;
      default:
        break;
    }
  });
  supervisor.on('crash', ({ exitCode }) => {
    metrics.workerRestarts.inc();
    state.lastHeartbeatAt = undefined;
    if (state.firstFrameAt === undefined) startFailed(new Error(`market worker exited (code ${exitCode}) before its first frame`));
  });

  const setCount = (format: WireFormat, delta: number) => {
    counts[format] += delta;
    metrics.clients.set({ format }, counts[format]);
    supervisor.setClients(counts);
  };

  const replyControl = (ws: WebSocket<SocketData>, body: Parameters<typeof encodeControl>[3]) => {
    const { format } = ws.getUserData();
    ws.send(encodeControl(format, broadcaster.lastSeq, broadcaster.epoch, body), format === 'proto');
  };

  app.ws<SocketData>('/ws', {
    compression: uws.DISABLED,
    // uWS force-closes an over-long message with 1006 (it cannot send a code there), so its
    // own cap sits above ours: up to this cap a too-big message reaches `message` and is
    // closed with 1009 as the protocol promises; beyond it uWS drops the connection
    // before buffering the message.
    maxPayloadLength: hardPayloadCap(config.WS_MAX_PAYLOAD_BYTES),
    maxBackpressure: config.WS_MAX_BACKPRESSURE_BYTES,
    closeOnBackpressureLimit: 0,
    idleTimeout: config.WS_IDLE_TIMEOUT_S,
    sendPingsAutomatically: true,
    upgrade: (res: HttpResponse, req: HttpRequest, context: us_socket_context_t) => {
      const query = new URLSearchParams(req.getQuery() ?? '');
      const format = (query.get('format') ?? 'proto') as WireFormat;
      const key = req.getHeader('sec-websocket-key');
      const protocol = req.getHeader('sec-websocket-protocol');
      const extensions = req.getHeader('sec-websocket-extensions');
      if (draining) return sendJson(res, '503 Service Unavailable', { error: 'BC_SHUTTING_DOWN', message: 'server is shutting down' });
      if (!WIRE_FORMATS.includes(format)) return sendJson(res, '400 Bad Request', { error: 'BC_BAD_FORMAT', message: `format must be one of ${WIRE_FORMATS.join(', ')}` });
      const ip = Buffer.from(res.getRemoteAddressAsText()).toString();
      res.upgrade<SocketData>({ format, ip }, key, protocol, extensions, context);
    },
    open: (ws) => {
      const { format } = ws.getUserData();
      sockets.add(ws);
      metrics.connections.inc({ format });
      broadcaster.sendLatest(ws, format);
      ws.subscribe(topicFor(format));
      setCount(format, +1);
    },
    message: (ws, data, isBinary) => {
      if (data.byteLength > config.WS_MAX_PAYLOAD_BYTES) {
        metrics.clientMessagesRejected.inc({ reason: 'BC_CLIENT_MSG_TOO_BIG' });
        ws.end(1009, 'message too big');
        return;
      }
      try {
        const req = parseClientMessage(data, isBinary);
        if (req.type === 'ping') replyControl(ws, { pong: { clientTimeUs: req.clientTimeUs, serverTimeUs: Math.round((performance.timeOrigin + performance.now()) * 1000) } });
        else if (req.type === 'resync') broadcaster.sendLatest(ws, ws.getUserData().format);
        else throw new ClientMessageError('BC_CLIENT_MSG_UNSUPPORTED', `${req.type} is not supported by this server yet`);
      } catch (err) {
        const e = err instanceof ClientMessageError ? err : new ClientMessageError('BC_CLIENT_MSG_FAILED', (err as Error).message);
        metrics.clientMessagesRejected.inc({ reason: e.code });
        log.debug({ code: e.code, ip: ws.getUserData().ip }, 'client message rejected');
        replyControl(ws, { error: { code: e.code, message: e.message } });
      }
    },
    close: (ws) => {
      sockets.delete(ws);
      setCount(ws.getUserData().format, -1);
    },
  });

  const snapshotJson = async () => {
    const id = Math.floor(Math.random() * 2 ** 31);
    const reply = await supervisor.request({ type: 'snapshot-request', id }, 'snapshot-response', 2000, (m) => m.id === id);
    return reply ? { status: '200 OK', body: reply.json } : { status: '503 Service Unavailable', body: JSON.stringify({ error: 'BC_NO_SNAPSHOT', message: 'the market worker is not running' }) };
  };

  app
    .get('/healthz', (res) => sendJson(res, '200 OK', { status: 'ok' }))
    .get('/readyz', (res) => {
      const r = readiness({ now: Date.now(), intervalMs: config.BROADCAST_INTERVAL_MS, shuttingDown, workerAlive: supervisor.alive, firstFrameAt: state.firstFrameAt, lastHeartbeatAt: state.lastHeartbeatAt, feed: state.feed });
      sendJson(res, r.ready ? '200 OK' : '503 Service Unavailable', { status: r.ready ? 'ready' : 'not ready', reasons: r.reasons, epoch: broadcaster.epoch, seq: broadcaster.lastSeq, feed: state.feed ?? null });
    })
    .get('/metrics', (res) => handleAsync(res, async () => ({ status: '200 OK', body: await metrics.registry.metrics(), contentType: metrics.registry.contentType })))
    .get('/api/snapshot', (res) => handleAsync(res, snapshotJson))
    .get('/api/vn30', (res) => sendJson(res, '200 OK', { symbols: basket }))
    .any('/*', (res, req) => sendJson(res, '404 Not Found', { error: 'BC_NOT_FOUND', message: `no route for ${req.getMethod().toUpperCase()} ${req.getUrl()}` }));

  supervisor.start();
  await Promise.race([
    firstFrameP,
    new Promise((_, reject) => setTimeout(() => reject(new Error('market worker produced no frame within 30 s')), 30_000).unref()),
  ]);

  const port = await new Promise<number>((resolve, reject) => {
    app.listen(config.HOST, config.PORT, (ls) => {
      if (!ls) return reject(new Error(`cannot listen on ${config.HOST}:${config.PORT}`));
      listenSocket = ls;
      resolve(uws.us_socket_local_port(ls as never));
    });
  });
  log.info({ host: config.HOST, port, native, feed: config.FEED, intervalMs: config.BROADCAST_INTERVAL_MS }, 'boardcast listening');

  let stopped: Promise<void> | undefined;
  const shutdown = (reason: string) => {
    stopped ??= (async () => {
      log.info({ reason, clients: sockets.size }, 'shutting down');
      shuttingDown = true; // 1. not ready
      if (config.SHUTDOWN_DRAIN_MS > 0) await new Promise((r) => setTimeout(r, config.SHUTDOWN_DRAIN_MS));
      draining = true; // 2. stop accepting
      if (listenSocket) uws.us_listen_socket_close(listenSocket);
      listenSocket = undefined;
      await supervisor.request({ type: 'stop-loop' }, 'loop-stopped', 2000); // 3. stop the frame loop
      for (const ws of [...sockets]) ws.end(1001, 'server shutting down'); // 4. close sockets with 1001
      await supervisor.request({ type: 'shutdown' }, 'shutdown-done', Math.max(1000, config.SHUTDOWN_TIMEOUT_MS / 2)); // 5–6. feed, writers
      await supervisor.stop();
      log.info('shutdown complete');
    })();
    return stopped;
  };

  return { port, metrics, supervisor, shutdown };
}
