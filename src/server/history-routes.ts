// The history API: GET /api/history/{symbol}/candles|ticks|foreign, /api/history/index/{id},
// /api/history/basis. Parameters are validated here (400 naming the parameter); queries run
// on the history piscina pool, never on this thread.
import type { HttpResponse, TemplatedApp } from 'uWebSockets.js';
import type { Logger } from '../log.js';
import { HistoryParamError, matchRoute, parseQuery } from '../history/params.js';
import type { HistoryService } from '../history/service.js';
import type { HistoryQuery } from '../history/types.js';
import { handleAsync, sendJson } from './http.js';

export interface HistoryRouteDeps {
  history: HistoryService;
  log: Logger;
}

export const HISTORY_PREFIX = '/api/history/';

/**
 * An edge without DATABASE_URL: the history is the leader ingest's per-pod SQLite file,
 * which no edge can read, so the routes answer 501 saying so (never an empty 200).
 */
export const EDGE_HISTORY_UNAVAILABLE = {
  error: 'BC_HISTORY_NOT_ON_EDGE',
  message: 'this edge serves no history: the leader ingest records it in its own SQLite file (DATA_DIR); set DATABASE_URL on the ingest and the edges to a shared PostgreSQL to serve /api/history/* from every edge',
} as const;

export function registerHistoryRoutes(app: TemplatedApp, deps: HistoryRouteDeps): void {
  app.get(`${HISTORY_PREFIX}*`, (res: HttpResponse, req) => {
    const url = req.getUrl();
    const route = matchRoute(url.slice(HISTORY_PREFIX.length));
    if (!route) return sendJson(res, '404 Not Found', { error: 'BC_NOT_FOUND', message: `no route for GET ${url}` });
    let q: HistoryQuery;
    try {
      if ('bad' in route) throw route.bad;
      q = parseQuery(route, new URLSearchParams(req.getQuery() ?? ''), deps.history.limits);
    } catch (err) {
      if (err instanceof HistoryParamError) return sendJson(res, '400 Bad Request', { error: err.code, param: err.param, message: err.message });
      throw err;
    }
    handleAsync(res, async () => {
      try {
        return { status: '200 OK', body: await deps.history.query(q) };
      } catch (err) {
        deps.log.warn({ err: { message: (err as Error).message, code: (err as { code?: string }).code }, query: q.kind }, 'history query failed');
        return { status: '503 Service Unavailable', body: JSON.stringify({ error: 'BC_HISTORY_UNAVAILABLE', message: 'the history store did not answer' }) };
      }
    });
  });
}
