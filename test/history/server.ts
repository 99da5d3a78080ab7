// A real boardcast server in this process for the history tests (real uWS, market worker,
// history writer thread and query pool), with its logs captured.
import type { ServerHandle } from '../../src/roles/start.js';
import type { HistoryOverrides } from '../../src/history/service.js';
import { metric, startTestServer } from '../helpers/server.js';

export interface HistoryServer {
  handle: ServerHandle;
  http: string;
  logs: Array<Record<string, unknown>>;
  metric: (name: string, labels?: Record<string, string>) => Promise<number>;
  /** Polls until pred() holds (bounded), for conditions, not sleeps. */
  until: (what: string, pred: () => Promise<boolean>, timeoutMs?: number) => Promise<void>;
  stop: () => Promise<Record<string, unknown>>;
}

export async function until(what: string, pred: () => Promise<boolean>, timeoutMs = 20_000): Promise<void> {
  const end = Date.now() + timeoutMs;
  while (!(await pred())) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
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
