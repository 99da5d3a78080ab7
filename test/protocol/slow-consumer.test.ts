// Slow consumers against the real server: a socket whose client stops reading is skipped
// (never buffered without bound), the other sockets keep their pace, and the slow one is
// either resynced with a FULL frame once it reads again or closed with 1008 "too slow".
//
// Big frames fill the kernel buffers fast: JSON, a frame every 10 ms, every other frame
// FULL, a 64 KiB backpressure limit. A client "stops reading" by pausing its TCP socket.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'node:net';
import { decode, TestClient } from '../helpers/ws-client.js';
import { metric, startTestServer, type TestServer } from '../helpers/server.js';
import { boardFrames, checkResyncRule, expectContiguous, metricUntil } from '../helpers/protocol.js';

const SLOW_ENV = { BROADCAST_INTERVAL_MS: '10', KEYFRAME_EVERY: '2', WS_MAX_BACKPRESSURE_BYTES: '65536' };
const tcp = (c: TestClient) => (c.ws as unknown as { _socket: Socket })._socket;

/** Latency of each frame: receipt (client clock) minus producedAtUs (worker clock; same host). */
const latencies = (c: TestClient, from: number, to = Infinity) =>
  c.messages
    .filter((m) => m.at >= from && m.at <= to)
    .map((m) => m.at - decode(m).producedAtUs / 1000)
    .sort((a, b) => a - b);

describe('slow-client timeout (1.5 s)', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ ...SLOW_ENV, WS_SLOW_CLIENT_TIMEOUT_MS: '1500' });
  });
  afterAll(async () => {
    await srv?.stop();
  });

  it('a client that never reads is closed with 1008 "too slow" after the timeout, and counted', async () => {
    const bystander = await TestClient.open(srv.ws('format=json'));
    const stuck = await TestClient.open(srv.ws('format=json'));
    try {
      await stuck.nth(1);
      await bystander.nth(1);
      const closes0 = await metric(srv.http, 'boardcast_slow_closes_total');
      const skipped0 = await metric(srv.http, 'boardcast_skipped_sends_total');
      const pausedAt = Date.now();
      tcp(stuck).pause();
      await metricUntil(srv.http, 'boardcast_skipped_sends_total', (v) => v > skipped0, 10_000);
      const stalledAt = Date.now();
      // Not before the timeout: the server waits 1.5 s for the client to catch up...
      await metricUntil(srv.http, 'boardcast_slow_closes_total', (v) => v === closes0 + 1, 5000);
      const closedAt = Date.now();
      expect(closedAt - stalledAt).toBeGreaterThanOrEqual(1300);
      expect(closedAt - stalledAt).toBeLessThan(3000);
      expect(closedAt - pausedAt).toBeGreaterThan(1500);
      // ...then ends it. The close frame sits behind the unread backlog: reading again delivers it.
      tcp(stuck).resume();
      const closed = await stuck.waitClose(5000);
      expect(closed).toEqual({ code: 1008, reason: 'too slow' });
      await metricUntil(srv.http, 'boardcast_clients', (v) => v === 1, 2000, { format: 'json' });
      // The bystander was served throughout, without a gap.
      expect(bystander.closed).toBeUndefined();
      expectContiguous(boardFrames(bystander), 'bystander');
    } finally {
      bystander.close();
      stuck.close();
    }
  });
});

describe('slow consumers (long slow-client timeout)', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ ...SLOW_ENV, WS_SLOW_CLIENT_TIMEOUT_MS: '60000' });
  });
  afterAll(async () => {
    await srv?.stop();
  });

  it('a paused client is skipped while a bystander keeps low latency; once it reads again it gets a FULL frame before any DELTA', async () => {
    const bystander = await TestClient.open(srv.ws('format=json'));
    const slow = await TestClient.open(srv.ws('format=json'));
    try {
      await bystander.nth(5);
      await slow.nth(5);
      const skipped0 = await metric(srv.http, 'boardcast_skipped_sends_total');
      const drained0 = await metric(srv.http, 'boardcast_resyncs_total', { cause: 'drained' }).catch(() => 0);

      // The slow client stops reading: its socket fills up and the server stops writing to it.
      const pausedAt = Date.now();
      tcp(slow).pause();
      // (the kernel buffers of a loopback connection hold a few MB: ~3 s of these frames)
      await metricUntil(srv.http, 'boardcast_skipped_sends_total', (v) => v >= skipped0 + 20, 10_000);
      const stalledAt = Date.now();
      const receivedWhilePaused = slow.messages.length;

      // Meanwhile the bystander on the same view got every frame, on time.
      await bystander.until(() => bystander.messages.length > 0 && bystander.messages.at(-1)!.at > stalledAt, 2000, 'a bystander frame after the stall');
      const lat = latencies(bystander, pausedAt);
      expect(lat.length).toBeGreaterThan(5);
      const median = lat[Math.floor(lat.length / 2)]!;
      const p95 = lat[Math.floor(lat.length * 0.95)]!;
      // Seconds, not milliseconds: a busy machine adds tens of ms; a bystander queued behind
      // the stalled socket would wait for its whole buffer. (Latency figures: bench:fanout.)
      expect(median, `bystander latencies ${JSON.stringify(lat)}`).toBeLessThan(1000);
      expect(p95, `bystander latencies ${JSON.stringify(lat)}`).toBeLessThan(2000);
      // ...about one frame per 10 ms interval (none were held back by the slow socket)
      const during = bystander.messages.filter((m) => m.at >= pausedAt && m.at <= stalledAt).length;
      expect(during).toBeGreaterThanOrEqual(Math.floor((stalledAt - pausedAt) / 10 / 3));

      // The slow client reads again (the slow-client timeout is long here: it is not closed).
      tcp(slow).resume();
      const seqAtResume = boardFrames(bystander).at(-1)!.seq;
      await slow.until(() => slow.messages.length > receivedWhilePaused && boardFrames(slow).at(-1)!.seq > seqAtResume + 10, 5000, 'frames after the resume');
      expect(slow.closed).toBeUndefined();
      const gaps = checkResyncRule(boardFrames(slow));
      expect(gaps.length, 'the stalled socket skipped frames').toBeGreaterThan(0);
      for (const g of gaps) expect(g.kind).toBe('FULL');
      expect(await metric(srv.http, 'boardcast_resyncs_total', { cause: 'drained' })).toBeGreaterThan(drained0);

      // The bystander never skipped a frame.
      expectContiguous(boardFrames(bystander), 'bystander');
    } finally {
      bystander.close();
      slow.close();
    }
  });

  it('stalled sockets cost no more memory however many frames they miss', async () => {
    const N = 16;
    const clients = await Promise.all(Array.from({ length: N }, () => TestClient.open(srv.ws('format=json'))));
    const bystander = await TestClient.open(srv.ws('format=json'));
    try {
      await Promise.all(clients.map((c) => c.nth(2)));
      for (const c of clients) tcp(c).pause();
      // Wait until every paused socket is stalled (skipped sends grow by N per frame).
      const s0 = await metric(srv.http, 'boardcast_skipped_sends_total');
      await metricUntil(srv.http, 'boardcast_skipped_sends_total', (v) => v >= s0 + 5 * N, 15_000);
      const skippedAtBase = await metric(srv.http, 'boardcast_skipped_sends_total');
      const rss0 = process.memoryUsage().rss;
      let peak = rss0;
      const sampler = setInterval(() => (peak = Math.max(peak, process.memoryUsage().rss)), 25);
      try {
        // ~3 s more of stall: N sockets × ~300 frames each.
        await metricUntil(srv.http, 'boardcast_skipped_sends_total', (v) => v >= skippedAtBase + 300 * N, 15_000);
      } finally {
        clearInterval(sampler);
      }
      const skipped = (await metric(srv.http, 'boardcast_skipped_sends_total')) - skippedAtBase;
      const jsonBytes = await metric(srv.http, 'boardcast_frame_bytes', { format: 'json' });
      // What those skipped frames would weigh if they had been queued (FULL is every other frame).
      const wouldHaveQueued = (skipped * jsonBytes) / 2;
      const growth = peak - rss0;
      expect(wouldHaveQueued, 'the stall is long enough for the check to mean something').toBeGreaterThan(60 * 2 ** 20);
      expect(growth, `rss grew ${(growth / 2 ** 20).toFixed(1)} MiB over ${skipped} skipped sends`).toBeLessThan(32 * 2 ** 20);
      // None of them was closed (the timeout is long), and the bystander kept up.
      expect(clients.every((c) => c.closed === undefined)).toBe(true);
      expectContiguous(boardFrames(bystander), 'bystander');
    } finally {
      for (const c of clients) c.close();
      bystander.close();
    }
  });
});
