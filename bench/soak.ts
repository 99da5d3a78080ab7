// npm run soak — a bounded chaos run against one real boardcast server it starts itself
// (loopback only, a temporary DATA_DIR, a JWT secret so tokens can expire), for
// `--duration` (default 5 minutes), then a SIGTERM. Steady readers read throughout; around
// them a seeded schedule changes, every segment, the mix of paused readers, connect /
// disconnect churn, garbage and oversized messages, message floods, subscribe and resync
// storms, short-lived tokens and HTTP fuzzing of every route. `--day` runs a whole
// simulated trading day in that time, so every session transition and the daily reset
// happen under load.
//
// It prints one table and one JSON line ({"bench":"soak",…}) and exits 1 when a bound is
// broken (bench/lib/soak/report.ts holds the bounds), 2 on a usage error.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { SignJWT } from 'jose';
import { SQLITE_FILE } from '../src/history/service.js';
import { summarizeLatency, mergeHistograms } from '../src/loadgen/stats.js';
import { MarketPhase } from '../src/wire/proto.js';
import { mainOf, startChildServer, type ChildServer } from './lib/child-server.js';
import { ACTOR_KINDS, ActorPool, emptyTally, SteadyReader, type ActorContext, type ActorKind } from './lib/soak/actors.js';
import { emptyFuzzStats, prng, recordOutcome, requestGenerator, sendRaw } from './lib/soak/http-fuzz.js';
import { parseSoakArgs, serverEnv, SOAK_USAGE, dayClockSpeed, type SoakOptions } from './lib/soak/options.js';
import { BOUNDS, printSoakTable, rssSlopeMiBPerMin, type Check, type RssSample } from './lib/soak/report.js';
import { round } from './lib/stats.js';

let opts: SoakOptions;
try {
  opts = parseSoakArgs(process.argv.slice(2));
} catch (err) {
  const text = (err as Error).message;
  console.error(text === SOAK_USAGE ? text : `${text}\n\n${SOAK_USAGE}`);
  process.exit(text === SOAK_USAGE ? 0 : 2);
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const log = (line: string) => process.stderr.write(`[soak] ${line}\n`);
/** The most loops of each actor a segment may run (the schedule picks 0..max). */
const MAX_LOOPS: Record<ActorKind, number> = { paused: 8, churn: 16, garbage: 4, flood: 2, subscribe: 10, resync: 4, expiry: 4 };
const MAX_FUZZ_CONCURRENCY = 4;
const FUZZ_PAUSE_MS = 10;
const WARMUP_S = Math.min(8, Math.max(3, opts.durationS * 0.05));
const SEGMENT_S = Math.min(15, Math.max(4, opts.durationS / 20));

const secret = randomBytes(32).toString('hex');
const key = new TextEncoder().encode(secret);
const dataDir = mkdtempSync(join(tmpdir(), 'boardcast-soak-'));
const env = serverEnv(opts, secret, dataDir);
log(`server: interval ${opts.intervalMs} ms, seed ${opts.seed}${opts.day ? `, a simulated day from ${env.SIM_START_TIME} at ${dayClockSpeed(opts.durationS)}× clock` : ''}; ${opts.durationS} s of chaos, then SIGTERM`);

let server: ChildServer;
let exitedEarly: { code: number | null; signal: NodeJS.Signals | null } | undefined;
let sigtermSent = false;
try {
  server = await startChildServer(env, { main: mainOf(opts.server), label: 'server' });
} catch (err) {
  console.error(`soak: the server did not start: ${(err as Error).message}`);
  rmSync(dataDir, { recursive: true, force: true });
  process.exit(1);
}
void server.exited.then((e) => {
  if (!sigtermSent) {
    exitedEarly = e;
    log(`the server exited on its own: ${JSON.stringify(e)}; its last error lines:`);
    for (const l of server.logs.filter((x) => ['error', 'fatal'].includes(String(x.level))).slice(-5)) log(`  ${JSON.stringify(l).slice(0, 400)}`);
  }
});

// ── clients ──────────────────────────────────────────────────────────────
const longToken = await new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('soak').setIssuedAt().setExpirationTime('24h').sign(key);
const basket = ((await (await fetch(`${server.http}/api/vn30`, { headers: { authorization: `Bearer ${longToken}` } })).json()) as { symbols: string[] }).symbols;
const tally = emptyTally();
const ctx: ActorContext = {
  url: (q) => server.ws(q),
  token: async (expS) => (expS === undefined ? longToken : new SignJWT({}).setProtectedHeader({ alg: 'HS256' }).setSubject('soak-expiring').setIssuedAt().setExpirationTime(expS).sign(key)),
  tally,
  rnd: prng(opts.seed * 7919),
  basket,
  maxPayload: 16 * 1024,
};
const readers = Array.from({ length: opts.readers }, (_, i) => new SteadyReader(ctx, i % 2 === 0 ? 'proto' : 'json', i === 0));
await Promise.all(readers.map((r) => r.start()));

// ── RSS ──────────────────────────────────────────────────────────────────
const t0 = performance.now();
const rss: RssSample[] = [];
const sampleRss = () => {
  try {
    const m = /^VmRSS:\s+(\d+) kB/m.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'));
    if (m) rss.push({ atS: (performance.now() - t0) / 1000, mib: Number(m[1]) / 1024 });
  } catch {
    /* the process is gone; the exit check reports it */
  }
};
sampleRss();
const rssTimer = setInterval(sampleRss, 1000);

// ── HTTP fuzz ────────────────────────────────────────────────────────────
const fuzz = emptyFuzzStats();
const nextRequest = requestGenerator(opts.seed, longToken);
let fuzzConcurrency = 0;
let fuzzing = true;
const fuzzers = Array.from({ length: MAX_FUZZ_CONCURRENCY }, async (_, i) => {
  while (fuzzing) {
    if (i >= fuzzConcurrency || exitedEarly) {
      await sleep(200);
      continue;
    }
    const req = nextRequest();
    recordOutcome(fuzz, req, await sendRaw(server.port, req));
    await sleep(FUZZ_PAUSE_MS); // hostile, not a load test: the machine is shared
  }
});

// ── the schedule ─────────────────────────────────────────────────────────
await sleep(WARMUP_S * 1000);
for (const r of readers) r.startCounting();
const countFrom = performance.now();
const pools = ACTOR_KINDS.map((k) => new ActorPool(k, ctx));
const schedule = prng(opts.seed);
const endAt = performance.now() + opts.durationS * 1000;
while (performance.now() < endAt && !exitedEarly) {
  for (const p of pools) p.resize(Math.round(schedule() * MAX_LOOPS[p.kind]));
  fuzzConcurrency = Math.round(schedule() * MAX_FUZZ_CONCURRENCY);
  const elapsed = Math.round((performance.now() - countFrom) / 1000);
  log(`${elapsed}s  ${pools.map((p) => `${p.kind} ${p.size}`).join(', ')}, http ${fuzzConcurrency}  |  reader frames ${readers[0]!.stats.frames}, RSS ${round(rss.at(-1)?.mib ?? 0, 1)} MiB, requests ${fuzz.sent}`);
  await sleep(Math.min(SEGMENT_S * 1000, Math.max(0, endAt - performance.now())));
}
const countedS = (performance.now() - countFrom) / 1000;
for (const r of readers) r.expectEnd();

// ── the end: chaos off, read the server's counters, SIGTERM ──────────────
fuzzing = false;
await Promise.race([Promise.all([...pools.map((p) => p.stop()), ...fuzzers]), sleep(10_000)]);
const metricsText = exitedEarly ? '' : await fetch(`${server.http}/metrics`).then((r) => r.text(), () => '');
const sumMetric = (name: string): number | undefined => {
  let found = false;
  let sum = 0;
  for (const m of metricsText.matchAll(new RegExp(`^${name}(?:\\{[^}]*\\})? (\\S+)$`, 'gm'))) {
    found = true;
    sum += Number(m[1]);
  }
  return found ? sum : undefined;
};
// A labelled counter prints no sample before its first error: its TYPE line says it exists.
const handlerErrors = sumMetric('boardcast_handler_errors_total') ?? (/^# TYPE boardcast_handler_errors_total /m.test(metricsText) ? 0 : undefined);
const serverFigures = {
  framesProduced: sumMetric('boardcast_frames_produced_total') ?? 0,
  resyncs: sumMetric('boardcast_resyncs_total') ?? 0,
  skippedSends: sumMetric('boardcast_skipped_sends_total') ?? 0,
  slowCloses: sumMetric('boardcast_slow_closes_total') ?? 0,
  tokenExpiredCloses: sumMetric('boardcast_token_expired_closes_total') ?? 0,
  rejectedUpgrades: sumMetric('boardcast_rejected_upgrades_total') ?? 0,
  views: sumMetric('boardcast_views') ?? 0,
};
sampleRss();
clearInterval(rssTimer);
sigtermSent = !exitedEarly;
const stopT0 = performance.now();
const exit = exitedEarly ?? (await server.stop(20_000));
const stopS = (performance.now() - stopT0) / 1000;
await sleep(200); // the readers' close events
for (const r of readers) r.close();

// ── history: accepted by the processor vs rows in the store ─────────────
const flushed = server.logs.find((l) => l.msg === 'history flushed' || l.msg === 'history rows not written by the shutdown deadline') as
  | { tradesAccepted?: number; written?: { ticks?: number }; leftOver?: number }
  | undefined;
let storedTicks: number | undefined;
try {
  const db = new Database(join(dataDir, SQLITE_FILE), { readonly: true });
  storedTicks = (db.prepare('SELECT count(*) AS n FROM ticks').get() as { n: number }).n;
  db.close();
} catch (err) {
  log(`cannot count the stored ticks: ${(err as Error).message}`);
}
rmSync(dataDir, { recursive: true, force: true });

// ── the verdict ──────────────────────────────────────────────────────────
const expectedRate = 1000 / opts.intervalMs;
const rates = readers.map((r) => r.stats.frames / countedS);
const latency = summarizeLatency(mergeHistograms(readers.map((r) => r.hist)));
const gaps = readers.reduce((a, r) => a + r.stats.seq.seqGaps, 0);
const closedEarly = readers.filter((r) => r.stats.closedEarly).map((r) => r.stats.closedEarly!.code);
const secondHalf = rss.filter((s) => s.atS >= rss.at(-1)!.atS / 2);
const rssStart = rss[0]?.mib ?? 0;
const rssPeak = Math.max(...rss.map((s) => s.mib));
const rssEnd = rss.at(-1)?.mib ?? 0;
// A slope over less than a minute says more about warm-up and GC than about leaks.
const slopeSpanS = secondHalf.length > 1 ? secondHalf.at(-1)!.atS - secondHalf[0]!.atS : 0;
const slope = rssSlopeMiBPerMin(secondHalf);
const slopeJudged = slopeSpanS >= 60;
const fuzz5xx = Object.entries(fuzz.byStatus).filter(([s]) => Number(s) >= 500 && Number(s) !== 503).reduce((a, [, n]) => a + n, 0);
const observer = readers[0]!;
// Every phase of the day, with its simulated length (s). A frame shows the phase of the latest
// feed message, and after the close the simulator sends only an index heartbeat a wall second:
// a phase shorter than two wall seconds (CLOSED, 15:00–15:01, at a 5-minute day's speed) or
// than two frames can go unseen, and is not required.
const PHASE_SPANS_S: Array<[string, number]> = [[MarketPhase.PRE_OPEN, 600], [MarketPhase.ATO, 900], [MarketPhase.CONTINUOUS, 8100], [MarketPhase.LUNCH_BREAK, 5400], [MarketPhase.ATC, 900], [MarketPhase.PUT_THROUGH, 900], [MarketPhase.CLOSED, 60]].map(([p, s]) => [MarketPhase[p as MarketPhase], s as number]);
const speed = dayClockSpeed(opts.durationS);
const requiredPhases = PHASE_SPANS_S.filter(([, span]) => (span / speed) * 1000 >= Math.max(2000, 2 * opts.intervalMs)).map(([p]) => p);
const phaseNames = PHASE_SPANS_S.map(([p]) => p).filter((p) => observer.phases.has(p));

const checks: Check[] = [
  { what: 'server up until the SIGTERM', value: exitedEarly ? `exited ${JSON.stringify(exitedEarly)}` : 'yes', bound: 'yes', ok: !exitedEarly },
  { what: 'exit code after SIGTERM', value: `${exit.code ?? exit.signal} in ${round(stopS, 1)} s`, bound: '0', ok: exit.code === 0 },
  { what: 'steady readers: frames/s min / max', value: `${round(Math.min(...rates), 2)} / ${round(Math.max(...rates), 2)}`, bound: `≥ ${round(expectedRate * BOUNDS.minFrameRateShare, 2)}, ≤ ${round(expectedRate + BOUNDS.extraFramesPerS, 2)}`, ok: Math.min(...rates) >= expectedRate * BOUNDS.minFrameRateShare && Math.max(...rates) <= expectedRate + BOUNDS.extraFramesPerS },
  { what: 'steady readers: latency p50 / p99 ms', value: `${latency.p50} / ${latency.p99}`, bound: `p99 ≤ ${BOUNDS.p99Ms}`, ok: latency.count > 0 && latency.p99 <= BOUNDS.p99Ms },
  { what: 'steady readers: seq gaps', value: gaps, bound: '0', ok: gaps === 0 },
  { what: 'steady readers closed before the end', value: closedEarly.length ? closedEarly.join(',') : 0, bound: '0', ok: closedEarly.length === 0 },
  { what: 'steady readers: close code at shutdown', value: [...new Set(readers.map((r) => r.closeCode ?? 'none'))].join(','), bound: '1001', ok: readers.every((r) => r.closeCode === 1001) },
  { what: 'RSS MiB start / peak / end', value: `${round(rssStart, 1)} / ${round(rssPeak, 1)} / ${round(rssEnd, 1)}`, bound: `peak ≤ ${BOUNDS.peakRssMiB}`, ok: rssPeak <= BOUNDS.peakRssMiB },
  { what: 'RSS slope, second half, MiB/min', value: slopeJudged ? round(slope, 2) : `${round(slope, 2)} (not judged: < 1 min)`, bound: `≤ ${BOUNDS.rssSlopeMiBPerMin}`, ok: !slopeJudged || slope <= BOUNDS.rssSlopeMiBPerMin },
  {
    what: 'handler errors (boardcast_handler_errors_total)',
    value: handlerErrors === undefined ? '0 (metric absent in this build)' : handlerErrors,
    bound: '0',
    ok: (handlerErrors ?? 0) === 0,
  },
  { what: 'resync storm: messages per seq, most', value: tally.resyncMaxPerSeq, bound: '≤ 1', ok: tally.resyncMaxPerSeq <= 1 },
  { what: 'expiring tokens closed 1008 "token expired"', value: `${tally.expiry.closedExpired} of ${tally.expiry.due} (other ${tally.expiry.closedOtherwise}${tally.expiry.closedOtherwise ? ` ${JSON.stringify(tally.expiry.otherCloses)}` : ''}, still open ${tally.expiry.stillOpen})`, bound: 'all', ok: tally.expiry.closedExpired === tally.expiry.due - tally.expiry.closedOtherwise && tally.expiry.stillOpen === 0 && tally.expiry.closedOtherwise === 0 },
  { what: 'HTTP fuzz: requests / unanswered / hung', value: `${fuzz.sent} / ${fuzz.unanswered} / ${fuzz.hung}`, bound: '0 unanswered, 0 hung', ok: fuzz.unanswered === 0 && fuzz.hung === 0 },
  { what: 'HTTP fuzz: 5xx other than 503', value: fuzz5xx, bound: '0', ok: fuzz5xx === 0 },
  {
    what: 'history: trades accepted / ticks stored',
    value: `${flushed?.tradesAccepted ?? '?'} / ${storedTicks ?? '?'} (left over ${flushed?.leftOver ?? '?'})`,
    bound: 'equal, 0 left over',
    ok: flushed !== undefined && flushed.tradesAccepted === storedTicks && flushed.leftOver === 0,
  },
];
if (opts.day) {
  checks.push(
    { what: 'day: phases seen', value: phaseNames.join(' '), bound: requiredPhases.length === 7 ? 'all 7' : `all but ${PHASE_SPANS_S.filter(([p]) => !requiredPhases.includes(p)).map(([p]) => p).join(', ')} (too short at ${speed}×)`, ok: requiredPhases.every((p) => observer.phases.has(p)) },
    { what: 'day: trading dates seen (daily reset)', value: observer.dates.join(' → '), bound: '≥ 2', ok: observer.dates.length >= 2 },
  );
}
const passed = checks.every((c) => c.ok);

console.log(`\nsoak${opts.day ? ' --day' : ''}: ${round(countedS, 1)} s, ${opts.readers} steady readers, interval ${opts.intervalMs} ms, seed ${opts.seed}`);
printSoakTable(checks);
console.log(`closes by code (chaos clients): ${JSON.stringify(tally.closes)}; refused upgrades by status: ${JSON.stringify(tally.refusals)}; error frames: ${JSON.stringify(tally.errorFrames)}`);
console.log(`HTTP fuzz statuses: ${JSON.stringify(fuzz.byStatus)}${fuzz.samples.length ? `; samples: ${fuzz.samples.join(' | ')}` : ''}`);
console.log(`server: ${JSON.stringify(serverFigures)}`);
console.log(
  JSON.stringify({
    bench: 'soak',
    day: opts.day,
    durationS: round(countedS, 1),
    intervalMs: opts.intervalMs,
    seed: opts.seed,
    readers: opts.readers,
    frameRate: { expected: expectedRate, min: round(Math.min(...rates), 3), max: round(Math.max(...rates), 3) },
    latencyMs: latency,
    seqGaps: gaps,
    rssMiB: { start: round(rssStart, 1), peak: round(rssPeak, 1), end: round(rssEnd, 1), slopePerMin: round(slope, 2) },
    handlerErrors: handlerErrors ?? null,
    closesByCode: tally.closes,
    refusals: tally.refusals,
    errorFrames: tally.errorFrames,
    connects: tally.connects,
    expiry: tally.expiry,
    resyncMaxPerSeq: tally.resyncMaxPerSeq,
    http: fuzz,
    history: { tradesAccepted: flushed?.tradesAccepted ?? null, ticksStored: storedTicks ?? null, leftOver: flushed?.leftOver ?? null },
    server: serverFigures,
    ...(opts.day ? { phases: phaseNames, tradingDates: observer.dates } : {}),
    exit: exit.code ?? exit.signal,
    passed,
    broken: checks.filter((c) => !c.ok).map((c) => c.what),
  }),
);
process.exit(passed ? 0 : 1);
