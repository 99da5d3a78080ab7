// The history query pool starts with the first query, not with the process: a server nobody
// asks for history keeps no query thread at rest (issue 18, memory at rest).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Registry } from 'prom-client';
import { afterEach, describe, expect, it } from 'vitest';
import { createLogger } from '../../src/log.js';
import { HistoryService, type HistoryConfig } from '../../src/history/service.js';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

function config(): HistoryConfig {
  const dir = mkdtempSync(join(tmpdir(), 'bc-lazy-pool-'));
  dirs.push(dir);
  return {
    DATA_DIR: dir, DATABASE_URL: '', HISTORY_BUFFER_ROWS: 10_000, HISTORY_BATCH_MAX: 500, HISTORY_FLUSH_MS: 100,
    HISTORY_RETRY_MIN_MS: 100, HISTORY_RETRY_MAX_MS: 1000, HISTORY_QUERY_THREADS: 2, HISTORY_MAX_ROWS: 1000, LOG_LEVEL: 'silent',
  };
}

describe('history query pool', () => {
  it('starts no query thread until the first query, then answers it', async () => {
    const svc = await HistoryService.open(config(), createLogger('silent'), new Registry());
    try {
      expect(svc.queryThreads).toBe(0);
      const body = await svc.query({ kind: 'ticks', symbol: 'FPT', from: 0, to: Date.now(), limit: 10 });
      expect(JSON.parse(body)).toBeTypeOf('object');
      expect(svc.queryThreads).toBeGreaterThanOrEqual(1);
    } finally {
      await svc.close(Date.now() + 2000);
    }
    // Closed: a query is refused with the store error, and no pool is started again.
    await expect(svc.query({ kind: 'basis', from: 0, to: 1, limit: 1 })).rejects.toThrow(/history is closed/);
    expect(svc.queryThreads).toBe(0);
  });

  it('never starts a pool in a process that serves no queries (the ingest)', async () => {
    const svc = await HistoryService.open(config(), createLogger('silent'), new Registry(), {}, { queries: false });
    try {
      await expect(svc.query({ kind: 'basis', from: 0, to: 1, limit: 1 })).rejects.toThrow(/serves no history queries/);
      expect(svc.queryThreads).toBe(0);
    } finally {
      await svc.close(Date.now() + 2000);
    }
  });
});
