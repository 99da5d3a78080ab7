// bench:fanout — fan-out latency, throughput and cost at 1k / 5k / 10k sockets: boardcast
// (child process, uWebSockets.js) against a `ws` baseline (child process, relaying the very
// same frame bytes, see lib/ws-baseline.ts) and the load generator's floor (a trivial uWS
// server, lib/floor-server.ts), all driven in this process by runLoadgen, one after the
// other at each client count, with fresh server processes per client count. Then idle
// memory per connection with a long broadcast interval.
//
//   npm run bench:fanout -- [--clients 1000,5000,10000] [--duration 10] [--interval 100]
//                           [--format proto] [--warmup 2] [--ramp 2500] [--threads N]
//                           [--decode header|full] [--client raw|ws] [--idle-clients N] [--no-floor] [--no-idle]
//                           [--cpu-prof] [--server DIR] [--nats] [--pin]
//                           [--channels board,trades,candles] [--sim-tps 40] [--watchlists 20]
//
// --channels LIST measures what opt-in channels cost instead: at each client count (default
// 1000), boardcast with every client on `?channels=board` (the baseline), then every client
// on `?channels=LIST`, same seeded simulator at --sim-tps trades a second; it prints bytes
// per client per second and the main thread's cost per frame for both, and their ratio.
//
// --client: how the load generator's sockets receive; default raw with --decode header (the
// header-only reader of src/loadgen/raw-socket.ts, far cheaper per message than `ws`), ws with --decode full.
//
// --pin: every server process on one CPU and the load generator on another (taskset), so
// that they stop competing; said so on stderr when the machine cannot.
//
// --nats (npm run bench:fanout-nats) measures the scale-out path instead: ROLE=all against
// ingest → NATS → 1 edge at each client count (the latency the bus adds), then the same
// clients split over 2 edges (throughput, p99), with a private nats-server on a free
// loopback port (test/helpers/nats-server.ts, shared with test/scale). Default clients: 1000,5000.
//
// --watchlists N (npm run bench:fanout -- --watchlists 20 --pin) measures personal
// watchlists at scale instead: UNIVERSE=all (the simulated whole market, mid-session), at
// each client count every client on the VN30 board (one shared view: the baseline), then,
// on a fresh server, every client with its own random N-symbol watchlist over the whole
// universe (one view per client; WS_MAX_VIEWS raised to allow them). Main-thread time per
// frame, CPU per delivered message, RSS, and the ratio watchlists / board. Default clients: 1000,5000.
//
// --server DIR runs boardcast from another built checkout (DIR/dist/src/main.js), e.g. a
// `git worktree` of a given commit, while the baseline and the loadgen come from this one.
//
// Output: a table on stdout, JSON lines ({"bench":"fanout",…}), and
// bench/results/fanout-<timestamp>.json with the percentile chart fanout-<timestamp>.svg.
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { planFileLimit, readFileLimits, reexecWithLimit, REEXEC_GUARD } from '../src/loadgen/limits.js';
import { runLoadgen, type LoadgenResult } from '../src/loadgen/run.js';
import { defaultClientPath, type ClientPath, type DecodeMode, type LoadgenOptions, type WireFormat } from '../src/loadgen/options.js';
import { percentileChartSvg, type ChartSeries } from './lib/chart.js';
import { NatsServer } from '../test/helpers/nats-server.js';
import { prng } from '../test/helpers/prng.js';
import { universe } from '../src/market/rules/universe.js';
import { jsonLine, printTable, round } from './lib/stats.js';
import { CLK_TCK, pinApart, waitReady, sampleProc, sampleWindow, sleep, spawnServer as spawnChild, type PinPlan, type ProcSample, type Server } from './lib/procs.js';

// ───────────────────────────── options ─────────────────────────────
const { values: argv } = parseArgs({
  args: process.argv.slice(2),
  strict: true,
  options: {
    clients: { type: 'string' },
    duration: { type: 'string', default: '10' },
    interval: { type: 'string', default: '100' },
    format: { type: 'string', default: 'proto' },
    warmup: { type: 'string', default: '2' },
    ramp: { type: 'string', default: '2500' },
    threads: { type: 'string' },
    decode: { type: 'string', default: 'header' },
    client: { type: 'string' },
    'idle-clients': { type: 'string' },
    'no-floor': { type: 'boolean', default: false },
    'no-idle': { type: 'boolean', default: false },
    'cpu-prof': { type: 'boolean', default: false },
    server: { type: 'string' },
    delta: { type: 'string', default: '1' },
    nats: { type: 'boolean', default: false },
    pin: { type: 'boolean', default: false },
    channels: { type: 'string' },
    'sim-tps': { type: 'string', default: '40' },
    watchlists: { type: 'string' },
  },
});
const natsMode = argv.nats!;
const channelsMode = argv.channels !== undefined;
const watchlistSize = argv.watchlists === undefined ? 0 : Number(argv.watchlists);
if (!Number.isInteger(watchlistSize) || watchlistSize < 0) throw new Error(`--watchlists must be a positive integer (symbols per watchlist), got ${argv.watchlists}`);
const clientCounts = (argv.clients ?? (natsMode || watchlistSize > 0 ? '1000,5000' : channelsMode ? '1000' : '1000,5000,10000')).split(',').map((s) => Number(s.trim()));
if (clientCounts.some((n) => !Number.isInteger(n) || n <= 0)) throw new Error(`--clients must be a comma-separated list of positive integers, got ${argv.clients}`);
const durationS = Number(argv.duration);
const intervalMs = Number(argv.interval);
const format = argv.format as WireFormat;
// ?delta=1 (default): FULL then DELTA frames, as terminals receive them; 0: FULL frames only.
const delta = argv.delta === '0' ? '0' : '1';
const query = `format=${format}&delta=${delta}`;
if (format !== 'proto' && format !== 'json') throw new Error(`--format must be proto or json, got ${argv.format}`);
const decode = argv.decode as DecodeMode;
if (argv.client !== undefined && argv.client !== 'raw' && argv.client !== 'ws') throw new Error(`--client must be raw or ws, got ${argv.client}`);
// Every URL this bench connects to is ws:// on loopback.
const clientPath: ClientPath = (argv.client as ClientPath | undefined) ?? defaultClientPath(['ws:'], decode);
const warmupS = Number(argv.warmup);
const rampPerS = Number(argv.ramp);
const threads = Number(argv.threads ?? availableParallelism());
const maxClients = Math.max(...clientCounts);
const idleClients = Number(argv['idle-clients'] ?? maxClients);
const cpuProf = argv['cpu-prof']!;

// The loadgen runs in this process: every client socket is one of our descriptors.
const plan = planFileLimit(Math.max(maxClients, idleClients) + 64, readFileLimits(), process.env[REEXEC_GUARD] === '1');
if (plan.action === 'raise') process.exit(await reexecWithLimit(plan.to));
if (plan.action === 'cap') throw new Error(`fanout: ${plan.message}`);

const ROOT = fileURLToPath(new URL('../..', import.meta.url)); // dist/bench/ → repo root
const DIST = fileURLToPath(new URL('..', import.meta.url)); // dist/
const STAMP = new Date().toISOString().replace(/[:.]/g, '-');
const RESULTS = join(ROOT, 'bench', 'results');
const PROF_DIR = join(RESULTS, `prof-${STAMP}`);

// ───────────────────────────── child servers ─────────────────────────────
type System = 'boardcast' | 'ws' | 'floor' | 'ingest' | 'edge';

// --pin: every server on one CPU, this process (the load generator) on another.
const pin: PinPlan = argv.pin ? pinApart() : { reason: 'not asked (--pin)' };
if (argv.pin) console.error(pin.server !== undefined ? `fanout: servers pinned to CPU ${pin.server}, load generator to CPU ${pin.loadgen}` : `fanout: cannot pin: ${pin.reason}`);
const spawnServer = (system: System, script: string, env: Record<string, string>, nodeArgs: string[] = []) => spawnChild(system, script, env, nodeArgs, pin.server);

const BOARDCAST_MAIN = argv.server ? join(argv.server, 'dist', 'src', 'main.js') : join(DIST, 'src', 'main.js');
const BOARDCAST_ENV = (interval: number) => ({ HOST: '127.0.0.1', PORT: '0', BROADCAST_INTERVAL_MS: String(interval), SIM_SEED: '1', LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: '5000' });
const startBoardcast = (interval: number, prof = false, env: Record<string, string> = {}) =>
  spawnServer('boardcast', BOARDCAST_MAIN, { ...BOARDCAST_ENV(interval), ...env }, prof ? ['--cpu-prof', `--cpu-prof-dir=${PROF_DIR}`] : []);
/** ROLE=ingest or ROLE=edge against a NATS server (--nats). */
const startRole = (role: 'ingest' | 'edge', interval: number, natsUrl: string, env: Record<string, string> = {}) =>
  spawnServer(role, BOARDCAST_MAIN, { ...BOARDCAST_ENV(interval), ROLE: role, NATS_URL: natsUrl, INGEST_FAILOVER_MS: '3000', ...env });

const startBaseline = (upstreamPort: number) => spawnServer('ws', join(DIST, 'bench', 'lib', 'ws-baseline.js'), {
  HOST: '127.0.0.1', PORT: '0', UPSTREAM: `ws://127.0.0.1:${upstreamPort}/ws?${query}`,
});
const startFloor = (interval: number, padBytes: number) => spawnServer('floor', join(DIST, 'bench', 'lib', 'floor-server.js'), {
  HOST: '127.0.0.1', PORT: '0', INTERVAL_MS: String(interval), PAD_BYTES: String(padBytes),
});

// ───────────────────────────── server-side counters ─────────────────────────────
/** Main-thread publish time: boardcast's histogram, the baseline's own sum/count. */
interface PublishCounter { sumS: number; count: number; frameBytes?: number }

async function readPublish(server: Server): Promise<PublishCounter | null> {
  try {
    if (server.system === 'boardcast' || server.system === 'edge') {
      const text = await (await fetch(`http://127.0.0.1:${server.port}/metrics`)).text();
      // publish time has no labels (one publish covers every view); frame size is per format.
      const grab = (name: string, labels = '') => Number(new RegExp(`^${name}${labels} (\\S+)$`, 'm').exec(text)?.[1] ?? NaN);
      return { sumS: grab('boardcast_publish_seconds_sum'), count: grab('boardcast_publish_seconds_count'), frameBytes: grab('boardcast_frame_bytes', `\\{format="${format}"\\}`) };
    }
    if (server.system === 'ws') {
      const s = (await (await fetch(`http://127.0.0.1:${server.port}/stats`)).json()) as { broadcastSeconds: { sum: number; count: number } };
      return { sumS: s.broadcastSeconds.sum, count: s.broadcastSeconds.count };
    }
  } catch { /* reported as null */ }
  return null;
}

/** Several servers publishing the same frames (edges): publish time summed, frames counted once. */
async function readPublishAll(servers: Server[]): Promise<PublishCounter | null> {
  const all = await Promise.all(servers.map(readPublish));
  if (all.some((p) => p === null)) return null;
  const ps = all as PublishCounter[];
  return { sumS: ps.reduce((a, p) => a + p.sumS, 0), count: ps[0]!.count, frameBytes: ps[0]!.frameBytes };
}

// ───────────────────────────── one measured run ─────────────────────────────
interface RunRow {
  /** The system (or, with --nats: all, nats 1 edge, nats 2 edges). */
  system: string;
  clients: number;
  connected: number;
  connectFailures: number;
  disconnects: number;
  p50Ms: number;
  p99Ms: number;
  p999Ms: number;
  maxMs: number;
  msgsPerS: number;
  /** Bytes a client received per second: what deltas save. */
  bytesPerClientPerS: number;
  expectedMsgsPerS: number;
  seqGaps: number;
  framesMissed: number;
  cpuPct: number;
  mainThreadCpuPct: number;
  /** Of the main thread's CPU, the share spent in the kernel (socket writes over loopback). */
  mainSysPct: number;
  rssMiB: number;
  idleRssMiB: number;
  rssKiBPerConn: number;
  /** Server main-thread CPU (from /proc, user+sys) per frame, per 1,000 sockets. */
  mainCpuMsPerFramePer1k: number | null;
  /** The publish call itself per frame per 1,000 sockets (boardcast_publish_seconds / the baseline's loop timer). */
  publishMsPerFramePer1k: number | null;
  framesInWindow: number | null;
  /** CPU % of the processes around the measured ones (--nats: the ingest, nats-server), same window. */
  othersCpuPct?: Record<string, number>;
}

/**
 * What one measured run drives: the clients go to `urls` (split evenly when several), and
 * the server figures (CPU, RSS, main thread, publish) are summed over `servers`; `others`
 * are only sampled for their CPU.
 */
interface Target {
  label: string;
  servers: Server[];
  urls: string[];
  others?: Array<{ name: string; pid: number }>;
  /** Per-client query suffixes (--watchlists: each client's own watchlist). */
  queries?: string[];
}

const single = (server: Server, url: string): Target => ({ label: server.system, servers: [server], urls: [url] });

/** Sums per-process sample windows taken at the same instants (the sampler's ticks may differ by one sample). */
function sumSamples(windows: ProcSample[][]): ProcSample[] {
  const n = Math.min(...windows.map((w) => w.length));
  return Array.from({ length: n }, (_, i) => {
    const at = windows.map((w) => w[i === n - 1 ? w.length - 1 : i]!);
    return { atMs: at[0]!.atMs, ticks: at.reduce((a, x) => a + x.ticks, 0), mainTicks: at.reduce((a, x) => a + x.mainTicks, 0), mainSysTicks: at.reduce((a, x) => a + x.mainSysTicks, 0), rssKiB: at.reduce((a, x) => a + x.rssKiB, 0) };
  });
}

const cpuPctOf = (samples: ProcSample[]) => {
  const first = samples[0]!;
  const last = samples[samples.length - 1]!;
  return ((last.ticks - first.ticks) / CLK_TCK / ((last.atMs - first.atMs) / 1000)) * 100;
};

async function measure(target: Target, clients: number): Promise<{ row: RunRow; result: LoadgenResult; samples: ProcSample[] }> {
  const { servers, urls } = target;
  const server = servers[0]!;
  await sleep(500);
  const idle = sumSamples(servers.map((s) => [sampleProc(s.pid)]))[0]!;
  // Several endpoints: one shard (thread) per endpoint at least, the same number on each.
  const shards = urls.length > 1 ? Math.max(urls.length, threads - (threads % urls.length)) : threads;
  const opts: LoadgenOptions = { url: urls[0]!, urls: urls.length > 1 ? urls : undefined, queries: target.queries, clients, durationS, warmupS, format, decode, client: clientPath, rampPerS, threads: shards, maxFailRatio: 0.01, connectTimeoutMs: 10_000 };
  const t0 = Date.now();
  const windowStart = t0 + 250 + (clients / rampPerS) * 1000 + warmupS * 1000;
  const windowEnd = windowStart + durationS * 1000;
  let pub0: PublishCounter | null = null;
  let pub1: PublishCounter | null = null;
  const pubBefore = (async () => { await sleep(windowStart - Date.now()); pub0 = await readPublishAll(servers); })();
  const pubAfter = (async () => { await sleep(windowEnd - 50 - Date.now()); pub1 = await readPublishAll(servers); })();
  const sampling = Promise.all(servers.map((s) => sampleWindow(s.pid, windowStart + 50, windowEnd - 50)));
  const othersSampling = Promise.all((target.others ?? []).map((o) => sampleWindow(o.pid, windowStart + 50, windowEnd - 50)));
  const result = await runLoadgen(opts, {
    onProgress: (p) => process.stderr.write(`[loadgen ${target.label} ${clients}] ${p.elapsedS.toFixed(0)}s connected ${p.connected}/${p.attempted} frames/s ${Math.round(p.framesPerS)} p99 ${p.p99Ms?.toFixed(2) ?? '-'} ms errors ${p.errors}\n`),
  });
  const samples = sumSamples(await sampling);
  const othersSamples = await othersSampling;
  await Promise.all([pubBefore, pubAfter]);
  const first = samples[0]!;
  const last = samples[samples.length - 1]!;
  const wallS = (last.atMs - first.atMs) / 1000;
  const cpuPct = ((last.ticks - first.ticks) / CLK_TCK / wallS) * 100;
  const mainCpuS = (last.mainTicks - first.mainTicks) / CLK_TCK;
  const rssKiB = Math.max(...samples.map((s) => s.rssKiB));
  const p0 = pub0 as PublishCounter | null;
  const p1 = pub1 as PublishCounter | null;
  const framesInWindow = p0 && p1 ? p1.count - p0.count : server.system === 'floor' ? Math.round((wallS * 1000) / intervalMs) : null;
  const per1k = 1000 / clients;
  const row: RunRow = {
    system: target.label,
    clients,
    connected: result.clientsConnected,
    connectFailures: result.connectFailures,
    disconnects: result.disconnects,
    p50Ms: result.latencyMs.p50,
    p99Ms: result.latencyMs.p99,
    p999Ms: result.latencyMs.p999,
    maxMs: result.latencyMs.max,
    msgsPerS: Math.round(result.messagesPerSecond),
    bytesPerClientPerS: Math.round(result.bytesPerSecond / Math.max(1, result.clientsConnected)),
    expectedMsgsPerS: Math.round((clients * 1000) / intervalMs),
    seqGaps: result.seqGaps,
    framesMissed: result.framesMissed,
    cpuPct: round(cpuPct, 1),
    mainThreadCpuPct: round((mainCpuS / wallS) * 100, 1),
    mainSysPct: round(((last.mainSysTicks - first.mainSysTicks) / Math.max(1, last.mainTicks - first.mainTicks)) * 100, 0),
    rssMiB: round(rssKiB / 1024, 1),
    idleRssMiB: round(idle.rssKiB / 1024, 1),
    rssKiBPerConn: round((rssKiB - idle.rssKiB) / Math.max(1, result.clientsConnected), 2),
    mainCpuMsPerFramePer1k: framesInWindow ? round(((mainCpuS * 1000) / framesInWindow) * per1k, 3) : null,
    publishMsPerFramePer1k: p0 && p1 && p1.count > p0.count ? round((((p1.sumS - p0.sumS) * 1000) / (p1.count - p0.count)) * per1k, 4) : null,
    framesInWindow,
    ...(target.others ? { othersCpuPct: Object.fromEntries(target.others.map((o, i) => [o.name, round(cpuPctOf(othersSamples[i]!), 1)])) } : {}),
  };
  return { row, result, samples };
}

// ───────────────────────────── idle memory ─────────────────────────────
async function idleMemory(server: Server, clients: number, url: string): Promise<Record<string, unknown>> {
  await sleep(1000);
  const before = sampleProc(server.pid);
  const opts: LoadgenOptions = { url, clients, durationS: 3, warmupS: 1, format, decode, client: clientPath, rampPerS, threads, maxFailRatio: 0.01, connectTimeoutMs: 10_000 };
  const windowStart = Date.now() + 250 + (clients / rampPerS) * 1000 + 1000;
  const sampling = sampleWindow(server.pid, windowStart + 200, windowStart + 2800, 200);
  const result = await runLoadgen(opts);
  const samples = await sampling;
  const during = Math.max(...samples.map((s) => s.rssKiB));
  return {
    system: server.system,
    clients,
    connected: result.clientsConnected,
    idleRssMiB: round(before.rssKiB / 1024, 1),
    connectedRssMiB: round(during / 1024, 1),
    kiBPerConn: round((during - before.rssKiB) / Math.max(1, result.clientsConnected), 2),
  };
}

// ───────────────────────────── cpu profile summary ─────────────────────────────
interface ProfNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; hitCount?: number; children?: number[] }

function summarizeProfiles(dir: string): Array<Record<string, unknown>> {
  const rows: Array<Record<string, unknown>> = [];
  let files: string[] = [];
  try { files = readdirSync(dir).filter((f) => f.endsWith('.cpuprofile')); } catch { return rows; }
  for (const f of files) {
    const p = JSON.parse(readFileSync(join(dir, f), 'utf8')) as { nodes: ProfNode[]; startTime: number; endTime: number; samples: number[] };
    const total = p.samples.length;
    const usPerSample = (p.endTime - p.startTime) / Math.max(1, total);
    const self = new Map<string, number>();
    for (const n of p.nodes) {
      const url = n.callFrame.url.replace(/^file:\/\/.*?\/(node_modules|dist)\//, '$1/');
      const key = `${n.callFrame.functionName || '(anonymous)'} ${url ? `${url}:${n.callFrame.lineNumber + 1}` : ''}`.trim();
      self.set(key, (self.get(key) ?? 0) + (n.hitCount ?? 0));
    }
    const idle = self.get('(idle)') ?? 0;
    const busy = total - idle;
    const thread = /\.(\d+)\.cpuprofile$/.exec(f)?.[1] ?? '?';
    console.log(`\ncpu profile ${f} (thread ${thread}): ${((busy * usPerSample) / 1e6).toFixed(2)} s busy of ${(((p.endTime - p.startTime)) / 1e6).toFixed(1)} s`);
    const top = [...self.entries()].filter(([k]) => k !== '(idle)').sort((a, b) => b[1] - a[1]).slice(0, 15);
    for (const [k, hits] of top) {
      const row = { profile: f, fn: k, selfMs: round((hits * usPerSample) / 1000, 1), pctOfBusy: round((hits / Math.max(1, busy)) * 100, 1) };
      rows.push(row);
      console.log(`  ${String(row.pctOfBusy).padStart(5)}%  ${String(row.selfMs).padStart(8)} ms  ${k}`);
    }
  }
  return rows;
}

// ───────────────────────────── --nats: ingest → NATS → edges ─────────────────────────────
/**
 * At each client count: ROLE=all (the reference), then a private nats-server, an ingest and
 * one edge with every client on it (what the bus adds to the latency), then a second edge
 * with the clients split evenly (what a second edge buys on this machine). Every server
 * records history into its own SQLite file in a temporary folder, as it would in service.
 */
async function natsBench(): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  const started = Date.now();
  const tmp = mkdtempSync(join(tmpdir(), 'bc-fanout-nats-'));
  const dataDir = (name: string) => ({ DATA_DIR: mkdtempSync(join(tmp, `${name}-`)) });
  const rows: RunRow[] = [];
  const curves: ChartSeries[] = [];
  const runs: Array<{ row: RunRow; result: LoadgenResult }> = [];
  const keep = (r: { row: RunRow; result: LoadgenResult }, dashed = false) => {
    rows.push(r.row);
    runs.push(r);
    jsonLine('fanout-nats', { ...r.row });
    curves.push({ label: `${r.row.system} ${r.row.clients.toLocaleString('en-US')}`, points: r.result.latencyPercentilesMs ?? [], dashed });
  };
  const wsUrl = (srv: Server) => `ws://127.0.0.1:${srv.port}/ws?${query}`;
  console.error(`fanout --nats: boardcast ${BOARDCAST_MAIN}; clients ${clientCounts.join(',')}, ${durationS} s each after ${warmupS} s warmup, interval ${intervalMs} ms, ${format}, ${threads} loadgen threads (${clientPath} client path)`);
  try {
    for (const clients of clientCounts) {
      const all = await startBoardcast(intervalMs, false, dataDir('all'));
      try {
        await waitReady(all);
        keep(await measure({ label: 'all', servers: [all], urls: [wsUrl(all)] }, clients));
      } finally {
        await all.stop();
      }

      const nats = await NatsServer.start();
      const procs: Server[] = [];
      try {
        const ingest = await startRole('ingest', intervalMs, nats.url, dataDir('ingest'));
        procs.push(ingest);
        const edge1 = await startRole('edge', intervalMs, nats.url);
        procs.push(edge1);
        await waitReady(ingest);
        await waitReady(edge1);
        const others = [{ name: 'ingest', pid: ingest.pid }, { name: 'nats', pid: nats.proc!.pid! }];
        keep(await measure({ label: 'nats 1 edge', servers: [edge1], urls: [wsUrl(edge1)], others }, clients), true);
        const edge2 = await startRole('edge', intervalMs, nats.url);
        procs.push(edge2);
        await waitReady(edge2);
        keep(await measure({ label: 'nats 2 edges', servers: [edge1, edge2], urls: [wsUrl(edge1), wsUrl(edge2)], others }, clients), true);
      } finally {
        for (const srv of procs.reverse()) await srv.stop();
        await nats.stop();
      }
    }
  } finally {
    rmSync(tmp, { recursive: true, force: true });
  }

  // What the bus adds (1 edge − all), and what a second edge buys (2 edges ÷ 1 edge).
  const compare: Array<Record<string, unknown>> = [];
  for (const clients of clientCounts) {
    const [a, e1, e2] = ['all', 'nats 1 edge', 'nats 2 edges'].map((sys) => rows.find((r) => r.system === sys && r.clients === clients));
    if (!a || !e1 || !e2) continue;
    const c = {
      clients,
      addedP50Ms: round(e1.p50Ms - a.p50Ms, 2),
      addedP99Ms: round(e1.p99Ms - a.p99Ms, 2),
      'msgsPerS 2 edges / 1 edge': round(e2.msgsPerS / Math.max(1, e1.msgsPerS), 3),
      'p99 2 edges / 1 edge': round(e2.p99Ms / Math.max(1e-9, e1.p99Ms), 3),
      'msgsPerS 1 edge / all': round(e1.msgsPerS / Math.max(1, a.msgsPerS), 3),
    };
    compare.push(c);
    jsonLine('fanout-nats-compare', c);
  }

  printTable(`bench:fanout --nats — ${format}, ${intervalMs} ms interval, ${durationS} s window; latency ms from the worker's produced_at_us to client receipt; CPU from /proc (edges summed)`, rows.map((r) => ({
    system: r.system, clients: r.clients, conn: r.connected, fail: r.connectFailures, p50: r.p50Ms, p99: r.p99Ms, 'p99.9': r.p999Ms, max: r.maxMs,
    'msg/s': r.msgsPerS, expected: r.expectedMsgsPerS, gaps: r.seqGaps, 'cpu%': r.cpuPct, 'main%': r.mainThreadCpuPct,
    'ingest cpu%': r.othersCpuPct?.ingest ?? '-', 'nats cpu%': r.othersCpuPct?.nats ?? '-', rssMiB: r.rssMiB, 'mainCPU ms/frame/1k': r.mainCpuMsPerFramePer1k ?? '-',
  })));
  printTable('NATS path: added latency (1 edge − all) and a second edge (2 edges ÷ 1 edge)', compare);

  const out = join(RESULTS, `fanout-nats-${STAMP}.json`);
  const svg = join(RESULTS, `fanout-nats-${STAMP}.svg`);
  writeFileSync(out, `${JSON.stringify({
    bench: 'fanout-nats', at: new Date().toISOString(), tookS: round((Date.now() - started) / 1000, 1),
    options: { clients: clientCounts, durationS, warmupS, intervalMs, format, decode, client: clientPath, rampPerS, threads },
    machine: { cores: availableParallelism(), node: process.version, pinned: pin },
    rows, compare, runs: runs.map((r) => ({ system: r.row.system, clients: r.row.clients, loadgen: r.result })),
  }, null, 2)}\n`);
  writeFileSync(svg, percentileChartSvg(`fan-out latency: ROLE=all vs ingest → NATS → edges (${format}, ${intervalMs} ms frames)`, curves, { subtitle: `${new Date().toISOString()} · ${availableParallelism()} cores shared by every process and the load generator · dashed = through NATS` }));
  console.log(`\nresults: ${out}\nchart:   ${svg}`);
}

// ───────────────────────────── --channels: opt-in channels vs board only ─────────────────────────────
/** At each client count: every client on ?channels=board, then every client on ?channels=LIST; a fresh server for each. */
async function channelsBench(list: string): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  const started = Date.now();
  const env = { SIM_TRADES_PER_SECOND: argv['sim-tps']! };
  const rows: RunRow[] = [];
  const compare: Array<Record<string, unknown>> = [];
  console.error(`fanout --channels ${list}: boardcast ${BOARDCAST_MAIN}; clients ${clientCounts.join(',')}, ${durationS} s each after ${warmupS} s warmup, interval ${intervalMs} ms, ${format}, sim ${env.SIM_TRADES_PER_SECOND} trades/s, ${clientPath} client path`);
  for (const clients of clientCounts) {
    const byLabel: Record<string, RunRow> = {};
    for (const channels of ['board', list]) {
      const bc = await startBoardcast(intervalMs, false, env);
      try {
        await waitReady(bc);
        const r = await measure({ label: channels, servers: [bc], urls: [`ws://127.0.0.1:${bc.port}/ws?${query}&channels=${channels}`] }, clients);
        rows.push(r.row);
        byLabel[channels] = r.row;
        jsonLine('fanout-channels', { ...r.row });
      } finally {
        await bc.stop();
      }
    }
    const b = byLabel.board!;
    const c = byLabel[list]!;
    const q = (x: number | null, y: number | null) => (x === null || y === null || y === 0 ? null : round(x / y, 3));
    const row = { clients, 'bytes/client/s board': b.bytesPerClientPerS, [`bytes/client/s ${list}`]: c.bytesPerClientPerS, 'bytes ratio': q(c.bytesPerClientPerS, b.bytesPerClientPerS), 'mainCPU ms/frame/1k board': b.mainCpuMsPerFramePer1k, [`mainCPU ms/frame/1k ${list}`]: c.mainCpuMsPerFramePer1k, 'mainCPU ratio': q(c.mainCpuMsPerFramePer1k, b.mainCpuMsPerFramePer1k), 'publish ratio': q(c.publishMsPerFramePer1k, b.publishMsPerFramePer1k) };
    compare.push(row);
    jsonLine('fanout-channels-compare', row);
  }
  printTable(`bench:fanout --channels — ${format}, ${intervalMs} ms interval, ${durationS} s window, sim ${env.SIM_TRADES_PER_SECOND} trades/s`, rows.map((r) => ({
    channels: r.system, clients: r.clients, conn: r.connected, p50: r.p50Ms, p99: r.p99Ms, 'msg/s': r.msgsPerS, gaps: r.seqGaps, 'bytes/client/s': r.bytesPerClientPerS,
    'cpu%': r.cpuPct, 'main%': r.mainThreadCpuPct, 'mainCPU ms/frame/1k': r.mainCpuMsPerFramePer1k ?? '-', 'publish ms/frame/1k': r.publishMsPerFramePer1k ?? '-',
  })));
  printTable(`${list} against board only (ratio = ${list} ÷ board)`, compare);
  const out = join(RESULTS, `fanout-channels-${STAMP}.json`);
  writeFileSync(out, `${JSON.stringify({
    bench: 'fanout-channels', at: new Date().toISOString(), tookS: round((Date.now() - started) / 1000, 1),
    options: { clients: clientCounts, durationS, warmupS, intervalMs, format, decode, client: clientPath, rampPerS, threads, channels: list, simTradesPerSecond: Number(env.SIM_TRADES_PER_SECOND) },
    machine: { cores: availableParallelism(), node: process.version, pinned: pin },
    rows, compare,
  }, null, 2)}\n`);
  console.log(`\nresults: ${out}`);
}

// ───────────────────────────── --watchlists: personal watchlists vs the shared board ─────────────────────────────
/** `n` distinct symbols of `from`, drawn with a seeded PRNG (the same lists every run). */
function randomWatchlists(count: number, size: number, from: readonly string[], seed: number): string[] {
  const rnd = prng(seed);
  return Array.from({ length: count }, () => {
    const s = new Set<string>();
    while (s.size < size) s.add(from[Math.floor(rnd() * from.length)]!);
    return `symbols=${[...s].join(',')}`;
  });
}

async function watchlistBench(): Promise<void> {
  mkdirSync(RESULTS, { recursive: true });
  const started = Date.now();
  const all = universe('all').symbols;
  const rows: Array<RunRow & { views: string; cpuUsPerMsg: number; mainUsPerMsg: number; mainMsPerFrame: number | null; publishMsPerFrame: number | null }> = [];
  const runs: Array<{ row: RunRow; result: LoadgenResult }> = [];
  console.error(`fanout --watchlists ${watchlistSize}: boardcast ${BOARDCAST_MAIN}; UNIVERSE=all; clients ${clientCounts.join(',')}, ${durationS} s each after ${warmupS} s warmup, interval ${intervalMs} ms, ${format}, ${threads} loadgen threads (${clientPath} client path)`);
  for (const clients of clientCounts) {
    // 1 view on the board run, `clients` views on the watchlist run: the cap must allow them (default 1,000).
    const env = { UNIVERSE: 'all', SIM_START_TIME: '10:00:00', WS_MAX_VIEWS: String(clients + 100) };
    for (const views of ['board VN30', `watchlists ${watchlistSize}`]) {
      const bc = await startBoardcast(intervalMs, cpuProf && clients === maxClients && views !== 'board VN30', env);
      try {
        await waitReady(bc);
        const watch = views !== 'board VN30';
        const url = `ws://127.0.0.1:${bc.port}/ws?${query}${watch ? '' : '&board=VN30'}`;
        const r = await measure({ label: views, servers: [bc], urls: [url], queries: watch ? randomWatchlists(clients, watchlistSize, all, clients) : undefined }, clients);
        const perMsg = (pct: number) => round(((pct / 100) * 1e6) / Math.max(1, r.row.msgsPerS), 2);
        const row = {
          ...r.row,
          views,
          cpuUsPerMsg: perMsg(r.row.cpuPct),
          mainUsPerMsg: perMsg(r.row.mainThreadCpuPct),
          mainMsPerFrame: r.row.mainCpuMsPerFramePer1k === null ? null : round((r.row.mainCpuMsPerFramePer1k * clients) / 1000, 2),
          publishMsPerFrame: r.row.publishMsPerFramePer1k === null ? null : round((r.row.publishMsPerFramePer1k * clients) / 1000, 2),
        };
        rows.push(row);
        runs.push(r);
        jsonLine('fanout-watchlists', row);
      } finally {
        await bc.stop();
      }
    }
  }
  const ratios: Array<Record<string, unknown>> = [];
  for (const clients of clientCounts) {
    const [b, w] = [rows.find((r) => r.clients === clients && r.views === 'board VN30'), rows.find((r) => r.clients === clients && r.views !== 'board VN30')];
    if (!b || !w) continue;
    const q = (x: number | null, y: number | null) => (x === null || y === null || y === 0 ? null : round(x / y, 2));
    const r = { clients, 'main µs/msg': q(w.mainUsPerMsg, b.mainUsPerMsg), 'cpu µs/msg': q(w.cpuUsPerMsg, b.cpuUsPerMsg), 'main ms/frame': q(w.mainMsPerFrame, b.mainMsPerFrame), 'publish ms/frame': q(w.publishMsPerFrame, b.publishMsPerFrame), rss: q(w.rssMiB, b.rssMiB), p99: q(w.p99Ms, b.p99Ms), 'msg/s': q(w.msgsPerS, b.msgsPerS) };
    ratios.push(r);
    jsonLine('fanout-watchlists-ratio', r);
  }
  printTable(`bench:fanout --watchlists ${watchlistSize} — UNIVERSE=all (simulated whole market), ${format}, ${intervalMs} ms interval, ${durationS} s window; CPU from /proc (process: main thread + market worker)`, rows.map((r) => ({
    views: r.views, clients: r.clients, conn: r.connected, fail: r.connectFailures, p50: r.p50Ms, p99: r.p99Ms, 'msg/s': r.msgsPerS, expected: r.expectedMsgsPerS, gaps: r.seqGaps,
    'cpu%': r.cpuPct, 'main%': r.mainThreadCpuPct, 'cpu µs/msg': r.cpuUsPerMsg, 'main µs/msg': r.mainUsPerMsg, 'main ms/frame': r.mainMsPerFrame ?? '-', 'publish ms/frame': r.publishMsPerFrame ?? '-', rssMiB: r.rssMiB, 'B/client/s': r.bytesPerClientPerS,
  })));
  printTable('ratios watchlists / board (same run; goal: main µs/msg ≤ 1.5)', ratios);
  const profile = cpuProf ? summarizeProfiles(PROF_DIR) : [];
  const out = join(RESULTS, `fanout-watchlists-${STAMP}.json`);
  writeFileSync(out, `${JSON.stringify({
    bench: 'fanout-watchlists', at: new Date().toISOString(), tookS: round((Date.now() - started) / 1000, 1),
    options: { clients: clientCounts, watchlistSize, durationS, warmupS, intervalMs, format, decode, client: clientPath, rampPerS, threads },
    machine: { cores: availableParallelism(), node: process.version, pinned: pin },
    rows, ratios, profile, runs: runs.map((r) => ({ system: r.row.system, clients: r.row.clients, loadgen: r.result })),
  }, null, 2)}\n`);
  console.log(`\nresults: ${out}`);
}

if (natsMode) {
  await natsBench();
  process.exit(0);
}
if (watchlistSize > 0) {
  await watchlistBench();
  process.exit(0);
}
if (channelsMode) {
  await channelsBench(argv.channels!);
  process.exit(0);
}

// ───────────────────────────── main ─────────────────────────────
mkdirSync(RESULTS, { recursive: true });
const rows: RunRow[] = [];
const curves: ChartSeries[] = [];
const runs: Array<{ row: RunRow; result: LoadgenResult; baselineHopUs?: unknown }> = [];
const started = Date.now();
console.error(`fanout: boardcast ${BOARDCAST_MAIN}`);
console.error(`fanout: clients ${clientCounts.join(',')}, ${durationS} s each after ${warmupS} s warmup, interval ${intervalMs} ms, ${format}, decode ${decode}, ${clientPath} client path, ramp ${rampPerS}/s, ${threads} loadgen threads`);

for (const clients of clientCounts) {
  const bc = await startBoardcast(intervalMs, cpuProf && clients === maxClients);
  const base = await startBaseline(bc.port);
  let floor: Server | undefined;
  try {
    await sleep(1000);
    const bcUrl = `ws://127.0.0.1:${bc.port}/ws?${query}`;
    const r1 = await measure(single(bc, bcUrl), clients);
    rows.push(r1.row); runs.push(r1);
    jsonLine('fanout', { ...r1.row });
    curves.push({ label: `boardcast ${clients.toLocaleString('en-US')}`, points: r1.result.latencyPercentilesMs ?? [] });

    const r2 = await measure(single(base, `ws://127.0.0.1:${base.port}/ws?${query}`), clients);
    const stats = await (await fetch(`http://127.0.0.1:${base.port}/stats`)).json().catch(() => null) as { hopUs?: unknown } | null;
    rows.push(r2.row); runs.push({ ...r2, baselineHopUs: stats?.hopUs });
    jsonLine('fanout', { ...r2.row, upstreamHopUs: stats?.hopUs });
    curves.push({ label: `ws ${clients.toLocaleString('en-US')}`, points: r2.result.latencyPercentilesMs ?? [], dashed: true });

    if (!argv['no-floor']) {
      const frameBytes = (await readPublish(bc))?.frameBytes ?? 0;
      floor = await startFloor(intervalMs, Number.isFinite(frameBytes) ? Math.max(0, frameBytes - 40) : 0);
      const r3 = await measure(single(floor, `ws://127.0.0.1:${floor.port}/ws?format=${format}`), clients);
      rows.push(r3.row); runs.push(r3);
      jsonLine('fanout', { ...r3.row });
      curves.push({ label: `floor ${clients.toLocaleString('en-US')}`, points: r3.result.latencyPercentilesMs ?? [], dashed: true });
    }
  } finally {
    await floor?.stop();
    await base.stop();
    await bc.stop();
  }
}

// Ratios boardcast / ws at each client count.
const ratios: Array<Record<string, unknown>> = [];
for (const clients of clientCounts) {
  const b = rows.find((r) => r.system === 'boardcast' && r.clients === clients);
  const w = rows.find((r) => r.system === 'ws' && r.clients === clients);
  if (!b || !w) continue;
  const q = (x: number | null, y: number | null) => (x === null || y === null || y === 0 ? null : round(x / y, 3));
  const r = {
    clients,
    p50: q(b.p50Ms, w.p50Ms), p99: q(b.p99Ms, w.p99Ms), p999: q(b.p999Ms, w.p999Ms), max: q(b.maxMs, w.maxMs),
    msgsPerS: q(b.msgsPerS, w.msgsPerS), cpu: q(b.cpuPct, w.cpuPct), mainCpuPerFrame: q(b.mainCpuMsPerFramePer1k, w.mainCpuMsPerFramePer1k),
    rssPerConn: q(b.rssKiBPerConn, w.rssKiBPerConn),
  };
  ratios.push(r);
  jsonLine('fanout-ratio', r);
}

// Idle memory per connection: a long interval, N sockets connected, RSS before / during.
const idleRows: Array<Record<string, unknown>> = [];
if (!argv['no-idle']) {
  const bc = await startBoardcast(60_000);
  const base = await startBaseline(bc.port);
  let floor: Server | undefined;
  try {
    idleRows.push(await idleMemory(bc, idleClients, `ws://127.0.0.1:${bc.port}/ws?${query}`));
    idleRows.push(await idleMemory(base, idleClients, `ws://127.0.0.1:${base.port}/ws?${query}`));
    if (!argv['no-floor']) {
      floor = await startFloor(60_000, 0);
      idleRows.push(await idleMemory(floor, idleClients, `ws://127.0.0.1:${floor.port}/ws?format=${format}`));
    }
  } finally {
    await floor?.stop();
    await base.stop();
    await bc.stop();
  }
  for (const r of idleRows) jsonLine('fanout-idle-memory', r);
}

const profile = cpuProf ? summarizeProfiles(PROF_DIR) : [];

printTable(`bench:fanout — ${format}, ${intervalMs} ms interval, ${durationS} s window; latency ms from produced_at_us to client receipt; server CPU/RSS from /proc`, rows.map((r) => ({
  system: r.system, clients: r.clients, conn: r.connected, fail: r.connectFailures, p50: r.p50Ms, p99: r.p99Ms, 'p99.9': r.p999Ms, max: r.maxMs,
  'msg/s': r.msgsPerS, expected: r.expectedMsgsPerS, gaps: r.seqGaps, 'cpu%': r.cpuPct, 'main%': r.mainThreadCpuPct, 'sys%': r.mainSysPct, rssMiB: r.rssMiB,
  'KiB/conn': r.rssKiBPerConn, 'mainCPU ms/frame/1k': r.mainCpuMsPerFramePer1k ?? '-', 'publish ms/frame/1k': r.publishMsPerFramePer1k ?? '-',
})));
printTable('ratios boardcast / ws (lower is better except msgsPerS)', ratios);
const hops = runs.filter((r) => r.baselineHopUs).map((r) => ({ clients: r.row.clients, ...(r.baselineHopUs as object) }));
printTable('ws baseline: its upstream hop (boardcast → relay), µs — included in the ws latencies above', hops);
if (idleRows.length) printTable(`idle memory per connection (interval 60 s, ${idleClients} sockets)`, idleRows);

const out = join(RESULTS, `fanout-${STAMP}.json`);
const svg = join(RESULTS, `fanout-${STAMP}.svg`);
writeFileSync(out, `${JSON.stringify({
  bench: 'fanout', at: new Date().toISOString(), tookS: round((Date.now() - started) / 1000, 1),
  options: { clients: clientCounts, durationS, warmupS, intervalMs, format, decode, client: clientPath, rampPerS, threads, idleClients },
  machine: { cores: availableParallelism(), node: process.version, pinned: pin },
  rows, ratios, idleMemory: idleRows, baselineHopUs: hops, profile,
  runs: runs.map((r) => ({ system: r.row.system, clients: r.row.clients, loadgen: r.result })),
}, null, 2)}\n`);
writeFileSync(svg, percentileChartSvg(`fan-out latency: boardcast vs ws (${format}, ${intervalMs} ms frames)`, curves, { subtitle: `${new Date().toISOString()} · ${availableParallelism()} cores shared by server and load generator · ${durationS} s window per run` }));
console.log(`\nresults: ${out}\nchart:   ${svg}${cpuProf ? `\nprofiles: ${PROF_DIR}` : ''}`);
