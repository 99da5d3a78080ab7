// Integration: a minimal uWS app on a loopback port whose /ws upgrade runs the real
// admission (upgradeAsync + authenticator + connection limiter + message rate limit),
// exercised with real `ws` clients and a raw TCP socket for the aborted-upgrade case.
import { connect } from 'node:net';
import type { us_listen_socket, WebSocket as UwsSocket } from 'uWebSockets.js';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { createLogger } from '../../src/log.js';
import { createAuthenticator } from '../../src/server/auth.js';
import { ConnectionLimiter } from '../../src/server/conn-limits.js';
import { MessageRateLimiter } from '../../src/server/rate-limit.js';
import { admitClient, upgradeAsync, type UpgradeInfo } from '../../src/server/upgrade.js';
import { loadUws, type Uws } from '../../src/server/uws.js';
import { until } from '../helpers/until.js';

const TOKEN = 'integration-token-0123456789';

interface Data {
  ip: string;
  release: () => void;
  rate: MessageRateLimiter;
  subject?: string;
}

let uws: Uws;
let listenSocket: us_listen_socket | undefined;
let port = 0;
const limiter = new ConnectionLimiter({ perIp: 2, global: 0 });
const authenticator = createAuthenticator({ token: TOKEN });
const errors: unknown[] = [];
let opened = 0;
const open = new Set<UwsSocket<Data>>();

/** Test hook: when set, the decision waits on it after reserving a slot (simulates a slow auth backend). */
let hold: { entered: (info: UpgradeInfo) => void; gate: Promise<void> } | undefined;

beforeAll(async () => {
  ({ uws } = loadUws(false, createLogger('silent')));
  const app = uws.App();
  app.ws<Data>('/ws', {
    idleTimeout: 30,
    upgrade: (res, req, context) =>
      upgradeAsync<Data>(
        res,
        req,
        context,
        async (info) => {
          if (info.query.has('boom')) throw new Error('decision failed');
          const admitted = await admitClient(info, { authenticator, limiter });
          if (!admitted.ok) return admitted;
          if (hold) {
            hold.entered(info);
            await hold.gate;
          }
          return {
            ok: true,
            userData: { ip: info.ip, release: admitted.release, rate: new MessageRateLimiter(5, 5), ...(admitted.auth.subject ? { subject: admitted.auth.subject } : {}) },
            onAbandoned: admitted.release,
          };
        },
        { onError: (err) => errors.push(err) },
      ),
    open: (ws) => {
      opened++;
      open.add(ws);
    },
    message: (ws, data) => {
      if (!ws.getUserData().rate.allow(performance.now())) {
        ws.end(1008, 'BC_RATE_LIMITED');
        return;
      }
      ws.send(data, true);
    },
    close: (ws) => {
      open.delete(ws);
      ws.getUserData().release();
    },
  });
  port = await new Promise<number>((resolve, reject) =>
    app.listen('127.0.0.1', 0, (ls) => {
      if (!ls) return reject(new Error('cannot listen'));
      listenSocket = ls;
      resolve(uws.us_socket_local_port(ls as never));
    }),
  );
});

afterAll(() => {
  for (const ws of [...open]) ws.close();
  if (listenSocket) uws.us_listen_socket_close(listenSocket);
});

const clients: WebSocket[] = [];
afterEach(async () => {
  hold = undefined;
  for (const c of clients.splice(0)) c.terminate();
  await until('all slots released after the test', () => limiter.total === 0, 3000);
  expect(errors).toEqual([]);
});

type Outcome = { open: WebSocket } | { status: number; body: Record<string, unknown>; headers: Record<string, string | string[] | undefined> };

/** Opens a `ws` client; resolves with the open socket or with the HTTP refusal it got instead. */
function attempt(query = '', headers: Record<string, string> = {}): Promise<Outcome> {
  const ws = new WebSocket(`ws://127.0.0.1:${port}/ws${query ? `?${query}` : ''}`, { headers, perMessageDeflate: false });
  clients.push(ws);
  return new Promise((resolve, reject) => {
    ws.once('open', () => resolve({ open: ws }));
    ws.once('error', reject);
    ws.once('unexpected-response', (_req, res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString() || '{}') as Record<string, unknown>, headers: res.headers }));
    });
  });
}

async function openOk(query = `token=${TOKEN}`, headers: Record<string, string> = {}): Promise<WebSocket> {
  const r = await attempt(query, headers);
  if (!('open' in r)) throw new Error(`expected open, got HTTP ${r.status} ${JSON.stringify(r.body)}`);
  return r.open;
}

describe('upgradeAsync + admission', () => {
  it('no token → HTTP 401 BC_AUTH_MISSING before any WebSocket exists', async () => {
    const before = opened;
    const r = await attempt();
    expect(r).toMatchObject({ status: 401, body: { error: 'BC_AUTH_MISSING' } });
    if ('headers' in r) expect(r.headers['www-authenticate']).toBe('Bearer');
    expect(opened).toBe(before);
  });

  it('wrong token → 401 BC_AUTH_INVALID, and the token is not echoed', async () => {
    const r = await attempt('token=not-the-token-xyz');
    expect(r).toMatchObject({ status: 401, body: { error: 'BC_AUTH_INVALID' } });
    expect(JSON.stringify(r)).not.toContain('not-the-token-xyz');
  });

  it('good token via query or Authorization header → open', async () => {
    const a = await openOk();
    const b = await openOk('', { Authorization: `Bearer ${TOKEN}` });
    expect(a.readyState).toBe(WebSocket.OPEN);
    expect(b.readyState).toBe(WebSocket.OPEN);
    await until('two slots held', () => limiter.total === 2, 3000);
    const echoed = new Promise<Buffer>((resolve) => a.once('message', (d: Buffer) => resolve(d)));
    a.send(Buffer.from('hi'));
    expect((await echoed).toString()).toBe('hi');
  });

  it('per-IP limit 2: the third gets 429, closing one frees a slot', async () => {
    const a = await openOk();
    await openOk();
    const third = await attempt(`token=${TOKEN}`);
    expect(third).toMatchObject({ status: 429, body: { error: 'BC_TOO_MANY_FOR_IP' } });
    // refused, even before auth: an unauthenticated client also gets 429 and takes no slot
    expect(await attempt()).toMatchObject({ status: 429 });
    expect(limiter.total).toBe(2);

    const closedP = new Promise((r) => a.once('close', r));
    a.close(1000);
    await closedP;
    await until('the closed socket released its slot', () => limiter.total === 1, 3000);
    await openOk();
    expect(limiter.total).toBe(2);
  });

  it('a failed authentication does not hold a slot', async () => {
    for (let i = 0; i < 5; i++) expect(await attempt('token=bad')).toMatchObject({ status: 401 });
    expect(limiter.total).toBe(0);
    await openOk();
    await openOk();
  });

  it('an upgrade aborted while the decision is pending releases its reservation and breaks nothing', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: (info: UpgradeInfo) => void;
    const enteredP = new Promise<UpgradeInfo>((r) => (entered = r));
    hold = { entered, gate };
    const openedBefore = opened;

    const sock = connect(port, '127.0.0.1');
    await new Promise<void>((r) => sock.once('connect', () => r()));
    sock.on('error', () => {});
    sock.write(
      [
        `GET /ws?token=${TOKEN} HTTP/1.1`,
        `Host: 127.0.0.1:${port}`,
        'Upgrade: websocket',
        'Connection: Upgrade',
        'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
        'Sec-WebSocket-Version: 13',
        '',
        '',
      ].join('\r\n'),
    );
    const info = await enteredP;
    expect(limiter.total).toBe(1); // reserved while pending
    expect(info.signal.aborted).toBe(false);

    sock.destroy();
    await until('onAborted to fire', () => info.signal.aborted, 3000);
    release(); // the decision now says "ok" to a client that is gone
    await until('the abandoned reservation to be released', () => limiter.total === 0, 3000);
    expect(opened).toBe(openedBefore);

    // the server is fine: new clients still connect
    hold = undefined;
    const ws = await openOk();
    expect(ws.readyState).toBe(WebSocket.OPEN);
  });

  it('a ws client terminated mid-handshake: the late decision is dropped, no crash, slot released', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => (release = r));
    let entered!: (info: UpgradeInfo) => void;
    const enteredP = new Promise<UpgradeInfo>((r) => (entered = r));
    hold = { entered, gate };
    const c = attempt(`token=${TOKEN}`).catch((e: Error) => e);
    const info = await enteredP;
    clients.at(-1)!.terminate();
    await until('onAborted to fire', () => info.signal.aborted, 3000);
    release();
    expect(await c).toBeInstanceOf(Error);
    await until('released', () => limiter.total === 0, 3000);
  });

  it('a decision that throws → 500 BC_INTERNAL (no detail leaked), reported to onError', async () => {
    const r = await attempt('boom=1');
    expect(r).toMatchObject({ status: 500, body: { error: 'BC_INTERNAL', message: 'upgrade failed' } });
    expect(errors.splice(0).map((e) => (e as Error).message)).toEqual(['decision failed']);
  });

  it('a client over the message rate is closed with 1008', async () => {
    const ws = await openOk();
    const closedP = new Promise<number>((r) => ws.once('close', (code: number) => r(code)));
    for (let i = 0; i < 50; i++) ws.send('x');
    expect(await closedP).toBe(1008);
    await until('the rate-limited socket released its slot', () => limiter.total === 0, 3000);
  });
});
