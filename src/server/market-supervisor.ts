// Runs the market worker thread and keeps it running: a worker that dies is restarted
// with exponential backoff under a new epoch, while the main thread (and every socket)
// carries on. Everything the worker says arrives as typed WorkerToMain messages.
import { EventEmitter } from 'node:events';
import { existsSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { Worker } from 'node:worker_threads';
import type { Logger } from '../log.js';
import { backoffDelay } from '../util/backoff.js';
import type { ClientCounts, MainToWorker, WorkerStartup, WorkerToMain } from '../messages.js';

export interface SupervisorOptions {
  startup: Omit<WorkerStartup, 'epoch' | 'clients'>;
  restartMinMs: number;
  restartMaxMs: number;
  log: Logger;
}

export interface SupervisorEvents {
  message: [WorkerToMain];
  /** A worker died unexpectedly; a restart is scheduled after `delayMs`. */
  crash: [{ epoch: string; exitCode: number | null; error?: Error; delayMs: number }];
  restart: [{ epoch: string }];
}

/**
 * The market worker's young generation, MiB. V8's default lets it grow to 3 × 16 MiB and it
 * settles at ~7.5 MiB resident on a 10 Hz frame loop, which is pure memory at rest: the worker's
 * garbage is per-frame and short-lived, so a small nursery costs it a few more (cheap)
 * scavenges, off the main thread.
 */
const MARKET_WORKER_YOUNG_GEN_MB = 4;

/** A new epoch id: time-ordered and unique across processes (base36 ms + random). */
export function newEpoch(): string {
  return `${Date.now().toString(36)}-${randomBytes(4).toString('hex')}`;
}

/**
 * The worker entry: the compiled JS next to this file, or, when this file runs as
 * TypeScript source (tests under vitest), the TS worker loaded through tsx's loader —
 * registered inside the worker, because `--import tsx` in a worker's execArgv does not
 * apply to the worker's own entry on Node 20.
 */
function workerEntry(): { entry: string | URL; eval: boolean } {
  const js = new URL('../market/worker.js', import.meta.url);
  if (existsSync(fileURLToPath(js))) return { entry: js, eval: false };
  const ts = new URL('../market/worker.ts', import.meta.url).href;
  return { entry: `import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(ts)}); });`, eval: true };
}

export class MarketSupervisor extends EventEmitter<SupervisorEvents> {
  private worker: Worker | undefined;
  private stopping = false;
  private failures = 0;
  private restartTimer: NodeJS.Timeout | undefined;
  private startedAt = 0;
  private clients: ClientCounts = { proto: 0, json: 0 };
  epoch = '';

  constructor(private readonly opts: SupervisorOptions) {
    super();
  }

  get alive(): boolean {
    return this.worker !== undefined;
  }

  start(): void {
    this.epoch = newEpoch();
    const { entry, eval: isEval } = workerEntry();
    const workerData: WorkerStartup = { ...this.opts.startup, epoch: this.epoch, clients: { ...this.clients } };
    const worker = new Worker(entry, { workerData, eval: isEval, name: `market-${this.epoch}`, resourceLimits: { maxYoungGenerationSizeMb: MARKET_WORKER_YOUNG_GEN_MB } });
    this.worker = worker;
    this.startedAt = Date.now();
    const epoch = this.epoch;
    worker.on('message', (msg: WorkerToMain) => this.emit('message', msg));
    let error: Error | undefined;
    worker.on('error', (err) => {
      error = err;
    });
    worker.on('exit', (exitCode) => {
      if (this.worker === worker) this.worker = undefined;
      if (this.stopping) return;
      this.scheduleRestart(epoch, exitCode, error);
    });
  }

  private scheduleRestart(epoch: string, exitCode: number | null, error?: Error): void {
    // A worker that ran a good while before dying earns a fresh backoff.
    if (Date.now() - this.startedAt > 30_000) this.failures = 0;
    const delayMs = backoffDelay({ initialMs: this.opts.restartMinMs, maxMs: this.opts.restartMaxMs, factor: 2, jitter: 0 }, this.failures + 1);
    this.failures++;
    this.opts.log.error({ epoch, exitCode, err: error, delayMs }, 'market worker died; restarting');
    this.emit('crash', { epoch, exitCode, error, delayMs });
    this.restartTimer = setTimeout(() => {
      this.restartTimer = undefined;
      if (this.stopping) return;
      this.start();
      this.opts.log.info({ epoch: this.epoch }, 'market worker restarted');
      this.emit('restart', { epoch: this.epoch });
    }, delayMs);
  }

  send(msg: MainToWorker): void {
    this.worker?.postMessage(msg);
  }

  /**
   * The worker only needs to know which formats have clients (to skip or resume encoding
   * them), so it is told only when a format goes from none to some or back: a connection
   * storm costs no message per socket.
   */
  setClients(clients: ClientCounts): void {
    const changed = (Object.keys(clients) as Array<keyof ClientCounts>).some((f) => clients[f] > 0 !== this.clients[f] > 0);
    this.clients = { ...clients };
    if (changed) this.send({ type: 'clients', clients: this.clients });
  }

  /** Sends `msg` and resolves with the first message of type `reply` (or undefined on timeout or exit). */
  request<T extends WorkerToMain['type']>(msg: MainToWorker, reply: T, timeoutMs: number, match?: (m: Extract<WorkerToMain, { type: T }>) => boolean): Promise<Extract<WorkerToMain, { type: T }> | undefined> {
    const worker = this.worker;
    if (!worker) return Promise.resolve(undefined);
    return new Promise((resolve) => {
      const done = (value: Extract<WorkerToMain, { type: T }> | undefined) => {
        clearTimeout(timer);
        this.off('message', onMessage);
        worker.off('exit', onExit);
        resolve(value);
      };
      const onMessage = (m: WorkerToMain) => {
        if (m.type === reply && (!match || match(m as Extract<WorkerToMain, { type: T }>))) done(m as Extract<WorkerToMain, { type: T }>);
      };
      const onExit = () => done(undefined);
      const timer = setTimeout(() => done(undefined), timeoutMs);
      this.on('message', onMessage);
      worker.once('exit', onExit);
      worker.postMessage(msg);
    });
  }

  /** Test and fault hook: kills the current worker as a crash would. */
  async kill(): Promise<void> {
    await this.worker?.terminate();
  }

  /** Stops supervising; the caller has already asked the worker to shut down cleanly. */
  async stop(): Promise<void> {
    this.stopping = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    const worker = this.worker;
    this.worker = undefined;
    if (worker) await worker.terminate();
  }
}
