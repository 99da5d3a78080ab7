// NATS connection settings: servers without userinfo, one way to authenticate, TLS files,
// and errors that never show a secret.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { natsConnectSettings, redactNatsUrl } from '../../src/nats-options.js';

const dir = mkdtempSync(join(tmpdir(), 'boardcast-nats-opts-'));
const file = (name: string) => {
  const p = join(dir, name);
  writeFileSync(p, 'x');
  return p;
};

/** The error loadConfig throws for env, as text (message and context). */
function configError(env: Record<string, string>): string {
  try {
    loadConfig(env);
  } catch (err) {
    const e = err as Error & { code?: string; context?: unknown };
    expect(e.code).toBe('BC_CONFIG_INVALID');
    return `${e.message} ${JSON.stringify(e.context)}`;
  }
  throw new Error('expected a config error');
}

describe('NATS settings', () => {
  it('redacts userinfo in every server of NATS_URL', () => {
    expect(redactNatsUrl('nats://u:p4ss@a:4222,tls://tok3n@b:4223,c:4222')).toBe('nats://[redacted]@a:4222,tls://[redacted]@b:4223,c:4222');
    expect(redactNatsUrl('user:pw@host:4222')).toBe('[redacted]@host:4222');
  });

  it('takes user:password or a token from NATS_URL and hands the client servers without them', () => {
    const s = natsConnectSettings(loadConfig({ NATS_URL: 'nats://boardcast-edge:s%40cret@a:4222,nats://b:4222' }));
    expect(s).toMatchObject({ servers: ['nats://a:4222', 'nats://b:4222'], user: 'boardcast-edge', pass: 's@cret', describe: { auth: 'user', tls: false } });
    expect(natsConnectSettings(loadConfig({ NATS_URL: 'tls://t0ken-abc@a:4222' }))).toMatchObject({ servers: ['tls://a:4222'], token: 't0ken-abc', tls: {}, describe: { auth: 'token', tls: true } });
  });

  it('NATS_TOKEN, NATS_USER/NATS_PASSWORD, NATS_CREDS_FILE, TLS files', () => {
    expect(natsConnectSettings(loadConfig({ NATS_TOKEN: 'tok-123456' }))).toMatchObject({ token: 'tok-123456', describe: { auth: 'token' } });
    expect(natsConnectSettings(loadConfig({ NATS_USER: 'u', NATS_PASSWORD: 'p-123456' }))).toMatchObject({ user: 'u', pass: 'p-123456', describe: { auth: 'user' } });
    const creds = natsConnectSettings(loadConfig({ NATS_CREDS_FILE: file('a.creds') }));
    expect(creds.credsFile).toBe(join(dir, 'a.creds'));
    expect(creds.describe.auth).toBe('creds');
    const tls = natsConnectSettings(loadConfig({ NATS_TLS_CA: file('ca.pem'), NATS_TLS_CERT: file('c.pem'), NATS_TLS_KEY: file('k.pem') }));
    expect(tls.tls).toEqual({ caFile: join(dir, 'ca.pem'), certFile: join(dir, 'c.pem'), keyFile: join(dir, 'k.pem') });
    expect(tls.describe).toEqual({ servers: ['nats://127.0.0.1:4222'], auth: 'none', tls: true });
  });

  it('refuses bad settings up front, naming the variable and never the secret', () => {
    const secret = 'Sup3r-Secret-Value';
    const cases: Array<[Record<string, string>, RegExp]> = [
      [{ NATS_URL: `nats://user:${secret}@bad host:4222` }, /NATS_URL=.*\[redacted\]@bad host/],
      [{ NATS_URL: `nats://user:${secret}@a:4222/path` }, /NATS_URL/],
      [{ NATS_URL: `nats://user:${secret}%ZZ@a:4222` }, /percent-encoding/],
      [{ NATS_TOKEN: secret, NATS_USER: 'u', NATS_PASSWORD: secret }, /one way to authenticate/],
      [{ NATS_URL: `nats://u:${secret}@a:4222`, NATS_TOKEN: secret }, /one way to authenticate/],
      [{ NATS_PASSWORD: secret }, /NATS_USER/],
      [{ NATS_USER: 'u' }, /NATS_PASSWORD/],
      [{ NATS_TLS_CERT: file('only-cert.pem') }, /NATS_TLS_KEY/],
      [{ NATS_CREDS_FILE: join(dir, 'missing.creds') }, /NATS_CREDS_FILE=.*missing\.creds.*readable file/],
      [{ NATS_TLS_CA: join(dir, 'missing-ca.pem') }, /NATS_TLS_CA/],
    ];
    for (const [env, msg] of cases) {
      const text = configError(env);
      expect(text, JSON.stringify(env)).toMatch(msg);
      expect(text).not.toContain(secret);
    }
  });
});
