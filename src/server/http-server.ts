// The HTTP listeners of every role (all, edge, ingest): one uWS app on HOST:PORT with the
// role's routes registered through the HttpRouter (guard, HTTP rules, auth, CORS), /metrics
// on it or on its own listener (METRICS_HOST:METRICS_PORT), a 404 fallback, and an
// exclusive listen: uWS binds with SO_REUSEPORT by default, which would let a second server
// on the same port take half the connections; LIBUS_LISTEN_EXCLUSIVE_PORT refuses it.
import type { TemplatedApp, us_listen_socket } from 'uWebSockets.js';
import type { Config } from '../config.js';
import { ListenError } from '../errors.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import type { Authenticator } from './auth.js';
import { corsPolicy } from './cors.js';
import type { Guard } from '../guard.js';
import { HttpRouter, httpError, type Route } from './http-router.js';
import type { Uws } from './uws.js';

/** uWS's ListenOptions.LIBUS_LISTEN_EXCLUSIVE_PORT (no SO_REUSEPORT). */
const LIBUS_LISTEN_EXCLUSIVE_PORT = 1;

export interface HttpServerDeps {
  uws: Uws;
  config: Config;
  log: Logger;
  metrics: Metrics;
  guard: Guard;
  authenticator: Authenticator;
}

/** METRICS_PORT as a number, or undefined when /metrics stays on the public port. */
export const metricsPortOf = (config: Pick<Config, 'METRICS_PORT'>) => (config.METRICS_PORT === '' ? undefined : Number(config.METRICS_PORT));

/** Binds `host:port` exclusively; resolves with the listen socket and the bound port. */
export function listenExclusive(uws: Uws, app: TemplatedApp, host: string, port: number, what: string): Promise<{ socket: us_listen_socket; port: number }> {
  return new Promise((resolve, reject) => {
    // The typings lack listen(host, port, options, cb); the binary has it.
    const listen = app.listen as unknown as (h: string, p: number, o: number, cb: (ls: us_listen_socket | false) => void) => void;
    listen.call(app, host, port, LIBUS_LISTEN_EXCLUSIVE_PORT, (ls) => {
      if (!ls) return reject(new ListenError(what, host, port));
      resolve({ socket: ls, port: uws.us_socket_local_port(ls as never) });
    });
  });
}

export class HttpServer {
  readonly app: TemplatedApp;
  private readonly router: HttpRouter;
  private readonly metricsApp: TemplatedApp | undefined;
  private sockets: us_listen_socket[] = [];

  constructor(private readonly deps: HttpServerDeps) {
    const { uws, config } = deps;
    this.app = uws.App();
    this.router = new HttpRouter({ guard: deps.guard, authenticator: deps.authenticator, cors: corsPolicy(config.CORS_ORIGINS), maxHeaderBytes: config.HTTP_MAX_HEADER_BYTES, log: deps.log });
    this.metricsApp = metricsPortOf(config) !== undefined ? uws.App() : undefined;
  }

  /** The role's routes, then /metrics (unless it has its own listener), then 404 for anything else. */
  routes(routes: readonly Route[], notFoundHint = ''): void {
    const metrics = metricsRoute(this.deps.metrics);
    this.router.register(this.app, [...routes, ...(this.metricsApp ? [] : [metrics]), notFound(notFoundHint)]);
    if (this.metricsApp) this.router.register(this.metricsApp, [metrics, notFound(' (this listener serves only /metrics)')]);
  }

  /** Listens on HOST:PORT (and METRICS_HOST:METRICS_PORT); rejects with ListenError when a port is taken. */
  async listen(): Promise<{ port: number; metricsPort: number | undefined }> {
    const { uws, config } = this.deps;
    const main = await listenExclusive(uws, this.app, config.HOST, config.PORT, 'PORT');
    this.sockets.push(main.socket);
    let metricsPort: number | undefined;
    if (this.metricsApp) {
      try {
        const m = await listenExclusive(uws, this.metricsApp, config.METRICS_HOST || config.HOST, metricsPortOf(config)!, 'METRICS_PORT');
        this.sockets.push(m.socket);
        metricsPort = m.port;
      } catch (err) {
        this.close();
        throw err;
      }
    }
    return { port: main.port, metricsPort };
  }

  /** Stops accepting connections on every listener (open ones are closed by their owners). */
  close(): void {
    for (const s of this.sockets) this.deps.uws.us_listen_socket_close(s);
    this.sockets = [];
  }
}

export function metricsRoute(metrics: Metrics): Route {
  return { pattern: '/metrics', name: 'metrics', access: 'open', handle: async () => ({ status: '200 OK', body: await metrics.registry.metrics(), contentType: metrics.registry.contentType }) };
}

function notFound(hint: string): Route {
  return {
    pattern: '/*',
    name: 'not-found',
    access: 'open',
    methods: 'any',
    handle: (req) => httpError('BC_NOT_FOUND', `no route for ${req.method} ${req.path.slice(0, 200)}${hint}`),
  };
}
