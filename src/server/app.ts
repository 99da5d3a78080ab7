// The boardcast server for one process: a frame source (the supervised market worker for
// ROLE=all, the ingest's frames on NATS for ROLE=edge), the uWS app with /ws and the HTTP
// routes, and the shutdown sequence of DESIGN §4. ROLE=ingest is src/scale/ingest.ts.
import type { HttpRequest, HttpResponse, TemplatedApp, us_listen_socket, us_socket_context_t, WebSocket } from 'uWebSockets.js';
import type { Config } from '../config.js';
import { ClientMessageError } from '../errors.js';
import type { Logger } from '../log.js';
import { WIRE_FORMATS, type WireFormat, type WorkerToMain } from '../messages.js';
import { createMetrics, observeHeartbeat, type Metrics } from '../metrics.js';
import { encodeControl } from '../wire/codec.js';
import { CHANNELS, type Channel } from '../wire/frame-parts.js';
import { createAuthenticator } from './auth.js';
import { Broadcaster, type SocketData } from './broadcaster.js';
import { parseClientMessage, type ClientRequest } from './client-messages.js';
import { ConnectionLimiter } from './conn-limits.js';
import { ConnectRateLimiter } from './connect-rate.js';
import { TOKEN_EXPIRED, TokenExpiry } from './token-expiry.js';
import { handleAsync, sendJson } from './http.js';
import { NatsFrameSource } from '../scale/edge-source.js';
import { startIngest } from '../scale/ingest.js';
import { LocalFrameSource, type FrameSource } from './frame-source.js';
import type { MarketSupervisor } from './market-supervisor.js';
import { MessageRateLimiter } from './rate-limit.js';
import { admitClient, refusal, upgradeAsync } from './upgrade.js';
import { loadUws } from './uws.js';
import { initialBasket, parseChannels, parseSymbols, tooManySymbols, viewKey, type ViewSpec } from './views.js';
import { boardPage } from './static.js';
import { HistoryService, type HistoryOverrides } from '../history/service.js';
import { EDGE_HISTORY_UNAVAILABLE, HISTORY_PREFIX, registerHistoryRoutes } from './history-routes.js';

export interface ServerHandle {
  port: number;
  metrics: Metrics;
  /** The local market worker's supervisor (ROLE=all; the leader's under ROLE=ingest; none on an edge). */
  readonly supervisor: MarketSupervisor | undefined;
  /** The graceful stop of DESIGN §4 (without exiting the process). Idempotent. */
  shutdown(reason: string): Promise<void>;
}

/** uWS's own message-size cap: 4× ours, at least 1 MiB, at most 16 MiB. */
export const hardPayloadCap = (limit: number) => Math.min(16 * 1024 * 1024, Math.max(4 * limit, 1024 * 1024));

export async function startServer(config: Config, log: Logger, opts: { history?: HistoryOverrides } = {}): Promise<ServerHandle> {
  if (config.ROLE === 'ingest') return startIngest(config, log, opts);
  const { uws, native } = loadUws(config.ALLOW_UWS_FALLBACK, log);
  const metrics = createMetrics();
  const app: TemplatedApp = uws.App();
  const broadcaster = new Broadcaster(app, metrics, { intervalMs: config.BROADCAST_INTERVAL_MS, maxViews: config.WS_MAX_VIEWS, backpressureLimit: config.WS_MAX_BACKPRESSURE_BYTES, slowClientTimeoutMs: config.WS_SLOW_CLIENT_TIMEOUT_MS });
  const authenticator = createAuthenticator({ token: config.WS_AUTH_TOKEN || undefined, jwtSecret: config.WS_JWT_SECRET || undefined, requireExp: config.WS_JWT_REQUIRE_EXP });
  const limiter = new ConnectionLimiter({ perIp: config.WS_MAX_CONNECTIONS_PER_IP, global: config.WS_MAX_CONNECTIONS });
  const connectRate = new ConnectRateLimiter(config.WS_MAX_CONNECT_RATE_PER_IP);
  const expiry = new TokenExpiry<WebSocket<SocketData>>((ws) => {
    if (ws.getUserData().closed) return;
    metrics.tokenExpiredCloses.inc();
    ws.end(TOKEN_EXPIRED.code, TOKEN_EXPIRED.reason);
  });
  let shuttingDown = false;
  let draining = false;
  let listenSocket: us_listen_socket | undefined;
  // Watchlists are checked against a basket from the start (an edge's real one comes with its first frame).
  let basket: string[] = initialBasket(config.EXTRA_SYMBOLS);
  let firstFrameAt: number | undefined;
  // Listening waits for the first frame AND the heartbeat posted right after it, so /readyz
  // is 200 from the first request (the two messages may reach this thread in separate turns).
  let heartbeatSeen = false;
  // Stores open before the market worker starts (DESIGN §4). An edge writes no history: with
  // DATABASE_URL (the PostgreSQL the leader ingest writes to) it serves the history API
  // read-only; with the per-pod SQLite default it has none (see edgeHistoryUnavailable).
  const history =
    config.ROLE !== 'edge'
      ? await HistoryService.open(config, log, metrics.registry, opts.history)
      : config.DATABASE_URL
        ? await HistoryService.open(config, log, metrics.registry, opts.history, { writer: false })
        : undefined;
  let workerDone: Extract<WorkerToMain, { type: 'shutdown-done' }> | undefined;
  const source: FrameSource =
    config.ROLE === 'edge' ? new NatsFrameSource(config, log) : new LocalFrameSource(config, log, undefined, history && { channel: history.channel, flushMs: config.HISTORY_FLUSH_MS });
  source.on('message', (msg) => {
    if (msg.type === 'shutdown-done') workerDone = msg;
  });

  let firstFrame!: () => void;
  let startFailed!: (err: Error) => void;
  const firstFrameP = new Promise<void>((resolve, reject) => {
    firstFrame = resolve;
    startFailed = reject;
  });

  source.on('message', (msg: WorkerToMain) => {
    switch (msg.type) {
      case 'ready':
        basket = msg.basket;
        broadcaster.setEpoch(msg.epoch);
        log.info({ epoch: msg.epoch, symbols: msg.basket.length, source: source.kind }, 'market worker ready');
        break;
      case 'frame':
        if (msg.full.length > 0) {
          broadcaster.publish(msg);
          metrics.framesProduced.inc();
          metrics.buildSeconds.observe(msg.buildUs / 1e6);
          for (const p of msg.full) {
            metrics.framesEncoded.inc({ format: p.format });
            metrics.encodeSeconds.observe({ format: p.format }, (msg.encodeUs[p.format] ?? 0) / 1e6);
          }
        }
        if (firstFrameAt === undefined) {
          firstFrameAt = Date.now();
          if (heartbeatSeen) firstFrame();
        }
        break;
      case 'format-full':
        broadcaster.addFormat(msg.seq, msg.parts);
        break;
      case 'heartbeat':
        heartbeatSeen = true;
        if (firstFrameAt !== undefined) firstFrame();
        observeHeartbeat(metrics, msg);
        break;
      default:
        break;
    }
  });
  source.on('crash', ({ exitCode }) => {
    metrics.workerRestarts.inc();
    if (firstFrameAt === undefined) startFailed(new Error(`market worker exited (code ${exitCode}) before its first frame`));
  });

  const countsChanged = () => {
    const c = broadcaster.counts();
    for (const f of WIRE_FORMATS) metrics.clients.set({ format: f }, c[f]);
    source.setClients(c);
  };

  const replyControl = (ws: WebSocket<SocketData>, body: Parameters<typeof encodeControl>[3]) => {
    const { format } = ws.getUserData().view;
    ws.send(encodeControl(format, broadcaster.lastSeq, broadcaster.epoch, body), format === 'proto');
  };

  /** A subscribe / unsubscribe message: the socket's new view, validated. */
  const changedView = (d: SocketData, req: Extract<ClientRequest, { type: 'subscribe' | 'unsubscribe' }>): ViewSpec => {
    const channels = new Set(d.view.channels);
    for (const c of req.channels) {
      if (!(CHANNELS as readonly string[]).includes(c)) throw new ClientMessageError('BC_UNKNOWN_CHANNEL', `unknown channel ${JSON.stringify(c)}; channels are ${CHANNELS.join(', ')}`);
      if (!d.allowed.has(c as Channel)) throw new ClientMessageError('BC_CHANNEL_FORBIDDEN', `channel ${c} is not allowed for this token`);
      if (req.type === 'subscribe') channels.add(c as Channel);
      else channels.delete(c as Channel);
    }
    let symbols = d.view.symbols ? new Set(d.view.symbols) : null;
    const named = parseSymbols(req.symbols.join(','), basket, config.WS_MAX_SYMBOLS);
    if (!named.ok) throw new ClientMessageError(named.code, named.message);
    if (named.symbols) {
      if (req.type === 'subscribe') symbols = new Set([...(symbols ?? []), ...named.symbols]);
      else symbols = new Set([...(symbols ?? basket)].filter((s) => !named.symbols!.has(s)));
      if (symbols.size > config.WS_MAX_SYMBOLS) {
        const r = tooManySymbols(symbols.size, config.WS_MAX_SYMBOLS);
        if (!r.ok) throw new ClientMessageError(r.code, r.message);
      }
    }
    return { ...d.view, channels, symbols };
  };

  app.ws<SocketData>('/ws', {
    compression: uws.DISABLED,
    // uWS force-closes an over-long message with 1006 (it cannot send a code there), so its
    // own cap sits above ours: up to this cap a too-big message reaches `message` and is
    // closed with 1009 as the protocol promises; beyond it uWS drops the connection
    // before buffering the message.
    maxPayloadLength: hardPayloadCap(config.WS_MAX_PAYLOAD_BYTES),
    // The broadcaster takes a socket off its topic above WS_MAX_BACKPRESSURE_BYTES; uWS's
    // own limit (where it would drop frames silently) is kept out of reach above that.
    maxBackpressure: 2 * config.WS_MAX_BACKPRESSURE_BYTES + 4 * 1024 * 1024,
    closeOnBackpressureLimit: 0,
    idleTimeout: config.WS_IDLE_TIMEOUT_S,
    sendPingsAutomatically: true,
    upgrade: (res: HttpResponse, req: HttpRequest, context: us_socket_context_t) =>
      upgradeAsync<SocketData>(
        res,
        req,
        context,
        async (info) => {
          const reject = (status: string, code: string, message: string, headers?: Record<string, string>) => {
            metrics.rejectedUpgrades.inc({ code });
            return refusal(status, code, message, headers);
          };
          if (!connectRate.allow(info.ip)) return reject('429 Too Many Requests', 'BC_CONNECT_RATE', `more than ${config.WS_MAX_CONNECT_RATE_PER_IP} connections a second from this address`, { 'Retry-After': '1' });
          if (draining) return reject('503 Service Unavailable', 'BC_SHUTTING_DOWN', 'server is shutting down');
          const format = (info.query.get('format') ?? 'proto') as WireFormat;
          if (!WIRE_FORMATS.includes(format)) return reject('400 Bad Request', 'BC_BAD_FORMAT', `format must be one of ${WIRE_FORMATS.join(', ')}`);
          const deltaParam = info.query.get('delta') ?? '1';
          if (deltaParam !== '0' && deltaParam !== '1') return reject('400 Bad Request', 'BC_BAD_DELTA', 'delta must be 0 or 1');
          const symbols = parseSymbols(info.query.get('symbols'), basket, config.WS_MAX_SYMBOLS);
          if (!symbols.ok) return reject('400 Bad Request', symbols.code, symbols.message);
          const admitted = await admitClient(info, { authenticator, limiter }); // reserves a slot, then authenticates
          if (!admitted.ok) {
            metrics.rejectedUpgrades.inc({ code: admitted.body.error });
            log.debug({ code: admitted.body.error, ip: info.ip }, 'websocket upgrade refused');
            return admitted;
          }
          const allowed = new Set<Channel>(admitted.auth.channels ? CHANNELS.filter((c) => admitted.auth.channels!.includes(c)) : CHANNELS);
          const channels = parseChannels(info.query.get('channels'), allowed);
          if (!channels.ok || draining) {
            admitted.release();
            return channels.ok
              ? reject('503 Service Unavailable', 'BC_SHUTTING_DOWN', 'server is shutting down')
              : (CHANNELS as readonly string[]).includes(channels.bad)
                ? reject('403 Forbidden', 'BC_CHANNEL_FORBIDDEN', `channel ${channels.bad} is not allowed for this token`)
                : reject('400 Bad Request', 'BC_UNKNOWN_CHANNEL', `unknown channel ${JSON.stringify(channels.bad)}; channels are ${CHANNELS.join(', ')}`);
          }
          const view: ViewSpec = { format, channels: channels.channels, symbols: symbols.symbols, delta: deltaParam === '1' };
          const key = viewKey(view);
          if (!broadcaster.canTake(key)) {
            admitted.release();
            return reject('503 Service Unavailable', 'BC_TOO_MANY_VIEWS', `the server holds ${config.WS_MAX_VIEWS} distinct views (format, channels, watchlist); ask for an existing one or try later`);
          }
          const userData: SocketData = { ip: info.ip, view, key, allowed, pending: true, stalledSince: 0, rate: new MessageRateLimiter(config.WS_CLIENT_MSG_RATE), release: admitted.release, closed: false, expiresAt: admitted.auth.expiresAt };
          return { ok: true, userData, onAbandoned: admitted.release };
        },
        { onError: (err) => log.error({ err }, 'websocket upgrade failed') },
      ),
    open: (ws) => {
      const d = ws.getUserData();
      // The cap was checked at the upgrade; concurrent upgrades may still race for the last view.
      if (!broadcaster.add(ws)) {
        metrics.rejectedUpgrades.inc({ code: 'BC_TOO_MANY_VIEWS' });
        replyControl(ws, { error: { code: 'BC_TOO_MANY_VIEWS', message: `the server holds ${config.WS_MAX_VIEWS} distinct views; try later` } });
        ws.end(1013, 'too many views');
        return;
      }
      metrics.connections.inc({ format: d.view.format });
      if (d.expiresAt !== undefined) expiry.watch(ws, d.expiresAt);
      countsChanged();
    },
    message: (ws, data, isBinary) => {
      const d = ws.getUserData();
      if (data.byteLength > config.WS_MAX_PAYLOAD_BYTES) {
        metrics.clientMessagesRejected.inc({ reason: 'BC_CLIENT_MSG_TOO_BIG' });
        ws.end(1009, 'message too big');
        return;
      }
      if (!d.rate.allow(performance.now())) {
        metrics.clientMessagesRejected.inc({ reason: 'BC_RATE_LIMITED' });
        log.debug({ ip: d.ip }, 'client over the message rate; closing with 1008');
        ws.end(1008, 'too many messages');
        return;
      }
      try {
        const req = parseClientMessage(data, isBinary);
        if (req.type === 'ping') replyControl(ws, { pong: { clientTimeUs: req.clientTimeUs, serverTimeUs: Math.round((performance.timeOrigin + performance.now()) * 1000) } });
        else if (req.type === 'resync') broadcaster.resync(ws);
        else {
          const spec = changedView(d, req);
          const key = viewKey(spec);
          if (!broadcaster.canTake(key, d.key)) throw new ClientMessageError('BC_TOO_MANY_VIEWS', `the server holds ${config.WS_MAX_VIEWS} distinct views; this socket keeps its view`);
          broadcaster.changeView(ws, spec, key);
        }
      } catch (err) {
        const e = err instanceof ClientMessageError ? err : new ClientMessageError('BC_CLIENT_MSG_FAILED', (err as Error).message);
        metrics.clientMessagesRejected.inc({ reason: e.code });
        log.debug({ code: e.code, ip: d.ip }, 'client message rejected');
        replyControl(ws, { error: { code: e.code, message: e.message } });
      }
    },
    drain: (ws) => broadcaster.drained(ws),
    close: (ws) => {
      expiry.forget(ws);
      broadcaster.remove(ws);
      ws.getUserData().release(); // the connection slot reserved at upgrade
      countsChanged();
    },
  });

  const snapshotJson = async () => {
    const json = await source.snapshotJson();
    return json !== undefined ? { status: '200 OK', body: json } : { status: '503 Service Unavailable', body: JSON.stringify({ error: 'BC_NO_SNAPSHOT', message: source.kind === 'nats' ? 'no frame from the ingest yet' : 'the market worker is not running' }) };
  };

  if (history) registerHistoryRoutes(app, { history, log });
  else app.get(`${HISTORY_PREFIX}*`, (res) => sendJson(res, '501 Not Implemented', EDGE_HISTORY_UNAVAILABLE));
  app
    .get('/healthz', (res) => sendJson(res, '200 OK', { status: 'ok' }))
    .get('/readyz', (res) => {
      const r = source.readiness(Date.now(), shuttingDown);
      sendJson(res, r.ready ? '200 OK' : '503 Service Unavailable', { status: r.ready ? 'ready' : 'not ready', reasons: r.reasons, role: config.ROLE, epoch: broadcaster.epoch, seq: broadcaster.lastSeq, feed: r.feed });
    })
    .get('/metrics', (res) => handleAsync(res, async () => ({ status: '200 OK', body: await metrics.registry.metrics(), contentType: metrics.registry.contentType })))
    .get('/api/snapshot', (res) => handleAsync(res, snapshotJson))
    .get('/api/vn30', (res) => sendJson(res, '200 OK', { symbols: basket }))
    .get('/', boardPage).get('/index.html', boardPage).get('/favicon.svg', boardPage).get('/assets/*', boardPage) // the board page (dist/web)
    .any('/*', (res, req) => sendJson(res, '404 Not Found', { error: 'BC_NOT_FOUND', message: `no route for ${req.getMethod().toUpperCase()} ${req.getUrl()}` }));

  source.start();
  // A local worker starts in well under a second: listen once it has a frame. An edge
  // listens at once (/readyz says 503 until NATS and the ingest's FULL frames are there).
  if (source.listenAfterFirstFrame)
    await Promise.race([
      firstFrameP,
      new Promise((_, reject) => setTimeout(() => reject(new Error('market worker produced no frame within 30 s')), 30_000).unref()),
    ]);
  else firstFrameP.catch(() => undefined);

  const port = await new Promise<number>((resolve, reject) => {
    app.listen(config.HOST, config.PORT, (ls) => {
      if (!ls) return reject(new Error(`cannot listen on ${config.HOST}:${config.PORT}`));
      listenSocket = ls;
      resolve(uws.us_socket_local_port(ls as never));
    });
  });
  log.info({ host: config.HOST, port, native, role: config.ROLE, feed: config.ROLE === 'edge' ? 'nats' : config.FEED, intervalMs: config.BROADCAST_INTERVAL_MS }, 'boardcast listening');

  let stopped: Promise<void> | undefined;
  const shutdown = (reason: string) => {
    stopped ??= (async () => {
      const stopStartedAt = Date.now();
      log.info({ reason, clients: broadcaster.size }, 'shutting down');
      shuttingDown = true; // 1. not ready
      if (config.SHUTDOWN_DRAIN_MS > 0) await new Promise((r) => setTimeout(r, config.SHUTDOWN_DRAIN_MS));
      draining = true; // 2. stop accepting
      if (listenSocket) uws.us_listen_socket_close(listenSocket);
      listenSocket = undefined;
      await source.stopLoop(); // 3. stop the frame loop
      for (const ws of broadcaster.all()) ws.end(1001, 'server shutting down'); // 4. close sockets with 1001
      await source.stop(config.SHUTDOWN_TIMEOUT_MS); // 5–6. feed (or the bus), writers
      if (history && config.ROLE === 'edge') await history.close(Date.now()); // the query pool only
      else if (history) {
        // 6–7. flush the history writer (the worker handed over its last rows), close stores.
        const { stats, leftOver } = await history.close(Math.max(Date.now() + 500, stopStartedAt + config.SHUTDOWN_TIMEOUT_MS - 1000));
        const fields = { tradesAccepted: workerDone?.tradesAccepted, ticksHanded: workerDone?.historyTicks, written: stats?.written, dropped: stats?.dropped, leftOver };
        if (leftOver > 0) log.error(fields, 'history rows not written by the shutdown deadline');
        else log.info(fields, 'history flushed');
      }
      log.info('shutdown complete');
    })();
    return stopped;
  };

  return { port, metrics, supervisor: source instanceof LocalFrameSource ? source.supervisor : undefined, shutdown };
}
