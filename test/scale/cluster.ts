// Test harness for the scale-out tests: a private nats-server (JetStream in a temporary
// folder, a free loopback port — never the machine's shared one) and boardcast processes
// (compiled dist/src/main.js children) in the ingest and edge roles.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startChild, type Child } from '../helpers/child.js';

export const NATS_SERVER = ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'].find((p) => existsSync(p));

/** Skip only on a developer machine without nats-server; in CI (.ci/run installs it) a missing one fails. */
export const skipScale = !NATS_SERVER && !process.env.CI;
if (skipScale) console.warn('test/scale: SKIPPED — nats-server is not installed (apt-get install nats-server); CI installs it and runs these tests');

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

const canConnect = (port: number) =>
  new Promise<boolean>((resolve) => {
    const c = connect(port, '127.0.0.1');
    c.once('connect', () => {
      c.destroy();
      resolve(true);
    });
    c.once('error', () => resolve(false));
  });

export class NatsServer {
  proc: ChildProcess | undefined;
  readonly dir = mkdtempSync(join(tmpdir(), 'boardcast-nats-'));
  private constructor(readonly port: number) {}

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  static async start(): Promise<NatsServer> {
    const s = new NatsServer(await freePort());
    await s.launch();
    return s;
  }

  /** (Re)starts the server on the same port and store folder. */
  async launch(): Promise<void> {
    if (!NATS_SERVER) throw new Error('nats-server is not installed (apt-get install nats-server)');
    this.proc = spawn(NATS_SERVER, ['-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.dir], { stdio: 'ignore' });
    const deadline = Date.now() + 10_000;
    while (!(await canConnect(this.port))) {
      if (Date.now() > deadline) throw new Error(`nats-server did not listen on ${this.port}`);
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async kill(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    const p = this.proc;
    this.proc = undefined;
    if (!p || p.exitCode !== null) return;
    const gone = new Promise((r) => p.once('exit', r));
    p.kill(signal);
    await gone;
  }

  async stop(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

export interface Node {
  child: Child;
  port: number;
  http: string;
  ws: (query?: string) => string;
}

export const BASE_ENV = { BROADCAST_INTERVAL_MS: '100', INGEST_FAILOVER_MS: '3000', SIM_SEED: '7', SIM_START_TIME: '10:00:00', LOG_LEVEL: 'info', KEYFRAME_EVERY: '50' };

export async function startNode(role: 'ingest' | 'edge', nats: NatsServer, env: Record<string, string> = {}): Promise<Node> {
  const child = startChild({ ...BASE_ENV, ROLE: role, NATS_URL: nats.url, ...env });
  const l = await child.waitLog((x) => x.msg === 'boardcast listening', 15_000);
  const port = Number(l.port);
  return { child, port, http: `http://127.0.0.1:${port}`, ws: (q = '') => `ws://127.0.0.1:${port}/ws${q ? `?${q}` : ''}` };
}

export async function readyz(n: Node): Promise<{ status: number; body: Record<string, unknown> }> {
  try {
    const r = await fetch(`${n.http}/readyz`);
    return { status: r.status, body: (await r.json()) as Record<string, unknown> };
  } catch (err) {
    return { status: 0, body: { error: (err as Error).message } };
  }
}

/** Polls until pred holds, or throws after timeoutMs. */
export async function until<T>(pred: () => Promise<T | undefined | false> | T | undefined | false, timeoutMs: number, what: string): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const v = await pred();
    if (v) return v;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

export const waitReady = (n: Node, timeoutMs = 15_000) => until(async () => (await readyz(n)).status === 200, timeoutMs, `${n.http}/readyz 200`);

/** Lines a healthy process never writes. */
export const badLines = (c: Child) => c.logs.filter((l) => ['fatal', 'non-json'].includes(String(l.level)));
