// The client-facing server (ROLE=all and ROLE=edge): the uWS app with /ws and the HTTP
// routes, fed by an injected frame source (the supervised market worker for ROLE=all, the
// ingest's frames on NATS for ROLE=edge) and history service. The roles wire it up
// (src/roles/); its life — listen, readiness, the ordered stop — is src/server/lifecycle.ts.
import type { HttpRequest, HttpResponse, TemplatedApp, us_socket_context_t, WebSocket } from 'uWebSockets.js';
import type { Config } from '../config.js';
import { ClientMessageError, WorkerStartError } from '../errors.js';
import type { Logger } from '../log.js';
import type { WorkerToMain } from '../messages.js';
import { WIRE_FORMATS, type WireFormat } from '../wire/formats.js';
import { observeFrame, observeHeartbeat, type Metrics } from '../metrics.js';
import { encodeControl } from '../wire/codec.js';
import { CHANNELS, type Channel } from '../wire/frame-parts.js';
import { createAuthenticator } from './auth.js';
import { Broadcaster, type SocketData } from './broadcaster.js';
import { parseClientMessage, type ClientRequest } from './client-messages.js';
import { ConnectionLimiter } from './conn-limits.js';
import { Guard } from '../guard.js';
import { httpError, json, readRequest, requestProblem, type Route } from './http-router.js';
import { Lifecycle, type ServerHandle, type ShutdownOptions } from './lifecycle.js';
import { operationsRoutes } from './ops-routes.js';
import { HttpServer } from './http-server.js';
import { SnapshotCache } from './snapshot.js';
import { checkHandshake, UPGRADE_REQUIRED } from './handshake.js';
import { ConnectRateLimiter } from './connect-rate.js';
import { TOKEN_EXPIRED, TokenExpiry } from './token-expiry.js';
import type { FrameSource } from './frame-source.js';
import type { MarketSupervisor } from './market-supervisor.js';
import { MessageRateLimiter } from './rate-limit.js';
import { admitClient, refusal, refuseUpgrade, upgradeAsync } from './upgrade.js';
import { loadUws } from './uws.js';
import { allowedChannels, boardsOf, defaultBoardSymbols, initialBasket, namedBoard, parseChannels, parseSelection, parseSymbols, selectionErrorOptions, tooManySymbols, universeBody } from './views.js';
import { universe } from '../market/rules/universe.js';
import { viewKey, type ViewSpec } from '../wire/views.js';
import { boardPageRoutes } from './static.js';
import type { HistoryService } from '../history/service.js';
import { historyRoutes } from './history-routes.js';
import { nowUs } from '../util/clock.js';
import type { ErrorCode } from '../error-codes.js';

export interface ClientServerDeps {
  config: Config;
  log: Logger;
  metrics: Metrics;
  /** Where frames come from; started here, stopped by the shutdown. */
  source: FrameSource;
  /** The history API's service: with its writer (ROLE=all), read-only (an edge with DATABASE_URL), or none. */
  history?: { service: HistoryService; writer: boolean };
  supervisor?: MarketSupervisor;
}

/** uWS's own message-size cap: 4× ours, at least 1 MiB, at most 16 MiB. */
export const hardPayloadCap = (limit: number) => Math.min(16 * 1024 * 1024, Math.max(4 * limit, 1024 * 1024));

export async function startClientServer(deps: ClientServerDeps): Promise<ServerHandle> {
  const { config, log, metrics, source } = deps;
  const history = deps.history?.service;
  const { uws, native } = loadUws(config.ALLOW_UWS_FALLBACK, log);
  const guard = new Guard(log, metrics.registry);
  guard.declare('ws.upgrade', 'ws.open', 'ws.message', 'ws.drain', 'ws.close', 'worker.message', 'worker.crash');
  const authenticator = createAuthenticator({ token: config.WS_AUTH_TOKEN || undefined, jwtSecret: config.WS_JWT_SECRET || undefined, requireExp: config.WS_JWT_REQUIRE_EXP });
  const http = new HttpServer({ uws, config, log, metrics, guard, authenticator });
  const app: TemplatedApp = http.app;
  const broadcaster = new Broadcaster(app, metrics, { intervalMs: config.BROADCAST_INTERVAL_MS, maxViews: config.WS_MAX_VIEWS, backpressureLimit: config.WS_MAX_BACKPRESSURE_BYTES, backpressureTotal: config.WS_MAX_BACKPRESSURE_TOTAL_BYTES, budgetPerClient: config.WS_SEND_BUDGET_PER_CLIENT_BYTES, slowClientTimeoutMs: config.WS_SLOW_CLIENT_TIMEOUT_MS });
  const limiter = new ConnectionLimiter({ perIp: config.WS_MAX_CONNECTIONS_PER_IP, global: config.WS_MAX_CONNECTIONS });
  const connectRate = new ConnectRateLimiter(config.WS_MAX_CONNECT_RATE_PER_IP);
  const expiry = new TokenExpiry<WebSocket<SocketData>>((ws) => {
    if (ws.getUserData().closed) return;
    metrics.tokenExpiredCloses.inc();
    ws.end(TOKEN_EXPIRED.code, TOKEN_EXPIRED.reason);
  });
  const lifecycle = new Lifecycle({ config, log, http });
  // Watchlists are checked against a basket from the start (an edge's real one comes with its first frame).
  let basket: string[] = initialBasket(config.EXTRA_SYMBOLS);
  // The named boards (?board=) are the universe's; a board lists only what is in the basket.
  const market = universe(config.UNIVERSE);
  let boards = boardsOf(market);
  let firstFrameAt: number | undefined;
  // Listening waits for the first frame AND the heartbeat posted right after it, so /readyz
  // is 200 from the first request (the two messages may reach this thread in separate turns).
  let heartbeatSeen = false;
  let workerDone: Extract<WorkerToMain, { type: 'shutdown-done' }> | undefined;
  const snapshots = new SnapshotCache({ intervalMs: config.BROADCAST_INTERVAL_MS, onDemandChange: () => countsChanged() });

  let firstFrame!: () => void;
  let startFailed!: (err: Error) => void;
  const firstFrameP = new Promise<void>((resolve, reject) => {
    firstFrame = resolve;
    startFailed = reject;
  });

  source.on('message', guard.wrap('worker.message', (msg: WorkerToMain) => {
    snapshots.onMessage(msg);
    switch (msg.type) {
      case 'ready':
        basket = msg.basket;
        boards = boardsOf(market, msg.boards);
        // An edge says 'ready' again, same epoch, when the ingest's boards reach it after the epoch's first frame.
        if (msg.epoch !== broadcaster.epoch) broadcaster.setEpoch(msg.epoch);
        log.info({ epoch: msg.epoch, symbols: msg.basket.length, source: source.kind }, 'market worker ready');
        break;
      case 'frame':
        if (msg.full.length > 0) {
          broadcaster.publish(msg);
          observeFrame(metrics, msg);
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
      case 'shutdown-done':
        workerDone = msg;
        break;
      default:
        break;
    }
  }));
  source.on('crash', guard.wrap('worker.crash', ({ exitCode }: { exitCode: number | null }) => {
    metrics.workerRestarts.inc();
    if (firstFrameAt === undefined) startFailed(new WorkerStartError(`market worker exited (code ${exitCode}) before its first frame`, { exitCode }));
  }));

  function countsChanged() {
    const c = broadcaster.counts();
    for (const f of WIRE_FORMATS) metrics.clients.set({ format: f }, c[f]);
    // Snapshot requests read the JSON frames: while they come, JSON counts one more reader.
    source.setClients(snapshots.wanted ? { ...c, json: c.json + 1 } : c);
  }

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
    if (req.type === 'subscribe' && req.board) {
      const b = namedBoard(req.board, boards, basket);
      if (!b.ok) throw new ClientMessageError(b.code === 'BC_UNKNOWN_BOARD' ? b.code : 'BC_CLIENT_MSG_MALFORMED', b.message);
      return { ...d.view, channels, symbols: b.symbols };
    }
    const named = parseSymbols(req.symbols.join(','), basket, config.WS_MAX_SYMBOLS);
    if (!named.ok) throw new ClientMessageError(named.code === 'BC_BAD_PARAM' ? 'BC_CLIENT_MSG_MALFORMED' : named.code, named.message);
    if (named.symbols) {
      if (req.type === 'subscribe') symbols = new Set([...(symbols ?? []), ...named.symbols]);
      else symbols = new Set([...(symbols ?? basket)].filter((s) => !named.symbols!.has(s)));
      if (symbols.size > config.WS_MAX_SYMBOLS) {
        const r = tooManySymbols(symbols.size, config.WS_MAX_SYMBOLS);
        throw new ClientMessageError(r.code, r.message);
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
    upgrade: guard.wrap('ws.upgrade', (res: HttpResponse, req: HttpRequest, context: us_socket_context_t) => {
      // Refusals that need no decision: the request itself is wrong (431, 400, 426).
      const raw = readRequest(req);
      const bad = requestProblem(raw, config.HTTP_MAX_HEADER_BYTES) ?? checkHandshake(raw.method, (n) => raw.headers.get(n) ?? '');
      if (bad) {
        metrics.rejectedUpgrades.inc({ code: bad.code });
        return refuseUpgrade(res, bad);
      }
      upgradeAsync<SocketData>(
        res,
        req,
        context,
        async (info) => {
          const reject = (code: ErrorCode, message: string, headers?: Record<string, string>) => {
            metrics.rejectedUpgrades.inc({ code });
            return refusal(code, message, headers);
          };
          if (!connectRate.allow(info.ip)) return reject('BC_CONNECT_RATE', `more than ${config.WS_MAX_CONNECT_RATE_PER_IP} connections a second from this address`, { 'Retry-After': '1' });
          if (lifecycle.draining) return reject('BC_SHUTTING_DOWN', 'server is shutting down');
          const format = (info.query.get('format') ?? 'proto') as WireFormat;
          if (!WIRE_FORMATS.includes(format)) return reject('BC_BAD_FORMAT', `format must be one of ${WIRE_FORMATS.join(', ')}`);
          const deltaParam = info.query.get('delta') ?? '1';
          if (deltaParam !== '0' && deltaParam !== '1') return reject('BC_BAD_DELTA', 'delta must be 0 or 1');
          const symbols = parseSelection(info.query.get('board'), info.query.get('symbols'), boards, basket, config.WS_MAX_SYMBOLS);
          if (!symbols.ok) {
            metrics.rejectedUpgrades.inc({ code: symbols.code });
            return { ok: false as const, answer: httpError(symbols.code, symbols.message, selectionErrorOptions(symbols.code)) };
          }
          const admitted = await admitClient(info, { authenticator, limiter }); // reserves a slot, then authenticates
          if (!admitted.ok) {
            metrics.rejectedUpgrades.inc({ code: admitted.answer.code });
            log.debug({ code: admitted.answer.code, ip: info.ip }, 'websocket upgrade refused');
            return admitted;
          }
          const allowed = allowedChannels(admitted.auth.channels);
          const channels = parseChannels(info.query.get('channels'), allowed);
          if (!channels.ok || lifecycle.draining) {
            admitted.release();
            return channels.ok
              ? reject('BC_SHUTTING_DOWN', 'server is shutting down')
              : (CHANNELS as readonly string[]).includes(channels.bad)
                ? reject('BC_CHANNEL_FORBIDDEN', `channel ${channels.bad} is not allowed for this token`)
                : reject('BC_UNKNOWN_CHANNEL', `unknown channel ${JSON.stringify(channels.bad)}; channels are ${CHANNELS.join(', ')}`);
          }
          const view: ViewSpec = { format, channels: channels.channels, symbols: symbols.symbols, delta: deltaParam === '1' };
          const key = viewKey(view);
          if (!broadcaster.canTake(key)) {
            admitted.release();
            return reject('BC_TOO_MANY_VIEWS', `the server holds ${config.WS_MAX_VIEWS} distinct views (format, channels, watchlist); ask for an existing one or try later`);
          }
          const userData: SocketData = { ip: info.ip, view, key, allowed, pending: true, stalledSince: 0, rate: new MessageRateLimiter(config.WS_CLIENT_MSG_RATE), release: admitted.release, closed: false, expiresAt: admitted.auth.expiresAt };
          return { ok: true, userData, onAbandoned: admitted.release };
        },
        { onError: (err) => guard.failed('ws.upgrade', err) },
      );
    }, (_err, res: HttpResponse) => refuseUpgrade(res)),
    open: guard.wrap('ws.open', (ws: WebSocket<SocketData>) => {
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
    }, (_err, ws) => ws.end(1011, 'internal error')),
    message: guard.wrap('ws.message', (ws: WebSocket<SocketData>, data: ArrayBuffer, isBinary: boolean) => {
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
        if (req.type === 'ping') replyControl(ws, { pong: { clientTimeUs: req.clientTimeUs, serverTimeUs: nowUs() } });
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
    }, (_err, ws) => replyControl(ws, { error: { code: 'BC_INTERNAL', message: 'internal error (logged); the socket stays open' } })),
    drain: guard.wrap('ws.drain', (ws: WebSocket<SocketData>) => broadcaster.drained(ws)),
    close: guard.wrap('ws.close', (ws: WebSocket<SocketData>) => {
      const d = ws.getUserData();
      d.release(); // the connection slot reserved at upgrade (first: it must never leak)
      expiry.forget(ws);
      broadcaster.remove(ws);
      countsChanged();
    }),
  });

  const routes: Route[] = [
    // /ws requests that uWS did not hand to the upgrade handler (no Sec-WebSocket-Key): why not.
    { pattern: '/ws', name: 'ws', access: 'open', handle: (req) => checkHandshake(req.method, req.header) ?? UPGRADE_REQUIRED },
    ...operationsRoutes({
      authenticator,
      readiness: () => {
        const r = source.readiness(Date.now(), lifecycle.shuttingDown);
        return { ...r, detail: { role: config.ROLE, epoch: broadcaster.epoch, seq: broadcaster.lastSeq, feed: r.feed } };
      },
    }),
    { pattern: '/api/snapshot', name: 'api.snapshot', access: 'market', cors: true, handle: (req) => {
        const selection = parseSelection(req.query.get('board'), req.query.get('symbols'), boards, basket, config.WS_MAX_SYMBOLS);
        if (!selection.ok) return httpError(selection.code, selection.message, selectionErrorOptions(selection.code));
        return snapshots.answer(req.auth.channels, req.header('if-none-match'), selection.symbols);
      } },
    { pattern: '/api/vn30', name: 'api.vn30', access: 'market', cors: true, handle: () => json('200 OK', { symbols: defaultBoardSymbols(boards, basket) }) },
    { pattern: '/api/universe', name: 'api.universe', access: 'market', cors: true, handle: () => json('200 OK', universeBody(market, boards, basket)) },
    ...historyRoutes(history),
    ...boardPageRoutes(),
  ];
  http.routes(routes);

  source.start();
  // A local worker starts in well under a second: listen once it has a frame. An edge
  // listens at once (/readyz says 503 until NATS and the ingest's FULL frames are there).
  if (source.listenAfterFirstFrame)
    await Promise.race([
      firstFrameP,
      new Promise((_, reject) => setTimeout(() => reject(new WorkerStartError('market worker produced no frame within 30 s')), 30_000).unref()),
    ]);
  else firstFrameP.catch(() => undefined);

  const { port, metricsPort } = await lifecycle.listen({ native, role: config.ROLE, feed: config.ROLE === 'edge' ? 'nats' : config.FEED, intervalMs: config.BROADCAST_INTERVAL_MS }, async () => {
    await source.stop(1000).catch(() => undefined);
    await history?.close(Date.now() + 1000);
  });

  const shutdown = (reason: string, opts: ShutdownOptions = {}) =>
    lifecycle.shutdown(reason, opts, {
      fields: { clients: broadcaster.size },
      steps: [
        () => snapshots.close(),
        () => source.stopLoop(), // 3. stop the frame loop
        ({ closeCode = 1001 }) => {
          // 4. close sockets: 1001 (1011 after an escaped exception)
          for (const ws of broadcaster.all()) ws.end(closeCode, closeCode === 1011 ? 'internal error' : 'server shutting down');
        },
        () => source.stop(config.SHUTDOWN_TIMEOUT_MS), // 5–6. feed (or the bus), writers
      ],
      // 6–7. flush the history writer (the worker handed over its last rows), close stores.
      history: deps.history && { ...deps.history, counts: () => ({ tradesAccepted: workerDone?.tradesAccepted, ticksHanded: workerDone?.historyTicks }) },
    });

  return { port, metricsPort, metrics, supervisor: deps.supervisor, shutdown };
}
