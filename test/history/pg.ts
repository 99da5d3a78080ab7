// PostgreSQL for the history tests: the machine's shared server (each test file creates and
// drops its own database) and, for the outage test, a private instance this process starts
// and stops on a free port in a temp dir — the shared one is never stopped.
// Tests that need PostgreSQL skip only when none is reachable AND CI is not set.
import { execFileSync, spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chownSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export const PG_ADMIN_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const inCi = !!process.env.CI && process.env.CI !== 'false' && process.env.CI !== '0';

async function reachable(url: string): Promise<boolean> {
  const c = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await c.connect();
    await c.query('SELECT 1');
    return true;
  } catch {
    return false;
  } finally {
    await c.end().catch(() => {});
  }
}

/** True when the PostgreSQL tests must be skipped (no server here and not in CI). */
export const skipPg = inCi ? false : !(await reachable(PG_ADMIN_URL));

function withDb(url: string, db: string): string {
  const u = new URL(url);
  u.pathname = `/${db}`;
  return u.toString();
}

/** A fresh database on the shared server; drop() removes it. */
export async function createTempDb(adminUrl = PG_ADMIN_URL): Promise<{ url: string; drop: () => Promise<void> }> {
  const name = `bc_hist_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  return {
    url: withDb(adminUrl, name),
    drop: async () => {
      const a = new pg.Client({ connectionString: adminUrl });
      await a.connect();
      try {
        await a.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await a.end();
      }
    },
  };
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const s = createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const port = (s.address() as { port: number }).port;
      s.close(() => resolve(port));
    });
  });
}

function pgBin(): string {
  const root = '/usr/lib/postgresql';
  const versions = existsSync(root) ? readdirSync(root).filter((v) => existsSync(join(root, v, 'bin', 'initdb'))).sort((a, b) => Number(b) - Number(a)) : [];
  if (versions.length === 0) throw new Error('initdb not found under /usr/lib/postgresql/*/bin (install Debian\'s postgresql)');
  return join(root, versions[0]!, 'bin');
}

/** A private PostgreSQL (initdb in a temp dir, own port, trust auth on loopback). */
export class OwnPostgres {
  private constructor(readonly dir: string, readonly port: number, private readonly bin: string) {}

  static async create(): Promise<OwnPostgres> {
    const bin = pgBin();
    const dir = mkdtempSync(join(tmpdir(), 'bc-pg-'));
    // initdb refuses to run as root: run the server as the postgres user then.
    if (process.getuid?.() === 0) chownSync(dir, uidOf('postgres'), gidOf('postgres'));
    new OwnPostgres(dir, 0, bin).run('initdb', ['-D', join(dir, 'data'), '-A', 'trust', '-U', 'postgres', '-E', 'UTF8', '--no-sync']);
    // A free port can be taken between the probe and the bind: try another.
    for (let attempt = 1; ; attempt++) {
      const pgd = new OwnPostgres(dir, await freePort(), bin);
      try {
        await pgd.start();
        return pgd;
      } catch (err) {
        if (attempt >= 3) throw err;
      }
    }
  }

  private run(cmd: string, args: string[]): string {
    const full = join(this.bin, cmd);
    const [file, argv] = process.getuid?.() === 0 ? ['runuser', ['-u', 'postgres', '--', full, ...args]] : [full, args];
    const r = spawnSync(file, argv, { encoding: 'utf8', timeout: 60_000 });
    if (r.status !== 0) {
      let log = '';
      try {
        log = readFileSync(join(this.dir, 'log'), 'utf8').slice(-2000);
      } catch {
        // no server log yet
      }
      throw new Error(`${cmd} failed (${r.status}): ${r.stderr || r.stdout}\n${log}`);
    }
    return r.stdout;
  }

  url(db = 'postgres'): string {
    return `postgres://postgres@127.0.0.1:${this.port}/${db}`;
  }

  async start(): Promise<void> {
    this.run('pg_ctl', ['-D', join(this.dir, 'data'), '-l', join(this.dir, 'log'), '-w', '-t', '60', '-o', `-p ${this.port} -k ${this.dir} -c listen_addresses=127.0.0.1 -c fsync=off -c full_page_writes=off`, 'start']);
  }

  /** Fast shutdown: open connections are terminated, as in a real outage. */
  async stop(): Promise<void> {
    this.run('pg_ctl', ['-D', join(this.dir, 'data'), '-m', 'fast', '-w', '-t', '60', 'stop']);
  }

  async destroy(): Promise<void> {
    try {
      await this.stop();
    } catch {
      // already stopped
    }
    rmSync(this.dir, { recursive: true, force: true });
  }
}

function uidOf(user: string): number {
  return Number(execFileSync('id', ['-u', user], { encoding: 'utf8' }).trim());
}
function gidOf(user: string): number {
  return Number(execFileSync('id', ['-g', user], { encoding: 'utf8' }).trim());
}
