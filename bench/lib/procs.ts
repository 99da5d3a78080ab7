// Child server processes for the benches and what /proc says about them: spawn under a
// raised open-file limit, optionally pinned to one CPU (taskset), wait for the "listening"
// line, sample CPU ticks and RSS, stop by PID.
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { createInterface } from 'node:readline';

export const CLK_TCK = (() => { try { return Number(execFileSync('getconf', ['CLK_TCK']).toString().trim()) || 100; } catch { return 100; } })();
const PAGE_KIB = 4;
export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export interface Server {
  system: string;
  proc: ChildProcess;
  pid: number;
  port: number;
  stop(): Promise<void>;
}

/**
 * Spawns node under a raised open-file limit (exec keeps the PID; so does taskset) and
 * waits for its "listening" line. `cpu`: pin the process to that CPU. `launcher`: `script`
 * is an executable that starts node itself (bin/boardcast, with its runtime settings).
 */
export function spawnServer(system: string, script: string, env: Record<string, string>, nodeArgs: string[] = [], cpu?: number | string, opts: { launcher?: boolean } = {}): Promise<Server> {
  const sh = 'ulimit -n 65536 2>/dev/null || ulimit -n $(ulimit -Hn); exec "$0" "$@"';
  const argv = opts.launcher ? ['sh', '-c', sh, script] : ['sh', '-c', sh, process.execPath, ...nodeArgs, script];
  const [cmd, ...args] = cpu === undefined ? argv : ['taskset', '-c', String(cpu), ...argv];
  const proc = spawn(cmd!, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const tail: string[] = [];
  const keep = (line: string) => { tail.push(line); if (tail.length > 20) tail.shift(); };
  createInterface({ input: proc.stderr! }).on('line', (l) => { keep(l); process.stderr.write(`[${system}] ${l}\n`); });
  const exited = new Promise<void>((resolve) => proc.once('exit', () => resolve()));
  return new Promise<Server>((resolve, reject) => {
    const timer = setTimeout(() => { proc.kill('SIGKILL'); reject(new Error(`${system} did not listen within 30 s:\n${tail.join('\n')}`)); }, 30_000);
    proc.once('exit', (code) => { clearTimeout(timer); reject(new Error(`${system} exited (${code}) before listening:\n${tail.join('\n')}`)); });
    createInterface({ input: proc.stdout! }).on('line', (line) => {
      keep(line);
      let msg: { msg?: string; port?: number };
      try { msg = JSON.parse(line); } catch { return; }
      if (typeof msg.port === 'number' && /listening/.test(msg.msg ?? '')) {
        clearTimeout(timer);
        resolve({
          system, proc, pid: proc.pid!, port: msg.port,
          stop: async () => {
            if (proc.exitCode !== null || proc.signalCode !== null) return;
            proc.kill('SIGTERM');
            const t = setTimeout(() => proc.kill('SIGKILL'), 15_000);
            await exited;
            clearTimeout(t);
          },
        });
      }
    });
  });
}

/** Polls /readyz until 200 (an edge listens before the ingest's frames reach it). */
export async function waitReady(server: Server, timeoutMs = 20_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const status = await fetch(`http://127.0.0.1:${server.port}/readyz`).then((r) => r.status, () => 0);
    if (status === 200) return;
    if (Date.now() > deadline) throw new Error(`${server.system} on ${server.port}: /readyz not 200 within ${timeoutMs} ms`);
    await sleep(100);
  }
}

// ───────────────────────────── CPU pinning ─────────────────────────────
/** The CPUs this process may run on (its affinity list), or null when taskset is missing. */
export function allowedCpus(): number[] | null {
  try {
    const out = execFileSync('taskset', ['-pc', String(process.pid)]).toString();
    const list = out.slice(out.lastIndexOf(':') + 1).trim();
    const cpus: number[] = [];
    for (const part of list.split(',')) {
      const [a, b] = part.split('-').map(Number);
      for (let c = a!; c <= (b ?? a!); c++) cpus.push(c);
    }
    return cpus;
  } catch {
    return null;
  }
}

export interface PinPlan {
  /** The server's CPU, when pinned. */
  server?: number;
  /** The load generator's CPUs, as taskset reads them ("1" or "1,2,3"). */
  loadgen?: string;
  /** How many CPUs the load generator has: its client threads' useful maximum. */
  loadgenCpus?: number;
  /** Why not, when not. */
  reason?: string;
}

/**
 * Server on the first allowed CPU, this process (the load generator, all its threads, and
 * the threads it starts later: they inherit the mask) on all the others — on a machine of
 * more than two CPUs the load generator, which costs about what the server does per message,
 * gets the rest. Needs two CPUs and taskset.
 */
export function pinApart(): PinPlan {
  const cpus = allowedCpus();
  if (cpus === null) return { reason: 'taskset is not available (util-linux)' };
  if (cpus.length < 2) return { reason: `only ${cpus.length} CPU allowed (${availableParallelism()} available)` };
  const [server, ...rest] = cpus as [number, ...number[]];
  const loadgen = rest.join(',');
  execFileSync('taskset', ['-a', '-p', '-c', loadgen, String(process.pid)], { stdio: 'ignore' });
  return { server, loadgen, loadgenCpus: rest.length };
}

// ───────────────────────────── /proc sampling ─────────────────────────────
export interface ProcSample { atMs: number; ticks: number; mainTicks: number; mainSysTicks: number; rssKiB: number }

/** utime and stime of a /proc stat file, in clock ticks. */
export function userSys(statPath: string): [number, number] {
  const stat = readFileSync(statPath, 'utf8');
  // Fields after "(comm) ": state is [0], utime [11], stime [12].
  const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return [Number(f[11]), Number(f[12])];
}

export function sampleProc(pid: number): ProcSample {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const rss = /^VmRSS:\s+(\d+) kB/m.exec(status);
  const [u, s] = userSys(`/proc/${pid}/stat`);
  // The main thread's TID is the PID: its own CPU, apart from the worker threads'.
  const [mu, ms] = userSys(`/proc/${pid}/task/${pid}/stat`);
  return {
    atMs: performance.now(),
    ticks: u + s,
    mainTicks: mu + ms,
    mainSysTicks: ms,
    rssKiB: rss ? Number(rss[1]) : Number(readFileSync(`/proc/${pid}/statm`, 'utf8').split(' ')[1]) * PAGE_KIB,
  };
}

/** RSS split by kind and the thread count (/proc/PID/status): what memory at rest is made of. */
export function memoryOf(pid: number): { rssKiB: number; anonKiB: number; fileKiB: number; shmemKiB: number; threads: number } {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = (k: string) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(status)?.[1] ?? NaN);
  return { rssKiB: kb('VmRSS'), anonKiB: kb('RssAnon'), fileKiB: kb('RssFile'), shmemKiB: kb('RssShmem'), threads: kb('Threads') };
}

/** Samples a PID every `everyMs` between two instants (epoch ms); resolves with the samples. */
export async function sampleWindow(pid: number, fromMs: number, toMs: number, everyMs = 250): Promise<ProcSample[]> {
  await sleep(Math.max(0, fromMs - Date.now()));
  const out: ProcSample[] = [sampleProc(pid)];
  while (Date.now() + everyMs <= toMs) {
    await sleep(everyMs);
    out.push(sampleProc(pid));
  }
  await sleep(Math.max(0, toMs - Date.now()));
  out.push(sampleProc(pid));
  return out;
}
