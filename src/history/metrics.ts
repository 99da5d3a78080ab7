// History metrics, registered on the server's registry (src/metrics.ts owns the rest).
import { Counter, Gauge, Histogram, type Registry } from 'prom-client';
import type { WriterStats } from './batch-writer.js';
import { ROW_KINDS } from './types.js';

export function createHistoryMetrics(registry: Registry) {
  const m = {
    written: new Counter({ name: 'boardcast_history_rows_written_total', help: 'History rows committed to the store', labelNames: ['kind'] as const, registers: [registry] }),
    dropped: new Counter({ name: 'boardcast_history_rows_dropped_total', help: 'History rows dropped because the writer buffer (HISTORY_BUFFER_ROWS) was full', labelNames: ['kind'] as const, registers: [registry] }),
    buffered: new Gauge({ name: 'boardcast_history_buffered_rows', help: 'History rows waiting in the writer (buffered and in flight)', registers: [registry] }),
    batches: new Counter({ name: 'boardcast_history_batches_total', help: 'History batches (transactions) committed', registers: [registry] }),
    batchRows: new Gauge({ name: 'boardcast_history_last_batch_rows', help: 'Rows in the latest committed batch (grows when the store is slower than the feed)', registers: [registry] }),
    writeFailures: new Counter({ name: 'boardcast_history_write_failures_total', help: 'Failed history writes (each retried with backoff)', registers: [registry] }),
    storeUp: new Gauge({ name: 'boardcast_history_store_up', help: '1 while history writes succeed', registers: [registry] }),
    querySeconds: new Histogram({ name: 'boardcast_history_query_seconds', help: 'History API query time (pool thread, queue included)', labelNames: ['kind'] as const, buckets: [0.001, 0.005, 0.01, 0.05, 0.1, 0.5, 1, 5], registers: [registry] }),
  };
  m.storeUp.set(1);
  let last: WriterStats | undefined;
  /** Applies a cumulative stats report from the writer thread. */
  const update = (s: WriterStats) => {
    for (const k of ROW_KINDS) {
      m.written.inc({ kind: k }, s.written[k] - (last?.written[k] ?? 0));
      m.dropped.inc({ kind: k }, s.dropped[k] - (last?.dropped[k] ?? 0));
    }
    m.batches.inc(s.batches - (last?.batches ?? 0));
    m.writeFailures.inc(s.failures - (last?.failures ?? 0));
    m.buffered.set(s.buffered);
    m.batchRows.set(s.lastBatchRows);
    m.storeUp.set(s.storeUp ? 1 : 0);
    last = s;
  };
  for (const k of ROW_KINDS) {
    m.written.inc({ kind: k }, 0);
    m.dropped.inc({ kind: k }, 0);
  }
  return { ...m, update };
}

export type HistoryMetrics = ReturnType<typeof createHistoryMetrics>;
