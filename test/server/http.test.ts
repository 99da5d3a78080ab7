// The HTTP doors of a real server (uWS on a free loopback port, the real market worker):
// hostile URLs, methods, header limits, the WebSocket handshake, idle connections, the
// guard around handlers, and /api/snapshot from the main thread's latest frame.
import { connect } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { metric, startTestServer, type TestServer } from '../helpers/server.js';
import { rawRequest, req } from '../helpers/raw-http.js';
import { TestClient } from '../helpers/ws-client.js';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({ BROADCAST_INTERVAL_MS: '100', HTTP_MAX_HEADER_BYTES: '16384' });
});
afterAll(async () => {
  await srv?.stop();
});

const handlerErrors = async (handler: string) => {
  try {
    return await metric(srv.http, 'boardcast_handler_errors_total', { handler });
  } catch {
    return 0; // no error counted yet under this label
  }
};

const WS_KEY = 'dGhlIHNhbXBsZSBub25jZQ==';
const upgrade = (extra: Record<string, string>, target = '/ws') => req('GET', target, { Upgrade: 'websocket', Connection: 'Upgrade', ...extra });

describe('malformed percent-encoding', () => {
  it('GET /api/history/index/%E0%A4%A is a 400 naming the path; the process stays up', async () => {
    const res = await fetch(`${srv.http}/api/history/index/%E0%A4%A`);
    expect(res.status).toBe(400);
    expect(await res.json()).toMatchObject({ error: 'BC_BAD_PARAM', param: 'path' });
    expect((await fetch(`${srv.http}/healthz`)).status).toBe(200);
    expect(await handlerErrors('api.history')).toBe(0); // refused before the handler, not caught after a crash
  });

  it('in a query value or name: 400 naming that parameter, on every route', async () => {
    for (const path of ['/api/history/basis', '/api/snapshot', '/api/vn30', '/healthz', '/readyz', '/metrics', '/', '/no/such/route']) {
      const v = await fetch(`${srv.http}${path}?from=%E0%A4%A`);
      expect(v.status, path).toBe(400);
      expect(await v.json()).toMatchObject({ error: 'BC_BAD_PARAM', param: 'from' });
      const k = await fetch(`${srv.http}${path}?%zz=1`);
      expect(k.status, path).toBe(400);
      expect(await k.json()).toMatchObject({ param: '%zz' });
    }
  });

  it('on the WebSocket upgrade: 400 naming the parameter, no socket', async () => {
    const r = await rawRequest(srv.port, upgrade({ 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': WS_KEY }, '/ws?symbols=%E0%A4'));
    expect(r.status).toBe(400);
    expect(JSON.parse(r.body)).toMatchObject({ error: 'BC_BAD_PARAM', param: 'symbols' });
  });
});

describe('methods', () => {
  const getRoutes = ['/healthz', '/readyz', '/metrics', '/api/snapshot', '/api/vn30', '/api/history/basis', '/api/history/FPT/ticks', '/', '/no/such/route'];

  it('HEAD answers every GET route with its status and headers and no body', async () => {
    for (const path of getRoutes) {
      const get = await fetch(`${srv.http}${path}`);
      const getBody = Buffer.from(await get.arrayBuffer());
      const head = await fetch(`${srv.http}${path}`, { method: 'HEAD' });
      expect(head.status, path).toBe(get.status);
      expect(head.headers.get('content-type'), path).toBe(get.headers.get('content-type'));
      expect(await head.text(), path).toBe('');
      // Fixed bodies: the HEAD's Content-Length is the GET's length.
      if (['/healthz', '/api/vn30', '/no/such/route'].includes(path)) expect(Number(head.headers.get('content-length')), path).toBe(getBody.byteLength);
      else expect(Number(head.headers.get('content-length')), path).toBeGreaterThan(0);
    }
  });

  it('other methods on known paths: 405 with Allow; OPTIONS: 204 with Allow; unknown paths: 404 whatever the method', async () => {
    for (const path of getRoutes.filter((p) => p !== '/no/such/route')) {
      for (const method of ['POST', 'PUT', 'DELETE', 'PATCH']) {
        const r = await fetch(`${srv.http}${path}`, { method, body: method === 'DELETE' ? undefined : 'x' });
        expect(r.status, `${method} ${path}`).toBe(405);
        expect(r.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
        expect(await r.json()).toMatchObject({ error: 'BC_METHOD_NOT_ALLOWED' });
      }
      const o = await fetch(`${srv.http}${path}`, { method: 'OPTIONS' });
      expect(o.status, `OPTIONS ${path}`).toBe(204);
      expect(o.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
    }
    for (const method of ['GET', 'POST', 'DELETE', 'OPTIONS', 'TRACE', 'CONNECT']) {
      const r = await rawRequest(srv.port, req(method, '/no/such/route', { 'Content-Length': '0' }));
      expect(r.status, method).toBe(404);
      expect(JSON.parse(r.body)).toMatchObject({ error: 'BC_NOT_FOUND' });
    }
  });
});

describe('request header limit (HTTP_MAX_HEADER_BYTES=16384)', () => {
  it('answers 8 KiB of headers; 431 above the limit, and closes the connection', async () => {
    const ok = await rawRequest(srv.port, req('GET', '/healthz', { 'X-Pad': 'a'.repeat(8 * 1024) }));
    expect(ok.status).toBe(200);
    const big = await rawRequest(srv.port, req('GET', '/healthz', { 'X-Pad': 'a'.repeat(20 * 1024) }), { waitClose: true });
    expect(big.status).toBe(431);
    expect(JSON.parse(big.body)).toMatchObject({ error: 'BC_HEADERS_TOO_LARGE' });
    expect(big.headers['connection']).toBe('close');
    expect(big.closed).toBe(true);
    const many = await rawRequest(srv.port, req('GET', '/api/vn30', Object.fromEntries(Array.from({ length: 40 }, (_, i) => [`X-H${i}`, 'b'.repeat(500)]))));
    expect(many.status).toBe(431);
    const ws = await rawRequest(srv.port, upgrade({ 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': WS_KEY, 'X-Pad': 'a'.repeat(20 * 1024) }));
    expect(ws.status).toBe(431);
  });
});

describe('WebSocket handshake', () => {
  it('426 + Sec-WebSocket-Version: 13 for another version or none; 400 for a missing or malformed key; 426 for plain GET /ws; 405 for POST', async () => {
    const v99 = await rawRequest(srv.port, upgrade({ 'Sec-WebSocket-Version': '99', 'Sec-WebSocket-Key': WS_KEY }));
    expect(v99.status).toBe(426);
    expect(v99.headers['sec-websocket-version']).toBe('13');
    expect(JSON.parse(v99.body)).toMatchObject({ error: 'BC_WS_VERSION' });
    const none = await rawRequest(srv.port, upgrade({ 'Sec-WebSocket-Key': WS_KEY }));
    expect(none.status).toBe(426);
    expect(none.headers['sec-websocket-version']).toBe('13');
    const noKey = await rawRequest(srv.port, upgrade({ 'Sec-WebSocket-Version': '13' }));
    expect(noKey.status).toBe(400);
    expect(JSON.parse(noKey.body)).toMatchObject({ error: 'BC_BAD_HANDSHAKE', message: 'missing Sec-WebSocket-Key' });
    for (const key of ['not-a-nonce', '!!!!!!!!!!!!!!!!!!!!!!==']) {
      const badKey = await rawRequest(srv.port, upgrade({ 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': key }));
      expect(badKey.status, key).toBe(400);
    }
    const plain = await fetch(`${srv.http}/ws`);
    expect(plain.status).toBe(426);
    expect(plain.headers.get('upgrade')).toBe('websocket');
    expect((await fetch(`${srv.http}/ws`, { method: 'POST', body: 'x' })).status).toBe(405);
    const good = await rawRequest(srv.port, upgrade({ 'Sec-WebSocket-Version': '13', 'Sec-WebSocket-Key': WS_KEY }));
    expect(good.status).toBe(101);
    expect(await metric(srv.http, 'boardcast_rejected_upgrades_total', { code: 'BC_WS_VERSION' })).toBe(2);
    // uWS hands only 24-character keys to the upgrade handler; the others are answered as plain HTTP and not counted.
    expect(await metric(srv.http, 'boardcast_rejected_upgrades_total', { code: 'BC_BAD_HANDSHAKE' })).toBe(1);
  });
});

describe('idle and half-open HTTP connections', () => {
  // uWS closes an HTTP connection that has not completed a request 10 s after it opened or
  // after its last answer (its timer ticks every 4 s): README "HTTP routes".
  it('garbage + CRLFCRLF, a TLS ClientHello, an unknown method, a half request, a drip-fed request and a silent socket are all closed within 20 s', async () => {
    const clientHello = Buffer.concat([Buffer.from('16030100a5010000a10303', 'hex'), Buffer.alloc(60, 1), Buffer.from('\r\n\r\n')]);
    // A slowloris: one more header line every 2 s, never the end of the request.
    const drip = new Promise<boolean>((resolve) => {
      const sock = connect(srv.port, '127.0.0.1', () => sock.write('GET /healthz HTTP/1.1\r\nHost: x\r\n'));
      const every = setInterval(() => sock.write('X-Drip: 1\r\n'), 2000);
      const give = setTimeout(() => done(false), 20_000);
      const done = (closed: boolean) => {
        clearInterval(every);
        clearTimeout(give);
        sock.destroy();
        resolve(closed);
      };
      sock.on('error', () => undefined);
      sock.on('close', () => done(true));
    });
    const probes = await Promise.all([
      rawRequest(srv.port, 'hello garbage\r\n\r\n', { timeoutMs: 20_000, waitClose: true }),
      rawRequest(srv.port, clientHello, { timeoutMs: 20_000, waitClose: true }),
      rawRequest(srv.port, req('BREW', '/healthz'), { timeoutMs: 20_000, waitClose: true }), // uWS parses only the standard methods
      rawRequest(srv.port, 'GET /healthz HTTP/1.1\r\nHost: x\r\n', { timeoutMs: 20_000, waitClose: true }),
      rawRequest(srv.port, '', { timeoutMs: 20_000, waitClose: true }),
    ]);
    for (const p of probes) expect(p.closed).toBe(true);
    expect(await drip).toBe(true);
    expect((await fetch(`${srv.http}/healthz`)).status).toBe(200);
  }, 30_000);
});

describe('the guard', () => {
  it('an exception in a worker-message handler is logged and counted; frames keep flowing', async () => {
    const c = await TestClient.open(srv.ws());
    try {
      await c.nth(1);
      srv.handle.supervisor!.emit('message', { type: 'frame', seq: 1, full: null } as never);
      expect(await handlerErrors('worker.message')).toBe(1);
      expect(srv.logs.some((l) => l.level === 'error' && l.handler === 'worker.message')).toBe(true);
      const n = c.messages.length;
      await c.nth(n + 3);
    } finally {
      c.close();
    }
  });

  it('an exception in the socket message handler: an error control frame, the socket stays open', async () => {
    const c = await TestClient.open(srv.ws('format=json'));
    const rejected = srv.handle.metrics.clientMessagesRejected;
    const inc = rejected.inc.bind(rejected);
    try {
      await c.nth(1);
      rejected.inc = () => {
        throw new Error('injected fault');
      };
      c.ws.send('not json');
      const isInternal = (m: { data: Buffer }) => (JSON.parse(m.data.toString()) as { control?: { error?: { code?: string } } }).control?.error?.code === 'BC_INTERNAL';
      await c.until(() => c.messages.some(isInternal), 5000, 'a BC_INTERNAL control frame');
      rejected.inc = inc;
      expect(await handlerErrors('ws.message')).toBe(1);
      const n = c.messages.length;
      await c.nth(n + 2); // still receiving frames
    } finally {
      rejected.inc = inc;
      c.close();
    }
  });

  it('a failing HTTP handler answers 500 BC_INTERNAL and is counted under its route', async () => {
    const registry = srv.handle.metrics.registry;
    const original = registry.metrics.bind(registry);
    registry.metrics = () => Promise.reject(new Error('injected fault'));
    try {
      const r = await fetch(`${srv.http}/metrics`);
      expect(r.status).toBe(500);
      expect(await r.json()).toMatchObject({ error: 'BC_INTERNAL' });
    } finally {
      registry.metrics = original;
    }
    expect(await handlerErrors('metrics')).toBe(1);
    expect(srv.logs.some((l) => l.level === 'error' && l.handler === 'metrics')).toBe(true);
  });
});

describe('/api/snapshot', () => {
  it('is the latest frame with ETag "epoch/seq", 304 on If-None-Match, a new ETag with the next frame', async () => {
    const { epoch } = (await (await fetch(`${srv.http}/readyz`)).json()) as { epoch: string };
    const a = await fetch(`${srv.http}/api/snapshot`);
    expect(a.status).toBe(200);
    const etag = a.headers.get('etag')!;
    const body = (await a.json()) as { seq: string; epoch: string; kind: string; snapshot: { symbols: unknown[] } };
    expect(etag).toBe(`"${epoch}/${body.seq}"`);
    expect(body).toMatchObject({ epoch, kind: 'FULL' });
    expect(body.snapshot.symbols).toHaveLength(30);
    const same = await fetch(`${srv.http}/api/snapshot`, { headers: { 'if-none-match': etag } });
    expect([200, 304]).toContain(same.status); // 304 unless a frame came in between
    let next = etag;
    const end = Date.now() + 10_000;
    while (next === etag && Date.now() < end) {
      const r = await fetch(`${srv.http}/api/snapshot`, { headers: { 'if-none-match': etag } });
      if (r.status === 304) {
        expect(r.headers.get('etag')).toBe(etag);
        expect(await r.text()).toBe('');
      } else next = r.headers.get('etag')!;
    }
    expect(next).not.toBe(etag);
  });

  it('50 concurrent requests are all answered from the main thread (the same few frames)', async () => {
    const answers = await Promise.all(Array.from({ length: 50 }, () => fetch(`${srv.http}/api/snapshot`)));
    expect(answers.map((r) => r.status)).toEqual(Array(50).fill(200));
    const tags = new Set(answers.map((r) => r.headers.get('etag')));
    expect(tags.size).toBeLessThanOrEqual(5);
    await Promise.all(answers.map((r) => r.arrayBuffer()));
  });
});
