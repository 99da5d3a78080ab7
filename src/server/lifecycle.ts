// The life of every role's process (all, edge, ingest): listen, readiness, and the ordered
// graceful stop of ARCHITECTURE.md ("Shutdown"). Each role hands over its own steps; the
// lifecycle runs the part they share — not ready, the drain wait, stop accepting, the
// role's steps in order, the history flush and its log line — once, however often it is
// asked to stop.
import type { Config } from '../config.js';
import type { HistoryService } from '../history/service.js';
import { SQLITE_BUSY_TIMEOUT_MS } from '../history/store.js';
import type { Logger } from '../log.js';
import type { Metrics } from '../metrics.js';
import type { HttpServer } from './http-server.js';
import type { MarketSupervisor } from './market-supervisor.js';

export interface ShutdownOptions {
  /** Close code for the open sockets: 1001 (going away) on a signal, 1011 after an internal error. */
  closeCode?: 1001 | 1011;
}

/** How the stop went: rows of history that could not be stored are lost (the exit code says so). */
export interface ShutdownReport {
  historyLeftOver: number;
}

/** A started role, as the process entry (src/main.ts) and the tests see it. */
export interface ServerHandle {
  port: number;
  /** The /metrics listener's port when METRICS_PORT is set. */
  metricsPort?: number;
  metrics: Metrics;
  /** The local market worker's supervisor (ROLE=all; the leader's under ROLE=ingest; none on an edge). */
  readonly supervisor: MarketSupervisor | undefined;
  /** The graceful stop (without exiting the process). Idempotent. */
  shutdown(reason: string, opts?: ShutdownOptions): Promise<ShutdownReport>;
}

/** One step of a role's stop, after it stopped accepting connections. */
export type ShutdownStep = (opts: ShutdownOptions) => Promise<void> | void;

/** What the history flush's log line says about the rows handed to the writer. */
export type HistoryCounts = () => Record<string, number | undefined>;

export class Lifecycle {
  /** True from the first moment of a stop: /readyz says 503 from then on. */
  shuttingDown = false;
  /** True once new connections are refused (after the drain wait). */
  draining = false;
  private stopped: Promise<ShutdownReport> | undefined;

  constructor(private readonly deps: { config: Config; log: Logger; http: HttpServer }) {}

  /**
   * Listens on the role's ports and logs where. When a port is taken, `undo` releases what
   * the role had started (worker, bus, stores) before the error goes up.
   */
  async listen(fields: Record<string, unknown>, undo: () => Promise<void>): Promise<{ port: number; metricsPort: number | undefined }> {
    const { config, log, http } = this.deps;
    const listening = await http.listen().catch(async (err: Error) => {
      await undo();
      throw err;
    });
    log.info({ host: config.HOST, port: listening.port, metricsPort: listening.metricsPort, ...fields }, 'boardcast listening');
    return listening;
  }

  /**
   * The graceful stop: 1. not ready, the drain wait (SHUTDOWN_DRAIN_MS), 2. stop accepting,
   * then the role's `steps` in order, then the history (writer flushed and stores closed, or
   * only the query pool), then 'shutdown complete' with `done()`'s fields.
   */
  shutdown(
    reason: string,
    opts: ShutdownOptions,
    plan: { fields: Record<string, unknown>; steps: ShutdownStep[]; history?: { service: HistoryService; writer: boolean; counts: HistoryCounts }; done?: () => Record<string, unknown> },
  ): Promise<ShutdownReport> {
    this.stopped ??= (async () => {
      const { config, log, http } = this.deps;
      const startedAt = Date.now();
      log.info({ reason, ...plan.fields }, 'shutting down');
      this.shuttingDown = true;
      if (config.SHUTDOWN_DRAIN_MS > 0) await new Promise((r) => setTimeout(r, config.SHUTDOWN_DRAIN_MS));
      this.draining = true;
      http.close();
      for (const step of plan.steps) await step(opts);
      const historyLeftOver = plan.history ? await closeHistory(plan.history, config, log, startedAt) : 0;
      log.info(plan.done?.() ?? {}, 'shutdown complete');
      return { historyLeftOver };
    })();
    return this.stopped;
  }
}

/** Flushes the history writer within the stop's deadline and closes the stores; the rows left over. */
async function closeHistory(h: { service: HistoryService; writer: boolean; counts: HistoryCounts }, config: Config, log: Logger, startedAt: number): Promise<number> {
  if (!h.writer) {
    await h.service.close(Date.now()); // the query pool only
    return 0;
  }
  // Leave time for the stores' own busy wait and the exit inside SHUTDOWN_TIMEOUT_MS.
  const { stats, leftOver } = await h.service.close(Math.max(Date.now() + 500, startedAt + config.SHUTDOWN_TIMEOUT_MS - 1500 - SQLITE_BUSY_TIMEOUT_MS));
  const fields = { ...h.counts(), written: stats?.written, dropped: stats?.dropped, leftOver };
  if (leftOver > 0) log.error(fields, 'history rows not written by the shutdown deadline');
  else log.info(fields, 'history flushed');
  return leftOver;
}
