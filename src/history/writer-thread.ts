// The history writer thread: owns the read-write store and the batch writer. It runs in
// its own thread because SQLite (better-sqlite3) is synchronous and a slow disk or a slow
// PostgreSQL must never stall the market worker's frame loop or the main thread's sockets.
// It outlives market-worker restarts: rows arrive on a BroadcastChannel from whichever
// market worker is current.
import { BroadcastChannel, parentPort, workerData } from 'node:worker_threads';
import { createLogger } from '../log.js';
import { LogLimiter } from '../log-limiter.js';
import { BatchWriter } from './batch-writer.js';
import { startRetention } from './retention.js';
import type { MainToWriter, TapToWriter, WriterStartup, WriterToMain, WriterToTap } from './protocol.js';
import { describeTarget, openStore, type HistoryStore } from './store.js';

if (!parentPort) throw new Error('the history writer must run in a worker thread');
const port = parentPort;
const startup = workerData as WriterStartup;
const log = createLogger(startup.logLevel, { thread: 'history-writer', ...describeTarget(startup.target) });
const limiter = new LogLimiter();
const post = (m: WriterToMain) => port.postMessage(m);

let store: HistoryStore;
try {
  store = await openStore(startup.target);
} catch (err) {
  const e = err as Error & { code?: string };
  post({ type: 'open-failed', message: e.message, code: e.code });
  await new Promise(() => {}); // the main thread terminates this thread
  throw err;
}
if (startup.writeDelayMs) {
  const inner = store;
  const delay = startup.writeDelayMs;
  const cell = new Int32Array(new SharedArrayBuffer(4));
  store = Object.assign(Object.create(inner) as HistoryStore, {
    write: (id: string, rows: Parameters<HistoryStore['write']>[1]) => {
      Atomics.wait(cell, 0, 0, delay); // blocks this thread, as a slow synchronous write would
      return inner.write(id, rows);
    },
  });
}

const writer = new BatchWriter(store, {
  bufferRows: startup.bufferRows,
  batchMax: startup.batchMax,
  retryMinMs: startup.retryMinMs,
  retryMaxMs: startup.retryMaxMs,
  onWriteError: (err, attempt, delayMs) =>
    limiter.run('write-error', (suppressed) => log.warn({ err: { message: err.message, code: (err as { code?: string }).code }, attempt, delayMs, buffered: writer.stats.buffered, suppressed }, 'history write failed; retrying with backoff')),
  onRecovered: (failedAttempts) => log.info({ failedAttempts, buffered: writer.stats.buffered }, 'history store recovered'),
  onDrop: (dropped) =>
    limiter.run('drop', (suppressed) => log.error({ dropped, totalDropped: writer.stats.dropped, bufferRows: startup.bufferRows, suppressed }, 'history buffer full; rows dropped')),
});
writer.start();
const stopRetention = startRetention(store, { retentionMs: startup.retentionMs, log });

const channel = new BroadcastChannel(startup.channel);
channel.onmessage = (e) => {
  const m = (e as { data: TapToWriter }).data;
  if (m.type === 'rows') writer.push(m.rows);
  else if (m.type === 'end') {
    const ack: WriterToTap = { type: 'end-ack', epoch: m.epoch };
    channel.postMessage(ack);
  }
};

const statsTimer = setInterval(() => post({ type: 'stats', stats: { ...writer.stats } }), startup.statsEveryMs);

port.on('message', async (m: MainToWriter) => {
  if (m.type !== 'close') return;
  channel.close();
  clearInterval(statsTimer);
  const leftOver = await writer.flush(m.deadline);
  await stopRetention();
  try {
    await store.close();
  } catch (err) {
    log.warn({ err }, 'history store did not close cleanly');
  }
  post({ type: 'closed', stats: { ...writer.stats }, leftOver });
});

post({ type: 'opened', timescale: (store as { timescale?: boolean }).timescale === true });
