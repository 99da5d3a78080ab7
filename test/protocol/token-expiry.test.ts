// Tokens expire on open sockets (issue 11 item 3), against the real server: a socket
// admitted with a short-lived JWT is closed with 1008 "token expired" when it runs out (at
// `exp` plus the clock tolerance the upgrade allowed), while a socket with a longer token
// carries on; WS_JWT_REQUIRE_EXP refuses JWTs without `exp` at the upgrade.
import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { AUTH_CLOCK_TOLERANCE_S } from '../../src/server/auth.js';
import { TestClient } from '../helpers/ws-client.js';
import { metric, startTestServer, type TestServer } from '../helpers/server.js';
import { expectRefused } from '../helpers/protocol.js';

const SECRET = `jwt-secret-${randomBytes(24).toString('hex')}`;

const sign = (exp?: number) => {
  const jwt = new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setIssuedAt().setSubject('terminal-9');
  if (exp !== undefined) jwt.setExpirationTime(exp);
  return jwt.sign(new TextEncoder().encode(SECRET));
};

describe('a JWT expiring on an open socket', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ WS_JWT_SECRET: SECRET });
  });
  afterAll(() => srv?.stop());

  it('is closed with 1008 "token expired" when its token runs out; a longer-lived one carries on', async () => {
    const exp = Math.floor(Date.now() / 1000) + 2;
    const short = await TestClient.open(srv.ws(), { authorization: `Bearer ${await sign(exp)}` });
    const long = await TestClient.open(srv.ws(), { authorization: `Bearer ${await sign(Math.floor(Date.now() / 1000) + 3600)}` });
    try {
      await short.nth(2); // admitted, receiving frames
      const closed = await short.waitClose((2 + AUTH_CLOCK_TOLERANCE_S + 10) * 1000);
      expect(closed).toEqual({ code: 1008, reason: 'token expired' });
      // Never cut before the token's own end.
      expect(Date.now()).toBeGreaterThanOrEqual(exp * 1000);
      expect(await metric(srv.http, 'boardcast_token_expired_closes_total')).toBe(1);
      const n = long.messages.length;
      await long.nth(n + 3);
      expect(long.closed).toBeUndefined();
      // The expired token is refused at the upgrade too.
      const again = await expectRefused(srv.ws(), { authorization: `Bearer ${await sign(exp)}` });
      expect(again.status).toBe(401);
      expect(again.body.error).toBe('BC_AUTH_EXPIRED');
    } finally {
      short.close();
      long.close();
    }
  });
});

describe('WS_JWT_REQUIRE_EXP', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ WS_JWT_SECRET: SECRET, WS_JWT_REQUIRE_EXP: 'true' });
  });
  afterAll(() => srv?.stop());

  it('refuses a JWT without exp with 401 BC_AUTH_INVALID naming the claim; one with exp is admitted', async () => {
    const r = await expectRefused(srv.ws(), { authorization: `Bearer ${await sign()}` });
    expect(r.status).toBe(401);
    expect(r.body.error).toBe('BC_AUTH_INVALID');
    expect(String(r.body.message)).toContain('"exp"');
    const c = await TestClient.open(srv.ws(), { authorization: `Bearer ${await sign(Math.floor(Date.now() / 1000) + 3600)}` });
    await c.nth(1);
    c.close();
  });

  it('without WS_JWT_SECRET it is a configuration error', () => {
    expect(() => loadConfig({ WS_JWT_REQUIRE_EXP: 'true' })).toThrow(/WS_JWT_REQUIRE_EXP/);
  });
});
