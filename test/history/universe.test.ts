// History over the whole market: with UNIVERSE=all the lossless writer records the trades
// of HNX and UPCoM stocks too, not only the VN30 basket's (the real server, the simulated
// whole market, the SQLite store; the rows read back through the history API).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { universe } from '../../src/market/rules/universe.js';
import { startHistoryServer, type HistoryServer } from './server.js';

type Row = { symbol: string; totalVolume?: number };

describe('history with UNIVERSE=all', () => {
  let s: HistoryServer;
  let dir: string;
  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'bc-hist-universe-'));
    s = await startHistoryServer({ DATA_DIR: dir, UNIVERSE: 'all', SIM_START_TIME: '10:00:00', SIM_TRADES_PER_SECOND: '400' });
  }, 30_000);
  afterAll(async () => {
    await s?.stop();
    rmSync(dir, { recursive: true, force: true });
  });

  for (const board of ['HNX', 'UPCOM'] as const) {
    it(`records the trades of ${board} stocks`, async () => {
      const members = new Set(universe('all').boards.get(board));
      // The board's stocks that have traded (the simulator's liquidity is uneven: wait for a few).
      let traded: string[] = [];
      await s.until(`${board} stocks traded`, async () => {
        const snap = (await (await fetch(`${s.http}/api/snapshot?board=${board}`)).json()) as { snapshot: { symbols: Row[] } };
        traded = snap.snapshot.symbols.filter((r) => (r.totalVolume ?? 0) > 0).map((r) => r.symbol);
        return traded.length >= 3;
      }, 20_000);
      expect(traded.every((sym) => members.has(sym))).toBe(true);
      for (const symbol of traded.slice(0, 3)) {
        let rows: Array<{ volume: number }> = [];
        await s.until(`${symbol}'s ticks in the store`, async () => {
          rows = ((await (await fetch(`${s.http}/api/history/${symbol}/ticks?limit=100`)).json()) as { rows: Array<{ volume: number }> }).rows;
          return rows.length > 0;
        }, 10_000);
        expect(rows.every((r) => r.volume > 0)).toBe(true);
      }
    });
  }
});
