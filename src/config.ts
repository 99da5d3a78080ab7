// Configuration: environment variables only (12-factor), validated once at start. An
// invalid value is a ConfigError naming the variable, the value and what was expected.
import { accessSync, constants as fsConstants } from 'node:fs';
import { isIP } from 'node:net';
import { bool, cleanEnv, makeValidator, str, url } from 'envalid';
import { ConfigError } from './errors.js';
import { checkNatsSettings } from './nats-options.js';
import { parseClock } from './util/time-of-day.js';
import { parseCorsOrigins } from './cors-origins.js';
import { parsePriceRules, type PriceRule } from './price-alert-rules.js';
import type { AlertSettings } from './market/alerts/engine.js';

/** An integer validator bounded to [min, max]; the error text is what ConfigError shows. */
function int(min: number, max: number) {
  return makeValidator<number>((input: string) => {
    const trimmed = input.trim();
    if (!/^-?\d+$/.test(trimmed)) throw new Error(`an integer in ${min}..${max}`);
    const n = Number(trimmed);
    if (!Number.isSafeInteger(n) || n < min || n > max) throw new Error(`an integer in ${min}..${max}`);
    return n;
  });
}

/** A decimal number bounded to [min, max]. */
function decimal(min: number, max: number) {
  return makeValidator<number>((input: string) => {
    const trimmed = input.trim();
    const n = /^\d+(\.\d+)?$/.test(trimmed) ? Number(trimmed) : NaN;
    if (!(n >= min && n <= max)) throw new Error(`a number in ${min}..${max}`);
    return n;
  });
}

/** A comma-separated list of symbols matching `re` (empty = none). */
function symbolList(re: RegExp, what: string) {
  return makeValidator<string[]>((input: string) => {
    const items = input.split(',').map((s) => s.trim().toUpperCase()).filter(Boolean);
    for (const it of items) if (!re.test(it)) throw new Error(`a comma-separated list of ${what} (bad item ${JSON.stringify(it)})`);
    return [...new Set(items)];
  });
}

/** ALERT_PRICE_RULES (syntax in market/alerts/price-rules.ts). */
const priceRules = makeValidator<PriceRule[]>((input: string) => parsePriceRules(input));

const choice = <T extends string>(choices: readonly T[], def: T) =>
  str({ choices: choices as unknown as T[], default: def }) as unknown as ReturnType<typeof str<T>>;

export const FEEDS = ['sim', 'replay', 'ssi'] as const;
export const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'] as const;
/** all: one process (feed + clients); ingest: feed → NATS, no clients; edge: NATS → clients, no feed. */
export const ROLES = ['all', 'ingest', 'edge'] as const;
/** How the SSI adapter spreads its channel types over hub connections (see ssi/channel-watch.ts). */
/** The markets a deployment serves (src/market/rules/universe.ts says what each holds). */
export const UNIVERSES = ['vn30', 'hose', 'all'] as const;
export const SSI_CHANNEL_MODES = ['auto', 'single', 'per-type'] as const;

const specs = {
  HOST: str({ default: '0.0.0.0', desc: 'listen address' }),
  PORT: int(0, 65535)({ default: 8080, desc: 'listen port; 0 picks a free port' }),
  FEED: choice(FEEDS, 'sim'),
  BROADCAST_INTERVAL_MS: int(10, 60_000)({ default: 1000, desc: 'frame period' }),
  LOG_LEVEL: choice(LOG_LEVELS, 'info'),
  SHUTDOWN_TIMEOUT_MS: int(100, 600_000)({ default: 10_000, desc: 'hard deadline for graceful shutdown' }),
  SHUTDOWN_DRAIN_MS: int(0, 600_000)({ default: 0, desc: 'after SIGTERM, keep serving (readyz 503) this long before refusing new sockets; the preStop pause in Kubernetes' }),
  ALLOW_UWS_FALLBACK: bool({ default: false, desc: 'allow the slow pure-JS uWebSockets.js fallback' }),
  SIM_SEED: int(0, 2 ** 31 - 1)({ default: 0, desc: 'simulator seed; 0 = random' }),
  SIM_TRADES_PER_SECOND: int(1, 100_000)({ default: 40, desc: 'simulator pace across the basket' }),
  SIM_START_TIME: str({ default: '09:14:55', desc: 'simulated session clock at start, HH:MM:SS Asia/Ho_Chi_Minh (default: futures trading, the stocks\' opening match 5 s away)' }),
  SIM_CLOCK_SPEED: int(1, 3600)({ default: 1, desc: 'simulated seconds per wall-clock second' }),
  WS_MAX_PAYLOAD_BYTES: int(64, 16 * 1024 * 1024)({ default: 16 * 1024, desc: 'largest client message; larger closes with 1009' }),
  WS_MAX_BACKPRESSURE_BYTES: int(1024, 1024 * 1024 * 1024)({ default: 1024 * 1024, desc: 'per-socket send buffer bound' }),
  WS_MAX_BACKPRESSURE_TOTAL_BYTES: int(64 * 1024, 2 ** 40)({ default: 256 * 1024 * 1024, desc: 'process-wide send budget: above it, every socket with unsent bytes is skipped until it drains (then a FULL)' }),
  WS_SEND_BUDGET_PER_CLIENT_BYTES: int(0, 1024 * 1024 * 1024)({ default: 8 * 1024, desc: 'the send budget grows by this much per connected socket, from 2 × WS_MAX_BACKPRESSURE_BYTES up to WS_MAX_BACKPRESSURE_TOTAL_BYTES, so unsent bytes stay within a bound per connection; 0 = the total alone' }),
  WS_SLOW_CLIENT_TIMEOUT_MS: int(100, 600_000)({ default: 10_000, desc: 'a socket over its backpressure limit this long is closed with 1008 "too slow"' }),
  KEYFRAME_EVERY: int(1, 100_000)({ default: 50, desc: 'every n-th frame is FULL for every socket; DELTA otherwise' }),
  TRADES_REPLAY: int(0, 1000)({ default: 20, desc: "trades per symbol a `trades` socket gets with its FULL when it connects or resyncs" }),
  WS_AUTH_TOKEN: str({ default: '', desc: 'static bearer token required on /ws (Authorization: Bearer <t> or ?token=<t>); empty = none. Secret: never logged' }),
  WS_JWT_SECRET: str({ default: '', desc: 'HS256 secret; /ws accepts JWTs signed with it (exp/nbf honoured, optional "channels" claim); empty = none. Secret: never logged' }),
  WS_MAX_CONNECTIONS_PER_IP: int(0, 10_000_000)({ default: 0, desc: 'WebSocket connections per remote address (pending upgrades included); above it 429; 0 = unlimited' }),
  WS_MAX_CONNECTIONS: int(0, 10_000_000)({ default: 0, desc: 'WebSocket connections in all (pending upgrades included); above it 503; 0 = unlimited' }),
  WS_MAX_CONNECT_RATE_PER_IP: int(0, 1_000_000)({ default: 0, desc: 'WebSocket upgrades per second per remote address (burst: one second worth), refused ones included; above it 429; 0 = unlimited' }),
  WS_MAX_VIEWS: int(0, 1_000_000)({ default: 1000, desc: 'distinct views (format, channels, watchlist, delta) per process; a socket that would add one more is refused (503 at the upgrade, an error frame on subscribe); 0 = unlimited' }),
  WS_MAX_SYMBOLS: int(1, 100_000)({ default: 100, desc: 'symbols in one watchlist at most (?symbols= or subscribe); more: 400 at the upgrade, an error frame on subscribe' }),
  WS_JWT_REQUIRE_EXP: bool({ default: false, desc: 'refuse JWTs without an "exp" claim at the upgrade (401); needs WS_JWT_SECRET' }),
  WS_CLIENT_MSG_RATE: int(0, 100_000)({ default: 20, desc: 'client messages per second per socket (burst: one second worth); above it closes with 1008; 0 = unlimited' }),
  WS_IDLE_TIMEOUT_S: int(8, 960)({ default: 120, desc: 'close sockets silent this long (pings are automatic)' }),
  WORKER_RESTART_MIN_MS: int(10, 60_000)({ default: 200, desc: 'first restart backoff of the market worker' }),
  WORKER_RESTART_MAX_MS: int(10, 600_000)({ default: 10_000, desc: 'largest restart backoff of the market worker' }),
  HTTP_MAX_HEADER_BYTES: int(1024, 65_536)({ default: 16_384, desc: 'request line + headers of an HTTP request or upgrade at most; above it 431' }),
  CORS_ORIGINS: str({ default: '', desc: 'origins that may read the REST routes from a browser: "*" or a comma list (https://a.example,https://b.example); empty = no CORS' }),
  METRICS_PORT: str({ default: '', desc: 'serve /metrics on its own listener on this port (0 = a free one) and not on PORT; empty = on PORT' }),
  METRICS_HOST: str({ default: '', desc: 'listen address of the /metrics listener; empty = HOST' }),
  ROLE: choice(ROLES, 'all'),
  NATS_URL: str({ default: 'nats://127.0.0.1:4222', desc: 'NATS servers for ROLE=ingest|edge, comma-separated (nats://host:port,...; tls://host:port asks for TLS; userinfo user:password@ is allowed and never shown)' }),
  NATS_CREDS_FILE: str({ default: '', desc: 'NATS credentials file (user JWT + NKey seed); read at every connect. One way to authenticate only' }),
  NATS_TOKEN: str({ default: '', desc: 'NATS token. Secret: never logged' }),
  NATS_USER: str({ default: '', desc: 'NATS user (with NATS_PASSWORD)' }),
  NATS_PASSWORD: str({ default: '', desc: 'NATS password (with NATS_USER). Secret: never logged' }),
  NATS_TLS_CA: str({ default: '', desc: 'CA certificate file (PEM) that signed the NATS server certificate; setting it turns TLS on' }),
  NATS_TLS_CERT: str({ default: '', desc: 'client certificate file (PEM) for NATS mutual TLS (with NATS_TLS_KEY)' }),
  NATS_TLS_KEY: str({ default: '', desc: 'client key file (PEM) for NATS mutual TLS (with NATS_TLS_CERT)' }),
  NATS_PREFIX: str({ default: 'boardcast', desc: 'prefix of the NATS subjects and KV buckets ([A-Za-z0-9_-]); one per deployment sharing a NATS' }),
  INGEST_FAILOVER_MS: int(1000, 600_000)({ default: 5000, desc: 'a follower ingest takes over within this long after the leader dies' }),
  SSI_CONSUMER_ID: str({ default: '', desc: 'SSI FastConnect Data consumer id (FEED=ssi)' }),
  SSI_CONSUMER_SECRET: str({ default: '', desc: 'SSI FastConnect Data consumer secret (FEED=ssi). Secret: never logged' }),
  SSI_BASE_URL: url({ default: 'https://fc-data.ssi.com.vn/api/v2/', desc: 'FastConnect Data v2 REST base (Market/AccessToken etc. are resolved against it)' }),
  SSI_STREAM_URL: url({ default: 'https://fc-datahub.ssi.com.vn/v2.0', desc: 'FastConnect Data v2 streaming base; the SignalR endpoints are {SSI_STREAM_URL}/signalr/...' }),
  FUTURES_OVERRIDE: symbolList(/^(VN30F\d{2}(0[1-9]|1[0-2])|41I1[A-HJ-NP-TV-Z][1-9A-C]000)$/, 'VN30 futures contracts (VN30FYYMM or the KRX-era 41I1…000)')({ default: [], desc: 'futures contracts to subscribe instead of the resolver\'s (front month + next), in either code scheme, sent as given' }),
  FUTURES_CODE_SCHEME: choice(['auto', 'classic', 'krx'] as const, 'auto'),
  UNIVERSE: choice(UNIVERSES, 'vn30'),
  EXTRA_SYMBOLS: symbolList(/^[A-Z0-9]{1,20}$/, 'symbols')({ default: [], desc: 'stocks tracked on the board in addition to the VN30 basket (FEED=ssi)' }),
  SSI_CHANNEL_MODE: choice(SSI_CHANNEL_MODES, 'auto'),
  FEED_STALE_MS: int(100, 3_600_000)({ default: 30_000, desc: 'a connected feed silent this long (no data, no keep-alive) is reported STALE in every frame' }),
  REPLAY_FILE: str({ default: '', desc: 'recording to play with FEED=replay (NDJSON, .gz for gzip)' }),
  REPLAY_SPEED: decimal(0.01, 100_000)({ default: 1, desc: 'replay speed: recorded seconds per wall-clock second' }),
  REPLAY_LOOP: bool({ default: false, desc: 'replay the file again from the start when it ends' }),
  DATA_DIR: str({ default: './data', desc: 'folder of the embedded SQLite history store (created on first start); unused when DATABASE_URL is set' }),
  DATABASE_URL: str({ default: '', desc: 'PostgreSQL connection string for history (postgres://user:pass@host:5432/db); empty = SQLite under DATA_DIR. Credentials: never logged' }),
  HISTORY_BUFFER_ROWS: int(1000, 100_000_000)({ default: 1_000_000, desc: 'history rows the writer holds while the store is slow or down; past this, rows are dropped (counted, logged)' }),
  HISTORY_BATCH_MAX: int(1, 1_000_000)({ default: 20_000, desc: 'most rows per history transaction (batches grow up to this when the store lags)' }),
  HISTORY_FLUSH_MS: int(10, 10_000)({ default: 100, desc: 'how often the market worker hands accepted rows to the history writer' }),
  HISTORY_RETRY_MIN_MS: int(10, 60_000)({ default: 100, desc: 'first retry backoff of a failed history write' }),
  HISTORY_RETRY_MAX_MS: int(10, 600_000)({ default: 5000, desc: 'largest retry backoff of a failed history write' }),
  HISTORY_QUERY_THREADS: int(1, 64)({ default: 2, desc: 'threads of the history query pool' }),
  HISTORY_MAX_ROWS: int(1, 1_000_000)({ default: 10_000, desc: 'rows one history API answer holds at most' }),
  ALERT_VOLUME_SPIKE_K: decimal(1, 1000)({ default: 3, desc: 'volume spike: a minute\'s volume above k × the average of the previous ALERT_VOLUME_WINDOW_MIN minutes' }),
  ALERT_VOLUME_WINDOW_MIN: int(1, 240)({ default: 10, desc: 'volume spike: minutes the rolling average is taken over' }),
  ALERT_VOLUME_MIN: int(0, 1_000_000_000)({ default: 50_000, desc: 'volume spike: the least volume (shares / contracts) a minute must have to count as a spike' }),
  ALERT_FOREIGN_ACCEL: decimal(0.001, 1e12)({ default: 20_000, desc: 'foreign flow: |acceleration| (net shares per minute, per minute) at or above which an alert fires' }),
  ALERT_BASIS_HYSTERESIS: decimal(0, 1000)({ default: 0.5, desc: 'basis flip: index points the VN30F basis must pass beyond 0 to count as premium or discount (no flapping at par)' }),
  ALERT_PRICE_RULES: priceRules({ default: [], desc: 'per-symbol thresholds, comma-separated: SYM>=PRICE, SYM<=PRICE, SYM%>=PCT, SYM%<=PCT (e.g. FPT>=120000,VNM<=60000,HPG%>=5,VN30%<=-1.5)' }),
  ALERT_DEDUP_MS: int(0, 86_400_000)({ default: 300_000, desc: 'repeats of an alert (same type and symbol) within this much market time are suppressed' }),
  ALERTS_REPLAY: int(0, 1000)({ default: 20, desc: 'recent alerts a socket on the alerts channel gets with the FULL frame it (re)connects or resyncs with' }),
  HISTORY_RETENTION_DAYS: int(0, 36_500)({ default: 0, desc: 'days of history kept: older rows are deleted at start and hourly, in both stores (0 = keep everything)' }),
};

export type Config = ReturnType<typeof loadConfig>;

/** The alert engine's settings (market/alerts/engine.ts) from the validated configuration. */
export function alertSettingsFromConfig(cfg: Config): AlertSettings {
  return {
    volumeSpikeK: cfg.ALERT_VOLUME_SPIKE_K,
    volumeWindowMin: cfg.ALERT_VOLUME_WINDOW_MIN,
    volumeMin: cfg.ALERT_VOLUME_MIN,
    foreignAccel: cfg.ALERT_FOREIGN_ACCEL,
    basisHysteresis: cfg.ALERT_BASIS_HYSTERESIS,
    priceRules: cfg.ALERT_PRICE_RULES,
    dedupMs: cfg.ALERT_DEDUP_MS,
  };
}

/** Every environment variable the config reads (the deployment manifests are checked against it). */
export const CONFIG_VARS: readonly string[] = Object.keys(specs);

/** A variable's default and description, for --help texts. */
export function describeVar(name: string): { default: unknown; desc: string } | undefined {
  const spec = (specs as Record<string, { default?: unknown; desc?: string }>)[name];
  return spec && { default: spec.default, desc: spec.desc ?? '' };
}

/** Variables whose values never appear in an error or a log line. */
export const SECRET_VARS = new Set(['WS_AUTH_TOKEN', 'WS_JWT_SECRET', 'SSI_CONSUMER_SECRET', 'DATABASE_URL', 'NATS_TOKEN', 'NATS_PASSWORD']);

export function loadConfig(env: NodeJS.ProcessEnv = process.env) {
  const cfg = cleanEnv(env, specs, {
    reporter: ({ errors }) => {
      const [name, err] = Object.entries(errors)[0] ?? [];
      if (name) throw new ConfigError(name, SECRET_VARS.has(name) ? '[redacted]' : env[name], (err as Error).message.replace(/^Invalid value for env var \S+:?\s*/, '') || 'a valid value');
    },
  });
  if (parseClock(cfg.SIM_START_TIME) === undefined) throw new ConfigError('SIM_START_TIME', cfg.SIM_START_TIME, 'HH:MM:SS, a time of day (00:00:00–23:59:59)');
  for (const name of ['HOST', 'METRICS_HOST'] as const) {
    const h = cfg[name];
    if ((h !== '' || name === 'HOST') && !isIP(h) && !/^[A-Za-z0-9]([A-Za-z0-9.-]{0,252})$/.test(h)) throw new ConfigError(name, h, 'an IPv4 / IPv6 address or a host name');
  }
  if (cfg.METRICS_PORT !== '') {
    const n = /^\d{1,5}$/.test(cfg.METRICS_PORT.trim()) ? Number(cfg.METRICS_PORT) : NaN;
    if (!(n >= 0 && n <= 65535)) throw new ConfigError('METRICS_PORT', cfg.METRICS_PORT, 'an integer in 0..65535, or empty to serve /metrics on PORT');
    if (n !== 0 && n === cfg.PORT) throw new ConfigError('METRICS_PORT', cfg.METRICS_PORT, `a port other than PORT (${cfg.PORT})`);
  }
  try {
    parseCorsOrigins(cfg.CORS_ORIGINS);
  } catch (err) {
    throw new ConfigError('CORS_ORIGINS', cfg.CORS_ORIGINS, (err as Error).message);
  }
  if (!/^[A-Za-z0-9_-]+$/.test(cfg.NATS_PREFIX)) throw new ConfigError('NATS_PREFIX', cfg.NATS_PREFIX, 'letters, digits, _ or -');
  checkNatsSettings(cfg); // NATS_URL (userinfo redacted in any error), credentials, TLS files
  if (cfg.WORKER_RESTART_MAX_MS < cfg.WORKER_RESTART_MIN_MS) throw new ConfigError('WORKER_RESTART_MAX_MS', String(cfg.WORKER_RESTART_MAX_MS), `at least WORKER_RESTART_MIN_MS (${cfg.WORKER_RESTART_MIN_MS})`);
  // ConfigError shows the value; a secret is never shown.
  if (cfg.FEED === 'ssi' && !cfg.SSI_CONSUMER_ID.trim()) throw new ConfigError('SSI_CONSUMER_ID', cfg.SSI_CONSUMER_ID, 'the FastConnect Data consumer id (required when FEED=ssi)');
  if (cfg.FEED === 'ssi' && !cfg.SSI_CONSUMER_SECRET.trim()) throw new ConfigError('SSI_CONSUMER_SECRET', '[redacted]', 'the FastConnect Data consumer secret (required when FEED=ssi)');
  if (cfg.FEED === 'replay' && !cfg.REPLAY_FILE.trim()) throw new ConfigError('REPLAY_FILE', cfg.REPLAY_FILE, 'a recording file (required when FEED=replay)');
  if (cfg.FEED === 'replay') {
    try {
      accessSync(cfg.REPLAY_FILE, fsConstants.R_OK);
    } catch (err) {
      throw new ConfigError('REPLAY_FILE', cfg.REPLAY_FILE, `a readable recording file (${(err as NodeJS.ErrnoException).code ?? 'unreadable'})`);
    }
  }
  if (cfg.DATABASE_URL && !/^postgres(ql)?:\/\/[^\s]+$/.test(cfg.DATABASE_URL)) throw new ConfigError('DATABASE_URL', '[redacted]', 'a PostgreSQL URL, postgres://user:pass@host:5432/db (or empty for SQLite)');
  if (cfg.WS_JWT_REQUIRE_EXP && !cfg.WS_JWT_SECRET) throw new ConfigError('WS_JWT_REQUIRE_EXP', String(cfg.WS_JWT_REQUIRE_EXP), 'false unless WS_JWT_SECRET is set (it applies to JWTs)');
  if (cfg.WS_JWT_SECRET && Buffer.byteLength(cfg.WS_JWT_SECRET, 'utf8') < 32) throw new ConfigError('WS_JWT_SECRET', '[redacted]', 'at least 32 bytes for HS256 (or empty to disable JWTs)');
  return { ...cfg };
}
