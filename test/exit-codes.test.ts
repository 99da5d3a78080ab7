// The process's exit codes (README "Exit codes") on the compiled server run as child
// processes: one server per port, config errors, an exception that escaped every guard,
// history rows that could not be stored at shutdown.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterAll, describe, expect, it } from 'vitest';
import { EXIT } from '../src/exit-codes.js';
import { startChild } from './helpers/child.js';
import { TestClient } from './helpers/ws-client.js';

const dirs: string[] = [];
const tempDir = () => {
  const d = mkdtempSync(join(tmpdir(), 'bc-exit-'));
  dirs.push(d);
  return d;
};
afterAll(() => {
  for (const d of dirs) rmSync(d, { recursive: true, force: true });
});

const listening = (l: Record<string, unknown>) => l.msg === 'boardcast listening';

describe('one server per port', () => {
  it('a second process on a busy port exits with 69 and says why; the first keeps serving', async () => {
    const first = startChild({ SIM_SEED: '5', LOG_LEVEL: 'info', DATA_DIR: tempDir() });
    try {
      const { port } = (await first.waitLog(listening)) as { port: number };
      const second = startChild({ PORT: String(port), SIM_SEED: '6', LOG_LEVEL: 'info', DATA_DIR: tempDir() });
      const { code } = await second.exited;
      expect(code).toBe(EXIT.LISTEN_FAILED);
      const fatal = second.logs.find((l) => l.level === 'fatal')!;
      expect(fatal.code).toBe('BC_LISTEN_FAILED');
      expect(String(fatal.msg)).toContain(`127.0.0.1:${port}`);
      expect(String(fatal.msg)).toMatch(/in use/);
      // Every connection still reaches the first server.
      const { epoch } = (await (await fetch(`http://127.0.0.1:${port}/readyz`)).json()) as { epoch: string };
      for (let i = 0; i < 10; i++) expect(((await (await fetch(`http://127.0.0.1:${port}/readyz`)).json()) as { epoch: string }).epoch).toBe(epoch);
    } finally {
      first.proc.kill('SIGKILL');
    }
  });
});

describe('configuration is validated up front (exit 78)', () => {
  const cases: Array<[Record<string, string>, string]> = [
    [{ SIM_START_TIME: '25:99:99' }, 'SIM_START_TIME'],
    [{ SIM_START_TIME: '9:00' }, 'SIM_START_TIME'],
    [{ HOST: 'not a host' }, 'HOST'],
    [{ CORS_ORIGINS: 'board.example' }, 'CORS_ORIGINS'],
    [{ METRICS_PORT: '99999' }, 'METRICS_PORT'],
    [{ HTTP_MAX_HEADER_BYTES: '10' }, 'HTTP_MAX_HEADER_BYTES'],
  ];
  for (const [env, name] of cases) {
    it(`${JSON.stringify(env)} exits 78 naming ${name}`, async () => {
      const child = startChild(env);
      const { code } = await child.exited;
      expect(code).toBe(EXIT.CONFIG);
      expect(child.stderr.join('')).toContain(name);
    });
  }
});

// Throws on SIGUSR2, outside every handler: what a bug that escaped the guards looks like.
const INJECT_FAULT = `data:text/javascript,${encodeURIComponent("process.on('SIGUSR2', () => setImmediate(() => { throw new Error('injected fault'); }));")}`;

describe('an exception that escaped every guard', () => {
  it('runs the graceful stop (history flushed, sockets closed 1011), then exits 70', async () => {
    const child = startChild({ SIM_SEED: '8', LOG_LEVEL: 'info', BROADCAST_INTERVAL_MS: '100', DATA_DIR: tempDir() }, ['--import', INJECT_FAULT]);
    try {
      const { port } = (await child.waitLog(listening)) as { port: number };
      const c = await TestClient.open(`ws://127.0.0.1:${port}/ws`);
      await c.nth(2);
      child.proc.kill('SIGUSR2');
      const closed = await c.waitClose(10_000);
      expect(closed.code).toBe(1011);
      const { code } = await child.exited;
      expect(code).toBe(EXIT.INTERNAL);
      const fatal = child.logs.find((l) => l.level === 'fatal')!;
      expect(fatal.kind).toBe('uncaughtException');
      expect(child.logs.some((l) => l.msg === 'history flushed')).toBe(true);
      expect(child.logs.some((l) => l.msg === 'shutdown complete')).toBe(true);
    } finally {
      child.proc.kill('SIGKILL');
    }
  });
});

describe('history that could not be stored', () => {
  it('a store that cannot take the last rows at SIGTERM makes the exit code 74', async () => {
    const dir = tempDir();
    const child = startChild({ SIM_SEED: '9', LOG_LEVEL: 'info', BROADCAST_INTERVAL_MS: '100', SIM_TRADES_PER_SECOND: '400', DATA_DIR: dir, SHUTDOWN_TIMEOUT_MS: '8000' });
    let db: Database.Database | undefined;
    try {
      await child.waitLog(listening);
      // Another connection takes the database's write lock and keeps it: every write of the server's writer waits and fails.
      db = new Database(join(dir, 'boardcast.sqlite'));
      db.pragma('busy_timeout = 10000');
      db.exec('BEGIN EXCLUSIVE');
      await child.waitLog((l) => l.msg === 'market worker started' || l.msg === 'market worker ready', 1000).catch(() => undefined);
      child.proc.kill('SIGTERM');
      const lost = await child.waitLog((l) => l.msg === 'history rows not written by the shutdown deadline', 15_000);
      expect(lost.leftOver).toBeGreaterThan(0);
      db.exec('ROLLBACK'); // let the writer thread go, so the process can end
      db.close();
      db = undefined;
      const { code } = await child.exited;
      expect(code).toBe(EXIT.HISTORY_LOST);
    } finally {
      db?.close();
      child.proc.kill('SIGKILL');
    }
  }, 30_000);
});
