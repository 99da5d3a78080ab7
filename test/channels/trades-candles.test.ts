// The `trades` and `candles` channels against the real server: a seeded simulator on a fast
// clock (a simulated minute a wall second), the real market worker and history writer.
// Every accepted trade reaches a subscriber once, in trade_seq order, as history stored it;
// watchlists filter; a new socket's FULL replays the last TRADES_REPLAY per symbol; closed
// live candles equal the stored ones (symbols and indices). Both wire formats.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boardFrames, sendMsg } from '../helpers/protocol.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { until } from '../helpers/until.js';
import { TestClient, type DecodedFrame } from '../helpers/ws-client.js';
import { allowedChannels, parseChannels } from '../../src/server/views.js';

const REPLAY = 20;
let srv: TestServer;
let dir: string;
beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'bc-channels-'));
  srv = await startTestServer({
    SIM_SEED: '7',
    SIM_TRADES_PER_SECOND: '300',
    SIM_CLOCK_SPEED: '60',
    BROADCAST_INTERVAL_MS: '100',
    KEYFRAME_EVERY: '20',
    TRADES_REPLAY: String(REPLAY),
    HISTORY_FLUSH_MS: '50',
    DATA_DIR: dir,
    LOG_LEVEL: 'warn',
  });
});
afterAll(async () => {
  await srv?.stop();
  rmSync(dir, { recursive: true, force: true });
});

interface Trade {
  symbol: string;
  tradeSeq: number;
  price: number;
  volume: number;
  side: string;
  session: string;
  timeMs: number;
}
interface Candle {
  symbol: string;
  timeMs: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  buyVolume: number;
  sellVolume: number;
  trades: number;
  closed: boolean;
}

const list = <T>(f: DecodedFrame, k: string) => ((f.json.snapshot as Record<string, unknown>)[k] ?? []) as T[];
const tradesOf = (f: DecodedFrame): Trade[] => list<Trade>(f, 'trades').map((t) => ({ ...t, tradeSeq: Number(t.tradeSeq), timeMs: Number(t.timeMs) }));
const candlesOf = (f: DecodedFrame): Candle[] => list<Candle>(f, 'candles').map((c) => ({ ...c, timeMs: Number(c.timeMs), closed: Boolean(c.closed) }));
const totalTrades = (c: TestClient) => boardFrames(c).reduce((n, f) => n + tradesOf(f).length, 0);

const FORMATS = ['proto', 'json'] as const;
const SIDE = { buy: 'ACTIVE_BUY', sell: 'ACTIVE_SELL', neutral: 'NEUTRAL' } as Record<string, string>;
const PHASES = ['PHASE_UNSPECIFIED', 'PRE_OPEN', 'ATO', 'CONTINUOUS', 'LUNCH_BREAK', 'ATC', 'PUT_THROUGH', 'CLOSED'];

async function json<T>(path: string): Promise<T> {
  const r = await fetch(`${srv.http}${path}`);
  expect(r.status, path).toBe(200);
  return (await r.json()) as T;
}

interface Tick {
  ts: number;
  price: number;
  volume: number;
  side: string;
  phase: number;
}
/** History's ticks of a symbol from the start, once it holds at least `n`. */
async function storedTicks(symbol: string, n: number): Promise<Tick[]> {
  let rows: Tick[] = [];
  await until(`${n} ticks of ${symbol} in history`, async () => {
    rows = (await json<{ rows: Tick[] }>(`/api/history/${symbol}/ticks?from=0&limit=5000`)).rows;
    return rows.length >= n;
  }, 10_000, 50);
  return rows;
}

describe.each(FORMATS)('trades over %s', (format) => {
  it('every accepted trade once, in trade_seq order, with the side and session history stored; futures included', async () => {
    const c = await TestClient.open(srv.ws(`format=${format}&channels=trades`));
    try {
      await c.until(() => totalTrades(c) >= 1500 && boardFrames(c).length >= 25, 20_000, '1500 trades');
    } finally {
      c.close();
    }
    const frames = boardFrames(c);
    expect(frames[0]!.kind).toBe('FULL');
    // The first FULL: the replay, at most REPLAY trades a symbol, consecutive.
    const first = new Map<string, number[]>();
    for (const t of tradesOf(frames[0]!)) first.set(t.symbol, [...(first.get(t.symbol) ?? []), t.tradeSeq]);
    for (const [sym, seqs] of first) {
      expect(seqs.length, sym).toBeLessThanOrEqual(REPLAY);
      expect(seqs, sym).toEqual(seqs.map((_, i) => seqs[0]! + i));
    }
    // The whole stream: per symbol each trade_seq exactly one more than the previous (no gap, no repeat).
    const bySymbol = new Map<string, Trade[]>();
    for (const f of frames) for (const t of tradesOf(f)) {
      const seen = bySymbol.get(t.symbol);
      if (seen) expect(t.tradeSeq, `${t.symbol} after ${seen.at(-1)!.tradeSeq}`).toBe(seen.at(-1)!.tradeSeq + 1);
      bySymbol.set(t.symbol, [...(seen ?? []), t]);
    }
    expect([...bySymbol.keys()].some((s) => s.startsWith('VN30F'))).toBe(true);
    expect(bySymbol.size).toBeGreaterThan(20);
    // Against history: trade_seq k is the symbol's k-th stored tick (the stream started at the worker's start).
    for (const [sym, trades] of bySymbol) {
      const ticks = await storedTicks(sym, trades.at(-1)!.tradeSeq);
      for (const t of trades) {
        const k = ticks[t.tradeSeq - 1]!;
        expect({ price: t.price, volume: t.volume, side: t.side, session: t.session, timeMs: t.timeMs }, `${sym} #${t.tradeSeq}`).toEqual({ price: k.price, volume: k.volume, side: SIDE[k.side], session: PHASES[k.phase], timeMs: k.ts });
      }
    }
    const sides = new Set([...bySymbol.values()].flat().map((t) => t.side));
    expect(sides.has('ACTIVE_BUY') && sides.has('ACTIVE_SELL')).toBe(true);
  }, 60_000);

  it('a watchlist gets only its symbols\' trades', async () => {
    const c = await TestClient.open(srv.ws(`format=${format}&channels=trades&symbols=FPT,VNM`));
    try {
      await c.until(() => totalTrades(c) >= 40, 20_000, 'watchlist trades');
    } finally {
      c.close();
    }
    const symbols = new Set(boardFrames(c).flatMap((f) => tradesOf(f).map((t) => t.symbol)));
    expect([...symbols].sort()).toEqual(['FPT', 'VNM']);
    // Only the trades channel: no rows, no candles.
    for (const f of boardFrames(c)) expect((f.json.snapshot as Record<string, unknown>).symbols ?? []).toEqual([]);
  }, 30_000);

  it('a socket that connects or resyncs gets the last TRADES_REPLAY trades of each symbol with its FULL', async () => {
    const a = await TestClient.open(srv.ws(`format=${format}&channels=trades`));
    let b: TestClient | undefined;
    try {
      await a.until(() => boardFrames(a).length >= 10, 10_000, 'a running');
      b = await TestClient.open(srv.ws(`format=${format}&channels=trades`));
      const full = await b.until(() => boardFrames(b!)[0], 5000, 'b FULL');
      const replay = tradesOf(full);
      // a (on the stream since before) holds every trade up to b's FULL's seq once it has that frame.
      await a.until(() => boardFrames(a).some((f) => f.seq >= full.seq), 5000, 'a at b FULL');
      const seen = new Map<string, Trade>();
      for (const f of boardFrames(a)) if (f.seq <= full.seq) for (const t of tradesOf(f)) seen.set(`${t.symbol}#${t.tradeSeq}`, t);
      const last = new Map<string, number>();
      for (const t of seen.values()) last.set(t.symbol, Math.max(last.get(t.symbol) ?? 0, t.tradeSeq));
      const bySymbol = new Map<string, number[]>();
      for (const t of replay) {
        bySymbol.set(t.symbol, [...(bySymbol.get(t.symbol) ?? []), t.tradeSeq]);
        expect(t, `${t.symbol}#${t.tradeSeq} as a saw it`).toEqual(seen.get(`${t.symbol}#${t.tradeSeq}`) ?? t);
      }
      for (const [sym, top] of last) {
        const n = Math.min(REPLAY, top);
        expect(bySymbol.get(sym), sym).toEqual(Array.from({ length: n }, (_, i) => top - n + 1 + i));
      }
      // A resync: the next FULL replays again (the client drops what it has by trade_seq).
      const before = boardFrames(b).length;
      sendMsg(b, format === 'proto', { resync: {} });
      const again = await b.until(() => boardFrames(b!).slice(before).find((f) => f.kind === 'FULL'), 5000, 'FULL after resync');
      const counts = new Map<string, number>();
      for (const t of tradesOf(again)) counts.set(t.symbol, (counts.get(t.symbol) ?? 0) + 1);
      expect(Math.max(...counts.values())).toBe(REPLAY);
    } finally {
      a.close();
      b?.close();
    }
  }, 30_000);
});

describe.each(FORMATS)('candles over %s', (format) => {
  it('closed live 1m candles equal /api/history candles over several minutes (symbols, futures, VN30, VNINDEX)', async () => {
    const c = await TestClient.open(srv.ws(`format=${format}&channels=candles`));
    const closedOf = () => boardFrames(c).flatMap(candlesOf).filter((x) => x.closed);
    try {
      await c.until(() => closedOf().filter((x) => x.symbol === 'VN30').length >= 4 && closedOf().filter((x) => x.symbol === 'VNINDEX').length >= 4, 30_000, '4 closed index minutes');
    } finally {
      c.close();
    }
    const frames = boardFrames(c);
    // A DELTA carries the changed candles only; a FULL every symbol's.
    const fullCount = candlesOf(frames[0]!).length;
    expect(frames.some((f) => f.kind === 'DELTA' && candlesOf(f).length > 0 && candlesOf(f).length < fullCount)).toBe(true);
    // A minute is closed once in the DELTAs; a later FULL (a keyframe) repeats it as the symbol's current candle, unchanged.
    const closed = new Map<string, Candle>();
    const closedByDelta = new Set<string>();
    for (const f of frames) for (const x of candlesOf(f).filter((y) => y.closed)) {
      const key = `${x.symbol}@${x.timeMs}`;
      if (f.kind === 'DELTA') {
        expect(closedByDelta.has(key), `${key} closed twice`).toBe(false);
        closedByDelta.add(key);
      }
      if (closed.has(key)) expect(x, key).toEqual(closed.get(key));
      closed.set(key, x);
    }
    expect([...closed.values()].some((x) => x.symbol.startsWith('VN30F'))).toBe(true);
    expect(new Set([...closed.values()].map((x) => x.symbol)).size).toBeGreaterThan(20);
    const stored = async (x: Candle) => {
      const path = x.symbol === 'VN30' || x.symbol === 'VNINDEX' ? `/api/history/index/${x.symbol}/candles` : `/api/history/${x.symbol}/candles`;
      const rows = (await json<{ rows: Array<Record<string, number>> }>(`${path}?interval=1m&from=${x.timeMs}&to=${x.timeMs + 60_000}`)).rows;
      return rows[0];
    };
    for (const x of closed.values()) {
      const want = { ts: x.timeMs, open: x.open, high: x.high, low: x.low, close: x.close, volume: x.volume, buyVolume: x.buyVolume, sellVolume: x.sellVolume, trades: x.trades };
      let got: Record<string, number> | undefined;
      // History catches up within a flush or two; the comparison itself is exact.
      await until(`${x.symbol}@${x.timeMs} stored`, async () => (got = await stored(x)) !== undefined && got.volume >= x.volume, 10_000, 50).catch(() => {});
      expect(got, `${x.symbol}@${new Date(x.timeMs).toISOString()}`).toEqual(want);
    }
  }, 60_000);
});

it('/api/snapshot carries the default channels only', async () => {
  const body = await json<{ snapshot: Record<string, unknown> }>('/api/snapshot');
  expect(body.snapshot).toHaveProperty('symbols');
  expect(body.snapshot).not.toHaveProperty('trades');
  expect(body.snapshot).not.toHaveProperty('candles');
});

describe.each(FORMATS)('views over %s', (format) => {
  it('subscribe adds trades (its FULL replays them), unsubscribe takes them away again', async () => {
    const c = await TestClient.open(srv.ws(`format=${format}&channels=indices`));
    try {
      await c.until(() => boardFrames(c).length >= 2, 5000, 'frames');
      expect(boardFrames(c).every((f) => tradesOf(f).length === 0)).toBe(true);
      const n = boardFrames(c).length;
      sendMsg(c, format === 'proto', { subscribe: { channels: ['trades'], symbols: [] } });
      const full = await c.until(() => boardFrames(c).slice(n).find((f) => f.kind === 'FULL'), 5000, 'FULL after subscribe');
      expect(Math.max(...tradesOf(full).map((t) => t.tradeSeq))).toBeGreaterThan(0);
      expect(tradesOf(full).filter((t) => t.symbol === 'FPT').length).toBe(REPLAY);
      sendMsg(c, format === 'proto', { unsubscribe: { channels: ['trades'], symbols: [] } });
      const m = boardFrames(c).length;
      await c.until(() => boardFrames(c).length >= m + 5, 5000, 'frames after unsubscribe');
      // The FULL of the new view and everything after it: no trades.
      const after = boardFrames(c).slice(m);
      const from = after.findIndex((f) => f.kind === 'FULL');
      expect(from).toBeGreaterThanOrEqual(0);
      expect(after.slice(from).every((f) => tradesOf(f).length === 0)).toBe(true);
    } finally {
      c.close();
    }
  }, 20_000);
});

it('a JWT channels claim covers the new channels: absent ?channels gives the default four, naming a channel the claim lacks is refused', () => {
  const claim = allowedChannels(['board', 'trades']);
  expect(parseChannels(null, claim)).toEqual({ ok: true, channels: new Set(['board']) });
  expect(parseChannels('board,trades', claim)).toEqual({ ok: true, channels: new Set(['board', 'trades']) });
  expect(parseChannels('trades,candles', claim)).toEqual({ ok: false, bad: 'candles' });
  expect(parseChannels(null, allowedChannels(undefined))).toEqual({ ok: true, channels: new Set(['board', 'indices', 'foreign', 'derivatives']) });
});
