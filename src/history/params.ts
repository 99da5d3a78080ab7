// History API parameters: parsed and validated on the main thread (cheap), each failure a
// HistoryParamError naming the parameter (HTTP 400).
import { displaySymbol } from '../market/rules/futures.js';
import { BoardcastError } from '../errors.js';
import { INTERVALS, type HistoryQuery, type Interval } from './types.js';

export class HistoryParamError extends BoardcastError {
  constructor(readonly param: string, message: string) {
    super('BC_BAD_PARAM', `${param}: ${message}`, { param });
  }
}

/** The latest instant JavaScript dates represent. */
const MAX_TIME = 8.64e15;
const SYMBOL = /^[A-Z0-9][A-Z0-9_.-]{0,19}$/;
const ISO = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d{1,9})?)?(?:Z|[+-]\d{2}:?\d{2})?)?$/;

/** ISO 8601 or epoch ms. A date-time without a zone is read as UTC (say +07:00 for local time). */
export function parseTime(param: string, raw: string): number {
  const s = raw.trim();
  if (/^\d{1,16}$/.test(s)) {
    const n = Number(s);
    if (n <= MAX_TIME) return n;
  } else if (ISO.test(s)) {
    const zoned = /[T ]\d{2}:\d{2}/.test(s) && !/(Z|[+-]\d{2}:?\d{2})$/.test(s) ? `${s.replace(' ', 'T')}Z` : s.replace(' ', 'T');
    const n = Date.parse(zoned);
    if (Number.isFinite(n) && n >= 0) return n;
  }
  throw new HistoryParamError(param, `expected ISO 8601 (e.g. 2024-05-02T09:15:00+07:00) or epoch milliseconds, got ${JSON.stringify(raw.slice(0, 64))}`);
}

export interface ParseLimits {
  /** Rows one answer may hold at most (and the default). */
  maxRows: number;
  /** Default `limit` of the ticks route. */
  defaultTicks: number;
}

type Route = { kind: 'candles' | 'ticks' | 'foreign' | 'foreign-daily'; symbol: string } | { kind: 'index' | 'index-candles'; id: string } | { kind: 'basis' } | { kind: 'alerts' };

/** The route of GET /api/alerts (parsed by parseQuery like the history routes). */
export const ALERTS_ROUTE: Route = { kind: 'alerts' };
const SEVERITIES = ['INFO', 'WARNING', 'CRITICAL'] as const;
const ALERT_TYPE = /^[a-z_]{1,40}$/;

/** Which history route a path names (after /api/history/), or undefined for none. */
export function matchRoute(path: string): Route | { bad: HistoryParamError } | undefined {
  const parts = path.replace(/\/+$/, '').split('/');
  if (parts.length === 1 && parts[0] === 'basis') return { kind: 'basis' };
  if ((parts.length === 2 || (parts.length === 3 && parts[2] === 'candles')) && parts[0] === 'index') {
    let id: string;
    try {
      id = decodeURIComponent(parts[1]!).toUpperCase();
    } catch {
      id = ''; // malformed percent-encoding: not an id (the router answers it first anyway)
    }
    return SYMBOL.test(id) ? { kind: parts.length === 3 ? 'index-candles' : 'index', id } : { bad: new HistoryParamError('id', `not an index id: ${JSON.stringify(parts[1]!.slice(0, 32))}`) };
  }
  const daily = parts.length === 3 && parts[1] === 'foreign' && parts[2] === 'daily';
  if (daily || (parts.length === 2 && (parts[1] === 'candles' || parts[1] === 'ticks' || parts[1] === 'foreign'))) {
    const kind = daily ? 'foreign-daily' : (parts[1] as 'candles' | 'ticks' | 'foreign');
    let symbol: string;
    try {
      symbol = decodeURIComponent(parts[0]!).toUpperCase();
    } catch {
      symbol = '';
    }
    // A futures contract is stored under its display name: its KRX-era code finds it too.
    return SYMBOL.test(symbol) ? { kind, symbol: displaySymbol(symbol) ?? symbol } : { bad: new HistoryParamError('symbol', `not a symbol: ${JSON.stringify(parts[0]!.slice(0, 32))}`) };
  }
  return undefined;
}

const ALLOWED: Record<Route['kind'], string[]> = {
  candles: ['interval', 'from', 'to', 'limit'],
  ticks: ['from', 'to', 'limit'],
  foreign: ['from', 'to', 'limit'],
  'foreign-daily': ['from', 'to', 'limit'],
  index: ['from', 'to', 'limit'],
  'index-candles': ['interval', 'from', 'to', 'limit'],
  basis: ['contract', 'from', 'to', 'limit'],
  alerts: ['symbol', 'type', 'severity', 'from', 'to', 'limit'],
};

/** A symbol parameter (a stock, a futures contract in either code scheme, an index id), upper-cased. */
function symbolParam(param: string, raw: string): string {
  const s = raw.trim().toUpperCase();
  if (!SYMBOL.test(s)) throw new HistoryParamError(param, `not a symbol: ${JSON.stringify(raw.slice(0, 32))}`);
  return displaySymbol(s) ?? s;
}

/** Builds the query of a route from its query string, or throws HistoryParamError. */
export function parseQuery(route: Route, search: URLSearchParams, limits: ParseLimits): HistoryQuery {
  for (const key of search.keys()) if (!ALLOWED[route.kind].includes(key)) throw new HistoryParamError(key, `unknown parameter; ${route.kind} takes ${ALLOWED[route.kind].join(', ')}`);
  for (const key of new Set(search.keys())) if (search.getAll(key).length > 1) throw new HistoryParamError(key, 'given more than once');
  const from = search.has('from') ? parseTime('from', search.get('from')!) : 0;
  const to = search.has('to') ? parseTime('to', search.get('to')!) : MAX_TIME;
  if (from >= to) throw new HistoryParamError('from', `must be before to (from=${new Date(from).toISOString()}, to=${new Date(to).toISOString()})`);
  let limit = route.kind === 'ticks' ? limits.defaultTicks : limits.maxRows;
  if (search.has('limit')) {
    const raw = search.get('limit')!;
    if (!/^\d{1,9}$/.test(raw) || Number(raw) < 1 || Number(raw) > limits.maxRows) throw new HistoryParamError('limit', `expected an integer in 1..${limits.maxRows}, got ${JSON.stringify(raw.slice(0, 32))}`);
    limit = Number(raw);
  }
  const range = { from, to, limit };
  switch (route.kind) {
    case 'candles':
    case 'index-candles': {
      const interval = search.get('interval');
      if (interval === null) throw new HistoryParamError('interval', `required: one of ${Object.keys(INTERVALS).join(', ')}`);
      if (!(interval in INTERVALS)) throw new HistoryParamError('interval', `expected one of ${Object.keys(INTERVALS).join(', ')}, got ${JSON.stringify(interval.slice(0, 32))}`);
      return 'symbol' in route ? { kind: 'candles', symbol: route.symbol, interval: interval as Interval, ...range } : { kind: 'index-candles', id: (route as { id: string }).id, interval: interval as Interval, ...range };
    }
    case 'ticks':
    case 'foreign':
    case 'foreign-daily':
      return { kind: route.kind, symbol: route.symbol, ...range };
    case 'index':
      return { kind: 'index', id: route.id, ...range };
    case 'basis': {
      const contract = search.get('contract');
      if (contract === null) return { kind: 'basis', ...range };
      const c = symbolParam('contract', contract);
      if (!/^VN30F\d{4}$/.test(c)) throw new HistoryParamError('contract', `expected a VN30 futures contract (VN30FYYMM or its KRX-era code), got ${JSON.stringify(contract.slice(0, 32))}`);
      return { kind: 'basis', contract: c, ...range };
    }
    case 'alerts': {
      const q: Extract<HistoryQuery, { kind: 'alerts' }> = { kind: 'alerts', ...range };
      const symbol = search.get('symbol');
      if (symbol !== null) q.symbol = symbolParam('symbol', symbol);
      const type = search.get('type');
      if (type !== null) {
        if (!ALERT_TYPE.test(type)) throw new HistoryParamError('type', `expected an alert type (e.g. volume_spike, ceiling, basis_flip), got ${JSON.stringify(type.slice(0, 32))}`);
        q.type = type;
      }
      const severity = search.get('severity');
      if (severity !== null) {
        const sev = severity.toUpperCase();
        if (!(SEVERITIES as readonly string[]).includes(sev)) throw new HistoryParamError('severity', `expected one of ${SEVERITIES.join(', ')} (any case), got ${JSON.stringify(severity.slice(0, 32))}`);
        q.severity = sev as (typeof SEVERITIES)[number];
      }
      return q;
    }
  }
}
