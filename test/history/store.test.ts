// Both stores, the same tests: batches written in transactions, candles against OHLCV
// computed by hand on known ticks, time-range edges, every row kind round-tripped.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PG_MIGRATIONS, SQLITE_MIGRATIONS } from '../../src/history/schema.js';
import { openStore, type HistoryStore, type StoreTarget } from '../../src/history/store.js';
import { emptyRows, type HistoryRows, type TickRow } from '../../src/history/types.js';
import { createTempDb, skipPg } from './pg.js';

// 2024-05-02 (a Thursday), local time (UTC+7) → ms.
const at = (hhmmss: string, ms = 0) => Date.parse(`2024-05-02T${hhmmss}+07:00`) + ms;
const tick = (ts: number, price: number, volume: number, side: TickRow['side'] = 'neutral', symbol = 'FPT'): TickRow => ({ symbol, ts, price, volume, side, phase: 3 });
const rows = (part: Partial<HistoryRows>): HistoryRows => ({ ...emptyRows(), ...part });

// Known ticks: minute 09:15 has four, 09:16 has two (one tie on time), 09:21 has one;
// another symbol is interleaved and must not leak in.
const TICKS: TickRow[] = [
  tick(at('09:15:00'), 100_000, 100, 'buy'),
  tick(at('09:15:10'), 100_500, 200, 'sell'),
  tick(at('09:15:20'), 99_500, 300, 'buy'),
  tick(at('09:15:59', 999), 100_100, 400, 'neutral'),
  tick(at('09:15:30'), 50_000, 9_999, 'buy', 'VNM'),
  tick(at('09:16:00'), 101_000, 500, 'buy'),
  tick(at('09:16:00'), 100_900, 600, 'sell'), // same ms: arrival order decides open/close
  tick(at('09:21:00'), 102_000, 700, 'sell'),
];

const stores: Array<[string, boolean, () => Promise<{ target: StoreTarget; cleanup: () => Promise<void> }>]> = [
  [
    'sqlite',
    false,
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'bc-hist-'));
      return { target: { kind: 'sqlite', path: join(dir, 'h.sqlite') }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  ],
  [
    'postgres',
    skipPg,
    async () => {
      const db = await createTempDb();
      return { target: { kind: 'postgres', url: db.url }, cleanup: db.drop };
    },
  ],
];

for (const [name, skip, make] of stores) {
  describe.skipIf(skip)(`${name} store`, () => {
    let store: HistoryStore;
    let reader: HistoryStore;
    let cleanup: () => Promise<void>;
    let target: StoreTarget;

    beforeAll(async () => {
      ({ target, cleanup } = await make());
      store = await openStore(target);
      // Batches in transactions, as the writer sends them (ticks split over two batches).
      await store.write('b1', rows({ ticks: TICKS.slice(0, 5) }));
      await store.write('b2', rows({ ticks: TICKS.slice(5) }));
      await store.write('b3', rows({
        foreign: [{ symbol: 'FPT', ts: at('09:15:00'), buyVolume: 10, sellVolume: 5, buyValue: 1_000_000, sellValue: 500_000, totalRoom: 1_000_000, currentRoom: 999_000 }],
        index: [
          { id: 'VN30', ts: at('09:15:00'), value: 1250.5, priorValue: 1245, totalVolume: 10_000, totalValue: 5e9, advances: 12, declines: 10, unchanged: 8 },
          { id: 'VN30', ts: at('09:16:00'), value: 1251.25, priorValue: 1245, totalVolume: 12_000, totalValue: 6e9, advances: 13, declines: 9, unchanged: 8 },
        ],
        basis: [{ ts: at('09:15:00'), contract: 'VN30F2405', futures: 1255.1, spot: 1250.5, basis: 4.6, basisPct: 0.368 }],
      }));
      reader = await openStore(target, { readOnly: true });
    });

    afterAll(async () => {
      await reader?.close();
      await store?.close();
      await cleanup?.();
    });

    it('writes every row of every batch', async () => {
      expect(await store.counts()).toEqual({ ticks: TICKS.length, foreign: 1, index: 2, basis: 1, alerts: 0 });
    });

    it('opening again applies no migration twice', async () => {
      const again = await openStore(target);
      expect(await again.counts()).toEqual({ ticks: TICKS.length, foreign: 1, index: 2, basis: 1, alerts: 0 });
      await again.close();
    });

    it('1m candles: OHLCV and active buy / sell volume computed by hand', async () => {
      const c = await reader.query({ kind: 'candles', symbol: 'FPT', interval: '1m', from: 0, to: at('15:00:00'), limit: 100 });
      expect(c).toEqual([
        { ts: at('09:15:00'), open: 100_000, high: 100_500, low: 99_500, close: 100_100, volume: 1000, buyVolume: 400, sellVolume: 200, trades: 4 },
        { ts: at('09:16:00'), open: 101_000, high: 101_000, low: 100_900, close: 100_900, volume: 1100, buyVolume: 500, sellVolume: 600, trades: 2 },
        { ts: at('09:21:00'), open: 102_000, high: 102_000, low: 102_000, close: 102_000, volume: 700, buyVolume: 0, sellVolume: 700, trades: 1 },
      ]);
    });

    it('5m and 1d candles: buckets aligned to local (UTC+7) time', async () => {
      const five = await reader.query({ kind: 'candles', symbol: 'FPT', interval: '5m', from: 0, to: at('15:00:00'), limit: 100 });
      expect(five).toEqual([
        { ts: at('09:15:00'), open: 100_000, high: 101_000, low: 99_500, close: 100_900, volume: 2100, buyVolume: 900, sellVolume: 800, trades: 6 },
        { ts: at('09:20:00'), open: 102_000, high: 102_000, low: 102_000, close: 102_000, volume: 700, buyVolume: 0, sellVolume: 700, trades: 1 },
      ]);
      const day = await reader.query({ kind: 'candles', symbol: 'FPT', interval: '1d', from: 0, to: at('15:00:00'), limit: 100 });
      expect(day).toEqual([{ ts: at('00:00:00'), open: 100_000, high: 102_000, low: 99_500, close: 102_000, volume: 2800, buyVolume: 900, sellVolume: 1500, trades: 7 }]);
      const hour = await reader.query({ kind: 'candles', symbol: 'VNM', interval: '1h', from: 0, to: at('15:00:00'), limit: 100 });
      expect(hour).toEqual([{ ts: at('09:00:00'), open: 50_000, high: 50_000, low: 50_000, close: 50_000, volume: 9_999, buyVolume: 9_999, sellVolume: 0, trades: 1 }]);
    });

    it('time ranges: from inclusive, to exclusive, ascending, limited', async () => {
      const ticks = (from: number, to: number, limit = 100) => reader.query({ kind: 'ticks', symbol: 'FPT', from, to, limit }) as Promise<TickRow[]>;
      expect((await ticks(at('09:15:10'), at('09:16:00'))).map((t) => t.price)).toEqual([100_500, 99_500, 100_100]);
      expect((await ticks(at('09:15:59', 999), at('09:15:59', 1000))).map((t) => t.price)).toEqual([100_100]);
      expect(await ticks(at('09:16:00', 1), at('09:21:00'))).toEqual([]);
      expect((await ticks(0, at('15:00:00'), 2)).map((t) => t.price)).toEqual([100_000, 100_500]);
      const all = await ticks(0, at('15:00:00'));
      expect(all.map((t) => t.ts)).toEqual([...all.map((t) => t.ts)].sort((a, b) => a - b));
      expect(all[0]).toEqual({ symbol: 'FPT', ts: at('09:15:00'), price: 100_000, volume: 100, side: 'buy', sideBy: 'book', phase: 3, feedCode: 'FPT' });
      // A candle range cut inside a bucket only counts the ticks inside the range.
      const cut = await reader.query({ kind: 'candles', symbol: 'FPT', interval: '1m', from: at('09:15:10'), to: at('09:15:59', 999), limit: 10 });
      expect(cut).toEqual([{ ts: at('09:15:00'), open: 100_500, high: 100_500, low: 99_500, close: 99_500, volume: 500, buyVolume: 300, sellVolume: 200, trades: 2 }]);
      expect(await reader.query({ kind: 'candles', symbol: 'FPT', interval: '1m', from: 0, to: at('15:00:00'), limit: 1 })).toHaveLength(1);
    });

    it('foreign, index and basis rows round-trip', async () => {
      expect(await reader.query({ kind: 'foreign', symbol: 'FPT', from: 0, to: at('15:00:00'), limit: 10 })).toEqual([
        { symbol: 'FPT', ts: at('09:15:00'), buyVolume: 10, sellVolume: 5, buyValue: 1_000_000, sellValue: 500_000, totalRoom: 1_000_000, currentRoom: 999_000 },
      ]);
      const idx = await reader.query({ kind: 'index', id: 'VN30', from: at('09:15:00', 1), to: at('15:00:00'), limit: 10 });
      expect(idx).toEqual([{ id: 'VN30', ts: at('09:16:00'), value: 1251.25, priorValue: 1245, totalVolume: 12_000, totalValue: 6e9, advances: 13, declines: 9, unchanged: 8 }]);
      expect(await reader.query({ kind: 'basis', from: 0, to: at('15:00:00'), limit: 10 })).toEqual([{ ts: at('09:15:00'), contract: 'VN30F2405', feedCode: 'VN30F2405', futures: 1255.1, spot: 1250.5, basis: 4.6, basisPct: 0.368 }]);
    });

    it('index candles: OHLC of the value, volume the rise of the total (the point before the range its base)', async () => {
      const c = (from: number) => reader.query({ kind: 'index-candles', id: 'VN30', interval: '1m', from, to: at('15:00:00'), limit: 10 });
      expect(await c(0)).toEqual([
        { ts: at('09:15:00'), open: 1250.5, high: 1250.5, low: 1250.5, close: 1250.5, volume: 0, buyVolume: 0, sellVolume: 0, trades: 0 },
        { ts: at('09:16:00'), open: 1251.25, high: 1251.25, low: 1251.25, close: 1251.25, volume: 2000, buyVolume: 0, sellVolume: 0, trades: 0 },
      ]);
      // From 09:16: the 09:15 point is before the range, and still the base of the rise.
      expect((await c(at('09:16:00'))).map((x) => (x as { volume: number }).volume)).toEqual([2000]);
      expect(await reader.query({ kind: 'index-candles', id: 'VN30', interval: '1d', from: 0, to: at('15:00:00'), limit: 10 })).toEqual([
        { ts: at('00:00:00'), open: 1250.5, high: 1251.25, low: 1250.5, close: 1251.25, volume: 2000, buyVolume: 0, sellVolume: 0, trades: 0 },
      ]);
    });

    it('keeps who decided the side and the code the feed used', async () => {
      const t = at('10:30:00');
      await store.write('side-by', rows({
        ticks: [
          { symbol: 'VN30F2606', feedCode: '41I1G6000', ts: t, price: 1880, volume: 15, side: 'buy', sideBy: 'feed', phase: 3 },
          { symbol: 'VN30F2606', feedCode: 'VN30F2606', ts: t + 1, price: 1880.5, volume: 5, side: 'sell', sideBy: 'book', phase: 3 },
        ],
        basis: [{ ts: t, contract: 'VN30F2606', feedCode: '41I1G6000', futures: 1880, spot: 1878, basis: 2, basisPct: 0.106 }],
      }));
      expect(await reader.query({ kind: 'ticks', symbol: 'VN30F2606', from: t, to: t + 10, limit: 10 })).toEqual([
        { symbol: 'VN30F2606', feedCode: '41I1G6000', ts: t, price: 1880, volume: 15, side: 'buy', sideBy: 'feed', phase: 3 },
        { symbol: 'VN30F2606', feedCode: 'VN30F2606', ts: t + 1, price: 1880.5, volume: 5, side: 'sell', sideBy: 'book', phase: 3 },
      ]);
      expect(await reader.query({ kind: 'basis', from: t, to: t + 1, limit: 10 })).toEqual([{ ts: t, contract: 'VN30F2606', feedCode: '41I1G6000', futures: 1880, spot: 1878, basis: 2, basisPct: 0.106 }]);
    });

    it.runIf(name === 'postgres')('a batch retried under the same id is not written twice', async () => {
      const before = (await store.counts()).ticks;
      const batch = rows({ ticks: [tick(at('10:00:00'), 1, 1, 'neutral', 'DUP')] });
      await store.write('retry-1', batch);
      await store.write('retry-1', batch);
      expect((await store.counts()).ticks).toBe(before + 1);
    });
  });
}

// A store written by the first schema (before side_by and feed_code): opening it with this
// version migrates it in place, and its old rows read as decided by the book, under their name.
describe('migration 2 on a store written by schema 1', () => {
  const oldTick = [at('09:15:00'), 100_000, 100, 1, 3] as const;
  const check = async (target: StoreTarget) => {
    const store = await openStore(target);
    try {
      expect(await store.query({ kind: 'ticks', symbol: 'FPT', from: 0, to: at('15:00:00'), limit: 10 })).toEqual([
        { symbol: 'FPT', ts: at('09:15:00'), price: 100_000, volume: 100, side: 'buy', sideBy: 'book', phase: 3, feedCode: 'FPT' },
      ]);
      expect(await store.query({ kind: 'basis', from: 0, to: at('15:00:00'), limit: 10 })).toEqual([{ ts: at('09:15:00'), contract: 'VN30F2405', feedCode: 'VN30F2405', futures: 1255.1, spot: 1250.5, basis: 4.6, basisPct: 0.368 }]);
    } finally {
      await store.close();
    }
  };

  it('sqlite', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bc-hist-mig-'));
    try {
      const path = join(dir, 'old.sqlite');
      const db = new Database(path);
      db.exec(SQLITE_MIGRATIONS[0]!.sql);
      db.pragma('user_version = 1');
      db.prepare('INSERT INTO ticks (symbol, ts_ms, price, volume, side, phase) VALUES (?, ?, ?, ?, ?, ?)').run('FPT', ...oldTick);
      db.prepare('INSERT INTO basis (ts_ms, contract, futures, spot, basis, basis_pct) VALUES (?, ?, ?, ?, ?, ?)').run(at('09:15:00'), 'VN30F2405', 1255.1, 1250.5, 4.6, 0.368);
      db.close();
      await check({ kind: 'sqlite', path });
      expect(new Database(path, { readonly: true }).pragma('user_version', { simple: true })).toBe(SQLITE_MIGRATIONS.at(-1)!.version);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it.skipIf(skipPg)('postgres', async () => {
    const db = await createTempDb();
    try {
      const c = new pg.Client({ connectionString: db.url });
      await c.connect();
      await c.query('CREATE TABLE schema_migrations (version INTEGER PRIMARY KEY, name TEXT NOT NULL, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())');
      await c.query(PG_MIGRATIONS[0]!.sql);
      await c.query('INSERT INTO schema_migrations (version, name) VALUES ($1, $2)', [1, PG_MIGRATIONS[0]!.name]);
      await c.query('INSERT INTO ticks (symbol, ts_ms, price, volume, side, phase) VALUES ($1, $2, $3, $4, $5, $6)', ['FPT', ...oldTick]);
      await c.query('INSERT INTO basis (ts_ms, contract, futures, spot, basis, basis_pct) VALUES ($1, $2, $3, $4, $5, $6)', [at('09:15:00'), 'VN30F2405', 1255.1, 1250.5, 4.6, 0.368]);
      await c.end();
      await check({ kind: 'postgres', url: db.url });
    } finally {
      await db.drop();
    }
  });
});
