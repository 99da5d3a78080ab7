// The composition root: config → the components of the process's ROLE, wired together.
// Nothing below src/roles/ chooses a role; each role's file says what it is made of.
import type { Config } from '../config.js';
import type { HistoryOverrides } from '../history/service.js';
import type { Logger } from '../log.js';
import type { ServerHandle } from '../server/lifecycle.js';
import { startAll } from './all.js';
import { startEdge } from './edge.js';
import { startIngest } from './ingest.js';

export type { ServerHandle, ShutdownOptions, ShutdownReport } from '../server/lifecycle.js';

/** Starts the process's role (ROLE): listening, with its first frame when it has a local worker. */
export function startServer(config: Config, log: Logger, opts: { history?: HistoryOverrides } = {}): Promise<ServerHandle> {
  switch (config.ROLE) {
    case 'ingest':
      return startIngest(config, log, opts);
    case 'edge':
      return startEdge(config, log, opts);
    default:
      return startAll(config, log, opts);
  }
}
