// The process lifespan (README "Lifespan") and configuration errors, on the compiled server run
// as a child process.
import { describe, expect, it } from 'vitest';
import { startChild } from './helpers/child.js';
import { TestClient } from './helpers/ws-client.js';

describe('graceful stop', () => {
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    it(`on ${signal}: readyz 503 while draining, clients closed with 1001, exit 0, nothing logged at error level`, async () => {
      const child = startChild({ SHUTDOWN_DRAIN_MS: '1500', BROADCAST_INTERVAL_MS: '100', SIM_SEED: '7', LOG_LEVEL: 'info' });
      try {
        const listening = await child.waitLog((l) => l.msg === 'boardcast listening');
        const http = `http://127.0.0.1:${listening.port}`;
        expect((await fetch(`${http}/readyz`)).status).toBe(200);
        const c = await TestClient.open(`ws://127.0.0.1:${listening.port}/ws`);
        await c.nth(1);
        child.proc.kill(signal);
        await child.waitLog((l) => l.msg === 'shutting down');
        const during = await fetch(`${http}/readyz`);
        expect(during.status).toBe(503);
        expect(((await during.json()) as { reasons: string[] }).reasons).toContain('shutting down');
        const closed = await c.waitClose(8000);
        expect(closed.code).toBe(1001);
        const { code } = await child.exited;
        expect(code).toBe(0);
        const bad = child.logs.filter((l) => ['error', 'fatal', 'non-json'].includes(String(l.level)));
        expect(bad).toEqual([]);
        expect(child.logs.some((l) => l.msg === 'shutdown complete')).toBe(true);
      } finally {
        child.proc.kill('SIGKILL');
      }
    });
  }
});

describe('configuration errors', () => {
  const cases: Array<[Record<string, string>, string]> = [
    [{ PORT: 'abc' }, 'PORT'],
    [{ BROADCAST_INTERVAL_MS: '0' }, 'BROADCAST_INTERVAL_MS'],
    [{ BROADCAST_INTERVAL_MS: '60001' }, 'BROADCAST_INTERVAL_MS'],
    [{ FEED: 'carrier-pigeon' }, 'FEED'],
    [{ LOG_LEVEL: 'loud' }, 'LOG_LEVEL'],
  ];
  for (const [env, name] of cases) {
    it(`${JSON.stringify(env)} exits non-zero naming ${name}`, async () => {
      const child = startChild(env);
      const { code } = await child.exited;
      expect(code).not.toBe(0);
      const err = child.stderr.join('');
      expect(err).toContain(name);
      expect(err).toContain(Object.values(env)[0]);
    });
  }
});
