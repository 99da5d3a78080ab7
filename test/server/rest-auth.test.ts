// Every door behind the same lock (issue 12): with WS_AUTH_TOKEN and WS_JWT_SECRET set, the
// REST routes that carry market data ask for the same token or JWT as /ws, a JWT's channels
// claim limits /api/snapshot as it limits /ws, /healthz and /readyz stay open and say only
// status and reasons; CORS for the REST routes; /metrics on its own listener.
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { TestClient } from '../helpers/ws-client.js';

const TOKEN = `tok-${randomBytes(12).toString('hex')}`;
const SECRET = `jwt-secret-${randomBytes(24).toString('hex')}`;
const sign = (claims: Record<string, unknown>, secret = SECRET) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setExpirationTime('1h').sign(new TextEncoder().encode(secret));

const MARKET_ROUTES = ['/api/snapshot', '/api/vn30', '/api/history/basis', '/api/history/FPT/ticks', '/api/history/VN30/candles?interval=1m', '/api/history/index/VN30'];

describe('REST routes under WS_AUTH_TOKEN + WS_JWT_SECRET', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ WS_AUTH_TOKEN: TOKEN, WS_JWT_SECRET: SECRET });
  });
  afterAll(async () => {
    await srv?.stop();
    expect(srv.logs.map((l) => JSON.stringify(l)).join('\n')).not.toContain(TOKEN);
  });

  it('without a token, or with a wrong one: 401 JSON with WWW-Authenticate, on every market-data route (GET and HEAD)', async () => {
    const bad = await sign({}, `other-${SECRET}`);
    for (const path of MARKET_ROUTES) {
      const none = await fetch(`${srv.http}${path}`);
      expect(none.status, path).toBe(401);
      expect(none.headers.get('www-authenticate')).toBe('Bearer');
      expect(await none.json()).toMatchObject({ error: 'BC_AUTH_MISSING' });
      const wrong = await fetch(`${srv.http}${path}`, { headers: { authorization: `Bearer ${bad}` } });
      expect(wrong.status, path).toBe(401);
      expect(await wrong.json()).toMatchObject({ error: 'BC_AUTH_INVALID' });
      expect((await fetch(`${srv.http}${path}`, { method: 'HEAD' })).status, path).toBe(401);
    }
  });

  it('with the static token or a JWT, in the header or ?token=: 200', async () => {
    const jwt = await sign({ sub: 'terminal-1' });
    for (const path of MARKET_ROUTES) {
      const sep = path.includes('?') ? '&' : '?';
      expect((await fetch(`${srv.http}${path}`, { headers: { authorization: `Bearer ${TOKEN}` } })).status, path).toBe(200);
      expect((await fetch(`${srv.http}${path}`, { headers: { authorization: `Bearer ${jwt}` } })).status, path).toBe(200);
      // The token parameter is a credential, not one of the route's parameters (history routes refuse unknown ones).
      expect((await fetch(`${srv.http}${path}${sep}token=${encodeURIComponent(jwt)}`)).status, path).toBe(200);
    }
  });

  it('a JWT with channels ["board"] gets only the board from /api/snapshot, as it would on /ws', async () => {
    const jwt = await sign({ channels: ['board'] });
    const all = (await (await fetch(`${srv.http}/api/snapshot`, { headers: { authorization: `Bearer ${TOKEN}` } })).json()) as { snapshot: Record<string, unknown> };
    expect(Object.keys(all.snapshot)).toEqual(expect.arrayContaining(['symbols', 'indices', 'foreign']));
    const r = await fetch(`${srv.http}/api/snapshot`, { headers: { authorization: `Bearer ${jwt}` } });
    const restricted = (await r.json()) as { snapshot: Record<string, unknown> };
    expect(restricted.snapshot['symbols']).toHaveLength(30);
    for (const hidden of ['indices', 'foreign', 'derivatives']) expect(restricted.snapshot[hidden]).toBeUndefined();
    expect(r.headers.get('etag')).toMatch(/;board"$/); // a different representation, a different tag
    // The same token on /ws: the board only.
    const c = await TestClient.open(`${srv.ws('format=json')}&token=${encodeURIComponent(jwt)}`);
    try {
      const first = JSON.parse((await c.nth(1)).data.toString()) as { snapshot: Record<string, unknown> };
      expect(Object.keys(first.snapshot).filter((k) => ['symbols', 'indices', 'foreign', 'derivatives'].includes(k))).toEqual(['symbols']);
    } finally {
      c.close();
    }
  });

  it('/healthz and /readyz stay open and say status and reasons only; the WebSocket still asks for a token', async () => {
    const h = await fetch(`${srv.http}/healthz`);
    expect(h.status).toBe(200);
    expect(await h.json()).toEqual({ status: 'ok' });
    const r = await fetch(`${srv.http}/readyz`);
    expect(r.status).toBe(200);
    expect(await r.json()).toEqual({ status: 'ready', reasons: [] });
    await expect(TestClient.open(srv.ws())).rejects.toThrow(/401/);
  });
});

describe('CORS_ORIGINS', () => {
  let srv: TestServer;
  let off: TestServer;
  beforeAll(async () => {
    [srv, off] = await Promise.all([startTestServer({ CORS_ORIGINS: 'https://board.example, https://other.example', WS_AUTH_TOKEN: TOKEN }), startTestServer()]);
  });
  afterAll(async () => {
    await Promise.all([srv?.stop(), off?.stop()]);
  });

  const preflight = (base: string, origin: string, path = '/api/snapshot') =>
    fetch(`${base}${path}`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'GET', 'access-control-request-headers': 'authorization' } });

  it('answers the preflight of a listed origin (no token needed) and names it on the answer; nothing for others', async () => {
    for (const path of ['/api/snapshot', '/api/vn30', '/api/history/basis']) {
      const p = await preflight(srv.http, 'https://board.example', path);
      expect(p.status, path).toBe(204);
      expect(p.headers.get('access-control-allow-origin')).toBe('https://board.example');
      expect(p.headers.get('access-control-allow-methods')).toBe('GET, HEAD, OPTIONS');
      expect(p.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('authorization');
      expect(p.headers.get('access-control-allow-credentials')).toBeNull();
      expect(p.headers.get('vary')).toContain('Origin');
    }
    const get = await fetch(`${srv.http}/api/snapshot`, { headers: { origin: 'https://board.example', authorization: `Bearer ${TOKEN}` } });
    expect(get.status).toBe(200);
    expect(get.headers.get('access-control-allow-origin')).toBe('https://board.example');
    expect(get.headers.get('access-control-expose-headers')).toBe('ETag');
    expect(get.headers.get('vary')).toContain('Origin');
    const refused = await fetch(`${srv.http}/api/snapshot`, { headers: { origin: 'https://evil.example' } });
    expect(refused.status).toBe(401); // and no CORS header: the browser does not let the page read it
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
    const evil = await preflight(srv.http, 'https://evil.example');
    expect(evil.headers.get('access-control-allow-origin')).toBeNull();
    // Not a REST route: no CORS.
    expect((await preflight(srv.http, 'https://board.example', '/metrics')).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('is off by default', async () => {
    const p = await preflight(off.http, 'https://board.example');
    expect(p.status).toBe(204);
    expect(p.headers.get('access-control-allow-origin')).toBeNull();
    expect((await fetch(`${off.http}/api/vn30`, { headers: { origin: 'https://board.example' } })).headers.get('access-control-allow-origin')).toBeNull();
  });

  it('"*" lets any origin read', async () => {
    const any = await startTestServer({ CORS_ORIGINS: '*' });
    try {
      const r = await fetch(`${any.http}/api/vn30`, { headers: { origin: 'https://whoever.example' } });
      expect(r.headers.get('access-control-allow-origin')).toBe('*');
      expect((await preflight(any.http, 'https://whoever.example')).headers.get('access-control-allow-origin')).toBe('*');
    } finally {
      await any.stop();
    }
  });
});

describe('METRICS_PORT', () => {
  it('serves /metrics on its own listener and not on the public port', async () => {
    const srv = await startTestServer({ METRICS_PORT: '0' });
    try {
      expect(srv.handle.metricsPort).toBeGreaterThan(0);
      expect(srv.handle.metricsPort).not.toBe(srv.port);
      const pub = await fetch(`${srv.http}/metrics`);
      expect(pub.status).toBe(404);
      const m = await fetch(`http://127.0.0.1:${srv.handle.metricsPort}/metrics`);
      expect(m.status).toBe(200);
      expect(await m.text()).toContain('boardcast_frames_produced_total');
      expect((await fetch(`http://127.0.0.1:${srv.handle.metricsPort}/api/snapshot`)).status).toBe(404);
      expect((await fetch(`${srv.http}/api/vn30`)).status).toBe(200);
    } finally {
      await srv.stop();
    }
  });
});
