// The HTTP side of every role, registered through one helper so that every route gets the
// same rules (README "HTTP routes"):
// - every handler runs under the guard: an exception is a 500 {"error":"BC_INTERNAL"}, an
//   error log naming the route and boardcast_handler_errors_total{handler}; never a crash;
// - every error answer is built by httpError (src/server/http-answer.ts) from the registry;
//   an error answer's cause is logged here with the route, never sent;
// - request headers over HTTP_MAX_HEADER_BYTES → 431; malformed percent-encoding in the
//   path or the query → 400 naming the parameter, before any handler decodes anything;
// - GET routes answer HEAD (same headers, no body) and OPTIONS (Allow, and the CORS
//   preflight on REST routes); any other method → 405 with Allow;
// - routes carrying market data ('market') ask for the same bearer token or JWT as /ws
//   (one Authenticator for both doors) → 401 JSON; the grant (a JWT's channels) reaches
//   the handler;
// - the response is written once, corked, and never after the client went away.
import type { HttpRequest, HttpResponse, TemplatedApp } from 'uWebSockets.js';
import { authChallenge, type AuthResult, type Authenticator } from './auth.js';
import type { CorsPolicy } from './cors.js';
import type { Guard } from '../guard.js';
import type { Logger } from '../log.js';
import { httpError, isErrorAnswer, writeAnswer, type ErrorAnswer, type HttpAnswer } from './http-answer.js';
import { badlyEncoded } from './percent-encoding.js';

export { httpError, json, statusLine, type HttpAnswer } from './http-answer.js';

export type AuthGrant = Extract<AuthResult, { ok: true }>;

/** What a handler may know about its request: copied out of uWS's request before any await. */
export interface RouteRequest {
  /** Upper-case, e.g. 'GET' (a HEAD request reaches the handler as GET). */
  method: string;
  /** The path as sent (still percent-encoded; known to decode). */
  path: string;
  /** The query (known to decode); on market routes without the `token` parameter. */
  query: URLSearchParams;
  /** A request header by lower-case name, '' when absent. */
  header(name: string): string;
  /** Who was let in: `{ ok: true }` on open routes and when auth is off; a JWT's channels otherwise. */
  auth: AuthGrant;
}

export interface Route {
  /** uWS pattern: '/healthz', '/api/history/*'. */
  pattern: string;
  /** Route name for logs and boardcast_handler_errors_total. */
  name: string;
  /** 'market': needs the token or JWT when WS_AUTH_TOKEN / WS_JWT_SECRET is set. */
  access: 'open' | 'market';
  /** A REST route: CORS headers and preflight when CORS_ORIGINS is set. */
  cors?: boolean;
  /** 'any': every method reaches the handler (the 404 fallback). Default: GET (and HEAD). */
  methods?: 'any';
  handle(req: RouteRequest): HttpAnswer | Promise<HttpAnswer>;
}

export interface RouterDeps {
  guard: Guard;
  authenticator: Authenticator;
  cors: CorsPolicy;
  /** Request line + headers above this many bytes: 431. */
  maxHeaderBytes: number;
  /** Where an error answer's cause is logged (absent: not logged). */
  log?: Logger;
}

export const ALLOW = 'GET, HEAD, OPTIONS';

const INTERNAL = httpError('BC_INTERNAL', 'internal error (logged)');

/** The parts of a uWS request every route and the WebSocket upgrade look at, copied. */
export interface RawRequest {
  method: string;
  path: string;
  rawQuery: string;
  headers: Map<string, string>;
  /** Bytes of the request line and headers (as uWS parsed them). */
  headerBytes: number;
}

export function readRequest(req: HttpRequest): RawRequest {
  const method = req.getCaseSensitiveMethod().toUpperCase();
  const path = req.getUrl();
  const rawQuery = req.getQuery() ?? '';
  const headers = new Map<string, string>();
  let headerBytes = method.length + path.length + rawQuery.length + 12; // "M P?Q HTTP/1.1\r\n"
  req.forEach((k, v) => {
    headers.set(k, headers.has(k) ? `${headers.get(k)}, ${v}` : v);
    headerBytes += k.length + v.length + 4;
  });
  return { method, path, rawQuery, headers, headerBytes };
}

/** 431 or 400 for a request no handler should see, else undefined. */
export function requestProblem(r: RawRequest, maxHeaderBytes: number): ErrorAnswer | undefined {
  if (r.headerBytes > maxHeaderBytes) return httpError('BC_HEADERS_TOO_LARGE', `request line and headers over ${maxHeaderBytes} bytes`, { close: true });
  const bad = badlyEncoded(r.path, r.rawQuery);
  if (bad !== undefined) return httpError('BC_BAD_PARAM', `${bad}: malformed percent-encoding`, { param: bad });
  return undefined;
}

/** One response's life: written at most once, never after abort. */
class Reply {
  aborted = false;
  done = false;

  constructor(private readonly res: HttpResponse) {
    res.onAborted(() => {
      this.aborted = true;
    });
  }

  write(a: HttpAnswer, head: boolean, extra: Record<string, string>): void {
    if (this.aborted || this.done) return;
    this.done = true;
    writeAnswer(this.res, a, head, extra);
  }

  /** After an exception: a 500 if nothing was written yet, else drop the connection. */
  fail(): void {
    if (this.aborted) return;
    if (!this.done) {
      try {
        this.write(INTERNAL, false, {});
        return;
      } catch {
        // fall through: the response is in an unknown state
      }
    }
    try {
      this.res.close();
    } catch {
      // already finished
    }
  }
}

/** A cause as a log field: its type, message and code. */
function describe(cause: unknown): Record<string, unknown> {
  if (!(cause instanceof Error)) return { message: String(cause) };
  const code = (cause as { code?: unknown }).code;
  return { type: cause.name, message: cause.message, ...(code !== undefined ? { code } : {}) };
}

export class HttpRouter {
  constructor(private readonly deps: RouterDeps) {}

  /** Registers `routes` on `app`, in order; end with a `methods: 'any'` fallback on '/*'. */
  register(app: TemplatedApp, routes: readonly Route[]): void {
    this.deps.guard.declare(...routes.map((r) => r.name));
    for (const route of routes) app.any(route.pattern, (res, req) => this.serve(route, res, req));
  }

  private serve(route: Route, res: HttpResponse, req: HttpRequest): void {
    const reply = new Reply(res);
    const { guard } = this.deps;
    let raw: RawRequest | undefined;
    const failed = (err: unknown) => {
      guard.failed(route.name, err, raw ? { method: raw.method, path: raw.path.slice(0, 200) } : {});
      reply.fail();
    };
    try {
      raw = readRequest(req);
      const r = raw;
      const origin = r.headers.get('origin') ?? '';
      const cors = route.cors ? this.deps.cors : undefined;
      const head = r.method === 'HEAD';
      const extra = cors?.responseHeaders(origin) ?? {};
      const answer = (a: HttpAnswer) => {
        if (isErrorAnswer(a) && a.cause !== undefined) this.deps.log?.warn({ route: route.name, code: a.code, err: describe(a.cause) }, 'request failed');
        reply.write(a, head, extra);
      };

      const problem = requestProblem(r, this.deps.maxHeaderBytes);
      if (problem) return answer(problem);
      if (route.methods !== 'any' && r.method !== 'GET' && !head) {
        if (r.method === 'OPTIONS') {
          const preflight = cors && r.headers.has('access-control-request-method') ? cors.preflightHeaders(origin) : {};
          return reply.write({ status: '204 No Content', headers: { Allow: ALLOW, ...preflight } }, false, {});
        }
        return answer(httpError('BC_METHOD_NOT_ALLOWED', `${r.method} is not allowed on ${route.pattern}; allowed: ${ALLOW}`, { headers: { Allow: ALLOW } }));
      }
      const query = new URLSearchParams(r.rawQuery);
      const request = (auth: AuthGrant): RouteRequest => ({ method: head ? 'GET' : r.method, path: r.path, query, header: (n) => r.headers.get(n) ?? '', auth });
      const run = (auth: AuthGrant) => {
        const out = route.handle(request(auth));
        if (out instanceof Promise) out.then(answer).catch(failed);
        else answer(out);
      };
      if (route.access !== 'market') return run({ ok: true });
      const token = query.get('token');
      query.delete('token'); // a credential, not a parameter of the route
      if (!this.deps.authenticator.required) return run({ ok: true });
      this.deps.authenticator.authenticate({ authorization: r.headers.get('authorization') ?? '', queryToken: token }).then((auth) => {
        if (auth.ok) return run(auth);
        answer(httpError(auth.code, auth.message, { headers: { 'WWW-Authenticate': authChallenge(auth.code) } }));
      }).catch(failed);
    } catch (err) {
      failed(err);
    }
  }
}
