// Messages of the history threads, discriminated on `type`:
//  - market worker → writer thread, on a BroadcastChannel named in WorkerStartup.history
//    (the writer outlives market-worker restarts; the channel needs no port handed over);
//  - main ↔ writer thread, on the writer Worker's own port.
import type { StoreTarget } from './store.js';
import type { WriterStats } from './batch-writer.js';
export type { TapToWriter, WriterToTap } from '../market/history-rows.js';

export interface WriterStartup {
  target: StoreTarget;
  channel: string;
  logLevel: string;
  bufferRows: number;
  batchMax: number;
  retryMinMs: number;
  retryMaxMs: number;
  statsEveryMs: number;
  /** HISTORY_RETENTION_DAYS in ms: rows older than this are pruned (0 = kept forever). */
  retentionMs: number;
  /** Test hook: every write blocks the writer thread this long first (a slow disk / DB). */
  writeDelayMs?: number;
}

export type MainToWriter = { type: 'close'; deadline: number };

export type WriterToMain =
  | { type: 'opened'; timescale: boolean }
  | { type: 'open-failed'; message: string; code?: string }
  | { type: 'stats'; stats: WriterStats }
  | { type: 'closed'; stats: WriterStats; leftOver: number };
