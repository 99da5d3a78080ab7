// A format losing its last client and gaining a new one between two worker frames, against
// the real server: the worker hears of the two changes one frame apart, so one frame is
// built without that format while the new socket, already served the previous FULL, sits
// on its topic. That socket must still never see a DELTA on a base it does not have
// (before the fix: DELTA N+2 on base N+1 right after FULL N, the SDK's `gaps` 1 in sdk.test.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TestClient } from '../helpers/ws-client.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { boardFrames, checkResyncRule } from '../helpers/protocol.js';

describe('a format whose only client is replaced while frames flow in another format', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ BROADCAST_INTERVAL_MS: '10', KEYFRAME_EVERY: '1000' });
  });
  afterAll(() => srv?.stop());

  it('each replacement JSON socket gets FULL then DELTAs on the previous seq only', async () => {
    const steady = await TestClient.open(srv.ws('format=proto')); // keeps frames flowing in proto
    let prev = await TestClient.open(srv.ws('format=json'));
    await prev.until(() => boardFrames(prev).length >= 2, 5000, 'two frames');
    const sockets: TestClient[] = [prev];
    // The server shares this thread: keep it busy, as on a loaded machine, so its events wait.
    const hog = setInterval(() => {
      const end = performance.now() + 6;
      while (performance.now() < end);
    }, 1);
    for (let i = 0; i < 150; i++) {
      prev.close(); // the last JSON client goes...
      const next = await TestClient.open(srv.ws('format=json')); // ...and another comes at once
      sockets.push(next);
      await next.until(() => boardFrames(next).length >= 4, 5000, 'four frames');
      prev = next;
    }
    clearInterval(hog);
    for (const [i, s] of sockets.entries()) {
      const frames = boardFrames(s).filter((f) => f.epoch === boardFrames(s)[0]!.epoch);
      expect(frames.length, `socket ${i}: frames`).toBeGreaterThanOrEqual(2);
      checkResyncRule(frames); // starts FULL; every DELTA on the seq just received (a FULL may follow a missed frame)
    }
    for (const s of sockets) s.close();
    steady.close();
  });
});
