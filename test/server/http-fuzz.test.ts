// A seeded HTTP fuzz over every route of a real server (fast-check): random methods, paths
// (known routes with random tails), queries (known and random names; valid, malformed and
// overlong percent-encoding), headers (credentials, conditionals, CORS, upgrade headers,
// padding past the header limit). Every answer must be a well-formed HTTP status from the
// documented set, JSON where it says so, never a 500; every error answer (router, routes,
// upgrade refusals) has the one body shape of httpError with its registry status; the
// process stays up and no handler error is counted. The seed is fixed: a failure prints the counterexample to replay.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ERROR_CODES, type ErrorCode, type ErrorCodeInfo } from '../../src/error-codes.js';
import { metric, startTestServer, type TestServer } from '../helpers/server.js';
import { rawRequest } from '../helpers/raw-http.js';

const SEED = 20261202;
const RUNS = 1000;

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({ BROADCAST_INTERVAL_MS: '200', WS_AUTH_TOKEN: 'fuzz-token', CORS_ORIGINS: 'https://board.example', HTTP_MAX_HEADER_BYTES: '8192' });
});
afterAll(async () => {
  await srv?.stop();
});

const ROUTES = ['/healthz', '/readyz', '/metrics', '/api/snapshot', '/api/vn30', '/api/history/FPT/candles', '/api/history/FPT/ticks', '/api/history/vnm/foreign', '/api/history/index/VN30', '/api/history/basis', '/', '/index.html', '/favicon.svg', '/assets/x.js', '/ws', '/nope'];
const METHODS = ['GET', 'HEAD', 'POST', 'PUT', 'DELETE', 'PATCH', 'OPTIONS', 'TRACE'];
/** Every status the server documents. */
const STATUSES = new Set([101, 200, 204, 304, 400, 401, 404, 405, 426, 431, 501, 503]);

/** Characters a request target may carry as is (RFC 3986 pchar, '?' and '%' included so encodings can break). */
const targetChar = fc.constantFrom(...'abcXYZ019-._~!$&\'()*+,;=:@/%'.split(''));
const pctPiece = fc.oneof(
  { arbitrary: fc.constantFrom('%E0%A4%A', '%zz', '%', '%0', '%00', '%FF', '%C3%28', '%E2%82%AC', '%2F', '%25', '+', '%20'), weight: 1 },
  { arbitrary: fc.string({ unit: targetChar, maxLength: 12 }), weight: 1 },
  { arbitrary: fc.string({ maxLength: 6 }).map((s) => encodeURIComponent(s)), weight: 2 },
);
const tail = fc.oneof({ arbitrary: fc.constant(''), weight: 3 }, { arbitrary: fc.array(pctPiece, { minLength: 1, maxLength: 3 }).map((parts) => `/${parts.join('/')}`), weight: 1 });
const paramName = fc.oneof({ arbitrary: fc.constantFrom('from', 'to', 'limit', 'interval', 'token', 'format', 'symbols', 'channels', 'delta'), weight: 4 }, { arbitrary: pctPiece, weight: 1 });
const paramValue = fc.oneof(
  { arbitrary: fc.constantFrom('2024-05-02T09:15:00+07:00', '1714616100000', '0', '-1', '99999999999999999', '1m', '1d', 'json', 'proto', 'fuzz-token', 'FPT,VNM', 'board', ''), weight: 4 },
  { arbitrary: pctPiece, weight: 1 },
);
const query = fc.array(fc.tuple(paramName, fc.option(paramValue, { nil: undefined })), { maxLength: 4 }).map((pairs) => pairs.map(([k, v]) => (v === undefined ? k : `${k}=${v}`)).join('&'));

const headerValue = fc.string({ unit: fc.constantFrom(...' abcXYZ019-_.,;:=/"*'.split('')), maxLength: 40 });
const headers = fc.record(
  {
    Authorization: fc.oneof(fc.constant('Bearer fuzz-token'), fc.constant('Bearer nope'), headerValue),
    'If-None-Match': headerValue,
    'Accept-Encoding': fc.constantFrom('br', 'gzip', 'identity', '*;q=0', 'br;q=0, gzip'),
    Origin: fc.constantFrom('https://board.example', 'https://evil.example', 'null'),
    'Access-Control-Request-Method': fc.constantFrom('GET', 'POST'),
    Upgrade: fc.constantFrom('websocket', 'h2c'),
    'Sec-WebSocket-Version': fc.constantFrom('13', '8', '99', ''),
    'Sec-WebSocket-Key': fc.constantFrom('dGhlIHNhbXBsZSBub25jZQ==', 'short', '!!!!!!!!!!!!!!!!!!!!!!=='),
    'X-Pad': fc.oneof({ arbitrary: fc.nat({ max: 2000 }), weight: 4 }, { arbitrary: fc.integer({ min: 7000, max: 12_000 }), weight: 1 }).map((n) => 'p'.repeat(n)),
  },
  { requiredKeys: [] },
);

/** An error body as src/server/http-answer.ts writes it: the code, its registry status, a message, `param` only on BC_BAD_PARAM. */
function expectErrorShape(status: number, contentType: string | undefined, body: string, what: string): ErrorCode {
  expect(contentType, what).toBe('application/json');
  const b = JSON.parse(body) as Record<string, unknown>;
  const code = b.error as ErrorCode;
  expect(Object.keys(ERROR_CODES), what).toContain(code);
  expect((ERROR_CODES[code] as ErrorCodeInfo).status, `${code}: ${what}`).toBe(status);
  expect(typeof b.message, what).toBe('string');
  expect(Object.keys(b).sort(), what).toEqual(code === 'BC_BAD_PARAM' && 'param' in b ? ['error', 'message', 'param'] : ['error', 'message']);
  if ('param' in b) expect(typeof b.param, what).toBe('string');
  return code;
}

/** The routes of the trades/candles/alerts and whole-market work, fuzzed on their own so the first run's seeded draw stays as it was. */
const LATER_ROUTES = ['/api/alerts', '/api/universe', '/api/history/FPT/foreign/daily', '/api/history/index/VN30/candles'];

/** `runs` seeded random requests over `routes`: every answer well-formed; the statuses and error codes seen. */
async function fuzz(port: number, routes: readonly string[], runs: number): Promise<{ seen: Map<number, number>; codes: Set<string> }> {
  const request = fc.record({ method: fc.constantFrom(...METHODS), route: fc.constantFrom(...routes), tail, query, headers });
  const seen = new Map<number, number>();
  const codes = new Set<string>();
  await fc.assert(
      fc.asyncProperty(request, async (r) => {
        const target = `${r.route === '/' && r.tail ? '' : r.route}${r.tail}${r.query ? `?${r.query}` : ''}` || '/';
        const head = Object.entries(r.headers).map(([k, v]) => `${k}: ${v}\r\n`).join('');
        const bytes = `${r.method} ${target} HTTP/1.1\r\nHost: 127.0.0.1\r\n${head}${r.method === 'GET' || r.method === 'HEAD' ? '' : 'Content-Length: 0\r\n'}\r\n`;
        const a = await rawRequest(port, bytes, { timeoutMs: 5000, head: r.method === 'HEAD' });
        expect(a.statusLine, bytes.slice(0, 300)).toMatch(/^HTTP\/1\.1 \d{3} [^\r\n]+$/);
        expect(STATUSES.has(a.status!), `${a.statusLine} for ${bytes.slice(0, 300)}`).toBe(true);
        seen.set(a.status!, (seen.get(a.status!) ?? 0) + 1);
        if (r.method !== 'HEAD' && a.status !== 101 && a.headers['content-type'] === 'application/json') expect(() => JSON.parse(a.body), a.body.slice(0, 200)).not.toThrow();
        // /readyz's 503 is a readiness answer (status and reasons), not an error.
        const readiness = r.route === '/readyz' && !r.tail && a.status === 503;
        if (r.method !== 'HEAD' && a.status! >= 400 && !readiness) codes.add(`${r.route === '/ws' ? 'ws ' : ''}${expectErrorShape(a.status!, a.headers['content-type'] as string | undefined, a.body, bytes.slice(0, 300))}`);
      }),
      { seed: SEED, numRuns: runs },
    );
  return { seen, codes };
}

describe('HTTP fuzz (seeded)', () => {
  it(`${RUNS} random requests over every route: well-formed answers, no 500, the process stays up`, async () => {
    const { seen, codes } = await fuzz(srv.port, ROUTES, RUNS);
    console.log(JSON.stringify({ fuzz: 'http', seed: SEED, runs: RUNS, statuses: Object.fromEntries([...seen].sort((x, y) => x[0] - y[0])), errorCodes: [...codes].sort() }));
    // Errors from every writer were checked: the router, the routes, the upgrade's refusals.
    for (const c of ['BC_METHOD_NOT_ALLOWED', 'BC_HEADERS_TOO_LARGE', 'BC_BAD_PARAM', 'BC_NOT_FOUND', 'BC_AUTH_MISSING', 'ws BC_UPGRADE_REQUIRED', 'ws BC_AUTH_INVALID']) expect(codes, c).toContain(c);
    // The fuzz reached the interesting answers, not only one kind of refusal.
    for (const s of [200, 400, 401, 404, 405, 431]) expect(seen.get(s) ?? 0, `status ${s}`).toBeGreaterThan(0);
    expect((await fetch(`${srv.http}/healthz`)).status).toBe(200);
    const text = await (await fetch(`${srv.http}/metrics`)).text();
    expect(text).not.toMatch(/^boardcast_handler_errors_total\{[^}]*\} [1-9]/m);
    expect(await metric(srv.http, 'boardcast_frames_produced_total')).toBeGreaterThan(0);
  }, 120_000);

  it('300 random requests over the alerts, universe, daily-foreign and index-candle routes: the same rules', async () => {
    const { seen, codes } = await fuzz(srv.port, LATER_ROUTES, 300);
    for (const s of [200, 400, 405]) expect(seen.get(s) ?? 0, `status ${s}`).toBeGreaterThan(0);
    expect(codes).toContain('BC_BAD_PARAM');
    const text = await (await fetch(`${srv.http}/metrics`)).text();
    expect(text).not.toMatch(/^boardcast_handler_errors_total\{[^}]*\} [1-9]/m);
  }, 120_000);
});
