// Seeded HTTP fuzzing of every route: methods, paths (percent-encoding valid and not,
// doubled slashes, dot segments), queries (known parameters with good and junk values,
// unknown ones), headers (conditional, ranges, long values, WebSocket upgrade headers with
// bad versions). Requests are well-formed HTTP/1.1 on raw sockets (fetch would refuse half
// of them), one connection each; every one must be answered with a status line.
import { connect } from 'node:net';

import { prng } from '../../../test/helpers/prng.js';

export { prng };

export interface FuzzRequest {
  method: string;
  target: string;
  headers: Array<[string, string]>;
  body: string;
}

const ROUTES = [
  '/healthz', '/readyz', '/metrics', '/api/snapshot', '/api/vn30', '/', '/index.html', '/favicon.svg', '/assets/{junk}.js',
  '/api/history/{sym}/candles', '/api/history/{sym}/ticks', '/api/history/{sym}/foreign', '/api/history/index/{index}', '/api/history/basis',
  '/ws', '/{junk}', '/api/{junk}',
];
// Registered methods only: uWS's parser drops an unknown one before any handler could answer.
const METHODS = ['GET', 'GET', 'GET', 'GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'OPTIONS', 'PATCH', 'TRACE'];
const SYMBOLS = ['FPT', 'VNM', 'hpg', 'VN30F2612', 'NOPE', '', 'F%20PT', '..', '%2e%2e', 'A'.repeat(300)];
const INDICES = ['VN30', 'VNINDEX', 'vn30', 'HNX', '%E0%A4%A', '%zz', '%', '%00', '%C0%AF', '%FF%FE'];
const PERCENT = ['%E0%A4%A', '%zz', '%', '%0', '%00', '%C0%AF', '%FF', '%ED%A0%80', '%2F', '%25', '%20', '%41'];
const KEYS = ['interval', 'from', 'to', 'limit', 'format', 'symbols', 'channels', 'delta', 'token', 'x', '', '%E0%A4%A', 'from[]'];
const VALUES = [
  '1m', '5m', '1h', '1d', '7m', '2024-05-02T09:15:00+07:00', '2024-13-45T99:99:99Z', '1700000000000', '-1', '0', '10', '99999999999999999999',
  '1e309', 'NaN', '', 'json', 'proto', 'xml', 'FPT,VNM', 'board,weather', '%E0%A4%A', '%zz', '%', 'a%00b', '\u00e9'.normalize(),
];
const EXTRA_HEADERS: Array<() => [string, string]> = [
  () => ['Accept', '*/*'],
  () => ['Accept-Encoding', 'br, gzip'],
  () => ['If-None-Match', '"x"'],
  () => ['If-None-Match', '*'],
  () => ['Range', 'bytes=0-10'],
  () => ['Origin', 'http://evil.example'],
  () => ['Cookie', 'a=b; c=d'],
  () => ['X-Long', 'x'.repeat(6000)],
  () => ['Upgrade', 'websocket'],
  () => ['Sec-WebSocket-Version', '99'],
  () => ['Sec-WebSocket-Key', 'dGhlIHNhbXBsZSBub25jZQ=='],
  () => ['Authorization', 'Bearer junk.junk.junk'],
  () => ['X-Weird', '\t value with\ttabs '],
];

/** A request generator: the same seed, the same sequence. Half the requests carry `token` (when given) so authenticated routes get past their door. */
export function requestGenerator(seed: number, token?: string): () => FuzzRequest {
  const r = prng(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const junk = () => (r() < 0.5 ? pick(PERCENT) : Math.floor(r() * 1e9).toString(36));
  const mutatePath = (p: string) => {
    const roll = r();
    if (roll < 0.1) return p.replace(/\//g, '//');
    if (roll < 0.2) return `${p}/../${pick(['metrics', 'etc/passwd', '%2e%2e'])}`;
    if (roll < 0.3) return `${p}${pick(PERCENT)}`;
    if (roll < 0.35) return p.toUpperCase();
    return p;
  };
  return () => {
    const route = pick(ROUTES).replace('{sym}', pick(SYMBOLS)).replace('{index}', pick(INDICES)).replace('{junk}', junk());
    const params: string[] = [];
    for (let i = Math.floor(r() * 5); i > 0; i--) params.push(`${pick(KEYS)}=${encodeURI(pick(VALUES)).replace(/%25/g, '%')}`);
    const query = params.length > 0 ? `?${params.join(r() < 0.1 ? ';' : '&')}` : r() < 0.05 ? '?' : '';
    const headers: Array<[string, string]> = [];
    for (let i = Math.floor(r() * 4); i > 0; i--) headers.push(pick(EXTRA_HEADERS)());
    if (token && r() < 0.5) headers.push(['Authorization', `Bearer ${token}`]);
    const method = pick(METHODS);
    const body = method === 'POST' || method === 'PUT' ? (r() < 0.5 ? '{"a":1}' : 'x'.repeat(Math.floor(r() * 2000))) : '';
    return { method, target: mutatePath(route) + query, headers, body };
  };
}

export type FuzzOutcome = { kind: 'status'; status: number } | { kind: 'closed' } | { kind: 'hung' };

/** Sends one request on its own connection and reads the status line. */
export function sendRaw(port: number, req: FuzzRequest, timeoutMs = 5000): Promise<FuzzOutcome> {
  return new Promise((resolve) => {
    const lines = [`${req.method} ${req.target} HTTP/1.1`, `Host: 127.0.0.1:${port}`, ...req.headers.map(([k, v]) => `${k}: ${v}`), 'Connection: close'];
    if (req.body) lines.push(`Content-Length: ${Buffer.byteLength(req.body)}`);
    const socket = connect(port, '127.0.0.1');
    let head = '';
    let done = false;
    const finish = (o: FuzzOutcome) => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      resolve(o);
    };
    const timer = setTimeout(() => finish({ kind: 'hung' }), timeoutMs);
    socket.on('connect', () => socket.write(`${lines.join('\r\n')}\r\n\r\n${req.body}`));
    socket.on('data', (d: Buffer) => {
      head += d.toString('latin1');
      const eol = head.indexOf('\r\n');
      if (eol < 0 && head.length < 1024) return;
      const m = /^HTTP\/1\.[01] (\d{3})[ \r]/.exec(head.slice(0, Math.max(eol, 0) + 1));
      finish(m ? { kind: 'status', status: Number(m[1]) } : { kind: 'closed' });
    });
    socket.on('error', () => finish({ kind: 'closed' }));
    socket.on('close', () => finish({ kind: 'closed' }));
  });
}

export interface FuzzStats {
  sent: number;
  byStatus: Record<string, number>;
  /** Closed without a status line. */
  unanswered: number;
  /** Neither answered nor closed within the timeout. */
  hung: number;
  /** A few requests that got a 500, no answer or hung, for the report. */
  samples: string[];
}

export const emptyFuzzStats = (): FuzzStats => ({ sent: 0, byStatus: {}, unanswered: 0, hung: 0, samples: [] });

export function recordOutcome(stats: FuzzStats, req: FuzzRequest, o: FuzzOutcome): void {
  stats.sent++;
  if (o.kind === 'status') stats.byStatus[o.status] = (stats.byStatus[o.status] ?? 0) + 1;
  else if (o.kind === 'closed') stats.unanswered++;
  else stats.hung++;
  const bad = o.kind !== 'status' || o.status === 500;
  if (bad && stats.samples.length < 5) stats.samples.push(`${req.method} ${req.target.slice(0, 120)} → ${o.kind === 'status' ? o.status : o.kind}`);
}
