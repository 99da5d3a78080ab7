// Test harness for the scale-out tests: a private nats-server (test/helpers/nats-server.ts:
// JetStream in a temporary folder, a free loopback port — never the machine's shared one)
// and boardcast processes (compiled dist/src/main.js children) in the ingest and edge roles,
// each with its own DATA_DIR (the ingest records history in SQLite there).
import { mkdtempSync } from 'node:fs';
import { join } from 'node:path';
import { NATS_SERVER, NatsServer } from '../helpers/nats-server.js';
import { startChild, type Child } from '../helpers/child.js';
import { until } from '../helpers/until.js';

export { freePort, NATS_SERVER, NatsServer } from '../helpers/nats-server.js';

/** Skip only on a developer machine without nats-server; in CI (.ci/run installs it) a missing one fails. */
export const skipScale = !NATS_SERVER && !process.env.CI;
if (skipScale) console.warn('test/scale: SKIPPED — nats-server is not installed (apt-get install nats-server); CI installs it and runs these tests');

export interface Node {
  child: Child;
  port: number;
  http: string;
  ws: (query?: string) => string;
  /** Its DATA_DIR (inside the nats-server's temporary folder, removed with it). */
  dataDir: string;
}

export const BASE_ENV = { BROADCAST_INTERVAL_MS: '100', INGEST_FAILOVER_MS: '3000', SIM_SEED: '7', SIM_START_TIME: '10:00:00', LOG_LEVEL: 'info', KEYFRAME_EVERY: '50' };

export async function startNode(role: 'ingest' | 'edge', nats: NatsServer, env: Record<string, string> = {}): Promise<Node> {
  const dataDir = mkdtempSync(join(nats.dir, `${role}-data-`));
  const child = startChild({ ...BASE_ENV, ROLE: role, NATS_URL: nats.url, DATA_DIR: dataDir, ...env });
  const l = await child.waitLog((x) => x.msg === 'boardcast listening', 15_000);
  const port = Number(l.port);
  return { child, port, http: `http://127.0.0.1:${port}`, ws: (q = '') => `ws://127.0.0.1:${port}/ws${q ? `?${q}` : ''}`, dataDir };
}

export async function readyz(n: Node): Promise<{ status: number; body: Record<string, unknown> }> {
  try {
    const r = await fetch(`${n.http}/readyz`);
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  } catch (err) {
    return { status: 0, body: { error: (err as Error).message } };
  }
}

export const waitReady = (n: Node, timeoutMs = 15_000) => until(`${n.http}/readyz 200`, async () => (await readyz(n)).status === 200, timeoutMs);

/** Lines a healthy process never writes. */
export const badLines = (c: Child) => c.logs.filter((l) => ['fatal', 'non-json'].includes(String(l.level)));
