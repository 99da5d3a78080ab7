// The process-wide send budget (WS_MAX_BACKPRESSURE_TOTAL_BYTES) against the real server:
// paused readers fill their buffers until the unsent bytes of all sockets together pass
// the budget — well before any of them reaches its own (much larger) limit. From then on
// every socket that is behind is skipped, the total stops growing, a reading bystander
// still gets every frame, and a paused socket that reads again gets a FULL frame first.
//
// Big frames fill the kernel buffers fast (JSON, a frame every 10 ms, every other one FULL).
// Twice: the budget set as a total, and the budget that grows with the clients (a share of
// WS_SEND_BUDGET_PER_CLIENT_BYTES each, the total far away).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Socket } from 'node:net';
import { TestClient } from '../helpers/ws-client.js';
import { metric, startTestServer, type TestServer } from '../helpers/server.js';
import { boardFrames, checkResyncRule, expectContiguous, metricUntil } from '../helpers/protocol.js';

const PER_SOCKET = 1024 * 1024;
const N = 8;
const SHARE = 288 * 1024;
const CASES = [
  { what: 'WS_MAX_BACKPRESSURE_TOTAL_BYTES', env: { WS_MAX_BACKPRESSURE_TOTAL_BYTES: String(512 * 1024), WS_SEND_BUDGET_PER_CLIENT_BYTES: '0' }, budget: 512 * 1024 },
  // N + 1 sockets × the share: above the floor (2 × PER_SOCKET), far below the total.
  { what: 'WS_SEND_BUDGET_PER_CLIENT_BYTES', env: { WS_MAX_BACKPRESSURE_TOTAL_BYTES: String(2 ** 30), WS_SEND_BUDGET_PER_CLIENT_BYTES: String(SHARE) }, budget: (N + 1) * SHARE },
];
const tcp = (c: TestClient) => (c.ws as unknown as { _socket: Socket })._socket;

describe.each(CASES)('process-wide send budget ($what)', ({ env, budget: BUDGET }) => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({
      BROADCAST_INTERVAL_MS: '10', KEYFRAME_EVERY: '2', WS_SLOW_CLIENT_TIMEOUT_MS: '60000',
      WS_MAX_BACKPRESSURE_BYTES: String(PER_SOCKET), ...env,
    });
  });
  afterAll(async () => {
    await srv?.stop();
  });

  it('stalls lagging sockets once their unsent bytes pass the budget; the others still receive; a drained one gets a FULL', async () => {
    const paused = await Promise.all(Array.from({ length: N }, () => TestClient.open(srv.ws('format=json'))));
    const bystander = await TestClient.open(srv.ws('format=json'));
    try {
      // The budget in force with these N + 1 sockets (the per-client one follows the count).
      await metricUntil(srv.http, 'boardcast_ws_send_budget_bytes', (v) => v === BUDGET, 5000);
      await Promise.all([...paused, bystander].map((c) => c.nth(3)));
      const stalls0 = await metric(srv.http, 'boardcast_budget_stalls_total');
      for (const c of paused) tcp(c).pause();

      // Every paused socket is stalled by the budget (not by its own 1 MiB limit)...
      await metricUntil(srv.http, 'boardcast_budget_stalls_total', (v) => v >= stalls0 + N, 20_000);
      // ...and stays off: skipped sends grow by about N per frame.
      const s0 = await metric(srv.http, 'boardcast_skipped_sends_total');
      await metricUntil(srv.http, 'boardcast_skipped_sends_total', (v) => v >= s0 + 20 * N, 10_000);
      const held = await metric(srv.http, 'boardcast_ws_send_buffer_bytes');
      const fullBytes = await metric(srv.http, 'boardcast_frame_bytes', { format: 'json' });
      // The total reached the budget and stopped there, within about a frame or two per
      // lagging socket (the sweep runs once a frame), far below N × the per-socket limit.
      expect(held).toBeGreaterThan(BUDGET);
      expect(held, `held ${held} B, frame ${fullBytes} B`).toBeLessThanOrEqual(BUDGET + N * 3 * fullBytes);
      expect(held).toBeLessThan((N * PER_SOCKET) / 2);
      // Held steady however many more frames the paused sockets miss.
      const s1 = await metric(srv.http, 'boardcast_skipped_sends_total');
      await metricUntil(srv.http, 'boardcast_skipped_sends_total', (v) => v >= s1 + 20 * N, 10_000);
      expect(await metric(srv.http, 'boardcast_ws_send_buffer_bytes')).toBeLessThanOrEqual(BUDGET + N * 3 * fullBytes);

      // The reading bystander got every frame meanwhile.
      const seqNow = boardFrames(bystander).at(-1)!.seq;
      await bystander.until(() => boardFrames(bystander).at(-1)!.seq > seqNow + 5, 5000, 'bystander frames while over budget');
      expectContiguous(boardFrames(bystander), 'bystander');

      // One paused socket reads again: it drains, then gets a FULL frame before any DELTA.
      const back = paused[0]!;
      const had = back.messages.length;
      tcp(back).resume();
      const seqAtResume = boardFrames(bystander).at(-1)!.seq;
      await back.until(() => back.messages.length > had && boardFrames(back).at(-1)!.seq > seqAtResume + 5, 10_000, 'frames after the resume');
      const gaps = checkResyncRule(boardFrames(back));
      expect(gaps.length, 'the paused socket skipped frames').toBeGreaterThan(0);
      for (const g of gaps) expect(g.kind).toBe('FULL');
      expect(paused.every((c) => c.closed === undefined)).toBe(true);
    } finally {
      for (const c of paused) c.close();
      bystander.close();
    }
  });
});
