// The main thread's handle on history: starts the writer thread (which opens the store and
// migrates it) before the market worker starts, runs API queries on a piscina pool, and at
// shutdown — after the feed has stopped and the market worker handed over its last rows —
// flushes the writer and closes the store.
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Piscina } from 'piscina';
import type { Registry } from 'prom-client';
import { BoardcastError } from '../errors.js';
import type { Logger } from '../log.js';
import { Guard } from '../guard.js';
import type { WriterStats } from './batch-writer.js';
import { createHistoryMetrics, type HistoryMetrics } from './metrics.js';
import type { MainToWriter, WriterStartup, WriterToMain } from './protocol.js';
import { DAY_MS } from './retention.js';
import { describeTarget, SQLITE_BUSY_TIMEOUT_MS, type StoreTarget } from './store.js';
import type { HistoryQuery } from './types.js';

export interface HistoryConfig {
  DATA_DIR: string;
  DATABASE_URL: string;
  HISTORY_BUFFER_ROWS: number;
  HISTORY_BATCH_MAX: number;
  HISTORY_FLUSH_MS: number;
  HISTORY_RETRY_MIN_MS: number;
  HISTORY_RETRY_MAX_MS: number;
  HISTORY_QUERY_THREADS: number;
  HISTORY_MAX_ROWS: number;
  /** Days of history kept (0 or absent: all of it). */
  HISTORY_RETENTION_DAYS?: number;
  LOG_LEVEL: string;
}

/** Programmatic knobs for tests and benches (not configuration). */
export interface HistoryOverrides {
  writeDelayMs?: number;
}

/**
 * What this process does with history: ROLE=all writes and serves queries; the leader
 * ingest only writes (it serves no API); an edge only reads (a shared PostgreSQL the ingest
 * writes to).
 */
export interface HistoryRoles {
  /** Start the writer thread (opens the store read-write and migrates it). Default true. */
  writer?: boolean;
  /** Start the query pool (read-only connections). Default true. */
  queries?: boolean;
}

export class HistoryStoreError extends BoardcastError {
  constructor(message: string, context: Record<string, unknown>, options?: ErrorOptions) {
    super('BC_HISTORY_STORE', message, context, options);
  }
}

export const SQLITE_FILE = 'boardcast.sqlite';

export function storeTarget(cfg: Pick<HistoryConfig, 'DATA_DIR' | 'DATABASE_URL'>): StoreTarget {
  return cfg.DATABASE_URL ? { kind: 'postgres', url: cfg.DATABASE_URL } : { kind: 'sqlite', path: resolve(join(cfg.DATA_DIR, SQLITE_FILE)) };
}

/** A thread entry next to this file: the compiled .js, or the .ts source through tsx (tests run from source). */
function writerEntry(): { entry: string | URL; eval: boolean } {
  const js = new URL('./writer-thread.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return { entry: js, eval: false };
  const ts = new URL('./writer-thread.ts', import.meta.url).href;
  return { entry: `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(ts)}); });`, eval: true };
}

/** The writer's young generation, MiB: it batches rows, a small nursery is enough (memory at rest). */
const WRITER_YOUNG_GEN_MB = 2;

/** Piscina loads its task file with plain import(): the compiled one (`npm test` builds first). */
function queryWorkerFile(): string {
  const here = new URL('./query-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(here))) return here.href;
  const built = new URL('../../dist/src/history/query-worker.js', import.meta.url);
  if (existsSync(fileURLToPath(built))) return built.href;
  throw new Error(`${fileURLToPath(built)} is missing: run \`npm run build\` first`);
}

export class HistoryService {
  readonly channel = `boardcast-history-${process.pid}-${randomBytes(4).toString('hex')}`;
  readonly metrics: HistoryMetrics;
  private writer: Worker | undefined;
  private pool: Piscina | undefined;
  /** Whether this process serves queries: the pool itself starts on the first one. */
  private servesQueries = false;
  private closed: Promise<{ stats?: WriterStats; leftOver: number }> | undefined;
  private lastStats: WriterStats | undefined;
  timescale = false;

  private readonly guard: Guard;

  private constructor(readonly cfg: HistoryConfig, readonly target: StoreTarget, private readonly log: Logger, registry: Registry) {
    this.metrics = createHistoryMetrics(registry);
    this.guard = new Guard(log, registry);
  }

  /**
   * Starts the writer thread and waits until the store is open and migrated. The query pool
   * starts with the first query: a process nobody asks for history keeps no idle thread
   * (each one is a V8 isolate and a store connection, several MB at rest).
   */
  static async open(cfg: HistoryConfig, log: Logger, registry: Registry, overrides: HistoryOverrides = {}, roles: HistoryRoles = {}): Promise<HistoryService> {
    const { writer = true, queries = true } = roles;
    const svc = new HistoryService(cfg, storeTarget(cfg), log, registry);
    if (writer) await svc.startWriter(overrides);
    svc.servesQueries = queries;
    log.info({ ...describeTarget(svc.target), ...(writer ? { timescale: svc.timescale } : {}), mode: writer ? (queries ? 'read-write' : 'write-only') : 'read-only' }, 'history store open');
    return svc;
  }

  private startWriter(overrides: HistoryOverrides): Promise<void> {
    const { entry, eval: isEval } = writerEntry();
    const startup: WriterStartup = {
      target: this.target,
      channel: this.channel,
      logLevel: this.cfg.LOG_LEVEL,
      bufferRows: this.cfg.HISTORY_BUFFER_ROWS,
      batchMax: this.cfg.HISTORY_BATCH_MAX,
      retryMinMs: this.cfg.HISTORY_RETRY_MIN_MS,
      retryMaxMs: this.cfg.HISTORY_RETRY_MAX_MS,
      statsEveryMs: 250,
      retentionMs: (this.cfg.HISTORY_RETENTION_DAYS ?? 0) * DAY_MS,
      writeDelayMs: overrides.writeDelayMs,
    };
    const worker = new Worker(entry, { workerData: startup, eval: isEval, name: 'history-writer', resourceLimits: { maxYoungGenerationSizeMb: WRITER_YOUNG_GEN_MB } });
    this.writer = worker;
    return new Promise<void>((resolve, reject) => {
      const fail = (err: Error) => {
        void worker.terminate();
        reject(err);
      };
      worker.on('message', this.guard.wrap('history.message', (m: WriterToMain) => {
        switch (m.type) {
          case 'opened':
            this.timescale = m.timescale;
            resolve();
            break;
          case 'open-failed':
            fail(new HistoryStoreError(`cannot open the history store (${describeTarget(this.target).store}): ${m.message}`, { ...describeTarget(this.target), cause: m.code }));
            break;
          case 'stats':
          case 'closed':
            this.lastStats = m.stats;
            this.metrics.update(m.stats);
            break;
        }
      }));
      worker.on('error', (err) => {
        this.log.error({ err }, 'history writer thread failed');
        fail(err);
      });
      worker.on('exit', (code) => {
        if (this.writer === worker) this.writer = undefined;
        if (!this.closed) {
          this.log.error({ exitCode: code }, 'history writer thread exited');
          fail(new HistoryStoreError('the history writer exited before opening the store', { exitCode: code }));
        }
      });
    });
  }

  get limits() {
    return { maxRows: this.cfg.HISTORY_MAX_ROWS, defaultTicks: Math.min(1000, this.cfg.HISTORY_MAX_ROWS) };
  }

  get stats(): WriterStats | undefined {
    return this.lastStats;
  }

  /** Live query-pool threads: 0 until the first query. */
  get queryThreads(): number {
    return this.pool?.threads.length ?? 0;
  }

  private async queryPool(): Promise<Piscina | undefined> {
    if (!this.servesQueries || this.closed) return undefined;
    if (this.pool) return this.pool;
    // piscina itself is loaded with the pool: a process that never answers a query never loads it.
    const { Piscina } = await import('piscina');
    if (this.closed) return undefined;
    this.pool ??= new Piscina({
      filename: queryWorkerFile(),
      minThreads: 1,
      maxThreads: this.cfg.HISTORY_QUERY_THREADS,
      idleTimeout: 30_000,
      maxQueue: 1000,
      atomics: 'disabled',
      workerData: { target: this.target },
    });
    return this.pool;
  }

  /** Runs one query on the pool (started by the first one); resolves with the JSON body. */
  async query(q: HistoryQuery): Promise<string> {
    const pool = await this.queryPool();
    if (!pool) throw new HistoryStoreError('history is closed (or this process serves no history queries)', {});
    const end = this.metrics.querySeconds.startTimer({ kind: q.kind });
    try {
      return (await pool.run(q)) as string;
    } finally {
      end();
    }
  }

  /**
   * Flushes every buffered row (retrying until `deadline`, epoch ms), closes the store and
   * the query pool. Resolves with the writer's final stats and the rows it could not write.
   */
  close(deadline: number): Promise<{ stats?: WriterStats; leftOver: number }> {
    this.closed ??= (async () => {
      const pool = this.pool;
      this.pool = undefined;
      const poolDone = pool?.destroy().catch(() => {});
      const worker = this.writer;
      let result: { stats?: WriterStats; leftOver: number } = { stats: this.lastStats, leftOver: this.lastStats?.buffered ?? 0 };
      if (worker) {
        result = await new Promise((resolve) => {
          // The writer answers at the deadline, or after the one statement it may be blocked in.
          const timer = setTimeout(() => resolve({ stats: this.lastStats, leftOver: this.lastStats?.buffered ?? 0 }), Math.max(0, deadline - Date.now()) + SQLITE_BUSY_TIMEOUT_MS + 250);
          worker.on('message', this.guard.wrap('history.message', (m: WriterToMain) => {
            if (m.type === 'closed') {
              clearTimeout(timer);
              resolve({ stats: m.stats, leftOver: m.leftOver });
            }
          }));
          worker.once('exit', () => {
            clearTimeout(timer);
            resolve({ stats: this.lastStats, leftOver: this.lastStats?.buffered ?? 0 });
          });
          const msg: MainToWriter = { type: 'close', deadline };
          worker.postMessage(msg);
        });
        await worker.terminate();
      }
      await poolDone;
      return result;
    })();
    return this.closed;
  }
}
