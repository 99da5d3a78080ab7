// The history API: GET /api/history/{symbol}/candles|ticks|foreign|foreign/daily,
// /api/history/index/{id}, /api/history/index/{id}/candles, /api/history/basis[?contract=],
// and GET /api/alerts. Parameters are validated here (400 naming the parameter); queries run
// on the history piscina pool, never on this thread. A market-data route: under the same
// auth as /ws (src/server/http-router.ts).
import { ALERTS_ROUTE, HistoryParamError, matchRoute, parseQuery } from '../history/params.js';
import type { HistoryQuery } from '../history/types.js';
import type { HistoryService } from '../history/service.js';
import { httpError, type HttpAnswer, type Route } from './http-router.js';

export const HISTORY_PREFIX = '/api/history/';

/**
 * An edge without DATABASE_URL: the history is the leader ingest's per-pod SQLite file,
 * which no edge can read, so the routes answer 501 saying so (never an empty 200).
 */
export const EDGE_HISTORY_UNAVAILABLE = httpError(
  'BC_HISTORY_NOT_ON_EDGE',
  'this edge serves no history: the leader ingest records it in its own SQLite file (DATA_DIR); set DATABASE_URL on the ingest and the edges to a shared PostgreSQL to serve /api/history/* from every edge',
);

/** The history routes of a process with a history service (undefined: an edge without one, 501). */
export function historyRoutes(history: HistoryService | undefined): Route[] {
  const route = { pattern: `${HISTORY_PREFIX}*`, name: 'api.history', access: 'market', cors: true } as const;
  const alerts = { pattern: '/api/alerts', name: 'api.alerts', access: 'market', cors: true } as const;
  if (!history) return [route, alerts].map((r) => ({ ...r, handle: () => EDGE_HISTORY_UNAVAILABLE }));
  const run = async (parse: () => HistoryQuery): Promise<HttpAnswer> => {
    let q;
    try {
      q = parse();
    } catch (err) {
      if (err instanceof HistoryParamError) return httpError(err.code, err.message, { param: err.param });
      throw err;
    }
    try {
      return { status: '200 OK', body: await history.query(q) };
    } catch (err) {
      // The router logs the cause with the route; the client learns only the code.
      return httpError('BC_HISTORY_UNAVAILABLE', 'the history store did not answer', { cause: err });
    }
  };
  return [
    {
      ...route,
      handle: async (req): Promise<HttpAnswer> => {
        const found = matchRoute(req.path.slice(HISTORY_PREFIX.length));
        if (!found) return httpError('BC_NOT_FOUND', `no route for GET ${req.path.slice(0, 200)}`);
        return run(() => {
          if ('bad' in found) throw found.bad;
          return parseQuery(found, req.query, history.limits);
        });
      },
    },
    { ...alerts, handle: (req) => run(() => parseQuery(ALERTS_ROUTE, req.query, history.limits)) },
  ];
}
