// Recording any feed to NDJSON(.gz) and replaying it: the replayed board equals the
// recorded one; timing is scaled; loop; files without a header; broken files.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.js';
import { ConfigError } from '../../src/errors.js';
import { createFeed, feedStartupFromConfig } from '../../src/market/feed/create-feed.js';
import type { Feed, RawFeedMessage } from '../../src/market/feed/feed.js';
import { readRecording, recordFeed, RecordingError, RecordingWriter } from '../../src/market/feed/recording.js';
import { ReplayFeed } from '../../src/market/feed/replay-feed.js';
import { SimFeed } from '../../src/market/feed/sim-feed.js';
import { Normalizer } from '../../src/market/normalizer.js';
import { MarketProcessor } from '../../src/market/processor/processor.js';
import { parseRecordArgs } from '../../src/record/cli.js';
import { SymbolStatus } from '../../src/wire/proto.js';

const FIXTURE = fileURLToPath(new URL('../fixtures/sim-3s.ndjson.gz', import.meta.url));
const dir = mkdtempSync(join(tmpdir(), 'boardcast-rec-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Feeds raw messages through the real normalizer into a processor built on `basket`. */
class Board {
  readonly normalizer = new Normalizer();
  processor: MarketProcessor | undefined;
  private readonly early: RawFeedMessage[] = [];
  push = (raw: RawFeedMessage) => {
    if (!this.processor) return void this.early.push(raw);
    const ev = this.normalizer.accept(raw);
    if (ev) this.processor.apply(ev);
  };
  build(basket: string[]): void {
    this.processor = new MarketProcessor({ basket });
    for (const raw of this.early.splice(0)) this.push(raw);
  }
}

async function replayToBoard(feed: ReplayFeed): Promise<Board> {
  const board = new Board();
  await feed.start({ onMessage: board.push, onStatus: () => {} });
  board.build(feed.basket());
  await feed.finished;
  return board;
}

describe('record and replay', () => {
  it('records the simulator (gzip), and a fast replay rebuilds exactly the board the recording ended with', async () => {
    const file = join(dir, 'sim.ndjson.gz');
    const live = new Board();
    const sim = new SimFeed({ seed: 7, tradesPerSecond: 300, startTime: '10:30:00', clockSpeed: 30, tickMs: 10 });
    let basket: string[] = [];
    const rec = recordFeed(sim, file, { durationMs: 1500, onMessage: (m) => live.push(m) });
    // The live board is built once the basket is known (as the worker does).
    await new Promise((r) => setTimeout(r, 0));
    basket = sim.basket();
    live.build(basket);
    const { count } = await rec;
    expect(count).toBeGreaterThan(200);
    const recorded = await readRecording(file);
    expect(recorded.header?.feed).toBe('sim');
    expect(recorded.header?.basket).toEqual(basket);
    expect(recorded.messages).toHaveLength(count);

    const t0 = Date.now();
    const replayed = await replayToBoard(new ReplayFeed({ file, speed: 1000 }));
    expect(Date.now() - t0).toBeLessThan(1500); // 1.5 s of recording at 1000×
    expect(replayed.normalizer.accepted).toBe(live.normalizer.accepted);
    expect(replayed.processor!.snapshot()).toEqual(live.processor!.snapshot());
  });

  it('plays the shipped fixture with its timing scaled by REPLAY_SPEED', async () => {
    const { messages, header } = await readRecording(FIXTURE);
    expect(header?.basket).toHaveLength(30);
    const spanMs = messages[messages.length - 1]!.t - messages[0]!.t;
    expect(spanMs).toBeGreaterThan(2000);
    const feed = new ReplayFeed({ file: FIXTURE, speed: 10 });
    const t0 = Date.now();
    const board = await replayToBoard(feed);
    const took = Date.now() - t0;
    expect(took).toBeGreaterThanOrEqual(spanMs / 10 - 20);
    expect(took).toBeLessThan(spanMs / 10 + 1000);
    expect(feed.delivered).toBe(messages.length);
    expect(board.normalizer.accepted).toBe(messages.length);
    const snap = board.processor!.snapshot();
    expect(snap.symbols!.every((s) => (s.lastPrice ?? 0) > 0)).toBe(true);
    expect(snap.indices!.map((i) => i.id)).toEqual(expect.arrayContaining(['VN30', 'VNINDEX']));
  });

  it('REPLAY_LOOP plays the file again from the top', async () => {
    const feed = new ReplayFeed({ file: FIXTURE, speed: 100_000, loop: true });
    const { messages } = await readRecording(FIXTURE);
    await feed.start({ onMessage: () => {}, onStatus: () => {} });
    const t0 = Date.now();
    while (feed.passes < 3 && Date.now() - t0 < 5000) await new Promise((r) => setTimeout(r, 5));
    await feed.stop();
    expect(feed.passes).toBeGreaterThanOrEqual(3);
    expect(feed.delivered).toBeGreaterThanOrEqual(3 * messages.length);
    expect(feed.status().state).toBe('stopped');
  });

  it('a plain NDJSON file without a header takes its basket from the quotes; malformed payloads reach the normalizer and are counted', async () => {
    const { messages } = await readRecording(FIXTURE);
    const file = join(dir, 'noheader.ndjson');
    const lines = messages.slice(0, 60).map((m) => JSON.stringify(m));
    lines.splice(5, 0, JSON.stringify({ t: messages[5]!.t, m: '{"RType":"X",' }), '');
    writeFileSync(file, `${lines.join('\n')}\n`);
    const feed = new ReplayFeed({ file, speed: 100_000 });
    const board = await replayToBoard(feed);
    const expected = [...new Set(messages.slice(0, 60).filter((r) => typeof r.m === 'object' && r.m.RType === 'X' && !String(r.m.Symbol).startsWith('VN30F')).map((r) => (r.m as RawFeedMessage).Symbol))];
    expect(feed.basket()).toEqual(expected);
    expect(board.normalizer.rejected.not_an_object).toBe(1);
    expect(board.normalizer.accepted).toBe(60);
  });

  it('a broken recording fails with a clear error naming the line; a missing one fails start()', async () => {
    const file = join(dir, 'broken.ndjson');
    writeFileSync(file, `${JSON.stringify({ recording: 'boardcast-feed', version: 1, feed: 'sim', basket: ['ACB'], startedAt: 1 })}\n{"t":1,"m":{"RType":"X"}}\nnot json\n`);
    const statuses: string[] = [];
    const feed = new ReplayFeed({ file, speed: 1000 });
    await feed.start({ onMessage: () => {}, onStatus: (s) => statuses.push(`${s.state}${s.lastError ? `: ${s.lastError}` : ''}`) });
    await feed.finished;
    expect(feed.status().state).toBe('failed');
    expect(feed.status().lastError).toMatch(/broken\.ndjson:3: not JSON/);
    await expect(new ReplayFeed({ file: join(dir, 'nope.ndjson.gz') }).start({ onMessage: () => {}, onStatus: () => {} })).rejects.toThrow(RecordingError);
  });

  it('the writer keeps malformed payloads as strings and writes plain NDJSON for other names', async () => {
    const file = join(dir, 'plain.ndjson');
    const w = new RecordingWriter(file, { feed: 'ssi', basket: ['FPT'], startedAt: 5 });
    w.write({ RType: 'X', Symbol: 'FPT' }, 10);
    w.write('{"broken', 11);
    await w.close();
    const r = await readRecording(file);
    expect(r.header).toMatchObject({ recording: 'boardcast-feed', version: 1, feed: 'ssi', basket: ['FPT'], startedAt: 5 });
    expect(r.messages).toEqual([{ t: 10, m: { RType: 'X', Symbol: 'FPT' } }, { t: 11, m: '{"broken' }]);
  });
});

describe('configuration of the feeds', () => {
  it('FEED=replay needs REPLAY_FILE; FEED=ssi needs the consumer id and secret (never shown)', async () => {
    expect(() => loadConfig({ FEED: 'replay' })).toThrow(ConfigError);
    expect(() => loadConfig({ FEED: 'replay' })).toThrow(/REPLAY_FILE/);
    expect(() => loadConfig({ FEED: 'ssi', SSI_CONSUMER_SECRET: 'x'.repeat(20) })).toThrow(/SSI_CONSUMER_ID/);
    try {
      loadConfig({ FEED: 'ssi', SSI_CONSUMER_ID: 'id', SSI_CONSUMER_SECRET: '   ' });
      expect.unreachable();
    } catch (err) {
      expect((err as Error).message).toMatch(/SSI_CONSUMER_SECRET="\[redacted\]"/);
    }
    expect(() => loadConfig({ REPLAY_SPEED: '0' })).toThrow(/REPLAY_SPEED/);
    expect(() => loadConfig({ FUTURES_OVERRIDE: 'VN30F2612,FPT' })).toThrow(/FUTURES_OVERRIDE/);
    // Both code schemes; a month or year letter that does not exist is refused.
    expect(loadConfig({ FUTURES_OVERRIDE: '41i1g6000, VN30F2607' }).FUTURES_OVERRIDE).toEqual(['41I1G6000', 'VN30F2607']);
    for (const bad of ['41I1G0000', '41I1GD000', '41I1I6000', 'VN30F2613']) expect(() => loadConfig({ FUTURES_OVERRIDE: bad }), bad).toThrow(/FUTURES_OVERRIDE/);
    expect(loadConfig({}).FUTURES_CODE_SCHEME).toBe('auto');
    expect(() => loadConfig({ FUTURES_CODE_SCHEME: 'both' })).toThrow(/FUTURES_CODE_SCHEME/);
    expect(feedStartupFromConfig(loadConfig({ FEED: 'ssi', SSI_CONSUMER_ID: 'id', SSI_CONSUMER_SECRET: 's', FUTURES_CODE_SCHEME: 'krx' })).ssi?.futuresCodeScheme).toBe('krx');
    const c = loadConfig({ FEED: 'ssi', SSI_CONSUMER_ID: 'id', SSI_CONSUMER_SECRET: 'secret-value', FUTURES_OVERRIDE: 'vn30f2612, VN30F2701', EXTRA_SYMBOLS: 'dgc,pow' });
    expect(c.FUTURES_OVERRIDE).toEqual(['VN30F2612', 'VN30F2701']);
    expect(c.EXTRA_SYMBOLS).toEqual(['DGC', 'POW']);
    expect(feedStartupFromConfig(c).ssi).toMatchObject({ consumerId: 'id', baseUrl: 'https://fc-data.ssi.com.vn/api/v2/', streamUrl: 'https://fc-datahub.ssi.com.vn/v2.0' });
    const r = loadConfig({ FEED: 'replay', REPLAY_FILE: FIXTURE, REPLAY_SPEED: '2.5', REPLAY_LOOP: '1' });
    const feed: Feed = await createFeed(feedStartupFromConfig(r));
    expect(feed).toBeInstanceOf(ReplayFeed);
    expect((feed as ReplayFeed).speed).toBe(2.5);
    expect((feed as ReplayFeed).loop).toBe(true);
  });

  it('record CLI arguments', () => {
    expect(parseRecordArgs(['--out', 'x.ndjson.gz', '--duration', '5', '--feed', 'sim'])).toEqual({ help: false, out: 'x.ndjson.gz', durationS: 5, feed: 'sim' });
    expect(parseRecordArgs(['--help'])).toMatchObject({ help: true });
    expect(() => parseRecordArgs([])).toThrow(/--out is required/);
    expect(() => parseRecordArgs(['--out', 'f', '--duration', '-1'])).toThrow(/--duration/);
    expect(() => parseRecordArgs(['--out', 'f', '--feed', 'kafka'])).toThrow(/--feed/);
  });
});

describe('replay of a hand-made SSI recording of the ATO (test/fixtures/ssi-auction.ndjson)', () => {
  const AUCTION = fileURLToPath(new URL('../fixtures/ssi-auction.ndjson', import.meta.url));
  type Row = { projectedPrice?: number | null; projectedVolume?: number | null; lastPrice?: number | null; totalVolume?: number | null; status?: number | null };

  it('shows EstMatchedPrice as the projected match during the auction, priced with the book it came with, and drops it at the match', async () => {
    const normalizer = new Normalizer();
    const processor = new MarketProcessor({ basket: ['FPT', 'VNM'] });
    // The board after each message, by its market time.
    const after = new Map<string, { FPT: Row; VNM: Row }>();
    const feed = new ReplayFeed({ file: AUCTION, speed: 1e6 });
    await feed.start({
      onMessage: (raw) => {
        const ev = normalizer.accept(raw);
        if (ev) processor.apply(ev);
        const rows = processor.snapshot().symbols!;
        const row = (s: string) => rows.find((r) => r.symbol === s)! as Row;
        after.set(String(raw.Time).replace(/\s+/g, ''), { FPT: row('FPT'), VNM: row('VNM') });
      },
      onStatus: () => {},
    });
    await feed.finished;
    expect(normalizer.counters()).toEqual({ accepted: 8, rejected: {}, unknownType: {} });
    // 09:05, TradingSession ATO: the feed's 121,000; the volume is the book's at that price:
    // buyers 5,000 (ATO market orders) + 3,000 + 2,000; sellers 1,000 (ATO) + 4,000 + 2,500 (the
    // 4th level, at 122,000, is above it) → 7,500.
    expect(after.get('09:05:00')!.FPT).toMatchObject({ projectedPrice: 121_000, projectedVolume: 7_500, lastPrice: 0 });
    // 09:06, a message without TradingSession: the market clock (ATO) says it is an auction.
    expect(after.get('09:06:00')!.VNM).toMatchObject({ projectedPrice: 65_000, projectedVolume: 2_200 });
    expect(after.get('09:14:00')!.FPT).toMatchObject({ projectedPrice: 121_500, projectedVolume: 7_500 });
    // 09:15:00, the opening match (still stamped ATO, EstMatchedPrice still set): a trade, no projection.
    expect(after.get('09:15:00')!.FPT).toMatchObject({ projectedPrice: 0, projectedVolume: 0, lastPrice: 121_500, totalVolume: 7_500 });
    expect(after.get('09:15:05')!.FPT).toMatchObject({ projectedPrice: 0 });
    // Continuous trading (TradingSession LO) with a non-zero EstMatchedPrice: not an auction.
    expect(after.get('09:20:00')!.VNM).toMatchObject({ projectedPrice: 0, lastPrice: 65_000 });
    // The F channel: FPT normal from 09:00; VNM halted by TradingSession HALT at 09:21 ("09: 21: 00" as SSI writes it).
    expect(after.get('09:00:00')!.FPT.status).toBe(SymbolStatus.STATUS_NORMAL);
    expect(after.get('09:20:00')!.VNM.status).toBe(SymbolStatus.STATUS_UNSPECIFIED);
    expect(after.get('09:21:00')!.VNM.status).toBe(SymbolStatus.STATUS_HALTED);
  });
});
