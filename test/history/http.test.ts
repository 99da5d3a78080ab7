// The history API through the real server routes, on both stores: answers in ascending
// time within the limits, and 400 naming the parameter for every bad one.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTempDb, skipPg } from './pg.js';
import { startHistoryServer, type HistoryServer } from './server.js';

const setups: Array<[string, boolean, () => Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }>]> = [
  ['sqlite', false, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bc-hist-http-'));
    return { env: { DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }],
  ['postgres', skipPg, async () => {
    const db = await createTempDb();
    return { env: { DATABASE_URL: db.url }, cleanup: db.drop };
  }],
];

for (const [name, skip, setup] of setups) {
  describe.skipIf(skip)(`history API (${name})`, () => {
    let s: HistoryServer;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      const st = await setup();
      cleanup = st.cleanup;
      s = await startHistoryServer({ ...st.env, SIM_TRADES_PER_SECOND: '1000', HISTORY_MAX_ROWS: '500' });
      await s.until('ticks written', async () => (await s.metric('boardcast_history_rows_written_total', { kind: 'ticks' })) > 1500, 20_000);
      await s.until('index rows written', async () => (await s.metric('boardcast_history_rows_written_total', { kind: 'index' })) > 0, 20_000);
    });
    afterAll(async () => {
      await s?.stop();
      await cleanup?.();
    });

    const get = async (path: string) => {
      const r = await fetch(`${s.http}/api/history/${path}`);
      return { status: r.status, body: (await r.json()) as Record<string, unknown> & { rows: Array<Record<string, number>> } };
    };

    it('ticks: ascending, limited, truncated flag', async () => {
      const { status, body } = await get('FPT/ticks?limit=10');
      expect(status).toBe(200);
      expect(body.rows).toHaveLength(10);
      expect(body.truncated).toBe(true);
      const ts = body.rows.map((r) => r.ts);
      expect(ts).toEqual([...ts].sort((a, b) => a - b));
      const all = await get('FPT/ticks?limit=500');
      expect(all.body.rows.length).toBeLessThanOrEqual(500);
      // epoch ms and ISO 8601 name the same instant
      const t = ts[5]!;
      const a = await get(`FPT/ticks?from=${t}&to=${t + 1}`);
      const b = await get(`FPT/ticks?from=${encodeURIComponent(new Date(t).toISOString())}&to=${encodeURIComponent(new Date(t + 1).toISOString())}`);
      expect(a.body.rows.length).toBeGreaterThan(0);
      expect(b.body.rows).toEqual(a.body.rows);
      expect(a.body.rows.every((r) => r.ts === t)).toBe(true);
    });

    it('candles, foreign, index, basis answer', async () => {
      const c = await get('FPT/candles?interval=1m');
      expect(c.status).toBe(200);
      expect(c.body.rows.length).toBeGreaterThan(0);
      const k = c.body.rows[0]!;
      expect(k.high).toBeGreaterThanOrEqual(Math.max(k.open!, k.close!));
      expect(k.low).toBeLessThanOrEqual(Math.min(k.open!, k.close!));
      expect(k.buyVolume! + k.sellVolume!).toBeLessThanOrEqual(k.volume!);
      expect((await get('fpt/foreign')).status).toBe(200);
      const idx = await get('index/VN30');
      expect(idx.status).toBe(200);
      expect(idx.body.rows.length).toBeGreaterThan(0);
      expect((await get('basis?limit=5')).status).toBe(200);
    });

    const bad: Array<[string, string]> = [
      ['FPT/candles', 'interval'],
      ['FPT/candles?interval=2m', 'interval'],
      ['FPT/candles?interval=1m&from=yesterday', 'from'],
      ['FPT/ticks?to=2024-13-45', 'to'],
      ['FPT/ticks?from=2000&to=1000', 'from'],
      ['FPT/ticks?from=1000&to=1000', 'from'],
      ['FPT/ticks?limit=0', 'limit'],
      ['FPT/ticks?limit=501', 'limit'],
      ['FPT/ticks?limit=ten', 'limit'],
      ['FPT/ticks?limit=1&limit=2', 'limit'],
      ['FPT/ticks?symbol=FPT', 'symbol'],
      ['FPT/foreign?interval=1m', 'interval'],
      ['F%20PT/ticks', 'symbol'],
      ['index/%3Bdrop?from=1', 'id'],
      ['basis?to=-5', 'to'],
    ];
    for (const [path, param] of bad) {
      it(`400 naming ${param}: ${path}`, async () => {
        const { status, body } = await get(path);
        expect(status).toBe(400);
        expect(body.error).toBe('BC_BAD_PARAM');
        expect(body.param).toBe(param);
        expect(String(body.message)).toContain(param);
      });
    }

    it('404 for a path that is no history route', async () => {
      expect((await get('FPT/orders')).status).toBe(404);
      expect((await get('FPT/ticks/extra')).status).toBe(404);
    });
  });
}
