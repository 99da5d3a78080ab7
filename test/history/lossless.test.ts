// Nothing lost: a simulator-fed server runs, stops gracefully, and the store holds exactly
// the ticks the processor accepted — on both stores, and across a PostgreSQL outage (a
// private instance stopped and started mid-run; the machine's shared one is never touched).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openStore, type StoreTarget } from '../../src/history/store.js';
import { SQLITE_FILE } from '../../src/history/service.js';
import { createTempDb, OwnPostgres, skipPg } from './pg.js';
import { startHistoryServer } from './server.js';

// Many trades: 3000/s on the wire, the market clock 60× faster than the wall clock.
const FAST = { SIM_TRADES_PER_SECOND: '3000', SIM_CLOCK_SPEED: '60', HISTORY_FLUSH_MS: '50' };

async function runAndCount(env: Record<string, string>, target: StoreTarget, minTicks: number) {
  const s = await startHistoryServer({ ...env, ...FAST });
  await s.until(`${minTicks} ticks written`, async () => (await s.metric('boardcast_history_rows_written_total', { kind: 'ticks' })) >= minTicks, 30_000);
  const flushed = await s.stop();
  const store = await openStore(target, { readOnly: true });
  const counts = await store.counts();
  await store.close();
  return { flushed, counts };
}

describe('nothing the processor accepted is lost', () => {
  const cleanups: Array<() => Promise<void>> = [];
  afterAll(async () => {
    for (const c of cleanups) await c();
  });

  it('sqlite: rows = ticks accepted, after a graceful stop', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bc-hist-lossless-'));
    cleanups.push(async () => rmSync(dir, { recursive: true, force: true }));
    const { flushed, counts } = await runAndCount({ DATA_DIR: dir }, { kind: 'sqlite', path: join(dir, SQLITE_FILE) }, 5000);
    expect(flushed.leftOver).toBe(0);
    expect(flushed.tradesAccepted).toBeGreaterThanOrEqual(5000);
    expect(counts.ticks).toBe(flushed.tradesAccepted);
    expect(counts.foreign).toBeGreaterThan(0);
    expect(counts.index).toBeGreaterThan(0);
    expect(counts.basis).toBeGreaterThan(0);
  });

  it.skipIf(skipPg)('postgres: rows = ticks accepted, after a graceful stop', async () => {
    const db = await createTempDb();
    cleanups.push(db.drop);
    const { flushed, counts } = await runAndCount({ DATABASE_URL: db.url }, { kind: 'postgres', url: db.url }, 5000);
    expect(flushed.leftOver).toBe(0);
    expect(counts.ticks).toBe(flushed.tradesAccepted);
  });

  it.skipIf(skipPg)('postgres stopped mid-run and started again: every row is there after recovery', async () => {
    const pgd = await OwnPostgres.create();
    cleanups.push(() => pgd.destroy());
    const url = pgd.url('postgres');
    const s = await startHistoryServer({ ...FAST, DATABASE_URL: url, HISTORY_RETRY_MIN_MS: '50', HISTORY_RETRY_MAX_MS: '400' });
    let stopped = false;
    try {
      const written = () => s.metric('boardcast_history_rows_written_total', { kind: 'ticks' });
      await s.until('ticks written before the outage', async () => (await written()) >= 2000, 30_000);
      await pgd.stop();
      // Down: writes fail and are retried; rows buffer meanwhile.
      await s.until('the writer to notice the outage', async () => (await s.metric('boardcast_history_store_up')) === 0, 20_000);
      const failuresAt = await s.metric('boardcast_history_write_failures_total');
      await s.until('rows buffering during the outage', async () => (await s.metric('boardcast_history_buffered_rows')) >= 3000, 20_000);
      await s.until('more retries during the outage', async () => (await s.metric('boardcast_history_write_failures_total')) >= failuresAt + 2, 20_000);
      await pgd.start();
      await s.until('recovery', async () => (await s.metric('boardcast_history_store_up')) === 1 && (await s.metric('boardcast_history_buffered_rows')) < 3000, 30_000);
      expect(await s.metric('boardcast_history_rows_dropped_total')).toBe(0);
      const flushed = await s.stop();
      stopped = true;
      expect(flushed.leftOver).toBe(0);
      const store = await openStore({ kind: 'postgres', url }, { readOnly: true });
      const counts = await store.counts();
      await store.close();
      expect(counts.ticks).toBe(flushed.tradesAccepted);
    } finally {
      if (!stopped) await s.handle.shutdown('test');
    }
  }, 90_000);
});
