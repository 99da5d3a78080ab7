// Hand-made SSI-style recordings (test/fixtures/ssi-*.ndjson) replayed through the real
// normalizer and processor, and through a real server (replay feed in the market worker,
// history writer, REST, WebSocket): auction matches stamped at the window's end with
// TradingSession, the exchange's own aggressor side, futures on the HNX timetable under
// their KRX-era code, a phase that follows the calendar while the feed is quiet, a holiday.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import type { RawFeedMessage } from '../../src/market/feed/feed.js';
import { ReplayFeed } from '../../src/market/feed/replay-feed.js';
import { Normalizer } from '../../src/market/normalizer.js';
import { MarketProcessor } from '../../src/market/processor/processor.js';
import { localTimeToMs } from '../../src/market/rules/session.js';
import { MarketPhase } from '../../src/wire/proto.js';
import { startHistoryServer } from '../history/server.js';
import { until } from '../helpers/until.js';
import { startTestServer } from '../helpers/server.js';
import { TestClient, decode } from '../helpers/ws-client.js';

const fixture = (name: string) => fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
const SESSIONS = fixture('ssi-sessions.ndjson');
const QUIET = fixture('ssi-quiet-1129.ndjson');
const HOLIDAY = fixture('ssi-holiday-2026-09-02.ndjson');
const P = MarketPhase;
const DAY = '2026-06-16';
const dir = mkdtempSync(join(tmpdir(), 'boardcast-sessions-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Replays a fixture at full speed into a processor built on its basket. */
async function replay(file: string): Promise<MarketProcessor> {
  const normalizer = new Normalizer();
  let processor: MarketProcessor | undefined;
  const early: RawFeedMessage[] = [];
  const push = (raw: RawFeedMessage) => {
    if (!processor) return void early.push(raw);
    const ev = normalizer.accept(raw);
    if (ev) processor.apply(ev);
  };
  const feed = new ReplayFeed({ file, speed: 100_000 });
  await feed.start({ onMessage: push, onStatus: () => {} });
  processor = new MarketProcessor({ basket: feed.basket() });
  for (const raw of early.splice(0)) push(raw);
  await feed.finished;
  expect(normalizer.rejectedTotal).toBe(0);
  return processor;
}

// What the fixture's FPT day must give (every figure from the messages, by hand):
// 09:15:00 ATO match 80,000 (TradingSession=ATO) → ATO, neutral (the clock says continuous,
//   and the price is at the previous ask: read from the clock it would be an active buy);
// 09:20 at the previous ask 300 → continuous buy (book);
// 09:25 at the previous bid 500 with Side=BU → continuous buy (feed; the book says sell);
// 09:26 at the previous ask 200 with Side=SD → continuous sell (feed; the book says buy);
// 14:45:00 ATC match 120,000 (TradingSession=ATC) → ATC, neutral (the clock says put-through);
// 14:50 put-through 10,000 (TradingSession=PT) → no bucket, in the total only.
const FPT_TICKS = [
  { ts: localTimeToMs(DAY, '09:15:00'), volume: 80_000, side: 'neutral', sideBy: 'book', phase: P.ATO },
  { ts: localTimeToMs(DAY, '09:20:00'), volume: 300, side: 'buy', sideBy: 'book', phase: P.CONTINUOUS },
  { ts: localTimeToMs(DAY, '09:25:00'), volume: 500, side: 'buy', sideBy: 'feed', phase: P.CONTINUOUS },
  { ts: localTimeToMs(DAY, '09:26:00'), volume: 200, side: 'sell', sideBy: 'feed', phase: P.CONTINUOUS },
  { ts: localTimeToMs(DAY, '14:45:00'), volume: 120_000, side: 'neutral', sideBy: 'book', phase: P.ATC },
  { ts: localTimeToMs(DAY, '14:50:00'), volume: 10_000, side: 'neutral', sideBy: 'book', phase: P.PUT_THROUGH },
];
// The futures, under their KRX-era code 41I1G6000 and without TradingSession (the clock
// decides, on the HNX timetable): 08:50 → ATO, neutral; 09:05 at the previous ask →
// continuous, active buy; 14:40 → ATC, neutral.
const FUTURES_TICKS = [
  { ts: localTimeToMs(DAY, '08:50:00'), volume: 10, side: 'neutral', sideBy: 'book', phase: P.ATO },
  { ts: localTimeToMs(DAY, '09:05:00'), volume: 15, side: 'buy', sideBy: 'book', phase: P.CONTINUOUS },
  { ts: localTimeToMs(DAY, '14:40:00'), volume: 20, side: 'neutral', sideBy: 'book', phase: P.ATC },
];
const flow = (buy: number, sell: number, neutral: number, price: number[]) => ({ buyVolume: buy, sellVolume: sell, neutralVolume: neutral, ...price.length === 3 ? { buyValue: price[0], sellValue: price[1], neutralValue: price[2] } : {} });

describe('a replayed SSI day: sessions from the feed, the exchange\'s side, the HNX timetable', () => {
  it('puts auction matches in the ATO / ATC buckets and lets Side decide against the book', async () => {
    const p = await replay(SESSIONS);
    const trades = p.drainTrades();
    const fpt = trades.filter((t) => t.symbol === 'FPT');
    expect(fpt.map(({ timeMs, volume, side, sideBy, phase }) => ({ ts: timeMs, volume, side, sideBy, phase }))).toEqual(FPT_TICKS);
    const row = p.snapshot().symbols!.find((s) => s.symbol === 'FPT')!;
    expect(row.ato).toMatchObject(flow(0, 0, 80_000, []));
    expect(row.continuous).toMatchObject(flow(800, 200, 0, [300 * 95_600 + 500 * 95_500, 200 * 95_600, 0]));
    expect(row.atc).toMatchObject(flow(0, 0, 120_000, []));
    expect(row.totalVolume).toBe(211_000);
    // VNM sends no TradingSession: the clock decides (10:00:05, continuous), the book says buy.
    expect(trades.filter((t) => t.symbol === 'VNM').map((t) => [t.phase, t.side, t.sideBy])).toEqual([[P.CONTINUOUS, 'buy', 'book']]);
  });

  it('classifies futures on the derivatives timetable and shows them under both names', async () => {
    const p = await replay(SESSIONS);
    const fut = p.drainTrades().filter((t) => t.feedCode === '41I1G6000');
    expect(fut.every((t) => t.symbol === 'VN30F2606')).toBe(true);
    expect(fut.map(({ timeMs, volume, side, sideBy, phase }) => ({ ts: timeMs, volume, side, sideBy, phase }))).toEqual(FUTURES_TICKS);
    const d = p.snapshot().derivatives!;
    expect(d).toMatchObject({ symbol: 'VN30F2606', feedCode: '41I1G6000', expiryDate: '2026-06-18', last: 1_884, totalVolume: 45 });
  });

  it('a holiday is CLOSED for both classes, whatever the messages say', async () => {
    const p = await replay(HOLIDAY);
    const s = p.snapshot();
    expect(s.tradingDate).toBe('2026-09-02');
    expect(s.phase).toBe(P.CLOSED);
    expect(s.derivativesPhase).toBe(P.CLOSED);
  });
});

describe('through a real server (FEED=replay)', () => {
  it('stores each tick with its session phase, who decided its side and the feed\'s code; REST finds futures under both names', async () => {
    const srv = await startHistoryServer({ FEED: 'replay', REPLAY_FILE: SESSIONS, REPLAY_SPEED: '100000', DATA_DIR: join(dir, 'sessions') });
    try {
      const ticks = async (sym: string) => ((await (await fetch(`${srv.http}/api/history/${sym}/ticks`)).json()) as { rows: Array<Record<string, unknown>> }).rows;
      await until('every FPT and futures tick stored', async () => (await ticks('FPT')).length === FPT_TICKS.length && (await ticks('VN30F2606')).length === FUTURES_TICKS.length, 20_000);
      expect((await ticks('FPT')).map(({ ts, volume, side, sideBy, phase }) => ({ ts, volume, side, sideBy, phase }))).toEqual(FPT_TICKS);
      const fut = await ticks('41I1G6000');
      expect(fut).toEqual(await ticks('VN30F2606'));
      expect(fut.map(({ ts, volume, side, sideBy, phase }) => ({ ts, volume, side, sideBy, phase }))).toEqual(FUTURES_TICKS);
      expect(new Set(fut.map((t) => `${t.symbol} ${t.feedCode}`))).toEqual(new Set(['VN30F2606 41I1G6000']));
      const basis = ((await (await fetch(`${srv.http}/api/history/basis`)).json()) as { rows: Array<Record<string, unknown>> }).rows;
      expect(basis.length).toBeGreaterThan(0);
      expect(basis.every((b) => b.contract === 'VN30F2606' && b.feedCode === '41I1G6000')).toBe(true);
      const snap = (await (await fetch(`${srv.http}/api/snapshot`)).json()) as { snapshot: { derivatives: Record<string, unknown> } };
      expect(snap.snapshot.derivatives).toMatchObject({ symbol: 'VN30F2606', feedCode: '41I1G6000' });
    } finally {
      await srv.stop();
    }
  });

  it('a feed that stops at 11:29: BREAK at 11:30 and CONTINUOUS at 13:00 without any message (the clock runs at REPLAY_SPEED)', async () => {
    // 3000×: 90 market minutes of lunch take 1.8 s of wall time; frames every 100 ms.
    const srv = await startTestServer({ FEED: 'replay', REPLAY_FILE: QUIET, REPLAY_SPEED: '3000', BROADCAST_INTERVAL_MS: '100' });
    const client = await TestClient.open(srv.ws('format=json'));
    try {
      const headers = () =>
        client.messages
          .map((m) => decode(m).json.snapshot as { marketTimeMs?: number; phase?: string; derivativesPhase?: string; symbols?: Array<{ updatedAtMs?: number }> } | undefined)
          .filter((s) => s !== undefined && (s.marketTimeMs ?? 0) > 0);
      const afterLunch = localTimeToMs(DAY, '13:00:00');
      const last = await client.until(() => headers().find((h) => h!.marketTimeMs! >= afterLunch && h!.phase === 'CONTINUOUS'), 15_000, 'continuous trading after 13:00');
      expect(last!.derivativesPhase).toBe('CONTINUOUS');
      const seen = headers();
      const phasesAt = (from: string, to: string) => new Set(seen.filter((h) => h!.marketTimeMs! >= localTimeToMs(DAY, from) && h!.marketTimeMs! < localTimeToMs(DAY, to)).map((h) => `${h!.phase}/${h!.derivativesPhase}`));
      // Frames from the feed's last minute (at 3000× it lasts 20 ms of wall time, so a busy
      // machine may show none of them), the lunch break, and after it.
      for (const p of phasesAt('11:28:00', '11:30:00')) expect(p).toBe('CONTINUOUS/CONTINUOUS');
      expect(phasesAt('11:30:00', '13:00:00')).toEqual(new Set(['LUNCH_BREAK/LUNCH_BREAK']));
      expect(seen.some((h) => h!.phase === 'LUNCH_BREAK')).toBe(true);
      // No message after 11:29: the board's data still ends there.
      const full = (await (await fetch(`${srv.http}/api/snapshot`)).json()) as { snapshot: { symbols: Array<{ updatedAtMs: number }>; marketTimeMs: number } };
      expect(full.snapshot.symbols[0]!.updatedAtMs).toBe(localTimeToMs(DAY, '11:29:00'));
      expect(full.snapshot.marketTimeMs).toBeGreaterThanOrEqual(afterLunch);
    } finally {
      client.close();
      await srv.stop();
    }
  });
});
