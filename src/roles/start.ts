// The composition root: config → the components of the process's ROLE, wired together.
// Nothing below src/roles/ chooses a role; each role's file says what it is made of.
import type { Config } from '../config.js';
import type { HistoryOverrides } from '../history/service.js';
import type { Logger } from '../log.js';
import type { ServerHandle } from '../server/lifecycle.js';

export type { ServerHandle, ShutdownOptions, ShutdownReport } from '../server/lifecycle.js';

/**
 * Starts the process's role (ROLE): listening, with its first frame when it has a local worker.
 * Each role's module is imported only when it is the one started: what another role needs
 * (NATS for ingest and edge) is not loaded into a process that does not run it — memory at rest.
 */
export async function startServer(config: Config, log: Logger, opts: { history?: HistoryOverrides } = {}): Promise<ServerHandle> {
  switch (config.ROLE) {
    case 'ingest':
      return (await import('./ingest.js')).startIngest(config, log, opts);
    case 'edge':
      return (await import('./edge.js')).startEdge(config, log, opts);
    default:
      return (await import('./all.js')).startAll(config, log, opts);
  }
}
