// ROLE=all: one process does everything — the market worker (feed, processor, encoder),
// the history writer and API, and the client sockets.
import type { Config } from '../config.js';
import { HistoryService, type HistoryOverrides } from '../history/service.js';
import type { Logger } from '../log.js';
import { createMetrics } from '../metrics.js';
import { startClientServer } from '../server/app.js';
import { LocalFrameSource } from '../server/frame-source.js';
import type { ServerHandle } from '../server/lifecycle.js';

export async function startAll(config: Config, log: Logger, opts: { history?: HistoryOverrides } = {}): Promise<ServerHandle> {
  const metrics = createMetrics();
  // Stores open before the market worker starts: its first rows have somewhere to go.
  const history = await HistoryService.open(config, log, metrics.registry, opts.history);
  const source = new LocalFrameSource(config, log, undefined, { channel: history.channel, flushMs: config.HISTORY_FLUSH_MS });
  return startClientServer({ config, log, metrics, source, history: { service: history, writer: true }, supervisor: source.supervisor });
}
