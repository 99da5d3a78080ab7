// The load generator's core, usable in-process (the fan-out bench) as well as from the
// CLI: split the clients into one shard per thread, run the shards on a piscina pool,
// fold their progress into one line a second, and merge their results at the end.
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { defaultClientPath, rawClientProblem, type ClientPath, type LoadgenOptions } from './options.js';
import type { ShardCounters, ShardResult, ShardTask, WorkerToMain } from './messages.js';
import { addSeqCounts, emptySeqCounts, mergeHistograms, percentileDistribution, summarizeLatency, type LatencySummaryMs, type PercentilePoint, type SeqCounts } from './stats.js';

export interface LoadgenProgress {
  elapsedS: number;
  /** Sockets open now. */
  connected: number;
  attempted: number;
  /** Board frames per second over the last interval (warmup included). */
  framesPerS: number;
  /** p99 latency of the window so far, ms; null before the window opens. */
  p99Ms: number | null;
  /** Connect failures + disconnects + decode errors so far. */
  errors: number;
}

export interface LoadgenResult {
  url: string;
  format: LoadgenOptions['format'];
  /** How the sockets received (see --client). */
  client: ClientPath;
  threads: number;
  clientsAsked: number;
  /** Fewer than asked when the open-file limit capped the run. */
  clientsAttempted: number;
  clientsConnected: number;
  connectFailures: number;
  /** Of connectFailures: handshakes still pending when the run ended. */
  connectsUnfinished: number;
  disconnects: number;
  decodeErrors: number;
  frames: number;
  controlFrames: number;
  messagesPerSecond: number;
  bytesPerSecond: number;
  latencyMs: LatencySummaryMs;
  /** Optional: the merged histogram's percentile curve (for charts), see percentileDistribution. */
  latencyPercentilesMs?: PercentilePoint[];
  negativeLatencies: number;
  seqGaps: number;
  framesMissed: number;
  epochChanges: number;
  resyncs: number;
  deltaFirst: number;
  durationS: number;
  /** (connect failures + clients not attempted) / clients asked. */
  failRatio: number;
  /**
   * The worst shard's event-loop delay over the window (ms): when it is of the order of the
   * latencies, they measure the load generator, not the server.
   */
  loopLagMs: { p99: number; max: number };
  passed: boolean;
  errorSamples: string[];
}

export interface RunHooks {
  onProgress?: (p: LoadgenProgress) => void;
  /** Ends the run early; the result covers what was measured until then. */
  signal?: AbortSignal;
  /** Open at most this many sockets (the open-file limit); defaults to opts.clients. */
  clientsCap?: number;
}

// Next to this file: dist/…/client-worker.js when compiled; the .ts source when run
// through a TypeScript loader (tsx), whose hooks worker threads inherit.
const WORKER_URL = new URL(`./client-worker.${import.meta.url.endsWith('.ts') ? 'ts' : 'js'}`, import.meta.url).href;
/** Lets every worker thread boot before the ramp clock starts. */
const START_DELAY_MS = 250;

/** Splits n into k near-equal integer parts (the first ones one larger). */
export function splitEvenly(n: number, k: number): number[] {
  return Array.from({ length: k }, (_, i) => Math.floor(n / k) + (i < n % k ? 1 : 0));
}

function sumCounters(all: ShardCounters[]): Omit<ShardCounters, 'seq' | 'firstErrors'> & { seq: SeqCounts; firstErrors: string[] } {
  const total = {
    attempted: 0, connected: 0, open: 0, connectFailures: 0, connectsUnfinished: 0, disconnects: 0, decodeErrors: 0,
    negativeLatencies: 0, framesTotal: 0, frames: 0, bytes: 0, controlFrames: 0,
    seq: emptySeqCounts(), firstErrors: [] as string[],
  };
  for (const c of all) {
    for (const k of ['attempted', 'connected', 'open', 'connectFailures', 'connectsUnfinished', 'disconnects', 'decodeErrors',
      'negativeLatencies', 'framesTotal', 'frames', 'bytes', 'controlFrames'] as const) total[k] += c[k];
    addSeqCounts(total.seq, c.seq);
    for (const e of c.firstErrors) if (!total.firstErrors.includes(e) && total.firstErrors.length < 10) total.firstErrors.push(e);
  }
  return total;
}

export async function runLoadgen(opts: LoadgenOptions, hooks: RunHooks = {}): Promise<LoadgenResult> {
  const urls = opts.urls?.length ? opts.urls : [opts.url];
  const client = opts.client ?? defaultClientPath(urls, opts.decode);
  const problem = client === 'raw' ? rawClientProblem(urls, opts.decode) : null;
  if (problem) throw new Error(problem);
  const clients = Math.min(opts.clients, hooks.clientsCap ?? opts.clients);
  const threads = Math.max(1, Math.min(opts.threads, clients));
  const pool = new Piscina({
    filename: WORKER_URL,
    minThreads: threads,
    maxThreads: threads,
    concurrentTasksPerWorker: 1,
    // Shards are long async tasks; idle workers need not spin on Atomics.wait.
    atomics: 'disabled',
  });

  const startAtMs = Date.now() + START_DELAY_MS;
  // Measuring starts once every socket has been opened and the warmup has passed, so a
  // slow ramp never leaks connection storms into the latency figures.
  const rampMs = (clients / opts.rampPerS) * 1000;
  const windowStartMs = startAtMs + rampMs + opts.warmupS * 1000;
  const windowEndMs = windowStartMs + opts.durationS * 1000;
  const latest = new Map<number, WorkerToMain>();
  const ports: MessageChannel['port1'][] = [];
  const shardClients = splitEvenly(clients, threads);
  const shardRamp = opts.rampPerS / threads;

  let firstClient = 0;
  const tasks = shardClients.map((n, shardId) => {
    const from = firstClient;
    firstClient += n;
    const queries = opts.queries?.length ? Array.from({ length: n }, (_, i) => opts.queries![(from + i) % opts.queries!.length]!) : undefined;
    const { port1, port2 } = new MessageChannel();
    ports.push(port1);
    port1.on('message', (msg: WorkerToMain) => latest.set(msg.shardId, msg));
    const task: ShardTask = {
      shardId, url: opts.urls?.length ? opts.urls[shardId % opts.urls.length]! : opts.url, ...(queries ? { queries } : {}), format: opts.format, decode: opts.decode, client, clients: n, rampPerS: shardRamp,
      startAtMs, windowStartMs, windowEndMs, connectTimeoutMs: opts.connectTimeoutMs, port: port2,
    };
    return pool.run(task, { transferList: [port2] }) as Promise<ShardResult>;
  });

  const stop = () => { for (const p of ports) p.postMessage({ type: 'stop' }); };
  hooks.signal?.addEventListener('abort', stop, { once: true });
  if (hooks.signal?.aborted) stop();

  // One progress line a second, folded from the latest report of each shard.
  let lastFrames = 0;
  let lastTick = startAtMs;
  let ticker: NodeJS.Timeout | undefined;
  const tick = () => {
    const reports = [...latest.values()];
    const c = sumCounters(reports.map((r) => r.counters));
    const hists = reports.flatMap((r) => (r.histogram ? [r.histogram] : []));
    const now = Date.now();
    const framesPerS = ((c.framesTotal - lastFrames) * 1000) / Math.max(1, now - lastTick);
    lastFrames = c.framesTotal;
    lastTick = now;
    hooks.onProgress?.({
      elapsedS: Math.max(0, now - startAtMs) / 1000,
      connected: c.open,
      attempted: c.attempted,
      framesPerS,
      p99Ms: hists.length > 0 ? summarizeLatency(mergeHistograms(hists)).p99 : null,
      errors: c.connectFailures + c.disconnects + c.decodeErrors,
    });
  };
  // Ticks on whole seconds of the shared clock (workers report just before).
  const firstTick = setTimeout(() => { tick(); ticker = setInterval(tick, 1000); }, startAtMs + 1000 - Date.now());

  let results: ShardResult[];
  try {
    results = await Promise.all(tasks);
  } finally {
    clearTimeout(firstTick);
    clearInterval(ticker);
    hooks.signal?.removeEventListener('abort', stop);
    for (const p of ports) p.close();
    await pool.destroy();
  }

  const c = sumCounters(results.map((r) => r.counters));
  const merged = mergeHistograms(results.map((r) => r.histogram));
  const latencyMs = summarizeLatency(merged);
  // Shards share one clock, so their windows agree; take the longest in case one stopped early.
  const durationS = Math.max(...results.map((r) => r.windowS));
  const perS = (n: number) => (durationS > 0 ? n / durationS : 0);
  const failRatio = (c.connectFailures + (opts.clients - c.attempted)) / opts.clients;

  return {
    url: opts.url,
    format: opts.format,
    client,
    threads,
    clientsAsked: opts.clients,
    clientsAttempted: c.attempted,
    clientsConnected: c.connected,
    connectFailures: c.connectFailures,
    connectsUnfinished: c.connectsUnfinished,
    disconnects: c.disconnects,
    decodeErrors: c.decodeErrors,
    frames: c.frames,
    controlFrames: c.controlFrames,
    messagesPerSecond: Math.round(perS(c.frames) * 10) / 10,
    bytesPerSecond: Math.round(perS(c.bytes)),
    latencyMs,
    latencyPercentilesMs: percentileDistribution(merged),
    negativeLatencies: c.negativeLatencies,
    seqGaps: c.seq.seqGaps,
    framesMissed: c.seq.framesMissed,
    epochChanges: c.seq.epochChanges,
    resyncs: c.seq.resyncs,
    deltaFirst: c.seq.deltaFirst,
    durationS: Math.round(durationS * 1000) / 1000,
    failRatio,
    loopLagMs: {
      p99: Math.round(Math.max(...results.map((r) => r.loopLagMs.p99)) * 100) / 100,
      max: Math.round(Math.max(...results.map((r) => r.loopLagMs.max)) * 100) / 100,
    },
    passed: failRatio <= opts.maxFailRatio,
    errorSamples: c.firstErrors,
  };
}
