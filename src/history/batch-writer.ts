// The batch writer: rows come in (push) at the feed's pace and go out to the store in
// transactions at the store's pace. Each batch takes everything buffered up to batchMax
// rows, so when the store is slower than the feed the batches grow and the per-row cost
// of a transaction falls. While the store fails, the same batch is retried with
// exponential backoff (+ jitter) and new rows keep buffering up to bufferRows; only rows
// that arrive past that bound are dropped — counted and reported, never silently.
import { randomBytes } from 'node:crypto';
import type { HistoryStore } from './store.js';
import { backoffDelay } from '../util/backoff.js';
import { ROW_KINDS, emptyRows, rowCount, type HistoryRows, type RowKind } from './types.js';

export interface BatchWriterOptions {
  /** Rows held in memory at most (buffered + in flight). */
  bufferRows: number;
  /** Rows per transaction at most. */
  batchMax: number;
  retryMinMs: number;
  retryMaxMs: number;
  /** Called on each failed write (the batch will be retried). */
  onWriteError?: (err: Error, attempt: number, delayMs: number) => void;
  /** Called when a write succeeds after failures. */
  onRecovered?: (failedAttempts: number) => void;
  /** Called when rows are dropped because the buffer is full. */
  onDrop?: (dropped: Record<RowKind, number>) => void;
}

export interface WriterStats {
  written: Record<RowKind, number>;
  dropped: Record<RowKind, number>;
  /** Rows waiting (buffered and in flight). */
  buffered: number;
  batches: number;
  lastBatchRows: number;
  lastBatchMs: number;
  failures: number;
  /** False while writes fail. */
  storeUp: boolean;
}

const zero = (): Record<RowKind, number> => ({ ticks: 0, foreign: 0, index: 0, basis: 0, alerts: 0 });

export class BatchWriter {
  private pending: HistoryRows = emptyRows();
  private pendingRows = 0;
  private inFlight = 0;
  private wake: (() => void) | undefined;
  private idleWaiters: Array<() => void> = [];
  private running: Promise<void> | undefined;
  private stopping = false;
  private abortBackoff: (() => void) | undefined;
  private readonly idPrefix = randomBytes(6).toString('hex');
  private seq = 0;
  readonly stats: WriterStats = { written: zero(), dropped: zero(), buffered: 0, batches: 0, lastBatchRows: 0, lastBatchMs: 0, failures: 0, storeUp: true };

  constructor(private readonly store: HistoryStore, private readonly opts: BatchWriterOptions) {}

  /** Buffers rows; rows past bufferRows are dropped (and counted). Never blocks. */
  push(rows: HistoryRows): void {
    let room = this.opts.bufferRows - this.pendingRows - this.inFlight;
    let dropped: Record<RowKind, number> | undefined;
    for (const kind of ROW_KINDS) {
      const src = rows[kind] as unknown[];
      const dst = this.pending[kind] as unknown[];
      const take = Math.max(0, Math.min(room, src.length));
      for (let i = 0; i < take; i++) dst.push(src[i]);
      room -= take;
      this.pendingRows += take;
      if (take < src.length) {
        dropped ??= zero();
        dropped[kind] += src.length - take;
        this.stats.dropped[kind] += src.length - take;
      }
    }
    this.stats.buffered = this.pendingRows + this.inFlight;
    if (dropped) this.opts.onDrop?.(dropped);
    this.wake?.();
  }

  start(): void {
    this.running ??= this.loop();
  }

  private take(): HistoryRows {
    let room = this.opts.batchMax;
    const batch = emptyRows();
    for (const kind of ROW_KINDS) {
      const src = this.pending[kind] as unknown[];
      const n = Math.min(room, src.length);
      if (n === 0) continue;
      if (n === src.length) {
        (batch[kind] as unknown[]) = src;
        (this.pending[kind] as unknown[]) = [];
      } else (batch[kind] as unknown[]) = src.splice(0, n);
      room -= n;
    }
    const n = rowCount(batch);
    this.pendingRows -= n;
    this.inFlight = n;
    return batch;
  }

  private async loop(): Promise<void> {
    for (;;) {
      if (this.pendingRows === 0) {
        for (const w of this.idleWaiters.splice(0)) w();
        if (this.stopping) return;
        await new Promise<void>((r) => (this.wake = r));
        this.wake = undefined;
        continue;
      }
      // Yield to the event loop between batches: a synchronous store (SQLite) resolves its
      // writes at once, and without this the loop would run on microtasks alone, starving
      // the incoming rows (and the stats timer) until the buffer ran dry.
      await new Promise((r) => setImmediate(r));
      const batch = this.take();
      const id = `${this.idPrefix}-${++this.seq}`;
      let attempt = 0;
      for (;;) {
        const t0 = performance.now();
        try {
          await this.store.write(id, batch);
          this.stats.lastBatchMs = performance.now() - t0;
          break;
        } catch (err) {
          attempt++;
          this.stats.failures++;
          this.stats.storeUp = false;
          if (this.stopping && Date.now() >= this.deadline) {
            // Out of time on shutdown: put the batch back so it is counted as left over.
            this.requeue(batch);
            for (const w of this.idleWaiters.splice(0)) w();
            return;
          }
          const delayMs = backoffDelay({ initialMs: this.opts.retryMinMs, maxMs: this.opts.retryMaxMs, factor: 2, jitter: 0.25 }, attempt);
          this.opts.onWriteError?.(err as Error, attempt, delayMs);
          await this.sleep(this.stopping ? Math.min(delayMs, Math.max(0, this.deadline - Date.now())) : delayMs);
        }
      }
      if (attempt > 0) this.opts.onRecovered?.(attempt);
      this.stats.storeUp = true;
      this.stats.batches++;
      this.stats.lastBatchRows = rowCount(batch);
      for (const kind of ROW_KINDS) this.stats.written[kind] += batch[kind].length;
      this.inFlight = 0;
      this.stats.buffered = this.pendingRows;
    }
  }

  private requeue(batch: HistoryRows): void {
    for (const kind of ROW_KINDS) (this.pending[kind] as unknown[]) = [...(batch[kind] as unknown[]), ...(this.pending[kind] as unknown[])];
    this.pendingRows += this.inFlight;
    this.inFlight = 0;
  }

  private deadline = Infinity;

  private sleep(ms: number): Promise<void> {
    return new Promise((resolve) => {
      const t = setTimeout(done, ms);
      function done() {
        clearTimeout(t);
        resolve();
      }
      this.abortBackoff = done;
    });
  }

  /**
   * Writes everything buffered, then stops. Retries go on until `deadline` (epoch ms);
   * resolves with the rows that could not be written by then (0 on a clean flush).
   */
  async flush(deadline: number): Promise<number> {
    this.stopping = true;
    this.deadline = deadline;
    this.abortBackoff?.(); // retry at once rather than finish a long backoff
    this.start();
    this.wake?.();
    await this.running;
    return this.pendingRows + this.inFlight;
  }

  /** Resolves when nothing is buffered (tests, benches). */
  idle(): Promise<void> {
    if (this.pendingRows === 0 && this.inFlight === 0) return Promise.resolve();
    return new Promise((r) => this.idleWaiters.push(r));
  }
}
