// bench:history — history ingest and candle queries, SQLite and PostgreSQL, same run.
//  - ingest: a full simulated trading day of the VN30 basket (~500,000 ticks, 09:00–14:45)
//    through the batch writer (batches up to HISTORY_BATCH_MAX) into each store, in rows/s;
//    baseline: the same rows in small transactions of 100 rows (a writer that never batches up).
//  - candle latency: 1m / 5m / 15m / 1h / 1d candles of one symbol over the whole day
//    (store.query, as a query thread runs it), median and p99 over repeated runs; baseline:
//    fetching the same range's raw ticks (limit 10,000).
//  - market rate: the whole market (UNIVERSE=all, 1,550 symbols, liquidity as uneven as the
//    simulator's) at a steady trade rate (BENCH_RATES, default 2,000 and 10,000 trades/s,
//    for BENCH_RATE_SECONDS, default 10), handed to the writer every HISTORY_FLUSH_MS (100 ms)
//    as the worker's tap does: rows/s written, and the lag from a chunk's hand-over to its
//    commit (p50 / p99 / max), and the backlog at most. Keeps up = written rate ≈ offered
//    and lag bounded by a few flushes.
// PostgreSQL: TEST_DATABASE_URL (default postgres://postgres@127.0.0.1:5432/postgres); a
// temporary database is created and dropped. Skipped when unreachable.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { BatchWriter } from '../src/history/batch-writer.js';
import { openStore, type HistoryStore, type StoreTarget } from '../src/history/store.js';
import { emptyRows, INTERVALS, type HistoryRows, type Interval, type TickRow } from '../src/history/types.js';
import { VN30_BASKET } from '../src/market/sim/basket.js';
import { Rng } from '../src/market/sim/rng.js';
import { universe } from '../src/market/rules/universe.js';
import { jsonLine, printTable, round } from './lib/stats.js';

const TICKS = Number(process.env.BENCH_TICKS ?? 500_000);
const BASELINE_TICKS = Math.min(TICKS, 50_000);
const BATCH_MAX = 20_000;
const DAY = '2024-05-02';
const OPEN = Date.parse(`${DAY}T09:00:00+07:00`);
const CLOSE = Date.parse(`${DAY}T14:45:00+07:00`);

/** A day of ticks: random walks on the tick grid, times spread uniformly over the session. */
function tradingDay(n: number): TickRow[] {
  const gen = new Rng(7);
  const rng = () => gen.next();
  const price = VN30_BASKET.map((c) => c.reference);
  const out: TickRow[] = new Array(n);
  for (let i = 0; i < n; i++) {
    const k = Math.floor(rng() * VN30_BASKET.length);
    const step = price[k]! < 10_000 ? 10 : price[k]! < 50_000 ? 50 : 100;
    price[k] = Math.max(step, price[k]! + (rng() < 0.5 ? -step : step) * (rng() < 0.3 ? 1 : 0));
    const r = rng();
    out[i] = { symbol: VN30_BASKET[k]!.symbol, ts: OPEN + Math.floor((i / n) * (CLOSE - OPEN)), price: price[k]!, volume: 100 * (1 + Math.floor(rng() * 50)), side: r < 0.45 ? 'buy' : r < 0.9 ? 'sell' : 'neutral', phase: 3 };
  }
  return out;
}

async function ingest(store: HistoryStore, ticks: TickRow[], batchMax: number, chunk: number): Promise<number> {
  const w = new BatchWriter(store, { bufferRows: ticks.length + 1, batchMax, retryMinMs: 10, retryMaxMs: 100 });
  w.start();
  const t0 = performance.now();
  // Arrives as the tap hands it over: chunks of `chunk` rows.
  for (let i = 0; i < ticks.length; i += chunk) {
    const r: HistoryRows = emptyRows();
    r.ticks = ticks.slice(i, i + chunk);
    w.push(r);
  }
  await w.flush(Date.now() + 600_000);
  return ticks.length / ((performance.now() - t0) / 1000);
}

const RATES = (process.env.BENCH_RATES ?? '2000,10000').split(',').map(Number);
const RATE_SECONDS = Number(process.env.BENCH_RATE_SECONDS ?? 10);
const FLUSH_MS = 100;

/** Trades over the whole universe at `perS`, in the tap's 100 ms chunks; lag from hand-over to commit. */
async function marketRate(store: HistoryStore, perS: number, seconds: number) {
  const symbols = universe('all').symbols;
  const gen = new Rng(11);
  // Zipf-like: the k-th most traded symbol's share ∝ 1/(k+1) — a few dozen take most trades.
  const weights = symbols.map((_, k) => 1 / (k + 1));
  const cumulative: number[] = [];
  let acc = 0;
  for (const w of weights) cumulative.push((acc += w));
  const pick = () => {
    const x = gen.next() * acc;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return symbols[lo]!;
  };
  const w = new BatchWriter(store, { bufferRows: 1_000_000, batchMax: BATCH_MAX, retryMinMs: 10, retryMaxMs: 100 });
  w.start();
  const chunks: Array<{ at: number; upTo: number }> = [];
  const lags: number[] = [];
  let handed = 0;
  let maxBacklog = 0;
  const perChunk = Math.round((perS * FLUSH_MS) / 1000);
  const t0 = performance.now();
  let ts = Date.parse('2024-05-03T10:00:00+07:00'); // the next day: the candle queries below read only the first
  // Commits are seen between the writer's awaits: every chunk whose last row is written has landed.
  const settle = () => {
    const written = w.stats.written.ticks;
    while (chunks.length > 0 && chunks[0]!.upTo <= written) lags.push(performance.now() - chunks.shift()!.at);
    maxBacklog = Math.max(maxBacklog, w.stats.buffered);
  };
  const poll = setInterval(settle, 2);
  for (let k = 0; k < (seconds * 1000) / FLUSH_MS; k++) {
    const due = t0 + k * FLUSH_MS;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((r) => setTimeout(r, wait));
    const r: HistoryRows = emptyRows();
    for (let i = 0; i < perChunk; i++) {
      const r2 = gen.next();
      r.ticks.push({ symbol: pick(), ts: ts++, price: 10_000 + 100 * Math.floor(gen.next() * 100), volume: 100 * (1 + Math.floor(gen.next() * 50)), side: r2 < 0.45 ? 'buy' : r2 < 0.9 ? 'sell' : 'neutral', phase: 3 });
    }
    handed += perChunk;
    w.push(r);
    chunks.push({ at: performance.now(), upTo: handed });
  }
  const lastHandedAt = performance.now();
  await w.flush(Date.now() + 600_000);
  settle();
  clearInterval(poll);
  const tookS = (performance.now() - t0) / 1000;
  lags.sort((a, b) => a - b);
  const q = (p: number) => round(lags[Math.min(lags.length - 1, Math.floor(lags.length * p))] ?? Number.NaN, 1);
  return { offeredPerS: perS, rows: w.stats.written.ticks, dropped: w.stats.dropped.ticks, writtenPerS: Math.round(w.stats.written.ticks / tookS), lagP50Ms: q(0.5), lagP99Ms: q(0.99), lagMaxMs: round(lags.at(-1) ?? Number.NaN, 1), drainAfterLastMs: round(performance.now() - lastHandedAt, 1), maxBacklogRows: maxBacklog, batches: w.stats.batches };
}

async function timeQuery(fn: () => Promise<unknown>, runs: number): Promise<{ medianMs: number; p99Ms: number }> {
  for (let i = 0; i < 2; i++) await fn();
  const s: number[] = [];
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    await fn();
    s.push(performance.now() - t0);
  }
  s.sort((a, b) => a - b);
  return { medianMs: round(s[Math.floor(runs / 2)]!), p99Ms: round(s[Math.min(runs - 1, Math.floor(runs * 0.99))]!) };
}

async function benchStore(name: string, target: StoreTarget, day: TickRow[], baseTarget: StoreTarget) {
  const rows: Array<Record<string, unknown>> = [];
  // Baseline: small transactions (100 rows each), on its own fresh store.
  const base = await openStore(baseTarget);
  const baseRate = await ingest(base, day.slice(0, BASELINE_TICKS), 100, 100);
  await base.close();
  const store = await openStore(target);
  const rate = await ingest(store, day, BATCH_MAX, 500);
  const ingestRow = { store: name, what: 'ingest', rows: day.length, rowsPerSec: Math.round(rate), baselineRowsPerSec: Math.round(baseRate), ratio: round(rate / baseRate) };
  jsonLine('history', ingestRow);
  rows.push(ingestRow);
  for (const perS of RATES) {
    const r = { store: name, what: 'market rate', ...(await marketRate(store, perS, RATE_SECONDS)) };
    jsonLine('history', r);
    rows.push(r);
  }
  const reader = await openStore(target, { readOnly: true });
  const symbol = 'FPT';
  const range = { from: OPEN, to: CLOSE + 60_000 };
  const ticksInDay = (await reader.query({ kind: 'ticks', symbol, ...range, limit: 1_000_000 })).length;
  const scan = await timeQuery(() => reader.query({ kind: 'ticks', symbol, ...range, limit: 10_000 }), 10);
  for (const interval of Object.keys(INTERVALS) as Interval[]) {
    const t = await timeQuery(() => reader.query({ kind: 'candles', symbol, interval, ...range, limit: 10_000 }), 10);
    const r = { store: name, what: `candles ${interval}`, symbolTicks: ticksInDay, medianMs: t.medianMs, p99Ms: t.p99Ms, baselineTicksMedianMs: scan.medianMs, ratio: round(t.medianMs / scan.medianMs) };
    jsonLine('history', r);
    rows.push(r);
  }
  await reader.close();
  await store.close();
  return rows;
}

const day = tradingDay(TICKS);
const results: Array<Record<string, unknown>> = [];
const dir = mkdtempSync(join(tmpdir(), 'bc-bench-history-'));
try {
  results.push(...(await benchStore('sqlite', { kind: 'sqlite', path: join(dir, 'day.sqlite') }, day, { kind: 'sqlite', path: join(dir, 'base.sqlite') })));
} finally {
  rmSync(dir, { recursive: true, force: true });
}

const admin = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const dbs = [`bc_bench_${Date.now().toString(36)}`, `bc_bench_base_${Date.now().toString(36)}`];
const withDb = (db: string) => Object.assign(new URL(admin), { pathname: `/${db}` }).toString();
const c = new pg.Client({ connectionString: admin, connectionTimeoutMillis: 3000 });
let pgUp = false;
try {
  await c.connect();
  pgUp = true;
} catch (err) {
  console.log(`PostgreSQL not reachable (${(err as Error).message}): skipped`);
}
if (pgUp) {
  try {
    for (const db of dbs) await c.query(`CREATE DATABASE ${db}`);
    results.push(...(await benchStore('postgres', { kind: 'postgres', url: withDb(dbs[0]!) }, day, { kind: 'postgres', url: withDb(dbs[1]!) })));
  } finally {
    for (const db of dbs) await c.query(`DROP DATABASE IF EXISTS ${db} WITH (FORCE)`);
    await c.end();
  }
}
printTable(`history ingest: ${TICKS} ticks (VN30 basket, one trading day); baseline = 100-row transactions on ${BASELINE_TICKS} rows`, results.filter((r) => r.what === 'ingest'));
printTable(`history at the whole market's trade rate (UNIVERSE=all, ${RATE_SECONDS} s at each rate, 100 ms hand-overs): written rows/s, lag hand-over → commit`, results.filter((r) => r.what === 'market rate'));
printTable('history candle queries over the day (one symbol); baseline = fetching the raw ticks of the range', results.filter((r) => String(r.what).startsWith('candles')));
