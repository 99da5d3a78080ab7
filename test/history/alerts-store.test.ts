// Alerts, the daily foreign summary and basis per contract, in both stores, with known rows.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type HistoryStore, type StoreTarget } from '../../src/history/store.js';
import { emptyRows, type AlertRow } from '../../src/history/types.js';
import { createTempDb, skipPg } from './pg.js';

const H = 3_600_000;
// 2026-06-01 and 2026-06-02 in Hanoi (UTC+7): local midnight is 17:00Z the day before.
const D1 = Date.parse('2026-06-01T02:00:00Z'); // 09:00 local
const D2 = Date.parse('2026-06-02T02:00:00Z');
const NEAR_MIDNIGHT = Date.parse('2026-06-01T16:59:00Z'); // 23:59 local on 2026-06-01

const alert = (ts: number, type: string, symbol: string, severity: AlertRow['severity']): AlertRow => ({ id: `${type}:${symbol}:${ts}`, ts, type, severity, symbol, value: 1.5, params: { threshold: 1, k: 3 }, message: `${symbol} ${type}` });
const ALERTS = [alert(D1, 'ceiling', 'FPT', 'CRITICAL'), alert(D1 + H, 'volume_spike', 'FPT', 'WARNING'), alert(D1 + 2 * H, 'basis_flip', 'VN30F2606', 'WARNING'), alert(D2, 'price_above', 'VNM', 'INFO')];

function rows() {
  const r = emptyRows();
  r.alerts = [...ALERTS, ALERTS[0]!]; // the same alert twice: stored once
  const f = (ts: number, buyVolume: number, sellVolume: number, currentRoom: number) => ({ symbol: 'FPT', ts, buyVolume, sellVolume, buyValue: buyVolume * 100, sellValue: sellVolume * 100, totalRoom: 1_000_000, currentRoom });
  r.foreign = [f(D1, 100, 50, 900), f(D1 + H, 300, 100, 800), f(NEAR_MIDNIGHT, 400, 100, 700), f(D2, 10, 20, 650), f(D2 + H, 30, 90, 600)];
  r.foreign.push({ ...f(D1 + 2 * H, 9999, 1, 1), symbol: 'VNM' });
  const b = (ts: number, contract: string, basis: number) => ({ ts, contract, futures: 1300 + basis, spot: 1300, basis, basisPct: basis / 13 });
  r.basis = [b(D1, 'VN30F2606', 1), b(D1 + H, 'VN30F2607', 2), b(D1 + 2 * H, 'VN30F2606', -1)];
  return r;
}

const all = { from: 0, to: Number.MAX_SAFE_INTEGER, limit: 100 };

const stores: Array<[string, boolean, () => Promise<{ target: StoreTarget; cleanup: () => Promise<void> }>]> = [
  ['sqlite', false, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bc-alerts-'));
    return { target: { kind: 'sqlite', path: join(dir, 'h.sqlite') }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }],
  ['postgres', skipPg, async () => {
    const db = await createTempDb();
    return { target: { kind: 'postgres', url: db.url }, cleanup: db.drop };
  }],
];

for (const [name, skip, make] of stores) {
  describe.skipIf(skip)(`${name} store: alerts, foreign daily, basis per contract`, () => {
    let store: HistoryStore;
    let reader: HistoryStore;
    let cleanup: () => Promise<void>;
    beforeAll(async () => {
      const made = await make();
      cleanup = made.cleanup;
      store = await openStore(made.target);
      await store.write('b1', rows());
      await store.write('b2', { ...emptyRows(), alerts: [ALERTS[1]!] }); // re-raised: ignored
      reader = await openStore(made.target, { readOnly: true });
    });
    afterAll(async () => {
      await reader?.close();
      await store?.close();
      await cleanup?.();
    });

    it('stores each alert once and filters by symbol, type, severity and time', async () => {
      expect((await store.counts()).alerts).toBe(4);
      expect(await reader.query({ kind: 'alerts', ...all })).toEqual(ALERTS);
      expect(await reader.query({ kind: 'alerts', symbol: 'FPT', ...all })).toEqual(ALERTS.slice(0, 2));
      expect(await reader.query({ kind: 'alerts', type: 'basis_flip', ...all })).toEqual([ALERTS[2]]);
      expect(await reader.query({ kind: 'alerts', severity: 'WARNING', symbol: 'FPT', ...all })).toEqual([ALERTS[1]]);
      expect(await reader.query({ kind: 'alerts', from: D1 + H, to: D2, limit: 100 })).toEqual(ALERTS.slice(1, 3));
      expect(await reader.query({ kind: 'alerts', from: 0, to: Number.MAX_SAFE_INTEGER, limit: 1 })).toEqual([ALERTS[0]]);
    });

    it('daily foreign summary: the last row of each Hanoi day, net and room', async () => {
      expect(await reader.query({ kind: 'foreign-daily', symbol: 'FPT', ...all })).toEqual([
        { date: '2026-06-01', ts: NEAR_MIDNIGHT, buyVolume: 400, sellVolume: 100, buyValue: 40_000, sellValue: 10_000, netVolume: 300, netValue: 30_000, room: 700, totalRoom: 1_000_000 },
        { date: '2026-06-02', ts: D2 + H, buyVolume: 30, sellVolume: 90, buyValue: 3000, sellValue: 9000, netVolume: -60, netValue: -6000, room: 600, totalRoom: 1_000_000 },
      ]);
      expect(await reader.query({ kind: 'foreign-daily', symbol: 'FPT', from: D2, to: Number.MAX_SAFE_INTEGER, limit: 10 })).toHaveLength(1);
    });

    it('basis per contract, and every contract without the filter', async () => {
      const b = (await reader.query({ kind: 'basis', contract: 'VN30F2606', ...all })) as Array<{ contract: string; basis: number }>;
      expect(b.map((r) => [r.contract, r.basis])).toEqual([['VN30F2606', 1], ['VN30F2606', -1]]);
      expect((await reader.query({ kind: 'basis', ...all })).length).toBe(3);
    });
  });
}
