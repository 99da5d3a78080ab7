// Admission against the real server: static token, HS256 JWTs (with a channels claim) and
// per-address / global connection limits. A refused client gets an HTTP status and a JSON
// body before any WebSocket exists; an admitted one gets frames. Secrets never reach a log.
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type WebSocket from 'ws';
import { decode, TestClient } from '../helpers/ws-client.js';
import { metric, startTestServer, type TestServer } from '../helpers/server.js';
import { boardFrames, errorFrames, expectRefused, openFrom, pollUntil, sendMsg, snap } from '../helpers/protocol.js';

const TOKEN = `tok-${randomBytes(12).toString('hex')}`;
const SECRET = `jwt-secret-${randomBytes(24).toString('hex')}`; // 59 bytes
const OTHER_SECRET = `other-secret-${randomBytes(24).toString('hex')}`;

const sign = async (claims: Record<string, unknown>, opts: { secret?: string; exp?: number | string } = {}) => {
  const jwt = new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setSubject('terminal-7');
  jwt.setExpirationTime(opts.exp ?? '1h');
  return jwt.sign(new TextEncoder().encode(opts.secret ?? SECRET));
};

/** Every log line the server wrote, as text; no secret may appear in it. */
const logText = (s: TestServer) => s.logs.map((l) => JSON.stringify(l)).join('\n');

/** Opens a client and waits for its first board frame. */
async function framesFor(url: string, headers?: Record<string, string>) {
  const c = await TestClient.open(url, headers);
  await c.nth(2);
  return c;
}

describe('static token (WS_AUTH_TOKEN)', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ WS_AUTH_TOKEN: TOKEN });
  });
  afterAll(async () => {
    await srv?.stop();
    expect(logText(srv)).not.toContain(TOKEN);
  });

  it('no token → 401 BC_AUTH_MISSING with WWW-Authenticate: Bearer, before any WebSocket', async () => {
    const r = await expectRefused(srv.ws());
    expect(r.status).toBe(401);
    expect(r.body.error).toBe('BC_AUTH_MISSING');
    expect(r.headers['www-authenticate']).toBe('Bearer');
    // The refusal is logged (at debug), so the "no secret in the logs" checks have lines to look at.
    await pollUntil(() => srv.logs.some((l) => l.msg === 'websocket upgrade refused' && l.code === 'BC_AUTH_MISSING'), 2000, 'the refusal log line');
  });

  it.each([
    ['a wrong header token', { authorization: 'Bearer not-the-token' }, ''],
    ['a wrong query token', undefined, 'token=not-the-token'],
    ['the right token in the wrong scheme', { authorization: `Basic ${TOKEN}` }, ''],
    ['the token with a suffix', { authorization: `Bearer ${TOKEN}x` }, ''],
  ])('%s → 401', async (_what, headers, query) => {
    const r = await expectRefused(srv.ws(query), headers);
    expect(r.status).toBe(401);
    expect(['BC_AUTH_INVALID', 'BC_AUTH_MISSING']).toContain(r.body.error);
    expect(JSON.stringify(r.body)).not.toContain(TOKEN);
  });

  it('the right token in the Authorization header or in ?token= → frames', async () => {
    const a = await framesFor(srv.ws('format=json'), { authorization: `Bearer ${TOKEN}` });
    const b = await framesFor(srv.ws(`format=proto&token=${encodeURIComponent(TOKEN)}`));
    try {
      expect(decode(a.messages[0]!).kind).toBe('FULL');
      expect(decode(b.messages[0]!).kind).toBe('FULL');
      expect(a.closed).toBeUndefined();
      expect(b.closed).toBeUndefined();
      expect(await metric(srv.http, 'boardcast_rejected_upgrades_total', { code: 'BC_AUTH_INVALID' })).toBeGreaterThanOrEqual(1);
    } finally {
      a.close();
      b.close();
    }
    expect(logText(srv)).not.toContain(TOKEN);
  });
});

describe('JWT (WS_JWT_SECRET)', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ WS_JWT_SECRET: SECRET });
  });
  afterAll(async () => {
    await srv?.stop();
    const text = logText(srv);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain('eyJ'); // no JWT (header.payload.signature) either
  });

  it('an expired JWT → 401 BC_AUTH_EXPIRED; one signed with another secret, or unsigned (alg none) → 401 BC_AUTH_INVALID', async () => {
    const expired = await sign({}, { exp: Math.floor(Date.now() / 1000) - 120 });
    const r1 = await expectRefused(srv.ws(), { authorization: `Bearer ${expired}` });
    expect([r1.status, r1.body.error]).toEqual([401, 'BC_AUTH_EXPIRED']);
    const forged = await sign({}, { secret: OTHER_SECRET });
    const r2 = await expectRefused(srv.ws(`token=${forged}`));
    expect([r2.status, r2.body.error]).toEqual([401, 'BC_AUTH_INVALID']);
    const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
    const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub: 'x', exp: Math.floor(Date.now() / 1000) + 3600 })}.`;
    const r3 = await expectRefused(srv.ws(), { authorization: `Bearer ${none}` });
    expect([r3.status, r3.body.error]).toEqual([401, 'BC_AUTH_INVALID']);
    const r4 = await expectRefused(srv.ws());
    expect([r4.status, r4.body.error]).toEqual([401, 'BC_AUTH_MISSING']);
  });

  it('a good JWT (header or ?token=) → frames of the whole board', async () => {
    const jwt = await sign({});
    const a = await framesFor(srv.ws('format=json'), { authorization: `Bearer ${jwt}` });
    const b = await framesFor(srv.ws(`token=${jwt}`));
    try {
      for (const c of [a, b]) {
        const f = boardFrames(c)[0]!;
        expect(f.kind).toBe('FULL');
        expect(snap(f).symbols).toHaveLength(30);
        expect(snap(f).indices!.length).toBeGreaterThanOrEqual(2);
      }
    } finally {
      a.close();
      b.close();
    }
  });

  it('a JWT whose channels claim is ["indices"]: channels=board → 403; no channels → indices only; subscribing to board → BC_CHANNEL_FORBIDDEN, socket open', async () => {
    const jwt = await sign({ channels: ['indices'] });
    for (const q of ['channels=board', 'channels=indices,board', 'channels=foreign']) {
      const r = await expectRefused(srv.ws(q), { authorization: `Bearer ${jwt}` });
      expect([q, r.status, r.body.error]).toEqual([q, 403, 'BC_CHANNEL_FORBIDDEN']);
    }
    // An unknown channel is still a 400, whatever the claim.
    const r = await expectRefused(srv.ws('channels=weather'), { authorization: `Bearer ${jwt}` });
    expect([r.status, r.body.error]).toEqual([400, 'BC_UNKNOWN_CHANNEL']);

    const c = await framesFor(srv.ws('format=json'), { authorization: `Bearer ${jwt}` });
    try {
      sendMsg(c, false, { subscribe: { channels: ['board'] } });
      await c.until(() => errorFrames(c).length > 0, 3000, 'an error frame');
      expect(errorFrames(c).map((e) => e.code)).toEqual(['BC_CHANNEL_FORBIDDEN']);
      const n = c.messages.length;
      await c.nth(n + 3);
      expect(c.closed).toBeUndefined();
      for (const f of boardFrames(c)) {
        expect(snap(f).symbols ?? []).toEqual([]);
        expect(snap(f).foreign ?? null).toBeNull();
        expect(snap(f).derivatives ?? null).toBeNull();
        if (f.kind === 'FULL') expect(snap(f).indices!.map((i) => i.id)).toEqual(expect.arrayContaining(['VN30', 'VNINDEX']));
      }
    } finally {
      c.close();
    }
  });
});

describe('connection limits (WS_MAX_CONNECTIONS_PER_IP=2, WS_MAX_CONNECTIONS=4)', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ WS_MAX_CONNECTIONS_PER_IP: '2', WS_MAX_CONNECTIONS: '4' });
  });
  afterAll(async () => {
    await srv?.stop();
  });

  const terminated = (ws: WebSocket) => new Promise<void>((resolve) => (ws.readyState === ws.CLOSED ? resolve() : (ws.once('close', () => resolve()), ws.terminate())));

  it('a third connection from one address → 429; after one closes a new one is admitted; other addresses are counted apart, up to the global 503', async () => {
    const url = srv.ws();
    const a1 = await openFrom(url, '127.0.0.1');
    const a2 = await openFrom(url, '127.0.0.1');
    const held: WebSocket[] = [a1, a2];
    try {
      const r = await expectRefused(url, undefined, { localAddress: '127.0.0.1' });
      expect([r.status, r.body.error]).toEqual([429, 'BC_TOO_MANY_FOR_IP']);
      // A refused upgrade holds no slot: still 429, not a leak that grows.
      const again = await expectRefused(url, undefined, { localAddress: '127.0.0.1' });
      expect(again.status).toBe(429);

      // Another address has its own two slots.
      held.push(await openFrom(url, '127.0.0.2'));
      held.push(await openFrom(url, '127.0.0.2'));
      // Four in all: the server is full for a third address too.
      const full = await expectRefused(url, undefined, { localAddress: '127.0.0.3' });
      expect([full.status, full.body.error]).toEqual([503, 'BC_SERVER_FULL']);

      // Closing one of 127.0.0.1's sockets gives its slot back (once the server saw the close).
      await terminated(a1);
      held.splice(held.indexOf(a1), 1);
      const replacement = await pollUntil(() => openFrom(url, '127.0.0.1').catch(() => undefined), 3000, 'a new connection after a close', 50);
      held.push(replacement);
      // Full again (the global limit is checked first).
      const r2 = await expectRefused(url, undefined, { localAddress: '127.0.0.1' });
      expect([r2.status, r2.body.error]).toEqual([503, 'BC_SERVER_FULL']);
      expect(await metric(srv.http, 'boardcast_rejected_upgrades_total', { code: 'BC_TOO_MANY_FOR_IP' })).toBe(2);
      expect(await metric(srv.http, 'boardcast_rejected_upgrades_total', { code: 'BC_SERVER_FULL' })).toBe(2);
      expect(await metric(srv.http, 'boardcast_clients')).toBe(4);
    } finally {
      await Promise.all(held.map(terminated));
    }
    // Every slot comes back: two new sockets from one address are admitted again.
    await pollUntil(async () => (await metric(srv.http, 'boardcast_clients')) === 0, 3000, 'no clients');
    const b1 = await openFrom(url, '127.0.0.1');
    const b2 = await openFrom(url, '127.0.0.1');
    await Promise.all([terminated(b1), terminated(b2)]);
  });
});
