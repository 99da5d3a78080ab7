// ROLE=edge: client sockets fed by the ingest's frames over NATS. An edge writes no
// history: with DATABASE_URL (the PostgreSQL the leader ingest writes to) it serves the
// history API read-only; with the per-pod SQLite default it has none (the history routes
// answer 501, src/server/history-routes.ts).
import type { Config } from '../config.js';
import { HistoryService, type HistoryOverrides } from '../history/service.js';
import type { Logger } from '../log.js';
import { createMetrics } from '../metrics.js';
import { NatsFrameSource } from '../scale/edge-source.js';
import { startClientServer } from '../server/app.js';
import type { ServerHandle } from '../server/lifecycle.js';

export async function startEdge(config: Config, log: Logger, opts: { history?: HistoryOverrides } = {}): Promise<ServerHandle> {
  const metrics = createMetrics();
  const history = config.DATABASE_URL ? await HistoryService.open(config, log, metrics.registry, opts.history, { writer: false }) : undefined;
  const source = new NatsFrameSource(config, log, metrics.registry);
  return startClientServer({ config, log, metrics, source, history: history && { service: history, writer: false } });
}
