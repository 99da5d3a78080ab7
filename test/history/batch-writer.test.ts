// The batch writer against a scripted store: batches grow when the store is slower than
// the feed, a failing store is retried (same batch) while rows buffer, rows past the
// buffer bound are dropped and counted, and flush() writes everything.
import { describe, expect, it } from 'vitest';
import { BatchWriter } from '../../src/history/batch-writer.js';
import type { HistoryStore } from '../../src/history/store.js';
import { emptyRows, rowCount, type HistoryRows } from '../../src/history/types.js';

function ticks(n: number, start = 0): HistoryRows {
  const r = emptyRows();
  for (let i = 0; i < n; i++) r.ticks.push({ symbol: 'FPT', ts: start + i, price: 1, volume: 1, side: 'neutral', phase: 3 });
  return r;
}

class ScriptedStore implements HistoryStore {
  readonly kind = 'sqlite' as const;
  batches: Array<{ id: string; rows: number; firstTs: number }> = [];
  failing = false;
  attempts = 0;
  gate: Promise<void> | undefined;
  async write(id: string, rows: HistoryRows): Promise<void> {
    this.attempts++;
    await this.gate;
    if (this.failing) throw new Error('connection refused');
    this.batches.push({ id, rows: rowCount(rows), firstTs: rows.ticks[0]?.ts ?? -1 });
  }
  async query() {
    return [];
  }
  async counts() {
    return { ticks: this.batches.reduce((s, b) => s + b.rows, 0), foreign: 0, index: 0, basis: 0, alerts: 0 };
  }
  async prune() {
    return { ticks: 0, foreign: 0, index: 0, basis: 0, alerts: 0 };
  }
  async close() {}
}

const opts = { bufferRows: 1000, batchMax: 300, retryMinMs: 5, retryMaxMs: 20 };

describe('BatchWriter', () => {
  it('batches grow while the store is busy (up to batchMax), in order, nothing lost', async () => {
    const store = new ScriptedStore();
    const w = new BatchWriter(store, opts);
    w.start();
    let open!: () => void;
    store.gate = new Promise((r) => (open = r));
    w.push(ticks(10, 0)); // first batch: 10 rows, held at the gate
    while (store.attempts < 1) await new Promise((r) => setImmediate(r));
    for (let i = 1; i <= 50; i++) w.push(ticks(10, i * 10)); // 500 more arrive meanwhile
    store.gate = undefined;
    open();
    await w.idle();
    expect(store.batches.map((b) => b.rows)).toEqual([10, 300, 200]);
    expect(store.batches.map((b) => b.firstTs)).toEqual([0, 10, 310]);
    expect(w.stats.written.ticks).toBe(510);
    expect(w.stats.buffered).toBe(0);
  });

  it('splits a backlog into full batches, in order, whatever its size', async () => {
    for (const [backlog, batchMax] of [[200, 100], [300, 100], [250, 100], [5000, 100], [99, 100]] as const) {
      const store = new ScriptedStore();
      const w = new BatchWriter(store, { ...opts, bufferRows: 10_000, batchMax });
      w.push(ticks(backlog));
      w.start();
      expect(await w.flush(Date.now() + 5000)).toBe(0);
      expect(store.batches.reduce((s, b) => s + b.rows, 0)).toBe(backlog);
      expect(store.batches.map((b) => b.firstTs)).toEqual(store.batches.map((_, i) => i * batchMax));
    }
  });

  it('retries the same batch with backoff while the store is down, buffering; recovers with everything', async () => {
    const store = new ScriptedStore();
    store.failing = true;
    const errors: number[] = [];
    let recovered = 0;
    const w = new BatchWriter(store, { ...opts, onWriteError: (_e, attempt) => errors.push(attempt), onRecovered: (n) => (recovered = n) });
    w.start();
    w.push(ticks(100));
    while (store.attempts < 4) await new Promise((r) => setTimeout(r, 5));
    w.push(ticks(200, 100));
    expect(w.stats.storeUp).toBe(false);
    expect(w.stats.buffered).toBe(300);
    store.failing = false;
    await w.idle();
    expect(errors.slice(0, 4)).toEqual([1, 2, 3, 4]);
    expect(recovered).toBeGreaterThanOrEqual(4);
    expect(store.batches[0]).toMatchObject({ rows: 100, firstTs: 0 }); // the retried batch is the same batch
    expect(await store.counts()).toMatchObject({ ticks: 300 });
    expect(new Set(store.batches.map((b) => b.id)).size).toBe(store.batches.length);
  });

  it('drops only past bufferRows, and counts what it dropped', async () => {
    const store = new ScriptedStore();
    store.failing = true;
    const drops: number[] = [];
    const w = new BatchWriter(store, { ...opts, onDrop: (d) => drops.push(d.ticks) });
    w.start();
    w.push(ticks(900));
    w.push(ticks(250, 900)); // 100 fit
    expect(w.stats.dropped.ticks).toBe(150);
    expect(drops).toEqual([150]);
    store.failing = false;
    await w.idle();
    expect(w.stats.written.ticks).toBe(1000);
  });

  it('flush() writes everything buffered before it resolves; gives up at the deadline when the store stays down', async () => {
    const store = new ScriptedStore();
    const w = new BatchWriter(store, opts);
    w.start();
    for (let i = 0; i < 7; i++) w.push(ticks(100, i * 100));
    expect(await w.flush(Date.now() + 5000)).toBe(0);
    expect(await store.counts()).toMatchObject({ ticks: 700 });

    const down = new ScriptedStore();
    down.failing = true;
    const w2 = new BatchWriter(down, opts);
    w2.start();
    w2.push(ticks(50));
    const t0 = Date.now();
    expect(await w2.flush(Date.now() + 200)).toBe(50);
    expect(Date.now() - t0).toBeLessThan(2000);
  });
});
