// Alerts end to end, on a real server (market worker, uWS, history writer and query pool),
// with both stores: an ALERT_PRICE_RULES threshold the seeded simulator crosses raises
// alerts that reach `alerts` subscribers in both wire formats (a watchlist gets its symbols'
// and the market-wide ones), a newcomer gets the recent ones with its FULL, sockets that did
// not ask for the channel get none, and GET /api/alerts returns what the sockets received.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { BoardClient, type Alert, type WebSocketConstructor } from '@boardcast/client';
import { decode, TestClient } from '../helpers/ws-client.js';
import { createTempDb, skipPg } from './pg.js';
import { startHistoryServer, type HistoryServer } from './server.js';

interface WireAlert {
  id: string;
  type: string;
  severity: string;
  symbol: string;
  value: number;
  params: Record<string, number>;
  timeMs: number;
  message: string;
}

const setups: Array<[string, boolean, () => Promise<{ env: Record<string, string>; cleanup: () => Promise<void> }>]> = [
  ['sqlite', false, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bc-alerts-e2e-'));
    return { env: { DATA_DIR: dir }, cleanup: async () => rmSync(dir, { recursive: true, force: true }) };
  }],
  ['postgres', skipPg, async () => {
    const db = await createTempDb();
    return { env: { DATABASE_URL: db.url }, cleanup: db.drop };
  }],
];

const alertsOf = (c: TestClient): WireAlert[] => c.messages.flatMap((m) => ((decode(m).json.snapshot as { alerts?: WireAlert[] } | undefined)?.alerts ?? []));

for (const [name, skip, setup] of setups) {
  describe.skipIf(skip)(`alerts end to end (${name})`, () => {
    let s: HistoryServer;
    let cleanup: () => Promise<void>;
    const clients: TestClient[] = [];
    const open = async (query: string) => {
      const c = await TestClient.open(`${s.http.replace('http', 'ws')}/ws?${query}`);
      clients.push(c);
      return c;
    };
    beforeAll(async () => {
      const st = await setup();
      cleanup = st.cleanup;
      // Any traded price is >= 1 and VN30's change is >= -100 %: the rules hold all session, and
      // a 1 s de-duplication window makes them fire again every market second.
      s = await startHistoryServer({ ...st.env, ALERT_PRICE_RULES: 'FPT>=1,VNM>=1,VN30%>=-100', ALERT_DEDUP_MS: '1000', ALERTS_REPLAY: '5', BROADCAST_INTERVAL_MS: '100' });
    });
    afterAll(async () => {
      for (const c of clients) c.close();
      await s?.stop();
      await cleanup?.();
    });

    it('reaches alerts subscribers in both formats; a watchlist gets its symbols and the market-wide ones; the board-only socket none', async () => {
      const proto = await open('channels=board,alerts');
      const json = await open('format=json&channels=alerts&symbols=VNM');
      const plain = await open('format=json');
      await proto.until(() => alertsOf(proto).some((a) => a.symbol === 'FPT') && alertsOf(proto).some((a) => a.symbol === 'VN30'), 15_000, 'FPT and VN30 alerts (protobuf)');
      await json.until(() => alertsOf(json).some((a) => a.symbol === 'VNM') && alertsOf(json).some((a) => a.symbol === 'VN30'), 15_000, 'VNM and VN30 alerts (JSON)');
      const a = alertsOf(proto).find((x) => x.symbol === 'FPT')!;
      expect(a).toMatchObject({ type: 'price_above', severity: 'INFO', params: { threshold: 1 }, id: `price_above:FPT:${a.timeMs}` });
      expect(a.value).toBeGreaterThan(1);
      expect(alertsOf(json).find((x) => x.symbol === 'VN30')).toMatchObject({ type: 'percent_move', severity: 'INFO' });
      expect(new Set(alertsOf(json).map((x) => x.symbol))).toEqual(new Set(['VNM', 'VN30']));
      // The JSON list is left out when empty (most 100 ms frames raise nothing: 1 s window).
      await json.until(() => json.messages.some((m) => !('alerts' in ((decode(m).json.snapshot as object) ?? {}))), 5000, 'a JSON frame without alerts');
      // The board-only socket never gets one.
      await plain.until(() => plain.messages.length >= 10, 5000, '10 frames');
      expect(alertsOf(plain)).toEqual([]);
      // A live stream repeats no alert (the FULL's replay may, and the SDK drops it by id).
      const live = proto.messages.slice(1).flatMap((m) => ((decode(m).json.snapshot as { alerts?: WireAlert[] }).alerts ?? []).map((x) => x.id));
      expect(new Set(live).size).toBe(live.length);
    });

    it('a newcomer gets the recent alerts (at most ALERTS_REPLAY) with its first FULL', async () => {
      const late = await open('format=json&channels=alerts');
      const first = decode(await late.nth(1, 5000));
      expect(first.kind).toBe('FULL');
      const replay = (first.json.snapshot as { alerts?: WireAlert[] }).alerts ?? [];
      expect(replay.length).toBeGreaterThan(0);
      expect(replay.length).toBeLessThanOrEqual(5);
    });

    it('GET /api/alerts returns what the sockets received; bad parameters are 400 BC_BAD_PARAM', async () => {
      const proto = clients[0]!;
      const sent = alertsOf(proto).find((x) => x.symbol === 'FPT')!;
      const body = await s.until(
        'the alert stored',
        async () => {
          const r = await fetch(`${s.http}/api/alerts?symbol=fpt&type=price_above&severity=info&from=${sent.timeMs}&to=${sent.timeMs + 1}`);
          const b = (await r.json()) as { rows: Array<Record<string, unknown>>; count: number };
          return r.status === 200 && b.count > 0 ? b : undefined;
        },
        10_000,
        50,
      );
      expect(body.rows[0]).toEqual({ id: sent.id, ts: sent.timeMs, type: sent.type, severity: 'INFO', symbol: 'FPT', value: sent.value, params: sent.params, message: sent.message });
      const wide = (await (await fetch(`${s.http}/api/alerts?symbol=VN30&limit=3`)).json()) as { rows: Array<{ symbol: string }> };
      expect(wide.rows.length).toBeGreaterThan(0);
      expect(wide.rows.every((r) => r.symbol === 'VN30')).toBe(true);
      for (const [q, param] of [['severity=loud', 'severity'], ['type=Bad-Type', 'type'], ['from=yesterday', 'from'], ['limit=0', 'limit'], ['colour=red', 'colour'], ['symbol=%21%21', 'symbol']] as const) {
        const r = await fetch(`${s.http}/api/alerts?${q}`);
        expect(r.status, q).toBe(400);
        expect(await r.json(), q).toMatchObject({ error: 'BC_BAD_PARAM', param });
      }
    });

    it('the SDK emits each alert once, across the replay of a resync', async () => {
      const c = new BoardClient({ urls: `${s.http.replace('http', 'ws')}/ws`, query: { channels: 'alerts', format: 'json' }, WebSocket: WebSocket as unknown as WebSocketConstructor });
      const got: Alert[] = [];
      c.on('alert', (a) => got.push(a));
      c.connect();
      try {
        await s.until('replayed alerts', () => got.length >= 3, 5000);
        const before = got.length;
        c.resync(); // the FULL it gets replays alerts already emitted
        await s.until('a new alert after the resync', () => got.length > before, 10_000);
        expect(new Set(got.map((a) => a.id)).size).toBe(got.length);
        expect(got[0]).toMatchObject({ severity: 'INFO', params: { threshold: expect.any(Number) } });
      } finally {
        c.close();
      }
    });

    it('the daily foreign summary and the basis of one contract answer through the routes', async () => {
      const f = await fetch(`${s.http}/api/history/FPT/foreign/daily`);
      expect(f.status).toBe(200);
      expect(await f.json()).toMatchObject({ symbol: 'FPT', truncated: false });
      const bad = await fetch(`${s.http}/api/history/basis?contract=FPT`);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ error: 'BC_BAD_PARAM', param: 'contract' });
      const all = (await (await fetch(`${s.http}/api/history/basis`)).json()) as { rows: Array<{ contract: string }> };
      const contract = all.rows[0]?.contract;
      if (contract) {
        const one = (await (await fetch(`${s.http}/api/history/basis?contract=${contract}`)).json()) as { contract: string; rows: Array<{ contract: string }> };
        expect(one.contract).toBe(contract);
        expect(one.rows.every((r) => r.contract === contract)).toBe(true);
      }
    });
  });
}
