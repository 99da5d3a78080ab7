// The frame loop keeps its interval while the history writer is saturated: frame-to-frame
// intervals (worker timestamps, producedAtUs) with a normal store and with a store whose
// every write blocks its thread, under the same heavy feed.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import type { WorkerToMain } from '../../src/messages.js';
import { startHistoryServer } from './server.js';

const INTERVAL = 50;
const FRAMES = 60;

async function frameIntervals(dir: string, writeDelayMs: number) {
  const s = await startHistoryServer(
    { DATA_DIR: dir, BROADCAST_INTERVAL_MS: String(INTERVAL), SIM_TRADES_PER_SECOND: '4000', SIM_CLOCK_SPEED: '30', HISTORY_BATCH_MAX: '200', HISTORY_FLUSH_MS: '20' },
    { writeDelayMs },
  );
  const ws = new WebSocket(s.http.replace('http', 'ws') + '/ws');
  try {
    await new Promise((r, j) => ws.once('open', r).once('error', j));
    // Let the writer fill up first when it is slow.
    // Same warm-up for both; the slow one must be saturated (thousands of rows behind) first.
    if (writeDelayMs) await s.until('the writer to saturate', async () => (await s.metric('boardcast_history_buffered_rows')) > 2000);
    else await s.until('the writer to be busy', async () => (await s.metric('boardcast_history_rows_written_total', { kind: 'ticks' })) > 2000);
    const at: number[] = [];
    await new Promise<void>((resolve) => {
      const on = (m: WorkerToMain) => {
        if (m.type !== 'frame') return;
        at.push(m.producedAtUs / 1000);
        if (at.length > FRAMES) {
          s.handle.supervisor!.off('message', on);
          resolve();
        }
      };
      s.handle.supervisor!.on('message', on);
    });
    const buffered = await s.metric('boardcast_history_buffered_rows');
    const intervals = at.slice(1).map((t, i) => t - at[i]!);
    const dev = intervals.map((d) => Math.abs(d - INTERVAL)).sort((a, b) => a - b);
    return { buffered, p50: dev[Math.floor(dev.length / 2)]!, p95: dev[Math.floor(dev.length * 0.95)]!, mean: intervals.reduce((a, b) => a + b, 0) / intervals.length };
  } finally {
    ws.close();
    await s.handle.shutdown('test');
  }
}

describe('frame loop vs a saturated history writer', () => {
  const dirs: string[] = [];
  afterAll(() => {
    for (const d of dirs) rmSync(d, { recursive: true, force: true });
  });

  it('keeps its interval: jitter with a slow store is that of a fast one', async () => {
    const fastDir = mkdtempSync(join(tmpdir(), 'bc-hist-jit-'));
    const slowDir = mkdtempSync(join(tmpdir(), 'bc-hist-jit-'));
    dirs.push(fastDir, slowDir);
    const fast = await frameIntervals(fastDir, 0);
    // 200 rows per 250 ms = 800 rows/s at most, against 4000 trades/s: saturated.
    const slow = await frameIntervals(slowDir, 250);
    console.log(JSON.stringify({ bench: 'history-jitter', intervalMs: INTERVAL, fast, slow }));
    expect(slow.buffered).toBeGreaterThan(2000); // the writer really was behind
    expect(fast.buffered).toBeLessThan(slow.buffered);
    expect(Math.abs(slow.mean - INTERVAL)).toBeLessThan(5);
    // Shared, noisy machines: the slow store may not add more than a few ms of jitter.
    expect(slow.p95).toBeLessThan(fast.p95 + 15);
    expect(slow.p50).toBeLessThan(fast.p50 + 5);
  }, 60_000);
});
