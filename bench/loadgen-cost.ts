// bench:loadgen — what the load generator itself costs per message received, on each client
// path (--client ws and raw), against one boardcast server in the same run.
//
//   npm run bench:loadgen -- [--clients 3000] [--format json] [--duration 10] [--warmup 2]
//                            [--ramp 2500] [--interval 100] [--threads 1] [--paths ws,raw]
//
// The server (ROLE=all) is pinned to one CPU and this process — the load generator's main
// thread and its client threads — to another (taskset), as bench:capacity does. Over each
// path's measurement window it reads both processes' CPU from /proc (utime and stime, all
// threads) and divides by the messages delivered in it: µs CPU per message for the load
// generator and for the server, side by side. A load generator that costs as much as the
// server per message saturates first and caps any clients-per-core figure.
//
// Output: a table and one JSON line {"bench":"loadgen-cost",…} per path.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { planFileLimit, readFileLimits, reexecWithLimit, REEXEC_GUARD } from '../src/loadgen/limits.js';
import { runLoadgen } from '../src/loadgen/run.js';
import type { ClientPath, WireFormat } from '../src/loadgen/options.js';
import { CLK_TCK, pinApart, sleep, spawnServer, userSys, waitReady } from './lib/procs.js';
import { jsonLine, printTable, round } from './lib/stats.js';

const { values: argv } = parseArgs({
  args: process.argv.slice(2),
  strict: true,
  options: {
    clients: { type: 'string', default: '3000' },
    format: { type: 'string', default: 'json' },
    duration: { type: 'string', default: '10' },
    warmup: { type: 'string', default: '2' },
    ramp: { type: 'string', default: '2500' },
    interval: { type: 'string', default: '100' },
    threads: { type: 'string', default: '1' },
    paths: { type: 'string', default: 'ws,raw' },
  },
});
const positive = (flag: keyof typeof argv) => {
  const n = Number(argv[flag]);
  if (!Number.isFinite(n) || n <= 0) throw new Error(`--${flag}: a positive number, got ${JSON.stringify(argv[flag])}`);
  return n;
};
const clients = positive('clients');
const durationS = positive('duration');
const warmupS = Number(argv.warmup);
const rampPerS = positive('ramp');
const intervalMs = positive('interval');
const threads = positive('threads');
const format = argv.format as WireFormat;
if (format !== 'json' && format !== 'proto') throw new Error(`--format: json or proto, got ${argv.format}`);
const paths = argv.paths!.split(',') as ClientPath[];
for (const p of paths) if (p !== 'ws' && p !== 'raw') throw new Error(`--paths: ws and/or raw, got ${p}`);

const plan = planFileLimit(clients + 64, readFileLimits(), process.env[REEXEC_GUARD] === '1');
if (plan.action === 'raise') process.exit(await reexecWithLimit(plan.to));
if (plan.action === 'cap') throw new Error(`loadgen-cost: ${plan.message}`);

const pin = pinApart();
console.error(pin.server !== undefined
  ? `loadgen-cost: server on CPU ${pin.server}, load generator (${threads} client threads) on CPU ${pin.loadgen}`
  : `loadgen-cost: NOT pinned (${pin.reason}): server and load generator share the CPUs`);

const DIST = fileURLToPath(new URL('..', import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), 'bc-loadgen-cost-'));
const server = await spawnServer('boardcast', join(DIST, 'src', 'main.js'), {
  HOST: '127.0.0.1', PORT: '0', BROADCAST_INTERVAL_MS: String(intervalMs), SIM_SEED: '1', LOG_LEVEL: 'info', DATA_DIR: dataDir,
}, [], pin.server);
/** User and system CPU seconds of a process between two wall-clock times, and the wall seconds between the reads. */
async function cpuOver(pid: number, fromMs: number, toMs: number): Promise<{ userS: number; sysS: number; wallS: number }> {
  await sleep(Math.max(0, fromMs - Date.now()));
  const t0 = performance.now();
  const [u0, s0] = userSys(`/proc/${pid}/stat`);
  await sleep(Math.max(0, toMs - Date.now()));
  const [u1, s1] = userSys(`/proc/${pid}/stat`);
  return { userS: (u1 - u0) / CLK_TCK, sysS: (s1 - s0) / CLK_TCK, wallS: (performance.now() - t0) / 1000 };
}

const rows: Array<Record<string, unknown>> = [];
try {
  await waitReady(server);
  const url = `ws://127.0.0.1:${server.port}/ws?format=${format}&delta=1`;
  for (const client of paths) {
    await sleep(1000);
    // The window as runLoadgen will place it (its shards start 250 ms after the call).
    const windowStart = Date.now() + 250 + (clients / rampPerS) * 1000 + warmupS * 1000;
    const windowEnd = windowStart + durationS * 1000;
    const ours = cpuOver(process.pid, windowStart + 50, windowEnd - 50);
    const theirs = cpuOver(server.pid, windowStart + 50, windowEnd - 50);
    const r = await runLoadgen({ url, clients, durationS, warmupS, format, decode: 'header', client, rampPerS, threads, maxFailRatio: 0.01, connectTimeoutMs: 10_000 }, {
      onProgress: (p) => process.stderr.write(`[${client}] ${p.elapsedS.toFixed(0)}s connected ${p.connected}/${p.attempted} frames/s ${Math.round(p.framesPerS)} errors ${p.errors}\n`),
    });
    const lg = await ours;
    const sv = await theirs;
    // The loadgen counts the whole window; the CPU reads cover all but its edges.
    const msgs = Math.max(1, r.frames * (lg.wallS / Math.max(1e-9, r.durationS)));
    const us = (s: number) => round((s * 1e6) / msgs, 2);
    const row = {
      client,
      clients: r.clientsConnected,
      'msgs/s': Math.round(r.messagesPerSecond),
      'MB/s': round(r.bytesPerSecond / 1e6, 1),
      'loadgen cpu%': round(((lg.userS + lg.sysS) / lg.wallS) * 100, 1),
      'loadgen µs/msg': us(lg.userS + lg.sysS),
      'user / sys': `${us(lg.userS)} / ${us(lg.sysS)}`,
      'server cpu%': round(((sv.userS + sv.sysS) / sv.wallS) * 100, 1),
      'server µs/msg': us(sv.userS + sv.sysS),
      'server user / sys': `${us(sv.userS)} / ${us(sv.sysS)}`,
      'loadgen lag p99/max ms': `${r.loopLagMs.p99}/${r.loopLagMs.max}`,
      'p99 ms': round(r.latencyMs.p99, 1),
      'gaps/disc/fail': `${r.seqGaps}/${r.disconnects}/${r.connectFailures}`,
    };
    rows.push(row);
    jsonLine('loadgen-cost', { ...row, format, intervalMs, threads, pinned: pin.server !== undefined });
  }
} finally {
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
printTable(`bench:loadgen — ${clients} ${format} clients at ${Math.round(1000 / intervalMs)} Hz, header decode, ${durationS} s window; CPU from /proc (utime+stime)${pin.server !== undefined ? `, server on CPU ${pin.server}, load generator on CPU ${pin.loadgen}` : ', UNPINNED'}`, rows);
process.exit(0);
