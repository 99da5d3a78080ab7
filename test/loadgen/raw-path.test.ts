// The raw receive path against a real boardcast server, next to the ws path in the same
// window: every frame to every client, no gap, the same byte counts, in both formats —
// JSON FULL frames being over 16 KiB, they arrive fragmented (src/server/fragments.ts),
// so the raw reader's continuation handling is on the line.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FRAGMENT_BYTES } from '../../src/server/fragments.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { ensureLoadgenBuilt, runLoadgenCli } from '../helpers/loadgen-cli.js';

const CLIENTS = 10;
const DURATION_S = 2;
const INTERVAL_MS = 20;

describe('raw client path against a boardcast server', () => {
  let srv: TestServer;
  beforeAll(async () => {
    ensureLoadgenBuilt();
    // A keyframe every 3rd frame: FULL frames go out through the broadcast, not only at connect.
    srv = await startTestServer({ BROADCAST_INTERVAL_MS: String(INTERVAL_MS), KEYFRAME_EVERY: '3' });
  }, 120_000);
  afterAll(async () => { await srv?.stop(); });

  for (const format of ['json', 'proto'] as const) {
    it(`${format}: the raw path counts what the ws path counts`, async () => {
      const args = (client: string) => ['--url', srv.ws(`format=${format}&delta=1`), '--clients', String(CLIENTS), '--duration', String(DURATION_S),
        '--warmup', '0.5', '--threads', '1', '--decode', 'header', '--client', client];
      // Side by side, so both see the same frames.
      const [ws, raw] = await Promise.all([runLoadgenCli(args('ws')), runLoadgenCli(args('raw'))]);
      for (const [path, run] of [['ws', ws], ['raw', raw]] as const) {
        expect(run.code, `${path}: ${run.stderr}`).toBe(0);
        expect(run.result, path).toMatchObject({
          client: path, clientsConnected: CLIENTS, connectFailures: 0, disconnects: 0, decodeErrors: 0,
          seqGaps: 0, framesMissed: 0, resyncs: 0, epochChanges: 0, deltaFirst: 0, negativeLatencies: 0,
        });
        // No gap and nothing missed (above) is what says every frame arrived; how many the
        // server built in the window depends on the machine's load, not on the client path,
        // so only the upper bound is the rate's.
        expect(run.result.frames, path).toBeGreaterThan(CLIENTS * 10);
        expect(run.result.frames, path).toBeLessThanOrEqual(CLIENTS * ((DURATION_S * 1000) / INTERVAL_MS + 2));
        expect(run.result.latencyMs.p50, path).toBeGreaterThan(0);
      }
      // Byte counts are whole messages on both paths: the mean frame size agrees closely
      // (the windows differ by process start, a few frames).
      const meanBytes = (r: Record<string, any>) => r.bytesPerSecond / r.messagesPerSecond;
      expect(meanBytes(raw.result)).toBeGreaterThan(meanBytes(ws.result) * 0.9);
      expect(meanBytes(raw.result)).toBeLessThan(meanBytes(ws.result) * 1.1);
      if (format === 'json') {
        // A FULL every 3rd frame, each over FRAGMENT_BYTES: the mean is over a third of it,
        // which only counting every fragment of a message reaches.
        expect(meanBytes(raw.result)).toBeGreaterThan(FRAGMENT_BYTES / 3);
      }
    }, 30_000);
  }
});
