// bench:jitter — the frame loop keeps its interval while the history writer is saturated.
// Frame-to-frame intervals (the worker's producedAtUs) under the same heavy feed, with a
// normal SQLite store (baseline, same run) and with a store whose every write blocks the
// writer thread for 250 ms (200 rows per 250 ms against 4,000 trades/s: thousands of rows
// behind). Prints the deviation from the interval (p50 / p95 / mean) for both and the
// ratio; exits 1 when the slow store adds more than 15 ms at p95 or 5 ms at p50 (what the
// old test asserted, now measured here where timing belongs).
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import WebSocket from 'ws';
import { loadConfig } from '../src/config.js';
import { createLogger } from '../src/log.js';
import type { WorkerToMain } from '../src/messages.js';
import { startServer } from '../src/roles/start.js';
import { jsonLine, printTable, round } from './lib/stats.js';

const INTERVAL = Number(process.env.JITTER_INTERVAL_MS ?? 50);
const FRAMES = Number(process.env.JITTER_FRAMES ?? 200);

async function until(pred: () => Promise<boolean>, what: string, timeoutMs = 30_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

async function frameIntervals(writeDelayMs: number) {
  const dir = mkdtempSync(join(tmpdir(), 'bc-bench-jitter-'));
  const config = loadConfig({
    HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'warn', SIM_SEED: '11', SIM_START_TIME: '10:00:00',
    DATA_DIR: dir, BROADCAST_INTERVAL_MS: String(INTERVAL), SIM_TRADES_PER_SECOND: '4000', SIM_CLOCK_SPEED: '30', HISTORY_BATCH_MAX: '200', HISTORY_FLUSH_MS: '20',
  });
  const handle = await startServer(config, createLogger('warn', { bench: 'jitter' }), { history: { writeDelayMs } });
  const gauge = async (name: string) => ((await handle.metrics.registry.getSingleMetric(name)?.get())?.values ?? []).reduce((s, v) => s + v.value, 0);
  const ws = new WebSocket(`ws://127.0.0.1:${handle.port}/ws`);
  try {
    await new Promise((r, j) => ws.once('open', r).once('error', j));
    // The same warm-up for both; the slow one must be thousands of rows behind first.
    if (writeDelayMs) await until(async () => (await gauge('boardcast_history_buffered_rows')) > 2000, 'the writer to saturate');
    else await until(async () => (await gauge('boardcast_history_rows_written_total')) > 2000, 'the writer to be busy');
    const at: number[] = [];
    await new Promise<void>((resolve) => {
      const on = (m: WorkerToMain) => {
        if (m.type !== 'frame') return;
        at.push(m.producedAtUs / 1000);
        if (at.length > FRAMES) {
          handle.supervisor!.off('message', on);
          resolve();
        }
      };
      handle.supervisor!.on('message', on);
    });
    const buffered = await gauge('boardcast_history_buffered_rows');
    const intervals = at.slice(1).map((t, i) => t - at[i]!);
    const dev = intervals.map((d) => Math.abs(d - INTERVAL)).sort((a, b) => a - b);
    return { buffered, p50: round(dev[Math.floor(dev.length / 2)]!), p95: round(dev[Math.floor(dev.length * 0.95)]!), mean: round(intervals.reduce((a, b) => a + b, 0) / intervals.length) };
  } finally {
    ws.close();
    await handle.shutdown('bench');
    rmSync(dir, { recursive: true, force: true });
  }
}

const fast = await frameIntervals(0);
const slow = await frameIntervals(250);
printTable(`frame interval ${INTERVAL} ms, ${FRAMES} frames: deviation from the interval (ms)`, [
  { store: 'normal (baseline)', bufferedRows: fast.buffered, p50: fast.p50, p95: fast.p95, meanInterval: fast.mean },
  { store: 'saturated (250 ms writes)', bufferedRows: slow.buffered, p50: slow.p50, p95: slow.p95, meanInterval: slow.mean },
]);
const ratio = { p50: round(slow.p50 / Math.max(fast.p50, 0.01)), p95: round(slow.p95 / Math.max(fast.p95, 0.01)) };
jsonLine('jitter', { intervalMs: INTERVAL, frames: FRAMES, fast, slow, ratio });
const ok = slow.buffered > 2000 && Math.abs(slow.mean - INTERVAL) < 5 && slow.p95 < fast.p95 + 15 && slow.p50 < fast.p50 + 5;
console.log(ok ? '\nbound held: the saturated store adds < 5 ms at p50 and < 15 ms at p95' : '\nBOUND BROKEN: the saturated store moved the frame loop');
process.exit(ok ? 0 : 1);
