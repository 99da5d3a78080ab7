// The process lifespan (ARCHITECTURE.md "Start and stop") and configuration errors, on the compiled server run
// as a child process.
import { readFileSync, readlinkSync } from 'node:fs';
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

describe('bin/boardcast (npm start, the container image)', () => {
  const environ = (pid: number) => Object.fromEntries(readFileSync(`/proc/${pid}/environ`, 'latin1').split('\0').filter(Boolean).map((kv) => [kv.slice(0, kv.indexOf('=')), kv.slice(kv.indexOf('=') + 1)]));

  it('execs node itself with the runtime settings (the PID is node: a signal reaches the server and stops it cleanly)', async () => {
    // node on PATH as the launcher finds it in the image: the one running the tests.
    const child = startChild({ PATH: `${process.execPath.replace(/\/node$/, '')}:${process.env.PATH ?? ''}`, LOG_LEVEL: 'info' }, [], { launcher: true });
    try {
      const listening = await child.waitLog((l) => l.msg === 'boardcast listening');
      const pid = child.proc.pid!;
      expect(readlinkSync(`/proc/${pid}/exe`)).toBe(readlinkSync(`/proc/${process.pid}/exe`));
      const env = environ(pid);
      expect(env.MALLOC_ARENA_MAX).toBe('2');
      expect(env.NODE_OPTIONS).toBe('--max-semi-space-size=1 --v8-pool-size=2');
      expect((await fetch(`http://127.0.0.1:${listening.port}/healthz`)).status).toBe(200);
      child.proc.kill('SIGTERM');
      expect((await child.exited).code).toBe(0);
      expect(child.logs.some((l) => l.msg === 'shutdown complete')).toBe(true);
    } finally {
      child.proc.kill('SIGKILL');
    }
  });

  it("keeps an operator's own MALLOC_ARENA_MAX and NODE_OPTIONS", async () => {
    const child = startChild({ PATH: `${process.execPath.replace(/\/node$/, '')}:${process.env.PATH ?? ''}`, MALLOC_ARENA_MAX: '4', NODE_OPTIONS: '--max-semi-space-size=4' }, [], { launcher: true });
    try {
      await child.waitLog((l) => l.msg === 'boardcast listening');
      const env = environ(child.proc.pid!);
      expect(env.MALLOC_ARENA_MAX).toBe('4');
      expect(env.NODE_OPTIONS).toBe('--max-semi-space-size=4');
    } finally {
      child.proc.kill('SIGKILL');
      await child.exited;
    }
  });
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
