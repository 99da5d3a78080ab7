// Work is bounded by the interval, not by what clients do (issue 11 item 2), against the
// real server: a reconnect loop does not multiply the frame rate; a resync storm gets one
// FULL per frame; a subscribe storm keeps the views and the FULLs held for them under the
// cap; the view and watchlist caps answer with codes and keep the socket's view; an edge
// checks watchlists before its first frame; the connect rate per address is capped.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { NATS_SERVER, NatsServer } from '../helpers/nats-server.js';
import { connectOnce } from '../helpers/reconnect.js';
import { decode, TestClient } from '../helpers/ws-client.js';
import { metric, startTestServer, type TestServer } from '../helpers/server.js';
import { boardFrames, errorFrames, expectContiguous, expectRefused, metricUntil, openFrom, pollUntil, prng, sendMsg, snap } from '../helpers/protocol.js';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const rows = (c: TestClient) => boardFrames(c).map((f) => (snap(f).symbols ?? []).map((s) => s.symbol).sort().join(','));
/** Every symbol row the client received from message `from` on (DELTAs carry only changed rows). */
const symbolsSince = (c: TestClient, from: number) => new Set(c.messages.slice(from).map(decode).flatMap((f) => (f.hasSnapshot ? (snap(f).symbols ?? []).map((s) => s.symbol) : [])));

describe('a reconnect loop does not multiply frames', () => {
  const INTERVAL = 200;
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ BROADCAST_INTERVAL_MS: String(INTERVAL) });
  });
  afterAll(() => srv?.stop());

  it('50 JSON sockets reconnecting in a loop leave a steady reader at ≤ 1/interval + 1 frames a second', async () => {
    const steady = await TestClient.open(srv.ws('format=proto'));
    let stopping = false;
    let reconnects = 0;
    const loop = async () => {
      while (!stopping) {
        if (await connectOnce(srv.ws('format=json'))) reconnects++;
      }
    };
    try {
      await steady.nth(2);
      const loops = Array.from({ length: 50 }, loop);
      await pollUntil(() => reconnects >= 50, 10_000, 'the reconnect loop to run');
      const produced0 = await metric(srv.http, 'boardcast_frames_produced_total');
      const n0 = steady.messages.length;
      const t0 = Date.now();
      await sleep(3000);
      const seconds = (Date.now() - t0) / 1000;
      const received = steady.messages.length - n0;
      const produced = (await metric(srv.http, 'boardcast_frames_produced_total')) - produced0;
      stopping = true;
      await Promise.all(loops);
      // The loop really ran (every reconnect got its first frame), and the reader saw no more
      // frames than the interval makes — plus one a second at most (and a boundary frame).
      expect(reconnects).toBeGreaterThan(100);
      const bound = seconds * (1000 / INTERVAL + 1) + 1;
      expect(received).toBeLessThanOrEqual(bound);
      expect(produced).toBeLessThanOrEqual(bound);
      expectContiguous(boardFrames(steady), 'the steady reader');
    } finally {
      stopping = true;
      steady.close();
    }
  });
});

describe('resync and subscribe storms', () => {
  let srv: TestServer;
  beforeAll(async () => {
    // A generous message rate: the storms below are the point, not the per-socket limit.
    srv = await startTestServer({ BROADCAST_INTERVAL_MS: '200', WS_CLIENT_MSG_RATE: '2000', WS_MAX_VIEWS: '8' });
  });
  afterAll(() => srv?.stop());

  it('a resync storm gets one FULL per frame, never a FULL per resync', async () => {
    const clients = await Promise.all([0, 1, 2].map(() => TestClient.open(srv.ws('format=proto'))));
    try {
      await Promise.all(clients.map((c) => c.nth(2)));
      const resyncs0 = await metric(srv.http, 'boardcast_resyncs_total', { cause: 'client' });
      const marks = clients.map((c) => c.messages.length);
      let sent = 0;
      const until = Date.now() + 2000;
      while (Date.now() < until) {
        for (const c of clients) sendMsg(c, true, { resync: {} });
        sent += clients.length;
        await sleep(5);
      }
      await clients[0]!.nth(clients[0]!.messages.length + 2); // the storm's last frame is in
      const resyncs = (await metric(srv.http, 'boardcast_resyncs_total', { cause: 'client' })) - resyncs0;
      let received = 0;
      for (const [i, c] of clients.entries()) {
        const frames = c.messages.slice(marks[i]).map(decode).filter((f) => f.hasSnapshot);
        received += frames.length;
        // Each seq at most once (no FULL per resync), and no gap either...
        expectContiguous(frames, `client ${i} during the storm`);
        expect(frames.filter((f) => f.kind === 'FULL').length).toBeGreaterThan(3);
        // ...while the client asked many times per frame.
        expect(sent / clients.length).toBeGreaterThan(3 * frames.length);
        expect(errorFrames(c)).toEqual([]);
      }
      // A resync is counted when it marks a socket, which then gets one FULL with the next frame.
      expect(resyncs).toBeGreaterThan(0);
      expect(resyncs).toBeLessThanOrEqual(received + clients.length);
    } finally {
      for (const c of clients) c.close();
    }
  });

  it('a subscribe / unsubscribe storm over random watchlists: views and held FULLs stay under WS_MAX_VIEWS, errors name the cap, memory is released', async () => {
    const basket = ((await (await fetch(`${srv.http}/api/vn30`)).json()) as { symbols: string[] }).symbols;
    const steady = await TestClient.open(srv.ws('format=proto'));
    const stormers = await Promise.all(Array.from({ length: 20 }, () => TestClient.open(srv.ws('format=json&channels=board&symbols=FPT'))));
    const rnd = prng(11);
    const pick = () => basket[Math.floor(rnd() * basket.length)]!;
    let maxViews = 0;
    let maxHeld = 0;
    let stop = false;
    const sampler = (async () => {
      while (!stop) {
        maxViews = Math.max(maxViews, await metric(srv.http, 'boardcast_views'));
        maxHeld = Math.max(maxHeld, await metric(srv.http, 'boardcast_view_fulls_cached'));
        await sleep(50);
      }
    })();
    try {
      await steady.nth(2);
      const until = Date.now() + 2500;
      while (Date.now() < until) {
        for (const c of stormers) {
          sendMsg(c, false, { subscribe: { symbols: [pick(), pick()] } });
          sendMsg(c, false, { unsubscribe: { symbols: [pick()] } });
        }
        await sleep(10);
      }
      await sleep(500);
      stop = true;
      await sampler;
      expect(maxViews).toBeGreaterThan(1);
      expect(maxViews).toBeLessThanOrEqual(8);
      expect(maxHeld).toBeLessThanOrEqual(8);
      // Some moves were refused with the cap's code; those sockets kept a view and stayed open.
      const codes = new Set(stormers.flatMap((c) => errorFrames(c).map((e) => e.code)));
      expect(codes.has('BC_TOO_MANY_VIEWS')).toBe(true);
      for (const c of stormers) expect(c.closed).toBeUndefined();
      // The steady reader never noticed.
      expectContiguous(boardFrames(steady), 'the steady reader');
    } finally {
      stop = true;
      for (const c of stormers) c.close();
    }
    // The stormers' views go with them; what is held is the steady reader's at most.
    await metricUntil(srv.http, 'boardcast_views', (v) => v === 1, 5000);
    await steady.nth(steady.messages.length + 2);
    expect(await metric(srv.http, 'boardcast_view_fulls_cached')).toBeLessThanOrEqual(1);
    steady.close();
  });
});

describe('view and watchlist caps', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ BROADCAST_INTERVAL_MS: '100', KEYFRAME_EVERY: '5', WS_MAX_VIEWS: '3', WS_MAX_SYMBOLS: '3' });
  });
  afterAll(() => srv?.stop());

  it('WS_MAX_VIEWS: a new view beyond the cap is 503 BC_TOO_MANY_VIEWS at the upgrade and an error frame on subscribe; the socket keeps its view; an existing view is always open', async () => {
    const a = await TestClient.open(srv.ws('channels=board&symbols=FPT'));
    const b = await TestClient.open(srv.ws('channels=board&symbols=VNM'));
    const c = await TestClient.open(srv.ws('channels=board&symbols=HPG'));
    try {
      await Promise.all([a, b, c].map((x) => x.nth(1)));
      const refused = await expectRefused(srv.ws('channels=board&symbols=MWG'));
      expect(refused.status).toBe(503);
      expect(refused.body.error).toBe('BC_TOO_MANY_VIEWS');
      // Joining a view that exists costs no view.
      const a2 = await TestClient.open(srv.ws('channels=board&symbols=FPT'));
      await a2.nth(1);
      // a2 shares FPT's view: moving it to a new one would add a fourth view → refused, view kept.
      sendMsg(a2, true, { subscribe: { symbols: ['MWG'] } });
      await a2.until(() => errorFrames(a2).length > 0, 3000, 'an error frame');
      expect(errorFrames(a2).map((e) => e.code)).toEqual(['BC_TOO_MANY_VIEWS']);
      const mark = a2.messages.length;
      await a2.until(() => a2.messages.slice(mark).map(decode).some((f) => f.kind === 'FULL'), 5000, 'a keyframe after the refusal');
      expect(symbolsSince(a2, mark)).toEqual(new Set(['FPT']));
      expect(a2.closed).toBeUndefined();
      // c is alone in its view: it may move (its old view goes), so the count stays at 3.
      sendMsg(c, true, { subscribe: { symbols: ['MWG'] } });
      await c.until(() => rows(c).includes('HPG,MWG'), 3000, 'c on its new view');
      expect(errorFrames(c)).toEqual([]);
      expect(await metric(srv.http, 'boardcast_views')).toBe(3);
      a2.close();
    } finally {
      for (const x of [a, b, c]) x.close();
    }
  });

  it('WS_MAX_SYMBOLS: a longer watchlist is 400 BC_TOO_MANY_SYMBOLS at the upgrade and an error frame on subscribe; the watchlist is kept', async () => {
    const refused = await expectRefused(srv.ws('channels=board&symbols=FPT,VNM,HPG,MWG'));
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('BC_TOO_MANY_SYMBOLS');
    const c = await TestClient.open(srv.ws('channels=board&symbols=FPT,VNM'));
    try {
      await c.nth(1);
      sendMsg(c, true, { subscribe: { symbols: ['HPG', 'MWG'] } });
      await c.until(() => errorFrames(c).length > 0, 3000, 'an error frame');
      expect(errorFrames(c)[0]!.code).toBe('BC_TOO_MANY_SYMBOLS');
      const mark = c.messages.length;
      await c.until(() => c.messages.slice(mark).map(decode).some((f) => f.kind === 'FULL'), 5000, 'a keyframe after the refusal');
      expect(symbolsSince(c, mark)).toEqual(new Set(['FPT', 'VNM']));
      // Unknown names are refused whatever the count.
      sendMsg(c, true, { subscribe: { symbols: ['NOPE'] } });
      await c.until(() => errorFrames(c).length > 1, 3000, 'a second error frame');
      expect(errorFrames(c)[1]!.code).toBe('BC_UNKNOWN_SYMBOL');
    } finally {
      c.close();
    }
  });
});

describe.skipIf(!NATS_SERVER && !process.env.CI)('an edge before its first frame', () => {
  let nats: NatsServer;
  let edge: TestServer;
  beforeAll(async () => {
    nats = await NatsServer.start();
    // No ingest: the edge listens with no frame and no basket from the bus.
    edge = await startTestServer({ ROLE: 'edge', NATS_URL: nats.url });
  });
  afterAll(async () => {
    await edge?.stop();
    await nats?.stop();
  });

  it('checks watchlists against the configured basket: junk symbols are refused, real ones admitted', async () => {
    const refused = await expectRefused(edge.ws('symbols=FPT,JUNK1'));
    expect(refused.status).toBe(400);
    expect(refused.body.error).toBe('BC_UNKNOWN_SYMBOL');
    const c = await TestClient.open(edge.ws('format=json&symbols=FPT'));
    try {
      const junk = Array.from({ length: 500 }, (_, i) => `JUNK${i}`);
      sendMsg(c, false, { subscribe: { symbols: junk } });
      await c.until(() => errorFrames(c).length > 0, 3000, 'an error frame');
      expect(errorFrames(c)[0]!.code).toBe('BC_UNKNOWN_SYMBOL');
      expect(c.closed).toBeUndefined();
    } finally {
      c.close();
    }
  });
});

describe('WS_MAX_CONNECT_RATE_PER_IP', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ BROADCAST_INTERVAL_MS: '100', WS_MAX_CONNECT_RATE_PER_IP: '2' });
  });
  afterAll(() => srv?.stop());

  it('upgrades beyond the rate from one address get 429 BC_CONNECT_RATE with Retry-After; another address is not affected', async () => {
    const t0 = Date.now();
    const attempts = await Promise.all(
      Array.from({ length: 12 }, () =>
        new Promise<{ ok: boolean; status?: number; code?: unknown; retryAfter?: unknown; ws?: WebSocket }>((resolve) => {
          const ws = new WebSocket(srv.ws(), { perMessageDeflate: false });
          ws.once('open', () => resolve({ ok: true, ws }));
          ws.once('unexpected-response', (_req, res) => {
            let body = '';
            res.on('data', (d: Buffer) => (body += d.toString()));
            res.on('end', () => resolve({ ok: false, status: res.statusCode, code: (JSON.parse(body) as { error: string }).error, retryAfter: res.headers['retry-after'] }));
          });
          ws.once('error', () => undefined);
        }),
      ),
    );
    const seconds = (Date.now() - t0) / 1000;
    const admitted = attempts.filter((a) => a.ok);
    const refused = attempts.filter((a) => !a.ok);
    try {
      // The burst (2) plus what refilled while the attempts ran, never more.
      expect(admitted.length).toBeGreaterThanOrEqual(1);
      expect(admitted.length).toBeLessThanOrEqual(2 + Math.ceil(seconds * 2));
      expect(refused.length).toBeGreaterThan(0);
      for (const r of refused) expect(r).toMatchObject({ status: 429, code: 'BC_CONNECT_RATE', retryAfter: '1' });
      expect(await metric(srv.http, 'boardcast_rejected_upgrades_total', { code: 'BC_CONNECT_RATE' })).toBe(refused.length);
      // Another address has its own budget.
      const other = await openFrom(srv.ws(), '127.0.0.2');
      other.terminate();
    } finally {
      for (const a of admitted) a.ws!.terminate();
    }
  });
});
