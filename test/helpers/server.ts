// Starts a real boardcast server in this process (real uWS on a free loopback port, real
// market worker thread), with its logs captured for assertions.
import { Writable } from 'node:stream';
import pino from 'pino';
import { loadConfig } from '../../src/config.js';
import { startServer, type ServerHandle } from '../../src/roles/start.js';

type StartOverrides = Parameters<typeof startServer>[2];

export interface TestServer {
  handle: ServerHandle;
  port: number;
  http: string;
  ws: (query?: string) => string;
  logs: Array<Record<string, unknown>>;
  stop: () => Promise<void>;
}

export async function startTestServer(env: Record<string, string> = {}, overrides?: StartOverrides): Promise<TestServer> {
  const config = loadConfig({ HOST: '127.0.0.1', PORT: '0', SIM_SEED: '42', BROADCAST_INTERVAL_MS: '100', SIM_START_TIME: '10:00:00', LOG_LEVEL: 'debug', ...env });
  const logs: Array<Record<string, unknown>> = [];
  const sink = new Writable({
    write(chunk: Buffer, _enc, cb) {
      for (const line of chunk.toString().split('\n')) if (line) logs.push(JSON.parse(line) as Record<string, unknown>);
      cb();
    },
  });
  const log = pino({ level: config.LOG_LEVEL, formatters: { level: (label) => ({ level: label }) } }, sink);
  const handle = await startServer(config, log, overrides);
  const base = `127.0.0.1:${handle.port}`;
  return {
    handle,
    port: handle.port,
    http: `http://${base}`,
    ws: (query = '') => `ws://${base}/ws${query ? `?${query}` : ''}`,
    logs,
    stop: async () => { await handle.shutdown('test'); },
  };
}

/** Reads one Prometheus sample value (sum over label sets matching `labels`). */
export async function metric(http: string, name: string, labels: Record<string, string> = {}): Promise<number> {
  const text = await (await fetch(`${http}/metrics`)).text();
  let sum = 0;
  let found = false;
  for (const line of text.split('\n')) {
    if (!line.startsWith(name)) continue;
    const m = /^([a-zA-Z_:][\w:]*)(\{[^}]*\})?\s+(\S+)$/.exec(line);
    if (!m || m[1] !== name) continue;
    const lbl = m[2] ?? '';
    if (Object.entries(labels).every(([k, v]) => lbl.includes(`${k}="${v}"`))) {
      sum += Number(m[3]);
      found = true;
    }
  }
  if (!found) throw new Error(`metric ${name} ${JSON.stringify(labels)} not found`);
  return sum;
}
