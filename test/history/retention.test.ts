// HISTORY_RETENTION_DAYS: exactly the rows older than the window go, in both stores, and the
// real writer thread prunes an existing store at start.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DAY_MS, retentionCutoff, startRetention } from '../../src/history/retention.js';
import { SQLITE_FILE } from '../../src/history/service.js';
import { openStore, type HistoryStore, type StoreTarget } from '../../src/history/store.js';
import { ROW_KINDS, type HistoryRows, type RowKind } from '../../src/history/types.js';
import pino from 'pino';
import { createTempDb, skipPg } from './pg.js';
import { startHistoryServer } from './server.js';

const CUTOFF = Date.parse('2026-06-01T02:00:00Z');
// Two rows older than the window (one a millisecond before its edge), two inside it (one exactly at its edge).
const TIMES = [CUTOFF - 2 * DAY_MS, CUTOFF - 1, CUTOFF, CUTOFF + 3_600_000];

function rowsAt(times: number[]): HistoryRows {
  return {
    ticks: times.map((ts, i) => ({ symbol: 'FPT', ts, price: 100_000 + i, volume: 100, side: 'buy' as const, phase: 3 })),
    foreign: times.map((ts) => ({ symbol: 'FPT', ts, buyVolume: 1, sellVolume: 2, buyValue: 3, sellValue: 4, totalRoom: 5, currentRoom: 6 })),
    index: times.map((ts) => ({ id: 'VN30', ts, value: 1250, priorValue: 1245, totalVolume: 1, totalValue: 2, advances: 3, declines: 4, unchanged: 5 })),
    basis: times.map((ts) => ({ ts, contract: 'VN30F2606', futures: 1255, spot: 1250, basis: 5, basisPct: 0.4 })),
    alerts: times.map((ts) => ({ id: `ceiling:FPT:${ts}`, ts, type: 'ceiling', severity: 'CRITICAL' as const, symbol: 'FPT', value: 107_000, params: { ceiling: 107_000 }, message: 'FPT at ceiling 107000' })),
  };
}

async function timesOf(store: HistoryStore): Promise<Record<RowKind, number[]>> {
  const q = { from: 0, to: Number.MAX_SAFE_INTEGER, limit: 1000 };
  const ts = (rows: Array<{ ts: number }>) => rows.map((r) => r.ts);
  return {
    ticks: ts((await store.query({ kind: 'ticks', symbol: 'FPT', ...q })) as Array<{ ts: number }>),
    foreign: ts((await store.query({ kind: 'foreign', symbol: 'FPT', ...q })) as Array<{ ts: number }>),
    index: ts((await store.query({ kind: 'index', id: 'VN30', ...q })) as Array<{ ts: number }>),
    basis: ts((await store.query({ kind: 'basis', ...q })) as Array<{ ts: number }>),
    alerts: ts((await store.query({ kind: 'alerts', ...q })) as Array<{ ts: number }>),
  };
}

const each = <T>(v: T) => Object.fromEntries(ROW_KINDS.map((k) => [k, v])) as Record<RowKind, T>;

const stores: Array<[string, boolean, () => Promise<{ target: StoreTarget; cleanup: () => Promise<void> }>]> = [
  ['sqlite', false, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bc-ret-'));
    return { target: { kind: 'sqlite', path: join(dir, 'h.sqlite') }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }],
  ['postgres', skipPg, async () => {
    const db = await createTempDb();
    return { target: { kind: 'postgres', url: db.url }, cleanup: db.drop };
  }],
];

for (const [name, skip, make] of stores) {
  describe.skipIf(skip)(`${name} store: prune`, () => {
    let store: HistoryStore;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      const made = await make();
      cleanup = made.cleanup;
      store = await openStore(made.target);
      await store.write('r1', rowsAt(TIMES));
    });
    afterAll(async () => {
      await store?.close();
      await cleanup?.();
    });

    it('deletes exactly the rows older than the cutoff, every kind, and nothing on a second pass', async () => {
      expect(await store.counts()).toEqual(each(4));
      expect(await store.prune(CUTOFF)).toEqual(each(2));
      expect(await timesOf(store)).toEqual(each([CUTOFF, CUTOFF + 3_600_000]));
      expect(await store.prune(CUTOFF)).toEqual(each(0));
      expect(await store.counts()).toEqual(each(2));
    });
  });
}

describe('retention schedule', () => {
  const log = pino({ level: 'silent' });
  it('the cutoff is now minus the window', () => {
    expect(retentionCutoff(CUTOFF + 7 * DAY_MS, 7 * DAY_MS)).toBe(CUTOFF);
  });

  it('prunes at start with the cutoff from the clock; a window of 0 never prunes', async () => {
    const calls: number[] = [];
    const fake = { prune: async (before: number) => (calls.push(before), each(0)) } as unknown as HistoryStore;
    await startRetention(fake, { retentionMs: 0, log })();
    expect(calls).toEqual([]);
    const stop = startRetention(fake, { retentionMs: 3 * DAY_MS, now: () => CUTOFF + 3 * DAY_MS, log });
    await stop();
    expect(calls).toEqual([CUTOFF]);
  });

  it('a failed prune is logged and does not throw', async () => {
    const warnings: string[] = [];
    const spy = pino({ level: 'warn' }, { write: (s: string) => warnings.push(String(JSON.parse(s).msg)) });
    const failing = { prune: async () => { throw new Error('disk I/O error'); } } as unknown as HistoryStore;
    await startRetention(failing, { retentionMs: DAY_MS, log: spy })();
    expect(warnings).toEqual(['history retention: prune failed; retried at the next round']);
  });
});

describe('HISTORY_RETENTION_DAYS on a real server (SQLite)', () => {
  const dir = mkdtempSync(join(tmpdir(), 'bc-ret-srv-'));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('the writer thread prunes the rows older than the window at start and keeps the rest', async () => {
    const now = Date.now();
    const old = [now - 3 * DAY_MS, now - 2 * DAY_MS - 1];
    const recent = [now - 3_600_000];
    const seed = await openStore({ kind: 'sqlite', path: join(dir, SQLITE_FILE) });
    await seed.write('seed', rowsAt([...old, ...recent]));
    await seed.close();

    // The writer thread logs to its own stdout: the store itself says when the round ran.
    const srv = await startHistoryServer({ DATA_DIR: dir, HISTORY_RETENTION_DAYS: '2' });
    const reader = await openStore({ kind: 'sqlite', path: join(dir, SQLITE_FILE) }, { readOnly: true });
    try {
      await srv.until('the old rows pruned', async () => (await timesOf(reader)).basis.every((ts) => ts >= now - 2 * DAY_MS));
    } finally {
      await reader.close();
      await srv.stop();
    }
    const after = await openStore({ kind: 'sqlite', path: join(dir, SQLITE_FILE) }, { readOnly: true });
    try {
      const kept = await timesOf(after);
      for (const kind of ROW_KINDS) {
        expect(kept[kind]).toContain(recent[0]);
        expect(kept[kind].filter((ts) => ts < now - 2 * DAY_MS)).toEqual([]);
      }
    } finally {
      await after.close();
    }
  });
});
