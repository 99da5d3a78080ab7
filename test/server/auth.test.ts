import { SignJWT, UnsecuredJWT, base64url } from 'jose';
import { describe, expect, it } from 'vitest';
import { AUTH_CLOCK_TOLERANCE_S, bearerToken, createAuthenticator } from '../../src/server/auth.js';

const SECRET = 'a-test-secret-that-is-at-least-32-bytes-long';
const TOKEN = 'static-token-0123456789';
const NOW = Date.UTC(2025, 0, 2, 3, 4, 5);
const nowS = Math.floor(NOW / 1000);

const sign = (claims: Record<string, unknown>, secret = SECRET) =>
  new SignJWT(claims).setProtectedHeader({ alg: 'HS256', typ: 'JWT' }).sign(new TextEncoder().encode(secret));

describe('createAuthenticator', () => {
  it('admits everyone when nothing is configured', async () => {
    const auth = createAuthenticator({});
    expect(auth.required).toBe(false);
    expect(await auth.authenticate({})).toEqual({ ok: true });
  });

  it('no token → BC_AUTH_MISSING', async () => {
    const auth = createAuthenticator({ token: TOKEN });
    expect(auth.required).toBe(true);
    expect(await auth.authenticate({})).toMatchObject({ ok: false, code: 'BC_AUTH_MISSING' });
    expect(await auth.authenticate({ authorization: '', queryToken: '' })).toMatchObject({ ok: false, code: 'BC_AUTH_MISSING' });
    expect(await auth.authenticate({ authorization: 'Basic dXNlcjpwYXNz', queryToken: null })).toMatchObject({ ok: false, code: 'BC_AUTH_MISSING' });
  });

  it('static token: wrong → invalid, right → ok; header or query', async () => {
    const auth = createAuthenticator({ token: TOKEN });
    const wrong = await auth.authenticate({ authorization: 'Bearer nope' });
    expect(wrong).toMatchObject({ ok: false, code: 'BC_AUTH_INVALID' });
    expect(await auth.authenticate({ queryToken: TOKEN.slice(0, -1) })).toMatchObject({ ok: false, code: 'BC_AUTH_INVALID' });
    expect(await auth.authenticate({ queryToken: TOKEN + 'x' })).toMatchObject({ ok: false, code: 'BC_AUTH_INVALID' });
    expect(await auth.authenticate({ authorization: `Bearer ${TOKEN}` })).toEqual({ ok: true });
    expect(await auth.authenticate({ authorization: `bearer   ${TOKEN} ` })).toEqual({ ok: true });
    expect(await auth.authenticate({ queryToken: TOKEN })).toEqual({ ok: true });
  });

  it('the header wins over the query parameter', async () => {
    const auth = createAuthenticator({ token: TOKEN });
    expect(await auth.authenticate({ authorization: `Bearer ${TOKEN}`, queryToken: 'wrong' })).toEqual({ ok: true });
    expect(await auth.authenticate({ authorization: 'Bearer wrong', queryToken: TOKEN })).toMatchObject({ ok: false, code: 'BC_AUTH_INVALID' });
  });

  it('never puts the token in the message', async () => {
    const auth = createAuthenticator({ token: TOKEN, jwtSecret: SECRET, now: () => NOW });
    const expired = await sign({ sub: 'x', exp: nowS - 3600 });
    for (const t of ['sekrit-value-123', expired, TOKEN.slice(1)]) {
      const r = await auth.authenticate({ authorization: `Bearer ${t}` });
      expect(r.ok).toBe(false);
      expect(JSON.stringify(r)).not.toContain(t);
    }
  });

  it('good JWT → ok with subject and channels claim', async () => {
    const auth = createAuthenticator({ jwtSecret: SECRET, now: () => NOW });
    const jwt = await sign({ sub: 'terminal-7', channels: ['board', 'indices'], exp: nowS + 60 });
    // expiresAt: when an open socket with it is closed (exp + the clock tolerance the upgrade allows).
    const expiresAt = (nowS + 60 + AUTH_CLOCK_TOLERANCE_S) * 1000;
    expect(await auth.authenticate({ authorization: `Bearer ${jwt}` })).toEqual({ ok: true, subject: 'terminal-7', channels: ['board', 'indices'], expiresAt });
    expect(await auth.authenticate({ queryToken: jwt })).toEqual({ ok: true, subject: 'terminal-7', channels: ['board', 'indices'], expiresAt });
    // no channels claim = unrestricted; no exp is accepted (and never expires)
    expect(await auth.authenticate({ queryToken: await sign({ sub: 'a' }) })).toEqual({ ok: true, subject: 'a' });
  });

  it('requireExp (WS_JWT_REQUIRE_EXP): a JWT without exp is invalid, naming the claim; one with exp passes', async () => {
    const auth = createAuthenticator({ jwtSecret: SECRET, now: () => NOW, requireExp: true });
    expect(await auth.authenticate({ queryToken: await sign({ sub: 'a' }) })).toMatchObject({ ok: false, code: 'BC_AUTH_INVALID', message: expect.stringContaining('"exp"') });
    expect(await auth.authenticate({ queryToken: await sign({ sub: 'a', exp: nowS + 60 }) })).toMatchObject({ ok: true });
    expect(await auth.authenticate({ queryToken: await sign({ sub: 'a', exp: nowS - 60 }) })).toMatchObject({ ok: false, code: 'BC_AUTH_EXPIRED' });
  });

  it('a malformed channels claim is invalid', async () => {
    const auth = createAuthenticator({ jwtSecret: SECRET, now: () => NOW });
    for (const channels of ['board', [1, 2], { board: true }]) {
      expect(await auth.authenticate({ queryToken: await sign({ channels }) })).toMatchObject({ ok: false, code: 'BC_AUTH_INVALID' });
    }
  });

  it('expired JWT → BC_AUTH_EXPIRED, within the clock tolerance → ok', async () => {
    const auth = createAuthenticator({ jwtSecret: SECRET, now: () => NOW });
    expect(await auth.authenticate({ queryToken: await sign({ exp: nowS - 60 }) })).toMatchObject({ ok: false, code: 'BC_AUTH_EXPIRED', message: 'token expired' });
    expect(await auth.authenticate({ queryToken: await sign({ exp: nowS - 2 }) })).toMatchObject({ ok: true });
  });

  it('nbf in the future → invalid; within tolerance → ok', async () => {
    const auth = createAuthenticator({ jwtSecret: SECRET, now: () => NOW });
    expect(await auth.authenticate({ queryToken: await sign({ nbf: nowS + 120 }) })).toMatchObject({ ok: false, code: 'BC_AUTH_INVALID', message: 'token not yet valid' });
    expect(await auth.authenticate({ queryToken: await sign({ nbf: nowS + 2 }) })).toMatchObject({ ok: true });
  });

  it('alg none, an RS256 header and a wrong secret → invalid', async () => {
    const auth = createAuthenticator({ jwtSecret: SECRET, now: () => NOW });
    const none = new UnsecuredJWT({ sub: 'evil', channels: ['board'] }).encode();
    expect(await auth.authenticate({ queryToken: none })).toMatchObject({ ok: false, code: 'BC_AUTH_INVALID' });

    // An HS256-signed body relabelled RS256 (the key-confusion attack): the header says RS256, the signature is an HMAC.
    const good = await sign({ sub: 'evil' });
    const [, body, sig] = good.split('.');
    const rsHeader = base64url.encode(JSON.stringify({ alg: 'RS256', typ: 'JWT' }));
    expect(await auth.authenticate({ queryToken: `${rsHeader}.${body}.${sig}` })).toMatchObject({ ok: false, code: 'BC_AUTH_INVALID' });
    const hs512 = await new SignJWT({ sub: 'x' }).setProtectedHeader({ alg: 'HS512' }).sign(new TextEncoder().encode(SECRET));
    expect(await auth.authenticate({ queryToken: hs512 })).toMatchObject({ ok: false, code: 'BC_AUTH_INVALID' });

    expect(await auth.authenticate({ queryToken: await sign({ sub: 'x' }, 'another-secret-another-secret-another') })).toMatchObject({ ok: false, code: 'BC_AUTH_INVALID' });
    expect(await auth.authenticate({ queryToken: 'not.a.jwt' })).toMatchObject({ ok: false, code: 'BC_AUTH_INVALID' });
    // an expired token with a wrong signature is invalid, not expired (the signature is checked first)
    expect(await auth.authenticate({ queryToken: await sign({ exp: nowS - 3600 }, 'another-secret-another-secret-another') })).toMatchObject({ ok: false, code: 'BC_AUTH_INVALID' });
  });

  it('token and secret both configured: either one passing is enough', async () => {
    const auth = createAuthenticator({ token: TOKEN, jwtSecret: SECRET, now: () => NOW });
    expect(await auth.authenticate({ queryToken: TOKEN })).toEqual({ ok: true });
    expect(await auth.authenticate({ queryToken: await sign({ sub: 's' }) })).toEqual({ ok: true, subject: 's' });
    expect(await auth.authenticate({ queryToken: 'neither' })).toMatchObject({ ok: false, code: 'BC_AUTH_INVALID' });
    expect(await auth.authenticate({ queryToken: await sign({ exp: nowS - 60 }) })).toMatchObject({ ok: false, code: 'BC_AUTH_EXPIRED' });
  });

  it('uses the injected clock', async () => {
    let t = NOW;
    const auth = createAuthenticator({ jwtSecret: SECRET, now: () => t });
    const jwt = await sign({ exp: nowS + 30 });
    expect((await auth.authenticate({ queryToken: jwt })).ok).toBe(true);
    t = NOW + 60_000;
    expect(await auth.authenticate({ queryToken: jwt })).toMatchObject({ ok: false, code: 'BC_AUTH_EXPIRED' });
  });
});

describe('bearerToken', () => {
  it('parses only the Bearer scheme', () => {
    expect(bearerToken(undefined)).toBeUndefined();
    expect(bearerToken('')).toBeUndefined();
    expect(bearerToken('Bearer')).toBeUndefined();
    expect(bearerToken('Bearer ')).toBeUndefined();
    expect(bearerToken('Basic abc')).toBeUndefined();
    expect(bearerToken('Bearer a b')).toBeUndefined();
    expect(bearerToken('Bearer abc.def')).toBe('abc.def');
    expect(bearerToken('BEARER xyz')).toBe('xyz');
  });
});
