// History retention (HISTORY_RETENTION_DAYS): the writer thread deletes rows older than the
// window once at start and then every hour, so the store's size follows the window (the
// manifests size the ingest's volume from it). Time is wall-clock ms, as `ts_ms` is.
import type { Logger } from '../log.js';
import type { HistoryStore } from './store.js';

export const DAY_MS = 86_400_000;
export const PRUNE_EVERY_MS = 3_600_000;

/** The oldest time kept: rows with ts < this go. */
export const retentionCutoff = (nowMs: number, retentionMs: number): number => nowMs - retentionMs;

export interface RetentionOptions {
  /** The window in ms; 0 keeps everything (no pruning at all). */
  retentionMs: number;
  everyMs?: number;
  now?: () => number;
  log: Logger;
}

/** Prunes now and every `everyMs`; returns a stop function that waits for a prune in progress. */
export function startRetention(store: HistoryStore, opts: RetentionOptions): () => Promise<void> {
  if (opts.retentionMs <= 0) return async () => {};
  const now = opts.now ?? Date.now;
  let running: Promise<void> = Promise.resolve();
  const pruneOnce = () => {
    running = running.then(async () => {
      const before = retentionCutoff(now(), opts.retentionMs);
      try {
        const removed = await store.prune(before);
        opts.log.info({ before: new Date(before).toISOString(), removed }, 'history retention: old rows pruned');
      } catch (err) {
        // Retried at the next round; the store keeps the rows meanwhile (nothing is lost).
        opts.log.warn({ err: { message: (err as Error).message, code: (err as { code?: string }).code } }, 'history retention: prune failed; retried at the next round');
      }
    });
  };
  pruneOnce();
  const timer = setInterval(pruneOnce, opts.everyMs ?? PRUNE_EVERY_MS);
  timer.unref();
  return async () => {
    clearInterval(timer);
    await running;
  };
}
