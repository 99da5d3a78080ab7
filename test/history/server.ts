// A real boardcast server in this process for the history tests (real uWS, market worker,
// history writer thread and query pool), with its logs captured.
import type { ServerHandle } from '../../src/roles/start.js';
import type { HistoryOverrides } from '../../src/history/service.js';
import { metric, startTestServer } from '../helpers/server.js';
import { until } from '../helpers/until.js';

export interface HistoryServer {
  handle: ServerHandle;
  http: string;
  logs: Array<Record<string, unknown>>;
  metric: (name: string, labels?: Record<string, string>) => Promise<number>;
  /** Polls until pred() holds (bounded), for conditions, not sleeps. */
  until: typeof until;
  stop: () => Promise<Record<string, unknown>>;
}

export async function startHistoryServer(env: Record<string, string>, overrides: HistoryOverrides = {}): Promise<HistoryServer> {
  const srv = await startTestServer({ SIM_SEED: '11', LOG_LEVEL: 'info', ...env }, { history: overrides });
  const { handle, http, logs } = srv;
  return {
    handle,
    http,
    logs,
    metric: (name, labels) => metric(http, name, labels),
    until,
    stop: async () => {
      await handle.shutdown('test');
      const flushed = logs.find((l) => l.msg === 'history flushed' || l.msg === 'history rows not written by the shutdown deadline');
      if (!flushed) throw new Error('no history flush line in the logs');
      return flushed;
    },
  };
}
