// Runs one boardcast server (dist/src/main.js, or another checkout's) as a child process
// on a free loopback port, reads its JSON log lines as they come, and stops it with
// SIGTERM, reporting the exit code. Used by bench:reconnect and the soak.
import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';

/** dist/src/main.js of this build (the file is compiled to dist/bench/lib/). */
export const DIST_MAIN = fileURLToPath(new URL('../../src/main.js', import.meta.url));

/** The main.js of a built checkout: `--server DIR` in the benches. */
export const mainOf = (dir: string | undefined) => (dir ? join(dir, 'dist', 'src', 'main.js') : DIST_MAIN);

export interface ChildServer {
  proc: ChildProcess;
  pid: number;
  port: number;
  http: string;
  ws: (query?: string) => string;
  /** Every JSON log line so far (non-JSON lines as {msg}). */
  logs: Array<Record<string, unknown>>;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGTERM, then SIGKILL after killAfterMs; resolves with how it exited. */
  stop(killAfterMs?: number): Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

/** LOG_LEVEL must let the info line 'boardcast listening' through. */
export function startChildServer(env: Record<string, string>, opts: { main?: string; label?: string; timeoutMs?: number; onLog?: (l: Record<string, unknown>) => void } = {}): Promise<ChildServer> {
  const label = opts.label ?? 'boardcast';
  const proc = spawn(process.execPath, [opts.main ?? DIST_MAIN], {
    env: { PATH: process.env.PATH ?? '', HOST: '127.0.0.1', PORT: '0', LOG_LEVEL: 'info', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const logs: Array<Record<string, unknown>> = [];
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => proc.once('exit', (code, signal) => resolve({ code, signal })));
  createInterface({ input: proc.stderr! }).on('line', (l) => process.stderr.write(`[${label}] ${l}\n`));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      proc.kill('SIGKILL');
      reject(new Error(`${label} did not listen within ${opts.timeoutMs ?? 30_000} ms`));
    }, opts.timeoutMs ?? 30_000);
    void exited.then(({ code }) => {
      clearTimeout(timer);
      reject(new Error(`${label} exited (${code}) before listening: ${JSON.stringify(logs.slice(-5))}`));
    });
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      let l: Record<string, unknown>;
      try {
        l = JSON.parse(line) as Record<string, unknown>;
      } catch {
        l = { msg: line };
      }
      logs.push(l);
      opts.onLog?.(l);
      if (typeof l.port === 'number' && /listening/.test(String(l.msg))) {
        clearTimeout(timer);
        const base = `127.0.0.1:${l.port}`;
        resolve({
          proc,
          pid: proc.pid!,
          port: l.port,
          http: `http://${base}`,
          ws: (query = '') => `ws://${base}/ws${query ? `?${query}` : ''}`,
          logs,
          exited,
          stop: async (killAfterMs = 15_000) => {
            if (proc.exitCode === null && proc.signalCode === null) proc.kill('SIGTERM');
            const t = setTimeout(() => proc.kill('SIGKILL'), killAfterMs);
            const r = await exited;
            clearTimeout(t);
            return r;
          },
        });
      }
    });
  });
}
