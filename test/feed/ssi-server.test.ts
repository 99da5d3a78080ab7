// FEED=ssi end to end: the real server (uWS, supervised market worker) fed by the fake
// FastConnect v2; and the log capture of a whole process proving that neither the consumer
// secret nor any access token reaches a log line.
import { Writable } from 'node:stream';
import pino from 'pino';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REDACT_PATHS } from '../../src/log.js';
import { startChild } from '../helpers/child.js';
import { metric, startTestServer, type TestServer } from '../helpers/server.js';
import WebSocket from 'ws';
import { BoardClient, type FeedStateName, type WebSocketConstructor } from '@boardcast/client';
import { FakeSsi, miMsg, rMsg, vnToday, xMsg } from './fake-ssi.js';
import { until } from '../helpers/until.js';

async function getJson(url: string): Promise<{ status: number; body: Record<string, unknown> }> {
  const res = await fetch(url);
  return { status: res.status, body: (await res.json()) as Record<string, unknown> };
}

/** Polls an async predicate every 20 ms. */
async function eventually(pred: () => Promise<boolean>, what: string, timeoutMs = 10_000): Promise<void> {
  const t0 = Date.now();
  while (!(await pred())) {
    if (Date.now() - t0 > timeoutMs) throw new Error(`timed out waiting for: ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

describe('FEED=ssi in the real server', () => {
  let fake: FakeSsi;
  let srv: TestServer;
  beforeAll(async () => {
    fake = await new FakeSsi({ keepAliveMs: 100 }).start();
    fake.foreign = [{ symbol: 'VNM', buyVol: 7000, sellVol: 3000, buyVal: 7000 * 60_000, sellVal: 3000 * 60_000, room: 123_456 }];
    srv = await startTestServer({ FEED: 'ssi', SSI_BASE_URL: fake.baseUrl, SSI_STREAM_URL: fake.streamUrl, SSI_CONSUMER_ID: fake.consumerId, SSI_CONSUMER_SECRET: fake.consumerSecret, EXTRA_SYMBOLS: 'DGC' });
  });
  afterAll(async () => {
    await srv?.stop();
    await fake?.stop();
  });

  it('the board fills from the stream; /readyz and /metrics show the feed live', async () => {
    await eventually(async () => (await getJson(`${srv.http}/readyz`)).status === 200, 'ready');
    const ready = await getJson(`${srv.http}/readyz`);
    expect((ready.body.feed as { state: string }).state).toBe('live');
    expect((await getJson(`${srv.http}/api/vn30`)).body.symbols).toEqual([...fake.components, 'DGC']);
    expect(await metric(srv.http, 'boardcast_feed_live')).toBe(1);
    await eventually(async () => (await metric(srv.http, 'boardcast_feed_events_total', { event: 'sessions' }).catch(() => 0)) >= 1, 'the session counted in metrics');

    fake.broadcast(xMsg('FPT', { ref: 120_000, last: 122_000, vol: 40_000 }), rMsg('FPT', { buyVol: 1234, sellVol: 200 }), miMsg('VN30', 1350.25, 1340));
    type Snap = { snapshot?: { symbols?: Array<{ symbol: string; lastPrice?: number; foreign?: { buyVolume?: number; room?: number } }>; indices?: Array<{ id: string; value?: number }> } };
    let snap: Snap = {};
    await eventually(async () => {
      snap = (await getJson(`${srv.http}/api/snapshot`)).body as Snap;
      return snap.snapshot?.symbols?.find((s) => s.symbol === 'FPT')?.lastPrice === 122_000 && snap.snapshot?.indices?.find((i) => i.id === 'VN30')?.value === 1350.25;
    }, 'FPT and VN30 on the board');
    expect(snap.snapshot!.symbols!.find((s) => s.symbol === 'FPT')!.foreign!.buyVolume).toBe(1234);
    // The reconciliation snapshot (REST) reached the board through the normalizer.
    expect(snap.snapshot!.symbols!.find((s) => s.symbol === 'VNM')!.foreign).toMatchObject({ buyVolume: 7000, room: 123_456 });
  });

  it('garbage and unknown RTypes are counted; the worker stays up and the feed live', async () => {
    const rejectedBefore = await metric(srv.http, 'boardcast_feed_messages_total', { outcome: 'rejected' });
    fake.broadcastContent('{"RType":"X", garbage');
    fake.sendRaw('\u0000\u0001 not even json');
    fake.broadcast({ RType: 'X', Symbol: 'FPT', TradingDate: '31/02/2026', Time: '10:00:00' });
    fake.broadcast({ RType: 'OL', Symbol: 'FPT' });
    await eventually(async () => (await metric(srv.http, 'boardcast_feed_messages_total', { outcome: 'rejected' })) >= rejectedBefore + 3, 'rejections counted');
    fake.broadcast(xMsg('HPG', { ref: 25_000, last: 25_300, vol: 1000 }));
    await eventually(async () => {
      const s = (await getJson(`${srv.http}/api/snapshot`)).body as { snapshot?: { symbols?: Array<{ symbol: string; lastPrice?: number }> } };
      return s.snapshot?.symbols?.find((x) => x.symbol === 'HPG')?.lastPrice === 25_300;
    }, 'HPG after the garbage');
    expect(await metric(srv.http, 'boardcast_worker_restarts_total')).toBe(0);
    // By kind, in metrics: the unknown RType and the malformed payloads.
    await eventually(async () => (await metric(srv.http, 'boardcast_feed_events_total', { event: 'unknown_rtype' }).catch(() => 0)) >= 1, 'unknown RType counted');
    expect(await metric(srv.http, 'boardcast_feed_events_total', { event: 'malformed' })).toBeGreaterThanOrEqual(1);
    expect((await getJson(`${srv.http}/readyz`)).status).toBe(200);
    expect(srv.logs.some((l) => l.level === 'warn' || l.level === 'error')).toBe(false); // worker warnings go to its own logger
  });

  it('a dropped stream shows as reconnecting, then live again after reconnect and reconciliation', async () => {
    const reconnects = fake.counts.connect;
    fake.dropAll();
    await eventually(async () => fake.counts.connect > reconnects && (await getJson(`${srv.http}/readyz`)).status === 200, 'live again');
    expect(fake.counts.dailyStockPrice).toBeGreaterThanOrEqual(2);
  });
});

describe('secrets never reach a log line', () => {
  it('pino redaction covers the secret and token paths', () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk: Buffer, _e, cb) {
        lines.push(chunk.toString());
        cb();
      },
    });
    const log = pino({ redact: { paths: REDACT_PATHS, censor: '[redacted]' } }, sink);
    log.info({ consumerSecret: 'SECRET-A', accessToken: 'TOKEN-B', SSI_CONSUMER_SECRET: 'SECRET-C', startup: { ssi: { consumerSecret: 'SECRET-D' } }, req: { headers: { authorization: 'Bearer TOKEN-E' } }, cfg: { SSI_CONSUMER_SECRET: 'SECRET-F' } }, 'x');
    const text = lines.join('');
    for (const s of ['SECRET-A', 'TOKEN-B', 'SECRET-C', 'SECRET-D', 'TOKEN-E', 'SECRET-F']) expect(text).not.toContain(s);
    expect(text).toContain('[redacted]');
  });

  it('a whole server process (refused credentials, then live, then a reconnect) logs neither the secret nor a token', async () => {
    const fake = await new FakeSsi({ keepAliveMs: 100 }).start();
    const secret = fake.consumerSecret;
    fake.consumerSecret = 'expected-by-the-server-but-not-sent';
    const child = startChild({ FEED: 'ssi', SSI_BASE_URL: fake.baseUrl, SSI_STREAM_URL: fake.streamUrl, SSI_CONSUMER_ID: fake.consumerId, SSI_CONSUMER_SECRET: secret, LOG_LEVEL: 'trace', BROADCAST_INTERVAL_MS: '100' });
    try {
      const refused = await child.waitLog((l) => l.msg === 'feed state' && /status 401 in the body/.test(String(l.lastError)), 20_000);
      expect(refused.state).toBe('failed');
      fake.consumerSecret = secret;
      await child.waitLog((l) => l.msg === 'feed state' && l.state === 'live', 20_000);
      fake.dropAll();
      await until('reconnect', () => fake.counts.connect >= 2, 10_000);
      await child.waitLog((l) => l.msg === 'feed state' && l.state === 'live' && child.logs.filter((x) => x.msg === 'feed state' && x.state === 'live').length >= 2, 20_000);
      child.proc.kill('SIGTERM');
      await child.exited;
      const text = JSON.stringify(child.logs) + child.stderr.join('');
      expect(fake.issuedTokens.length).toBeGreaterThanOrEqual(1);
      expect(text).not.toContain(secret);
      for (const t of fake.issuedTokens) {
        expect(text).not.toContain(t);
        expect(text).not.toContain(t.split('.')[2]!); // not even the signature part
      }
    } finally {
      if (child.proc.exitCode === null) child.proc.kill('SIGKILL');
      await fake.stop();
    }
  });
});

/** Resolves with the SDK's next `feed` event of `state` (at once when the client is already there). */
function feedState(c: BoardClient, state: FeedStateName, timeoutMs = 15_000): Promise<void> {
  if (c.feedState === state) return Promise.resolve();
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for the feed state ${state} (last: ${c.feedState})`));
    }, timeoutMs);
    const off = c.on('feed', (ev) => {
      if (ev.state !== state) return;
      clearTimeout(timer);
      off();
      resolve();
    });
  });
}

describe('FEED=ssi: feed health and symbol status reach the clients', () => {
  let fake: FakeSsi;
  let srv: TestServer;
  let client: BoardClient;
  beforeAll(async () => {
    fake = await new FakeSsi({ keepAliveMs: 100 }).start();
    srv = await startTestServer({ FEED: 'ssi', SSI_BASE_URL: fake.baseUrl, SSI_STREAM_URL: fake.streamUrl, SSI_CONSUMER_ID: fake.consumerId, SSI_CONSUMER_SECRET: fake.consumerSecret, FEED_STALE_MS: '600' });
    client = new BoardClient({ urls: srv.ws(), WebSocket: WebSocket as unknown as WebSocketConstructor, backoff: { initialMs: 20, maxMs: 200, jitter: 0 } });
    client.connect();
  });
  afterAll(async () => {
    client?.close();
    await srv?.stop();
    await fake?.stop();
  });

  it('the hub going down and coming back: the SDK reports FEED_RECONNECTING, then FEED_LIVE, from the frames', async () => {
    await feedState(client, 'FEED_LIVE');
    const seen: string[] = [];
    client.on('feed', (ev) => seen.push(`${ev.previous}→${ev.state}`));
    fake.goDown();
    await feedState(client, 'FEED_RECONNECTING');
    expect(client.board!.feed!.state).toBe('FEED_RECONNECTING');
    fake.comeBack();
    await feedState(client, 'FEED_LIVE');
    expect(seen).toEqual(['FEED_LIVE→FEED_RECONNECTING', 'FEED_RECONNECTING→FEED_LIVE']);
    expect(client.board!.feed!.lastMessageAgeMs).toBeGreaterThanOrEqual(0);
  });

  it('a connected hub that falls silent (no data, no keep-alive) is reported FEED_STALE, then FEED_LIVE when it speaks again', async () => {
    await feedState(client, 'FEED_LIVE');
    fake.silent = true;
    await feedState(client, 'FEED_STALE');
    expect(client.board!.feed!.lastMessageAgeMs).toBeGreaterThan(600);
    fake.silent = false;
    await feedState(client, 'FEED_LIVE');
  });

  it('a halted and a suspended symbol from the F channel are marked on the board; a normal status clears the mark', async () => {
    await feedState(client, 'FEED_LIVE');
    const t = vnToday();
    const status = (sym: string) => client.board?.symbols.find((s) => s.symbol === sym)?.status;
    fake.broadcast(
      { RType: 'F', MarketId: 'HOSE', Exchange: 'HOSE', Symbol: 'FPT', TradingDate: t.dmy, Time: t.time, TradingSession: 'LO', TradingStatus: 'H' },
      { RType: 'F', MarketId: 'HOSE', Exchange: 'HOSE', Symbol: 'VNM', TradingDate: t.dmy, Time: t.time, TradingSession: 'LO', TradingStatus: 'S' },
    );
    await until('FPT halted and VNM suspended on the board', () => status('FPT') === 'STATUS_HALTED' && status('VNM') === 'STATUS_SUSPENDED', 10_000);
    expect(status('HPG')).toBe('STATUS_UNSPECIFIED'); // nothing said about it
    fake.broadcast({ RType: 'F', Symbol: 'FPT', TradingDate: t.dmy, Time: t.time, TradingSession: 'LO', TradingStatus: 'N' });
    await until('FPT back to normal', () => status('FPT') === 'STATUS_NORMAL', 10_000);
    expect(status('VNM')).toBe('STATUS_SUSPENDED');
    // The same over the JSON mapping (/api/snapshot): enums by name.
    const snap = (await getJson(`${srv.http}/api/snapshot`)).body as { snapshot: { symbols: Array<{ symbol: string; status: string }>; feed: { state: string } } };
    expect(snap.snapshot.symbols.find((s) => s.symbol === 'VNM')!.status).toBe('STATUS_SUSPENDED');
    expect(snap.snapshot.feed.state).toBe('FEED_LIVE');
  });
});
