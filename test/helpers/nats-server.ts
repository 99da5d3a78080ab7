// A private nats-server for the scale-out tests and benches: JetStream in a temporary
// folder, a free loopback port — never the machine's shared one. test/scale/cluster.ts and
// bench/fanout.ts (--nats) both start theirs through this.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export const NATS_SERVER = ['/usr/sbin/nats-server', '/usr/bin/nats-server', '/usr/local/bin/nats-server'].find((p) => existsSync(p));

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

export interface NatsServerOptions {
  /** A configuration file (e.g. deploy/k8s/nats-server.conf, its users and permissions); the port and store folder stay private. */
  config?: string;
  /** Environment for nats-server (the passwords a config file names as $VARIABLES). */
  env?: Record<string, string>;
  /** More command-line options (e.g. --tlsverify --tlscert …). */
  args?: string[];
}

export class NatsServer {
  proc: ChildProcess | undefined;
  readonly dir = mkdtempSync(join(tmpdir(), 'boardcast-nats-'));
  private constructor(
    readonly port: number,
    private readonly opts: NatsServerOptions = {},
  ) {}

  get url(): string {
    return `nats://127.0.0.1:${this.port}`;
  }

  static async start(opts: NatsServerOptions = {}): Promise<NatsServer> {
    const s = new NatsServer(await freePort(), opts);
    await s.launch();
    return s;
  }

  /** (Re)starts the server on the same port and store folder. */
  async launch(): Promise<void> {
    if (!NATS_SERVER) throw new Error('nats-server is not installed (apt-get install nats-server)');
    const config = this.opts.config ? ['-c', this.opts.config] : [];
    this.proc = spawn(NATS_SERVER, [...config, '-a', '127.0.0.1', '-p', String(this.port), '-js', '-sd', this.dir, ...(this.opts.args ?? [])], { stdio: 'ignore', env: { ...process.env, ...this.opts.env } });
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
