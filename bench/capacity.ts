// bench:capacity — how many clients one server holds at a given frame rate, per core.
//
//   npm run bench:capacity -- [--systems boardcast-proto,boardcast-json,uws-json,ws-json | none]
//                             [--rate 10] [--p99 100] [--start 1000] [--min 250] [--max 16000]
//                             [--window 5] [--warmup 2] [--ramp 2500] [--threads N]
//                             [--budget 540] [--resolution 0.1] [--lag 50] [--no-pin] [--no-idle]
//                             [--client raw|ws] [--server DIR] [--plain]
//
// The server runs on one CPU and the load generator (this process and its client threads)
// on another (taskset), so they stop competing; when the machine cannot, it says so and
// the figures are marked unpinned. For each system it searches the largest client count
// (doubling from --start, then bisection, within its share of --budget seconds) at which
// every client receives every frame (no seq gap, no missed frame, no disconnect, at most
// one frame per client short over the window) with p99 latency ≤ --p99 ms. A probe in which the load
// generator's own event loop lagged (p99 over --lag ms) and that did not hold is marked
// "loadgen" and not counted as the server's failure: above a held count the search stops
// there (the capacity is at least the last held); with nothing held yet it looks lower.
// The clients read headers only, through the raw client path by default (--client raw:
// src/loadgen/raw-socket.ts), which costs the load generator a fraction of what the `ws`
// library does per message, so that its one core outlasts the server's.
//
// Systems: boardcast-<format> (ROLE=all, deltas on); uws-<format> and ws-<format>: a
// trivial uWebSockets.js relay and a plain `ws` server re-broadcasting the same bytes from
// one upstream boardcast socket (lib/uws-relay.ts, lib/ws-baseline.ts; the upstream shares
// the server's CPU, its own CPU not counted). A `-full` suffix asks every system for FULL
// frames only (?delta=0): `ws-json-full` is what a broadcaster without deltas sends.
//
// Where the load generator gives out first (one core receiving costs about what one core
// sending does), "projected clients/core" reads the capacity off the CPU per message at the
// largest held count: 1 s ÷ (µs per message × rate) — a projection, marked as one.
//
// boardcast runs as shipped, through bin/boardcast and its runtime settings (--plain, or a
// --server DIR without bin/boardcast: `node dist/src/main.js`).
//
// Then memory at rest (--no-idle skips it), both ways when bin/boardcast exists: ROLE=all with no client, then after its first
// history request (the query pool starts then), and ROLE=edge against a private
// nats-server and an ingest.
//
// Output: a table, JSON lines {"bench":"capacity",…}, bench/results/capacity-<timestamp>.json.
import { existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { availableParallelism, cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { planFileLimit, readFileLimits, reexecWithLimit, REEXEC_GUARD } from '../src/loadgen/limits.js';
import { runLoadgen, type LoadgenResult } from '../src/loadgen/run.js';
import type { ClientPath, WireFormat } from '../src/loadgen/options.js';
import { NatsServer } from '../test/helpers/nats-server.js';
import { CLK_TCK, memoryOf, pinApart, sampleProc, sampleWindow, sleep, spawnServer, waitReady, type PinPlan, type Server } from './lib/procs.js';
import { jsonLine, printTable, round } from './lib/stats.js';

const { values: argv } = parseArgs({
  args: process.argv.slice(2),
  strict: true,
  options: {
    systems: { type: 'string', default: 'boardcast-proto,boardcast-json,uws-json,ws-json' },
    rate: { type: 'string', default: '10' },
    p99: { type: 'string', default: '100' },
    start: { type: 'string', default: '1000' },
    min: { type: 'string', default: '250' },
    max: { type: 'string', default: '16000' },
    window: { type: 'string', default: '5' },
    warmup: { type: 'string', default: '2' },
    ramp: { type: 'string', default: '2500' },
    threads: { type: 'string' },
    budget: { type: 'string', default: '540' },
    resolution: { type: 'string', default: '0.1' },
    lag: { type: 'string', default: '50' },
    'no-pin': { type: 'boolean', default: false },
    'no-idle': { type: 'boolean', default: false },
    client: { type: 'string', default: 'raw' },
    server: { type: 'string' },
    plain: { type: 'boolean', default: false },
  },
});

const num = (flag: string, ok: (n: number) => boolean) => {
  const n = Number(argv[flag as keyof typeof argv]);
  if (!Number.isFinite(n) || !ok(n)) throw new Error(`--${flag}: bad value ${JSON.stringify(argv[flag as keyof typeof argv])}`);
  return n;
};
const rateHz = num('rate', (n) => n > 0 && n <= 100);
const intervalMs = Math.round(1000 / rateHz);
const p99BoundMs = num('p99', (n) => n > 0);
const startClients = num('start', (n) => Number.isInteger(n) && n > 0);
const minClients = num('min', (n) => Number.isInteger(n) && n > 0);
const maxClients = num('max', (n) => Number.isInteger(n) && n >= minClients);
const windowS = num('window', (n) => n >= 1);
const warmupS = num('warmup', (n) => n >= 0);
const rampPerS = num('ramp', (n) => n > 0);
const budgetS = num('budget', (n) => n > 0);
const resolution = num('resolution', (n) => n > 0 && n < 1);
const lagBoundMs = num('lag', (n) => n > 0);
if (argv.client !== 'raw' && argv.client !== 'ws') throw new Error(`--client: raw or ws, got ${JSON.stringify(argv.client)}`);
const clientPath: ClientPath = argv.client;
const threads = argv.threads ? num('threads', (n) => Number.isInteger(n) && n > 0) : Math.max(1, availableParallelism() - 1);
// `--systems none`: memory at rest only.
const SYSTEMS = argv.systems === 'none' ? [] : argv.systems!.split(',').map((s) => s.trim());
for (const s of SYSTEMS) if (!/^(boardcast|uws|ws)-(proto|json)(-full)?$/.test(s)) throw new Error(`--systems: unknown system ${s} (boardcast|uws|ws)-(proto|json)[-full]`);

const plan = planFileLimit(maxClients + 64, readFileLimits(), process.env[REEXEC_GUARD] === '1');
if (plan.action === 'raise') process.exit(await reexecWithLimit(plan.to));
if (plan.action === 'cap') throw new Error(`capacity: ${plan.message}`);

// Before pinning: afterwards this process sees only its own CPU.
const CPUS = availableParallelism();
const pin: PinPlan = argv['no-pin'] ? { reason: 'not asked (--no-pin)' } : pinApart();
const pinned = pin.server !== undefined;
console.error(pinned
  ? `capacity: server on CPU ${pin.server}, load generator (${threads} client threads, ${clientPath} client path) on CPU(s) ${pin.loadgen}`
  : `capacity: NOT pinned (${pin.reason}): the server and the load generator share the CPUs; clients per core cannot be read off`);

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const DIST = fileURLToPath(new URL('..', import.meta.url));
const RESULTS = join(ROOT, 'bench', 'results');
const STAMP = new Date().toISOString().replace(/[:.]/g, '-');
const MAIN = argv.server ? join(argv.server, 'dist', 'src', 'main.js') : join(DIST, 'src', 'main.js');
const TMP = mkdtempSync(join(tmpdir(), 'bc-capacity-'));
const dataDir = (name: string) => mkdtempSync(join(TMP, `${name}-`));

const boardcastEnv = (extra: Record<string, string> = {}) => ({
  HOST: '127.0.0.1', PORT: '0', BROADCAST_INTERVAL_MS: String(intervalMs), SIM_SEED: '1', LOG_LEVEL: 'info', SHUTDOWN_TIMEOUT_MS: '5000', DATA_DIR: dataDir('bc'), ...extra,
});
// As shipped: bin/boardcast with its runtime settings (malloc arenas, young generation, V8
// threads), when the checkout has it; `--plain` (and a release without it): node main.js.
const LAUNCHER = join(argv.server ?? ROOT, 'bin', 'boardcast');
const shipped = !argv.plain && existsSync(LAUNCHER);
/** Without the launcher's settings, whatever the bench's own environment says. */
const PLAIN_ENV = { MALLOC_ARENA_MAX: '', NODE_OPTIONS: '' };
const startBoardcast = (cpu: number | string | undefined, extra: Record<string, string> = {}, asShipped = shipped) => asShipped
  ? spawnServer('boardcast', LAUNCHER, boardcastEnv(extra), [], cpu, { launcher: true })
  : spawnServer('boardcast', MAIN, boardcastEnv({ ...PLAIN_ENV, ...extra }), [], cpu);
console.error(`capacity: boardcast runs ${shipped ? `as shipped (${LAUNCHER})` : `as plain node (${MAIN})`}`);

// ───────────────────────────── systems ─────────────────────────────
interface Running { server: Server; url: string; all: Server[] }

async function startSystem(name: string): Promise<Running> {
  const [kind, format, full] = name.split('-') as ['boardcast' | 'uws' | 'ws', WireFormat, 'full' | undefined];
  // `-full`: FULL frames only (?delta=0), what a broadcaster without deltas sends.
  const query = `format=${format}&delta=${full ? 0 : 1}`;
  if (kind === 'boardcast') {
    const bc = await startBoardcast(pin.server);
    await waitReady(bc);
    return { server: bc, url: `ws://127.0.0.1:${bc.port}/ws?${query}`, all: [bc] };
  }
  // The upstream shares the server's CPU (one socket: a few % of it), so that the load
  // generator's CPU carries nothing but the load generator; its CPU is not counted.
  const upstream = await startBoardcast(pin.server);
  try {
    await waitReady(upstream);
    const script = join(DIST, 'bench', 'lib', kind === 'uws' ? 'uws-relay.js' : 'ws-baseline.js');
    const relay = await spawnServer(kind, script, { HOST: '127.0.0.1', PORT: '0', UPSTREAM: `ws://127.0.0.1:${upstream.port}/ws?${query}` }, [], pin.server);
    return { server: relay, url: `ws://127.0.0.1:${relay.port}/ws?${query}`, all: [relay, upstream] };
  } catch (err) {
    await upstream.stop();
    throw err;
  }
}

// ───────────────────────────── one probe ─────────────────────────────
type Verdict = 'held' | 'failed' | 'loadgen';

interface Probe {
  system: string;
  clients: number;
  verdict: Verdict;
  /** Why it did not hold. */
  why: string[];
  p50Ms: number;
  p99Ms: number;
  msgsPerS: number;
  /** Mean message size the clients received, bytes. */
  bytesPerMsg: number;
  expectedMsgsPerS: number;
  seqGaps: number;
  cpuPct: number;
  mainPct: number;
  /** Server process CPU time (all threads, user + sys) ÷ messages delivered, µs. */
  cpuUsPerMsg: number;
  /**
   * The main thread's alone, µs: the fan-out itself. boardcast's other threads (market
   * worker, history writer) cost per frame, not per socket, and the relays' upstream — which
   * does that work for them — is not counted, so this is the like-for-like figure.
   */
  mainUsPerMsg: number;
  restRssMiB: number;
  rssMiB: number;
  rssKiBPerConn: number;
  loadgenLagP99Ms: number;
  loadgenLagMaxMs: number;
  /** boardcast only, from /metrics mid-window: where the RSS goes (MiB). */
  memory?: { sendBuffersMiB: number; heapUsedMiB: number; heapTotalMiB: number; externalMiB: number };
}

/** Mid-window memory accounting of a boardcast server: uWS send buffers, the main thread's V8 heap and the buffers outside it. */
async function memoryFromMetrics(port: number): Promise<Probe['memory']> {
  try {
    const text = await (await fetch(`http://127.0.0.1:${port}/metrics`)).text();
    const sum = (name: string) => {
      let total = 0;
      for (const m of text.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'gm'))) total += Number(m[1]);
      return round(total / 2 ** 20, 1);
    };
    return {
      sendBuffersMiB: sum('boardcast_ws_send_buffer_bytes'),
      // prom-client's default metrics, unprefixed (main thread only).
      heapUsedMiB: sum('nodejs_heap_size_used_bytes'),
      heapTotalMiB: sum('nodejs_heap_size_total_bytes'),
      externalMiB: sum('nodejs_external_memory_bytes'),
    };
  } catch {
    return undefined;
  }
}

const probeSeconds = (clients: number) => 0.25 + clients / rampPerS + warmupS + windowS + 3;

async function probe(sys: string, run: Running, clients: number): Promise<Probe> {
  const pid = run.server.pid;
  await sleep(500);
  const rest = sampleProc(pid);
  const t0 = Date.now();
  const windowStart = t0 + 250 + (clients / rampPerS) * 1000 + warmupS * 1000;
  const windowEnd = windowStart + windowS * 1000;
  const sampling = sampleWindow(pid, windowStart + 50, windowEnd - 50, 200);
  const memory = sys.startsWith('boardcast') ? sleep((windowStart + windowEnd) / 2 - Date.now()).then(() => memoryFromMetrics(run.server.port)) : Promise.resolve(undefined);
  const format = sys.endsWith('json') ? 'json' : 'proto';
  const r: LoadgenResult = await runLoadgen({ url: run.url, clients, durationS: windowS, warmupS, format, decode: 'header', client: clientPath, rampPerS, threads, maxFailRatio: 0, connectTimeoutMs: 10_000 }, {
    onProgress: (p) => process.stderr.write(`[${sys} ${clients}] ${p.elapsedS.toFixed(0)}s connected ${p.connected}/${p.attempted} frames/s ${Math.round(p.framesPerS)} p99 ${p.p99Ms?.toFixed(1) ?? '-'} ms errors ${p.errors}\n`),
  });
  const samples = await sampling;
  const first = samples[0]!;
  const last = samples[samples.length - 1]!;
  const wallS = (last.atMs - first.atMs) / 1000;
  const cpuS = (last.ticks - first.ticks) / CLK_TCK;
  const mainS = (last.mainTicks - first.mainTicks) / CLK_TCK;
  const maxRss = Math.max(...samples.map((s) => s.rssKiB));
  // Messages delivered over the sampled part of the window (the loadgen counts the whole window).
  const msgsSampled = r.frames * (wallS / Math.max(1e-9, r.durationS));
  const expected = clients * rateHz;
  const why: string[] = [];
  if (r.clientsConnected < clients) why.push(`${clients - r.clientsConnected} not connected`);
  if (r.disconnects > 0) why.push(`${r.disconnects} disconnects`);
  if (r.seqGaps > 0) why.push(`${r.seqGaps} seq gaps`);
  if (r.decodeErrors > 0) why.push(`${r.decodeErrors} decode errors`);
  // Every frame on time: at most one frame per client short over the window (its edges).
  const enough = clients * Math.max(0, rateHz * r.durationS - 1);
  if (r.frames < enough) why.push(`${r.frames} frames in the window < ${Math.round(enough)} (${Math.round(r.messagesPerSecond)} msg/s of ${expected})`);
  if (r.latencyMs.p99 > p99BoundMs) why.push(`p99 ${r.latencyMs.p99.toFixed(1)} ms > ${p99BoundMs}`);
  const lagging = r.loopLagMs.p99 > lagBoundMs;
  if (lagging) why.push(`loadgen lag p99 ${r.loopLagMs.p99.toFixed(1)} ms > ${lagBoundMs}`);
  const verdict: Verdict = why.length === 0 ? 'held' : lagging ? 'loadgen' : 'failed';
  const p: Probe = {
    system: sys, clients, verdict, why,
    p50Ms: round(r.latencyMs.p50, 1), p99Ms: round(r.latencyMs.p99, 1),
    msgsPerS: Math.round(r.messagesPerSecond), bytesPerMsg: r.messagesPerSecond > 0 ? Math.round(r.bytesPerSecond / r.messagesPerSecond) : 0, expectedMsgsPerS: expected, seqGaps: r.seqGaps,
    cpuPct: round((cpuS / wallS) * 100, 1), mainPct: round((mainS / wallS) * 100, 1),
    cpuUsPerMsg: round((cpuS * 1e6) / Math.max(1, msgsSampled), 2),
    mainUsPerMsg: round((mainS * 1e6) / Math.max(1, msgsSampled), 2),
    restRssMiB: round(rest.rssKiB / 1024, 1), rssMiB: round(maxRss / 1024, 1),
    rssKiBPerConn: round((maxRss - rest.rssKiB) / Math.max(1, r.clientsConnected), 1),
    loadgenLagP99Ms: r.loopLagMs.p99, loadgenLagMaxMs: r.loopLagMs.max,
    memory: await memory,
  };
  jsonLine('capacity-probe', { ...p });
  console.error(`[${sys} ${clients}] ${verdict}${why.length ? `: ${why.join(', ')}` : ''}`);
  return p;
}

// ───────────────────────────── the search ─────────────────────────────
interface Capacity {
  system: string;
  /** Largest count held (0: none). */
  held: number;
  /** Smallest count that failed (null: none within --max or the time). */
  failedAt: number | null;
  /** The search stopped on a lagging load generator: the capacity is at least `held`. */
  loadgenLimited: boolean;
  at: Probe | null;
  restRssMiB: number;
  probes: Probe[];
}

const roundTo = (n: number) => Math.max(minClients, Math.round(n / 50) * 50);

async function search(sys: string, deadline: number): Promise<Capacity> {
  const run = await startSystem(sys);
  const probes: Probe[] = [];
  let held = 0;
  let heldProbe: Probe | null = null;
  let failedAt: number | null = null;
  let loadgenLimited = false;
  await sleep(1500);
  const restRssMiB = round(sampleProc(run.server.pid).rssKiB / 1024, 1);
  try {
    let n = Math.min(startClients, maxClients);
    for (;;) {
      if (Date.now() + probeSeconds(n) * 1000 > deadline) { console.error(`[${sys}] out of time before ${n}`); break; }
      const p = await probe(sys, run, n);
      probes.push(p);
      // A lagging load generator above a held count: nothing higher can be measured. With
      // nothing held yet, it is a ceiling: look lower, where the load generator may keep up.
      if (p.verdict === 'loadgen') { loadgenLimited = true; if (held > 0) break; }
      if (p.verdict === 'held') { held = n; heldProbe = p; } else failedAt = n;
      if (held >= maxClients) break;
      if (failedAt !== null && failedAt <= minClients) break;
      if (failedAt !== null && held > 0 && failedAt / held <= 1 + resolution) break;
      const next: number = failedAt === null ? Math.min(maxClients, held * 2) : held === 0 ? roundTo(failedAt / 2) : roundTo((held + failedAt) / 2);
      if (next === n || next === held || next === failedAt) break;
      n = next;
    }
  } finally {
    for (const s of run.all) await s.stop();
  }
  return { system: sys, held, failedAt, loadgenLimited, at: heldProbe, restRssMiB, probes };
}

// ───────────────────────────── memory at rest ─────────────────────────────
type RestMemory = { process: string; rssMiB: number; anonMiB: number; fileMiB: number; threads: number };

const mib = (kib: number) => round(kib / 1024, 1);
const restRow = (name: string, pid: number): RestMemory => {
  const m = memoryOf(pid);
  return { process: name, rssMiB: mib(m.rssKiB), anonMiB: mib(m.anonKiB), fileMiB: mib(m.fileKiB), threads: m.threads };
};

async function memoryAtRest(): Promise<RestMemory[]> {
  const rows: RestMemory[] = [];
  // Both ways when the launcher exists: what its settings save, apart from what the code does.
  for (const asShipped of shipped ? [true, false] : [false]) {
    const how = shipped ? (asShipped ? ', bin/boardcast' : ', plain node') : '';
    const all = await startBoardcast(pin.server, {}, asShipped);
    try {
      await waitReady(all);
      await sleep(5000);
      rows.push(restRow(`ROLE=all, no client${how}`, all.pid));
      const res = await fetch(`http://127.0.0.1:${all.port}/api/history/FPT/ticks?limit=10`);
      await res.arrayBuffer();
      await sleep(3000);
      rows.push(restRow(`ROLE=all after one history request (HTTP ${res.status})${how}`, all.pid));
    } finally {
      await all.stop();
    }
    const nats = await NatsServer.start();
    const procs: Server[] = [];
    try {
      const env = { ROLE: 'ingest', NATS_URL: nats.url, INGEST_FAILOVER_MS: '3000' };
      const ingest = await startBoardcast(pin.loadgen, env, asShipped);
      procs.push(ingest);
      const edge = await startBoardcast(pin.server, { ...env, ROLE: 'edge' }, asShipped);
      procs.push(edge);
      await waitReady(ingest);
      await waitReady(edge);
      await sleep(5000);
      rows.push(restRow(`ROLE=edge, no client${how}`, edge.pid));
      rows.push(restRow(`ROLE=ingest (leader)${how}`, ingest.pid));
    } finally {
      for (const s of procs.reverse()) await s.stop();
      await nats.stop();
    }
  }
  return rows;
}

// ───────────────────────────── main ─────────────────────────────
mkdirSync(RESULTS, { recursive: true });
const started = Date.now();
const results: Capacity[] = [];
let rest: RestMemory[] = [];
try {
  for (let i = 0; i < SYSTEMS.length; i++) {
    // Each system gets an equal share of what is left of the budget.
    const left = budgetS * 1000 - (Date.now() - started) - (argv['no-idle'] ? 0 : 30_000);
    const deadline = Date.now() + left / (SYSTEMS.length - i);
    const c = await search(SYSTEMS[i]!, deadline);
    results.push(c);
    jsonLine('capacity', { system: c.system, held: c.held, failedAt: c.failedAt, loadgenLimited: c.loadgenLimited, restRssMiB: c.restRssMiB, at: c.at, pinned });
  }
  if (!argv['no-idle']) {
    rest = await memoryAtRest();
    for (const r of rest) jsonLine('capacity-rest-memory', { ...r });
  }
} finally {
  rmSync(TMP, { recursive: true, force: true });
}

const uwsOf = (sys: string) => results.find((r) => r.system === `uws-${sys.split('-')[1]}`);
const wsOf = (sys: string) => results.find((r) => r.system === `ws-${sys.split('-')[1]}`);
const wsFullOf = (sys: string) => results.find((r) => r.system === `ws-${sys.split('-')[1]}-full`);
/**
 * Clients one core would hold at the rate if CPU per message stayed what it was at the
 * figures' probe: 1 s of CPU ÷ (µs per message × rate). A projection, not a held count —
 * for when the load generator gives out before the server does.
 */
const projected = (c: Capacity | undefined) => {
  const at = c && shown(c);
  return at && at.cpuUsPerMsg > 0 ? Math.round(1e6 / (at.cpuUsPerMsg * rateHz)) : undefined;
};
// Figures at the largest count held; when none held, at the first probe (marked).
const shown = (c: Capacity) => c.at ?? c.probes[0] ?? null;
const table = results.map((c) => {
  const floor = uwsOf(c.system);
  const ws = wsOf(c.system);
  const at = shown(c);
  const fAt = floor && shown(floor);
  return {
    system: c.system,
    'clients held': `${c.held.toLocaleString('en-US')}${c.loadgenLimited ? '+ (loadgen)' : ''}`,
    'failed at': c.failedAt?.toLocaleString('en-US') ?? '-',
    'clients/core': pinned ? c.held : 'unpinned',
    'figures at': at ? `${at.clients}${at.verdict === 'held' ? '' : ` (${at.verdict})`}` : '-',
    'p99 ms': at?.p99Ms ?? '-',
    'B/msg': at?.bytesPerMsg ?? '-',
    'cpu%': at?.cpuPct ?? '-',
    'µs CPU/msg': at?.cpuUsPerMsg ?? '-',
    '× uws': at && fAt ? round(at.cpuUsPerMsg / fAt.cpuUsPerMsg, 2) : '-',
    'main µs/msg': at?.mainUsPerMsg ?? '-',
    '× uws main': at && fAt ? round(at.mainUsPerMsg / fAt.mainUsPerMsg, 2) : '-',
    '× ws clients': ws && ws.held > 0 ? round(c.held / ws.held, 2) : '-',
    'projected clients/core': pinned ? (projected(c) ?? '-') : 'unpinned',
    '× ws projected': projected(c) && projected(ws) ? round(projected(c)! / projected(ws)!, 2) : '-',
    '× ws-full projected': projected(c) && projected(wsFullOf(c.system)) ? round(projected(c)! / projected(wsFullOf(c.system))!, 2) : '-',
    'rest MiB': c.restRssMiB,
    'KiB/conn': at?.rssKiBPerConn ?? '-',
    'loadgen lag p99 ms': at?.loadgenLagP99Ms ?? '-',
  };
});
const machine = { cpus: CPUS, model: cpus()[0]?.model ?? '?', node: process.version, pinned: pin, load: (await import('node:os')).loadavg().map((x) => round(x, 2)) };
printTable(`bench:capacity — ${rateHz} Hz (BROADCAST_INTERVAL_MS=${intervalMs}), held = every frame to every client, no gap, p99 ≤ ${p99BoundMs} ms; ${pinned ? `server pinned to CPU ${pin.server}, load generator to CPU(s) ${pin.loadgen}` : `UNPINNED: ${pin.reason}`}; loadgen client path ${clientPath}; ${machine.cpus} CPUs (${machine.model}), load ${machine.load.join(' ')}`, table);
if (rest.length) printTable('memory at rest (RSS, /proc/PID/status)', rest);
const out = join(RESULTS, `capacity-${STAMP}.json`);
writeFileSync(out, `${JSON.stringify({
  bench: 'capacity', at: new Date().toISOString(), tookS: round((Date.now() - started) / 1000, 1),
  options: { systems: SYSTEMS, client: clientPath, rateHz, intervalMs, p99BoundMs, startClients, minClients, maxClients, windowS, warmupS, rampPerS, threads, budgetS, resolution, lagBoundMs },
  machine, results, restMemory: rest,
}, null, 2)}\n`);
jsonLine('capacity-summary', { table, restMemory: rest, machine, file: out });
console.log(`\nresults: ${out}`);
process.exit(0);
