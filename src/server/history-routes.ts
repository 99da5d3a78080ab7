// The history API: GET /api/history/{symbol}/candles|ticks|foreign, /api/history/index/{id},
// /api/history/index/{id}/candles,
// /api/history/basis. Parameters are validated here (400 naming the parameter); queries run
// on the history piscina pool, never on this thread. A market-data route: under the same
// auth as /ws (src/server/http-router.ts).
import type { Logger } from '../log.js';
import { HistoryParamError, matchRoute, parseQuery } from '../history/params.js';
import type { HistoryService } from '../history/service.js';
import { json, type HttpAnswer, type Route } from './http-router.js';

export const HISTORY_PREFIX = '/api/history/';

/**
 * An edge without DATABASE_URL: the history is the leader ingest's per-pod SQLite file,
 * which no edge can read, so the routes answer 501 saying so (never an empty 200).
 */
export const EDGE_HISTORY_UNAVAILABLE = {
  error: 'BC_HISTORY_NOT_ON_EDGE',
  message: 'this edge serves no history: the leader ingest records it in its own SQLite file (DATA_DIR); set DATABASE_URL on the ingest and the edges to a shared PostgreSQL to serve /api/history/* from every edge',
} as const;

/** The history routes of a process with a history service (undefined: an edge without one, 501). */
export function historyRoutes(history: HistoryService | undefined, log: Logger): Route[] {
  const route = { pattern: `${HISTORY_PREFIX}*`, name: 'api.history', access: 'market', cors: true } as const;
  if (!history) return [{ ...route, handle: () => json('501 Not Implemented', EDGE_HISTORY_UNAVAILABLE) }];
  return [
    {
      ...route,
      handle: async (req): Promise<HttpAnswer> => {
        const found = matchRoute(req.path.slice(HISTORY_PREFIX.length));
        if (!found) return json('404 Not Found', { error: 'BC_NOT_FOUND', message: `no route for GET ${req.path.slice(0, 200)}` });
        let q;
        try {
          if ('bad' in found) throw found.bad;
          q = parseQuery(found, req.query, history.limits);
        } catch (err) {
          if (err instanceof HistoryParamError) return json('400 Bad Request', { error: err.code, param: err.param, message: err.message });
          throw err;
        }
        try {
          return { status: '200 OK', body: await history.query(q) };
        } catch (err) {
          log.warn({ err: { message: (err as Error).message, code: (err as { code?: string }).code }, query: q.kind }, 'history query failed');
          return json('503 Service Unavailable', { error: 'BC_HISTORY_UNAVAILABLE', message: 'the history store did not answer' });
        }
      },
    },
  ];
}
