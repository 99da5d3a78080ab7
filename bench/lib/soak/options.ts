// The soak's command line and the server environment it implies, as pure functions (the
// unit tests check them without a process).
import { parseArgs } from 'node:util';

export interface SoakOptions {
  durationS: number;
  /** Run a whole simulated trading day (pre-open → the daily reset → the next morning) in durationS. */
  day: boolean;
  seed: number;
  intervalMs: number;
  /** Steady readers (always connected, always reading). */
  readers: number;
  /** Another built checkout to run (DIR/dist/src/main.js): the "before" of a change. */
  server?: string;
}

export const SOAK_USAGE = `usage: npm run soak -- [--duration 5m] [--day] [--seed 1] [--interval 200] [--readers 20] [--server DIR]

  --duration D   how long the chaos runs before the SIGTERM: 300, 300s, 5m (default 5m)
  --day          a whole simulated trading day in that time: pre-open → close → the daily reset → the next morning's open
  --seed N       seeds the simulator, the chaos schedule and the HTTP fuzzer (default 1)
  --interval MS  BROADCAST_INTERVAL_MS of the server (default 200)
  --readers N    steady readers (default 20)
  --server DIR   run DIR/dist/src/main.js instead of this build`;

/** "300", "300s", "5m", "1.5m" → seconds. */
export function parseDuration(text: string): number {
  const m = /^(\d+(?:\.\d+)?)\s*(s|m|min)?$/.exec(text.trim());
  if (!m) throw new Error(`--duration must be seconds or minutes (300, 300s, 5m), got ${JSON.stringify(text)}`);
  const n = Number(m[1]) * (m[2] && m[2] !== 's' ? 60 : 1);
  if (!(n >= 10 && n <= 24 * 3600)) throw new Error(`--duration must be between 10 s and 24 h, got ${text}`);
  return n;
}

export function parseSoakArgs(args: string[]): SoakOptions {
  const { values } = parseArgs({
    args,
    strict: true,
    options: {
      duration: { type: 'string', default: '5m' },
      day: { type: 'boolean', default: false },
      seed: { type: 'string', default: '1' },
      interval: { type: 'string', default: '200' },
      readers: { type: 'string', default: '20' },
      server: { type: 'string' },
      help: { type: 'boolean', default: false },
    },
  });
  if (values.help) throw new Error(SOAK_USAGE);
  const int = (name: string, v: string, min: number, max: number) => {
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) throw new Error(`--${name} must be an integer in ${min}..${max}, got ${v}`);
    return n;
  };
  return {
    durationS: parseDuration(values.duration!),
    day: values.day!,
    seed: int('seed', values.seed!, 1, 2 ** 31 - 1),
    intervalMs: int('interval', values.interval!, 10, 60_000),
    readers: int('readers', values.readers!, 1, 5000),
    ...(values.server ? { server: values.server } : {}),
  };
}

/**
 * The simulated day: a few wall seconds of pre-open (so the readers are there before the
 * open), 09:00 → 15:01 (the simulator then rolls to the next trading day's 08:59: the daily
 * reset), → 09:20 past the next opening auction; all in 90 % of the run.
 */
const HM = (h: number, m: number) => (h * 60 + m) * 60;
export const DAY_SPAN_S = HM(15, 1) - HM(9, 0) + (HM(9, 20) - HM(8, 59));
export const PRE_OPEN_WALL_S = 8;

/** SIM_CLOCK_SPEED that fits the day into the run (at most 3600: --day wants ≥ 20 s). */
export function dayClockSpeed(durationS: number): number {
  return Math.min(3600, Math.max(1, Math.ceil(DAY_SPAN_S / Math.max(1, durationS * 0.9 - PRE_OPEN_WALL_S))));
}

/** SIM_START_TIME: PRE_OPEN_WALL_S of wall time before 09:00 (at least ten simulated minutes). */
export function dayStartTime(durationS: number): string {
  const before = Math.max(600, PRE_OPEN_WALL_S * dayClockSpeed(durationS));
  const t = Math.max(0, HM(9, 0) - before);
  const hh = String(Math.floor(t / 3600)).padStart(2, '0');
  const mm = String(Math.floor((t % 3600) / 60)).padStart(2, '0');
  const ss = String(t % 60).padStart(2, '0');
  return `${hh}:${mm}:${ss}`;
}

/** The server's environment (secrets and folders come from the caller). */
export function serverEnv(o: SoakOptions, jwtSecret: string, dataDir: string): Record<string, string> {
  return {
    BROADCAST_INTERVAL_MS: String(o.intervalMs),
    SIM_SEED: String(o.seed),
    SIM_START_TIME: o.day ? dayStartTime(o.durationS) : '10:00:00',
    SIM_CLOCK_SPEED: String(o.day ? dayClockSpeed(o.durationS) : 1),
    WS_JWT_SECRET: jwtSecret,
    DATA_DIR: dataDir,
    // Small enough that the chaos reaches them within minutes.
    WS_MAX_VIEWS: '16',
    WS_MAX_SYMBOLS: '10',
    WS_MAX_BACKPRESSURE_BYTES: String(128 * 1024),
    WS_SLOW_CLIENT_TIMEOUT_MS: '5000',
    SHUTDOWN_TIMEOUT_MS: '10000',
    LOG_LEVEL: 'info',
  };
}
