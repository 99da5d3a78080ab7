// The real SSI adapter (REST + SignalR 1.x over WebSocket) against a fake FastConnect v2
// on loopback, with the real normalizer and processor behind it.
import { afterEach, describe, expect, it } from 'vitest';
import type { Logger } from '../../src/log.js';
import type { FeedStatus, RawFeedMessage } from '../../src/market/feed/feed.js';
import { SsiFeed, type SsiFeedOptions } from '../../src/market/feed/ssi/ssi-feed.js';
import { jwtExpiryMs, TokenManager } from '../../src/market/feed/ssi/token.js';
import { unwrapBroadcast } from '../../src/market/feed/ssi/stream.js';
import { Normalizer } from '../../src/market/normalizer.js';
import { MarketProcessor } from '../../src/market/processor/processor.js';
import { activeContracts, frontMonthContract } from '../../src/market/rules/futures.js';
import { tradingDate } from '../../src/market/rules/session.js';
import { FakeSsi, miMsg, rMsg, vnToday, xMsg } from './fake-ssi.js';
import { until } from '../helpers/until.js';

interface Harness {
  fake: FakeSsi;
  feed: SsiFeed;
  normalizer: Normalizer;
  processor: () => MarketProcessor;
  statuses: FeedStatus[];
  raws: Array<RawFeedMessage | string>;
}

const cleanups: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const c of cleanups.splice(0).reverse()) await c();
});

async function harness(opts: Partial<SsiFeedOptions> = {}, fakeOpts: ConstructorParameters<typeof FakeSsi>[0] = {}): Promise<Harness> {
  const fake = await new FakeSsi(fakeOpts).start();
  cleanups.push(() => fake.stop());
  const feed = new SsiFeed({
    consumerId: fake.consumerId,
    consumerSecret: fake.consumerSecret,
    baseUrl: fake.baseUrl,
    streamUrl: fake.streamUrl,
    backoff: { initialMs: 20, maxMs: 200, jitter: 0 },
    watchdogMs: 2000,
    connectTimeoutMs: 2000,
    requestTimeoutMs: 2000,
    ...opts,
  });
  cleanups.push(() => feed.stop());
  const normalizer = new Normalizer();
  const statuses: FeedStatus[] = [];
  const raws: Array<RawFeedMessage | string> = [];
  let processor: MarketProcessor | undefined;
  const early: RawFeedMessage[] = [];
  await feed.start({
    onMessage: (raw) => {
      raws.push(raw);
      if (!processor) return void early.push(raw);
      const ev = normalizer.accept(raw);
      if (ev) processor.apply(ev);
    },
    onStatus: (s) => statuses.push(s),
  });
  processor = new MarketProcessor({ basket: feed.basket() });
  for (const raw of early.splice(0)) {
    const ev = normalizer.accept(raw);
    if (ev) processor.apply(ev);
  }
  return { fake, feed, normalizer, processor: () => processor!, statuses, raws };
}

const now = () => vnToday().time;
const symbolOf = (p: MarketProcessor, s: string) => p.snapshot().symbols!.find((x) => x.symbol === s)!;

describe('SsiFeed against a fake FastConnect v2', () => {
  it('authenticates, takes the paged VN30 basket, subscribes through SignalR 1.x and fills the board', async () => {
    const front = frontMonthContract(tradingDate(Date.now())).symbol;
    const h = await harness({ extraSymbols: ['DGC'], futuresOverride: [front] });
    await until('feed live', () => h.feed.status().state === 'live');
    // Basket: all 12 components over 3 pages of 5, then the extra symbol.
    expect(h.feed.basket()).toEqual([...h.fake.components, 'DGC']);
    expect(h.fake.counts.components).toBe(3);
    // Bearer token on negotiate and on the WebSocket upgrade, never the secret.
    expect(h.fake.hubAuth.length).toBeGreaterThanOrEqual(2);
    for (const a of h.fake.hubAuth) expect(a).toBe(`Bearer ${h.fake.issuedTokens[0]}`);
    expect(h.fake.counts.start).toBe(1);
    // Channels: X with stocks and the futures override, R with stocks, MI with the indices.
    const x = h.fake.channels.find((c) => c.startsWith('X:'))!;
    expect(x.split(':')[1]!.split('-')).toEqual([...h.fake.components, 'DGC', front]);
    expect(h.fake.channels).toContain(`R:${[...h.fake.components, 'DGC'].join('-')}`);
    expect(h.fake.channels).toContain('MI:VN30-VNINDEX');

    h.fake.broadcast(xMsg('FPT', { ref: 120_000, last: 121_500, vol: 10_000, time: now() }), rMsg('FPT', { buyVol: 5000, sellVol: 2000, time: now() }));
    h.fake.broadcast(miMsg('VN30', 1345.5, 1340.1), xMsg(front, { ref: 1350, last: 1352.5, vol: 3000, bid: 1352.4, ask: 1352.6, time: now() }));
    await until('4 messages accepted', () => h.normalizer.accepted >= 4);
    const snap = h.processor().snapshot();
    const fpt = snap.symbols!.find((s) => s.symbol === 'FPT')!;
    expect(fpt.lastPrice).toBe(121_500);
    expect(fpt.totalVolume).toBe(10_000);
    expect(fpt.foreign?.buyVolume).toBe(5000);
    expect(snap.indices!.find((i) => i.id === 'VN30')?.value).toBe(1345.5);
    expect(snap.derivatives?.symbol).toBe(front);
    expect(snap.derivatives?.last).toBe(1352.5);
  });

  describe('futures code schemes', () => {
    const contracts = () => activeContracts(tradingDate(Date.now()), 2);
    const xFutures = (h: Harness) => h.fake.channels.find((c) => c.startsWith('X:'))!.split(':')[1]!.split('-').filter((s) => s.startsWith('VN30F') || s.startsWith('41I1'));

    it('auto, with a derivatives list of KRX codes: subscribes those, and their quotes reach the board under both names', async () => {
      const [front, next] = contracts();
      // The list is paged (5 a page) and names other derivatives too.
      const listed = ['41I2G6000', '41I2G9000', 'VN100F2612', front!.krxCode, next!.krxCode, '41I1ZC000', 'GB05F2612'];
      const h = await harness({}, { derivatives: listed });
      await until('live', () => h.feed.status().state === 'live');
      expect(h.fake.counts.securities).toBe(2);
      expect(xFutures(h)).toEqual([front!.krxCode, next!.krxCode]);
      const t = now();
      h.fake.broadcast(miMsg('VN30', 1345.5, 1340.1));
      h.fake.broadcast(xMsg(front!.krxCode, { ref: 1350, last: 1352.5, vol: 3000, bid: 1352.4, ask: 1352.5, time: t }));
      // The session from the feed, so the test does not depend on the hour it runs at.
      h.fake.broadcast({ ...xMsg(front!.krxCode, { ref: 1350, last: 1352.5, vol: 3010, bid: 1352.4, ask: 1352.6, time: t }), TradingSession: 'LO' });
      await until('3 messages accepted', () => h.normalizer.accepted >= 3);
      const d = h.processor().snapshot().derivatives!;
      expect(d).toMatchObject({ symbol: front!.symbol, feedCode: front!.krxCode, last: 1352.5, totalVolume: 3010, expiryDate: front!.expiryDate });
      expect(d.basis).toBe(7);
      const trades = h.processor().drainTrades();
      expect(trades.map((x) => [x.symbol, x.feedCode, x.volume, x.side])).toEqual([[front!.symbol, front!.krxCode, 10, 'buy']]);
    });

    it('auto with the classic names listed subscribes those; with no list (404) both forms; classic and krx as told', async () => {
      const [front, next] = contracts();
      const classicListed = await harness({}, { derivatives: [front!.symbol, next!.symbol] });
      await until('live (classic listed)', () => classicListed.feed.status().state === 'live');
      expect(xFutures(classicListed)).toEqual([front!.symbol, next!.symbol]);

      const noList = await harness();
      await until('live (no list)', () => noList.feed.status().state === 'live');
      expect(noList.fake.counts.securities).toBe(1);
      expect(xFutures(noList)).toEqual([front!.krxCode, front!.symbol, next!.krxCode, next!.symbol]);

      const krx = await harness({ futuresCodeScheme: 'krx' }, { derivatives: [front!.symbol] });
      await until('live (krx)', () => krx.feed.status().state === 'live');
      expect(krx.fake.counts.securities).toBe(0); // a fixed scheme asks for no list
      expect(xFutures(krx)).toEqual([front!.krxCode, next!.krxCode]);

      const classic = await harness({ futuresCodeScheme: 'classic' });
      await until('live (classic)', () => classic.feed.status().state === 'live');
      expect(xFutures(classic)).toEqual([front!.symbol, next!.symbol]);

      const override = await harness({ futuresOverride: ['41I1G6000', 'VN30F2607'] }, { derivatives: [front!.symbol] });
      await until('live (override)', () => override.feed.status().state === 'live');
      expect(xFutures(override)).toEqual(['41I1G6000', 'VN30F2607']);
    });
  });

  it('refused credentials (HTTP 200, status 401 in the body): clear error, retries with growing backoff, recovers when fixed', async () => {
    const fake = await new FakeSsi().start();
    cleanups.push(() => fake.stop());
    const secret = fake.consumerSecret;
    fake.consumerSecret = 'the-server-expects-something-else';
    const statuses: FeedStatus[] = [];
    const feed = new SsiFeed({ consumerId: fake.consumerId, consumerSecret: secret, baseUrl: fake.baseUrl, streamUrl: fake.streamUrl, backoff: { initialMs: 20, maxMs: 160, jitter: 0 }, watchdogMs: 2000 });
    cleanups.push(() => feed.stop());
    await feed.start({ onMessage: () => {}, onStatus: (s) => statuses.push(s) });
    // start() resolves with the built-in VN30 list so the worker can come up and say why.
    expect(feed.basket()).toHaveLength(30);
    expect(feed.status().state).toBe('failed');
    expect(feed.status().lastError).toMatch(/SSI access token refused \(status 401 in the body: Unauthorized: invalid consumer id or secret\); check SSI_CONSUMER_ID and SSI_CONSUMER_SECRET/);
    await until('5 refused token requests', () => fake.counts.tokenRefused >= 5);
    expect(feed.delays.slice(0, 4)).toEqual([20, 40, 80, 160]);
    for (const s of statuses) expect(JSON.stringify(s)).not.toContain(secret);
    fake.consumerSecret = secret;
    await until('live after the fix', () => feed.status().state === 'live');
    expect(fake.counts.negotiate).toBe(1);
  });

  it('a dropped socket: reconnects (re-authenticating when the token was revoked) and reconciles foreign totals through the normalizer', async () => {
    const h = await harness();
    await until('live', () => h.feed.status().state === 'live');
    expect(h.feed.reconciliations).toBe(1);
    h.fake.broadcast(rMsg('ACB', { buyVol: 1000, sellVol: 400, time: now() }), rMsg('VCB', { buyVol: 9000, sellVol: 100, time: now() }));
    await until('R accepted', () => h.normalizer.accepted >= 2);
    // While disconnected the market moved on: REST has ACB ahead; VCB's REST row lags the stream.
    h.fake.foreign = [
      { symbol: 'ACB', buyVol: 1600, sellVol: 500, buyVal: 1600 * 50_000, sellVal: 500 * 50_000 },
      { symbol: 'VCB', buyVol: 8000, sellVol: 100, buyVal: 8000 * 50_000, sellVal: 100 * 50_000 },
      { symbol: 'NOTINBASKET', buyVol: 1, sellVol: 1, buyVal: 1, sellVal: 1 },
    ];
    h.fake.revokeTokens();
    const tokensBefore = h.fake.issuedTokens.length;
    h.fake.dropAll();
    await until('second session live', () => h.feed.sessions >= 2 && h.feed.status().state === 'live');
    expect(h.statuses.map((s) => s.state)).toEqual(expect.arrayContaining(['reconnecting', 'live']));
    expect(h.fake.issuedTokens.length).toBe(tokensBefore + 1); // the revoked token was replaced
    expect(h.feed.reconciliations).toBe(2);
    expect(h.feed.reconciledMessages).toBe(1); // ACB only: VCB's row is behind, the other is not tracked
    const acb = symbolOf(h.processor(), 'ACB');
    expect(acb.foreign?.buyVolume).toBe(1600);
    expect(acb.foreign?.sellVolume).toBe(500);
    expect(symbolOf(h.processor(), 'VCB').foreign?.buyVolume).toBe(9000);
    // The reconciled message went through the normalizer as an ordinary R.
    expect(h.raws.filter((r) => typeof r === 'object' && r.RType === 'R' && r.Symbol === 'ACB')).toHaveLength(2);
    // Stream data after the reconnect applies on top.
    h.fake.broadcast(rMsg('ACB', { buyVol: 1700, sellVol: 500, time: now() }));
    await until('ACB after reconnect', () => symbolOf(h.processor(), 'ACB').foreign?.buyVolume === 1700);
  });

  it('a silent server (not even keep-alives) trips the watchdog; keep-alives alone keep the stream up', async () => {
    const h = await harness({ watchdogMs: 300 }, { keepAliveMs: 50 });
    await until('live', () => h.feed.status().state === 'live');
    // Keep-alives only, for three watchdog periods: no reconnect.
    await new Promise((r) => setTimeout(r, 900));
    expect(h.feed.watchdogTrips).toBe(0);
    expect(h.feed.sessions).toBe(1);
    h.fake.silent = true;
    await until('watchdog trip', () => h.feed.watchdogTrips >= 1, 3000);
    expect(h.statuses.some((s) => s.state === 'reconnecting' && /not even a keep-alive/.test(s.lastError ?? ''))).toBe(true);
    h.fake.silent = false;
    await until('reconnected', () => h.feed.sessions >= 2 && h.feed.status().state === 'live');
    expect(h.feed.reconciliations).toBeGreaterThanOrEqual(2);
  });

  it('garbage and unknown messages are counted and dropped; the feed stays live and good data still applies', async () => {
    const h = await harness();
    await until('live', () => h.feed.status().state === 'live');
    h.fake.broadcastContent('{"RType":"X","Symbol":'); // malformed JSON in Content
    h.fake.sendRaw('this is not signalr'); // not JSON at all
    h.fake.broadcast({ RType: 'B', Symbol: 'FPT', TradingDate: vnToday().dmy, Time: now() }); // an RType we do not handle
    h.fake.broadcast({ ...xMsg('FPT', { ref: 120_000, last: 121_500, vol: 10 }), LastPrice: 'NaN?' }); // a bad field
    h.fake.broadcast(xMsg('HPG', { ref: 25_000, last: 25_100, vol: 500, time: now() }));
    await until('good message accepted', () => h.normalizer.accepted >= 1);
    expect(h.feed.malformed).toBe(2);
    expect(h.normalizer.rejected.not_an_object).toBe(2);
    expect(h.normalizer.unknownType.B).toBe(1);
    expect(h.normalizer.rejected.not_a_number).toBe(1);
    expect(h.feed.status().state).toBe('live');
    expect(symbolOf(h.processor(), 'HPG').lastPrice).toBe(25_100);
  });
});

describe('SSI pieces', () => {
  it('TokenManager refreshes ahead of the JWT expiry and after invalidate, sharing one fetch', async () => {
    let t = 1_000_000;
    let n = 0;
    const jwt = (expS: number) => `h.${Buffer.from(JSON.stringify({ exp: expS })).toString('base64url')}.s${n}`;
    const tm = new TokenManager({ fetchToken: async () => jwt(Math.floor(t / 1000) + 3600 + n++) }, { now: () => t, refreshMarginMs: 60_000 });
    const [a, b] = await Promise.all([tm.get(), tm.get()]);
    expect(a).toBe(b);
    expect(tm.fetches).toBe(1);
    expect(jwtExpiryMs(a)).toBe((Math.floor(1_000_000 / 1000) + 3600) * 1000);
    t += 3600_000 - 120_000; // two minutes before expiry: still outside the margin
    expect(await tm.get()).toBe(a);
    t += 61_000; // inside the margin
    const c = await tm.get();
    expect(c).not.toBe(a);
    tm.invalidate(c);
    expect(await tm.get()).not.toBe(c);
    expect(tm.fetches).toBe(3);
  });

  it('unwrapBroadcast: envelope string, object, array content; garbage comes back as a string', () => {
    expect(unwrapBroadcast(JSON.stringify({ DataType: 'X', Content: JSON.stringify({ RType: 'X', Symbol: 'A' }) }))).toEqual([{ RType: 'X', Symbol: 'A' }]);
    expect(unwrapBroadcast({ Content: { RType: 'R' } })).toEqual([{ RType: 'R' }]);
    expect(unwrapBroadcast({ Content: JSON.stringify([{ RType: 'X' }, 3]) })).toEqual([{ RType: 'X' }, '3']);
    expect(unwrapBroadcast('not json')).toEqual(['not json']);
    expect(unwrapBroadcast({ Content: '{bad' })).toEqual(['{bad']);
  });
});

describe('SsiFeed when SwitchChannels replaces the subscription instead of adding to it', () => {
  const allTypes = (h: Harness) => {
    const t = vnToday();
    h.fake.broadcast(
      xMsg('FPT', { ref: 120_000, last: 121_000, vol: 1000 + h.raws.length, time: t.time }),
      rMsg('FPT', { buyVol: 100 + h.raws.length, sellVol: 50, time: t.time }),
      miMsg('VN30', 1345.5, 1340.1),
      { RType: 'F', Symbol: 'VNM', TradingDate: t.dmy, Time: t.time, TradingSession: 'LO', TradingStatus: 'H' },
    );
  };
  const typesSeen = (h: Harness) => new Set(h.raws.filter((r): r is RawFeedMessage => typeof r !== 'string').map((r) => String(r.RType)));

  it('auto: notices the silent types, logs it, and moves to one hub connection per type; every type then arrives', async () => {
    const warnings: Array<{ obj: Record<string, unknown>; msg: string }> = [];
    const log = { warn: (obj: Record<string, unknown>, msg: string) => warnings.push({ obj, msg }) } as unknown as Logger;
    const h = await harness({ channelMode: 'auto', channelCheckMs: 300, tradingHours: () => true, log }, { switchMode: 'replace', keepAliveMs: 50 });
    await until('feed live', () => h.feed.status().state === 'live');
    // One connection, and only the last SwitchChannels (X) holds.
    expect(h.fake.subscriptions()).toEqual([['X']]);
    const pump = setInterval(() => allTypes(h), 40);
    try {
      await until('fallback to one connection per type', () => h.feed.channelFallbacks === 1 && h.fake.connected === 4 && h.feed.status().state === 'live', 10_000);
      expect(h.fake.subscriptions().sort()).toEqual([['F'], ['MI'], ['R'], ['X']]);
      expect(warnings).toHaveLength(1);
      expect(warnings[0]!.obj.silent).toEqual(['R', 'MI']);
      expect(warnings[0]!.obj.delivered).toHaveProperty('X');
      const before = h.raws.length;
      await until('all four channel types delivered', () => h.raws.length > before && ['X', 'R', 'MI', 'F'].every((t) => typesSeen(h).has(t)), 10_000);
      await until('the F message applied', () => symbolOf(h.processor(), 'VNM').status === 2 /* STATUS_HALTED */);
      expect(h.feed.status().counters).toMatchObject({ channel_fallbacks: 1 });
    } finally {
      clearInterval(pump);
    }
    // The fallback sticks: a dropped connection comes back per type.
    h.fake.dropAll();
    await until('reconnected per type', () => h.fake.connected === 4 && h.feed.status().state === 'live', 10_000);
    expect(h.feed.channelFallbacks).toBe(1);
  });

  it('per-type: one connection per channel type from the start', async () => {
    const h = await harness({ channelMode: 'per-type' }, { switchMode: 'replace' });
    await until('live on 4 connections', () => h.feed.status().state === 'live' && h.fake.connected === 4);
    expect(h.fake.subscriptions().sort()).toEqual([['F'], ['MI'], ['R'], ['X']]);
    allTypes(h);
    await until('all four channel types delivered', () => ['X', 'R', 'MI', 'F'].every((t) => typesSeen(h).has(t)));
  });

  it('single: stays on one connection whatever the hub does (the types after the last call are lost, as configured)', async () => {
    const h = await harness({ channelMode: 'single', channelCheckMs: 100, tradingHours: () => true }, { switchMode: 'replace', keepAliveMs: 50 });
    await until('feed live', () => h.feed.status().state === 'live');
    const pump = setInterval(() => allTypes(h), 40);
    try {
      await until('X flowing', () => h.raws.filter((r) => typeof r !== 'string' && r.RType === 'X').length >= 10);
    } finally {
      clearInterval(pump);
    }
    expect(h.fake.connected).toBe(1);
    expect(h.feed.channelFallbacks).toBe(0);
    expect(typesSeen(h).has('R')).toBe(false); // not even the reconciliation's: DailyStockPrice has no rows here
  });
});
