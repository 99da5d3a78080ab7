// Where the main thread's frames come from. The server (uWS app, broadcaster, routes) only
// sees the typed WorkerToMain messages ('ready', 'frame', 'heartbeat') and does not care
// whether they come from a market worker in this process (ROLE=all: LocalFrameSource) or
// from the ingest's frames on NATS (ROLE=edge: src/scale/edge-source.ts).
import { EventEmitter } from 'node:events';
import { alertSettingsFromConfig, type Config } from '../config.js';
import type { Logger } from '../log.js';
import type { FeedStatus } from '../market/feed/feed.js';
import type { ClientCounts, WorkerStartup, WorkerToMain } from '../messages.js';
import { feedStartupFromConfig } from '../market/feed/feed-startup.js';
import { MarketSupervisor } from './market-supervisor.js';
import { readiness } from './readiness.js';

export interface FrameSourceEvents {
  message: [WorkerToMain];
  /** The producer died (a worker crash); a restart or a failover follows under a new epoch. */
  crash: [{ exitCode: number | null }];
}

export interface SourceReadiness {
  ready: boolean;
  reasons: string[];
  feed: FeedStatus | null;
}

export abstract class FrameSource extends EventEmitter<FrameSourceEvents> {
  /** 'worker' or 'nats': logged and reported by /readyz. */
  abstract readonly kind: string;
  /** True when the server should not listen before the first frame (a local worker starts fast). */
  abstract readonly listenAfterFirstFrame: boolean;
  /** Starts producing / receiving frames. */
  abstract start(): void;
  /** Client counts per format changed (a local worker skips formats nobody reads). */
  abstract setClients(clients: ClientCounts): void;
  abstract readiness(now: number, shuttingDown: boolean): SourceReadiness;
  /** Shutdown step 3: no more frames. */
  abstract stopLoop(): Promise<void>;
  /** Shutdown steps 5–6: stop the feed / the bus connection, flush. */
  abstract stop(timeoutMs: number): Promise<void>;
}

/** ROLE=all: the supervised market worker of this process. */
export class LocalFrameSource extends FrameSource {
  readonly kind = 'worker';
  readonly listenAfterFirstFrame = true;
  readonly supervisor: MarketSupervisor;
  private firstFrameAt: number | undefined;
  private lastHeartbeatAt: number | undefined;
  private feed: FeedStatus | undefined;

  constructor(
    config: Config,
    log: Logger,
    private readonly intervalMs = config.BROADCAST_INTERVAL_MS,
    /** History: where the worker hands accepted rows (src/market/history-tap.ts); none when undefined. */
    history?: WorkerStartup['history'],
  ) {
    super();
    this.supervisor = new MarketSupervisor({
      startup: {
        intervalMs: config.BROADCAST_INTERVAL_MS,
        keyframeEvery: config.KEYFRAME_EVERY,
        tradesReplay: config.TRADES_REPLAY,
        logLevel: config.LOG_LEVEL,
        ...feedStartupFromConfig(config), // FEED with its sim / ssi / replay options
        alerts: { settings: alertSettingsFromConfig(config), replay: config.ALERTS_REPLAY },
        ...(history ? { history } : {}),
      },
      restartMinMs: config.WORKER_RESTART_MIN_MS,
      restartMaxMs: config.WORKER_RESTART_MAX_MS,
      log,
    });
    this.supervisor.on('message', (msg) => {
      if (msg.type === 'frame') this.firstFrameAt ??= Date.now();
      else if (msg.type === 'heartbeat') {
        this.lastHeartbeatAt = Date.now();
        this.feed = msg.feed;
      }
      this.emit('message', msg);
    });
    this.supervisor.on('crash', ({ exitCode }) => {
      this.lastHeartbeatAt = undefined;
      this.emit('crash', { exitCode });
    });
  }

  start(): void {
    this.supervisor.start();
  }

  setClients(clients: ClientCounts): void {
    this.supervisor.setClients(clients);
  }

  readiness(now: number, shuttingDown: boolean): SourceReadiness {
    const r = readiness({ now, intervalMs: this.intervalMs, shuttingDown, workerAlive: this.supervisor.alive, firstFrameAt: this.firstFrameAt, lastHeartbeatAt: this.lastHeartbeatAt, feed: this.feed });
    return { ...r, feed: this.feed ?? null };
  }

  async stopLoop(): Promise<void> {
    await this.supervisor.request({ type: 'stop-loop' }, 'loop-stopped', 2000);
  }

  async stop(timeoutMs: number): Promise<void> {
    await this.supervisor.request({ type: 'shutdown' }, 'shutdown-done', Math.max(1000, timeoutMs / 2));
    await this.supervisor.stop();
  }
}
