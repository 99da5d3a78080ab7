// Command-line options of the load generator, with every default in one place.
// Parsing is a pure function so tests and the fan-out bench can build options
// without a process; usage errors name the flag at fault.
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { UsageError } from '../errors.js';

export type WireFormat = 'proto' | 'json';
/** `full` decodes the whole frame like a real client; `header` reads only seq/epoch/time (protobuf). */
export type DecodeMode = 'full' | 'header';
/** `ws` receives through the ws library; `raw` through raw-socket.ts (header-only, ws:// only). */
export type ClientPath = 'ws' | 'raw';

export interface LoadgenOptions {
  url: string;
  /**
   * Programmatic only (the fan-out bench's edges): spread the clients over these endpoints,
   * shard i connecting to urls[i % urls.length] (even when threads is a multiple of their
   * number); `url` is then only the label of the result.
   */
  urls?: string[];
  /**
   * Programmatic only (bench:fanout --watchlists): client i appends `&${queries[i % length]}`
   * to its URL, e.g. its own watchlist, so every socket can have a view of its own.
   */
  queries?: string[];
  clients: number;
  durationS: number;
  warmupS: number;
  format: WireFormat;
  decode: DecodeMode;
  /** How sockets receive; absent: defaultClientPath(). The CLI always sets it. */
  client?: ClientPath;
  /** New connections per second, across all threads. */
  rampPerS: number;
  threads: number;
  maxFailRatio: number;
  /** A connection that has not opened after this long counts as a connect failure. */
  connectTimeoutMs: number;
  out?: string;
}

export const DEFAULTS = {
  durationS: 10,
  warmupS: 1,
  format: 'proto' as WireFormat,
  decode: 'full' as DecodeMode,
  rampPerS: 1000,
  maxFailRatio: 0.01,
  connectTimeoutMs: 10_000,
} as const;

export const USAGE = `usage: npm run loadgen -- --url ws://HOST:PORT/ws --clients N --duration S [options]

  --url URL              WebSocket endpoint of a boardcast deployment (ws:// or wss://)
  --clients N            sockets to open (required)
  --duration S           seconds to measure, after warmup (default ${DEFAULTS.durationS})
  --warmup S             seconds to connect and settle before measuring (default ${DEFAULTS.warmupS})
  --format proto|json    wire format asked for with ?format= (default: the URL's, else proto)
  --decode full|header   decode whole frames, or only the header fields (default ${DEFAULTS.decode})
  --client ws|raw        how sockets receive: ws, the \`ws\` library (ws:// and wss://, whole
                         messages); raw, our own reader for plain ws:// only, which keeps each
                         message's header bytes and skips the rest (half ws's user CPU a message)
                         (default: raw with --decode header on a ws:// URL, else ws)
  --ramp PER_SECOND      new connections per second, over all threads (default ${DEFAULTS.rampPerS})
  --threads T            client worker threads (default: the number of cores)
  --max-fail-ratio R     exit 2 when connect failures / clients exceeds R (default ${DEFAULTS.maxFailRatio})
  --connect-timeout MS   handshake deadline per socket (default ${DEFAULTS.connectTimeoutMs})
  --out FILE             also write the JSON result to FILE
  --help                 this text`;

/** raw where it can serve: header-only decode, plain ws:// everywhere. */
export function defaultClientPath(urls: string[], decode: DecodeMode): ClientPath {
  return decode === 'header' && urls.every((u) => u.startsWith('ws:')) ? 'raw' : 'ws';
}

/** Why `raw` cannot serve these options, or null when it can. */
export function rawClientProblem(urls: string[], decode: DecodeMode): string | null {
  if (decode !== 'header') return '--client raw reads only each message\'s header: it needs --decode header';
  if (!urls.every((u) => u.startsWith('ws:'))) return '--client raw speaks plain ws:// only: use --client ws for wss://';
  return null;
}

// A bad command line is a UsageError (BC_USAGE); the CLI prints it with the usage text and exits 1.
export { UsageError };

function num(flag: string, raw: string | undefined, fallback: number, check: (n: number) => boolean, what: string): number {
  if (raw === undefined) return fallback;
  const n = Number(raw);
  if (raw.trim() === '' || !Number.isFinite(n) || !check(n)) {
    throw new UsageError(`--${flag} must be ${what}, got ${JSON.stringify(raw)}`, flag);
  }
  return n;
}

const positiveInt = (n: number) => Number.isInteger(n) && n > 0;

/** Parses argv (without node and the script); returns null when --help was asked. */
export function parseOptions(argv: string[], cores = availableParallelism()): LoadgenOptions | null {
  let values: Record<string, string | boolean | undefined>;
  try {
    ({ values } = parseArgs({
      args: argv,
      strict: true,
      allowPositionals: false,
      options: {
        url: { type: 'string' },
        clients: { type: 'string' },
        duration: { type: 'string' },
        warmup: { type: 'string' },
        format: { type: 'string' },
        decode: { type: 'string' },
        client: { type: 'string' },
        ramp: { type: 'string' },
        threads: { type: 'string' },
        'max-fail-ratio': { type: 'string' },
        'connect-timeout': { type: 'string' },
        out: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
      },
    }));
  } catch (err) {
    // node:util names the offending flag in its message ("Unknown option '--x'").
    throw new UsageError((err as Error).message, undefined, { cause: err });
  }
  if (values.help) return null;

  const rawUrl = values.url as string | undefined;
  if (!rawUrl) throw new UsageError('--url is required (e.g. --url ws://127.0.0.1:8080/ws)', 'url');
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    throw new UsageError(`--url is not a URL: ${JSON.stringify(rawUrl)}`, 'url');
  }
  if (url.protocol !== 'ws:' && url.protocol !== 'wss:') {
    throw new UsageError(`--url must start with ws:// or wss://, got ${JSON.stringify(rawUrl)}`, 'url');
  }

  if (values.clients === undefined) throw new UsageError('--clients is required', 'clients');
  const clients = num('clients', values.clients as string, 0, positiveInt, 'a positive integer');

  const rawFormat = (values.format as string | undefined) ?? url.searchParams.get('format') ?? DEFAULTS.format;
  if (rawFormat !== 'proto' && rawFormat !== 'json') {
    throw new UsageError(`--format must be proto or json, got ${JSON.stringify(rawFormat)}`, 'format');
  }
  const rawDecode = (values.decode as string | undefined) ?? DEFAULTS.decode;
  if (rawDecode !== 'full' && rawDecode !== 'header') {
    throw new UsageError(`--decode must be full or header, got ${JSON.stringify(rawDecode)}`, 'decode');
  }
  url.searchParams.set('format', rawFormat);
  const rawClient = values.client as string | undefined;
  if (rawClient !== undefined && rawClient !== 'ws' && rawClient !== 'raw') {
    throw new UsageError(`--client must be ws or raw, got ${JSON.stringify(rawClient)}`, 'client');
  }
  if (rawClient === 'raw') {
    const problem = rawClientProblem([url.toString()], rawDecode);
    if (problem) throw new UsageError(problem, 'client');
  }

  return {
    url: url.toString(),
    clients,
    durationS: num('duration', values.duration as string, DEFAULTS.durationS, (n) => n > 0, 'a positive number of seconds'),
    warmupS: num('warmup', values.warmup as string, DEFAULTS.warmupS, (n) => n >= 0, 'a number of seconds >= 0'),
    format: rawFormat,
    decode: rawDecode,
    client: rawClient ?? defaultClientPath([url.toString()], rawDecode),
    rampPerS: num('ramp', values.ramp as string, DEFAULTS.rampPerS, (n) => n > 0, 'a positive number of connections per second'),
    threads: num('threads', values.threads as string, Math.max(1, cores), positiveInt, 'a positive integer'),
    maxFailRatio: num('max-fail-ratio', values['max-fail-ratio'] as string, DEFAULTS.maxFailRatio, (n) => n >= 0 && n <= 1, 'a ratio between 0 and 1'),
    connectTimeoutMs: num('connect-timeout', values['connect-timeout'] as string, DEFAULTS.connectTimeoutMs, positiveInt, 'a positive integer of milliseconds'),
    out: values.out as string | undefined,
  };
}
