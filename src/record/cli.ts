// `npm run record -- --out FILE [--duration S] [--feed sim|ssi|replay]`: records the raw
// messages of a feed, configured from the environment exactly as the server configures it
// (FEED, SIM_*, SSI_*, REPLAY_*), to NDJSON (gzip when FILE ends in .gz). See
// src/market/feed/recording.ts for the format. Stops after --duration seconds, or on
// SIGINT / SIGTERM, flushing the file either way.
import { constants } from 'node:fs';
import { access } from 'node:fs/promises';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { describeVar, FEEDS, loadConfig } from '../config.js';
import { ConfigError, UsageError } from '../errors.js';
import { createLogger } from '../log.js';
import { createFeed, feedStartupFromConfig } from '../market/feed/create-feed.js';
import { recordFeed } from '../market/feed/recording.js';

const USAGE = 'usage: npm run record -- --out FILE [--duration SECONDS] [--feed sim|ssi|replay]';

/** The environment variables that configure the recorded feed (as they configure the server's). */
export const RECORD_VARS = ['FEED', 'LOG_LEVEL', 'SIM_SEED', 'SIM_TRADES_PER_SECOND', 'SIM_START_TIME', 'SIM_CLOCK_SPEED', 'UNIVERSE', 'SSI_CONSUMER_ID', 'SSI_CONSUMER_SECRET', 'SSI_BASE_URL', 'SSI_STREAM_URL', 'FUTURES_OVERRIDE', 'EXTRA_SYMBOLS', 'REPLAY_FILE', 'REPLAY_SPEED', 'REPLAY_LOOP'];

export function helpText(): string {
  const lines = RECORD_VARS.map((name) => {
    const d = describeVar(name)!;
    const def = Array.isArray(d.default) ? d.default.join(',') : String(d.default ?? '');
    return `  ${name.padEnd(22)} ${d.desc}${def !== '' ? ` (default ${def})` : ''}`;
  });
  return [
    USAGE,
    '',
    'Records the raw messages of a feed to NDJSON (gzip when FILE ends in .gz) until --duration',
    'seconds pass or SIGINT / SIGTERM. Exit codes: 0 written, 64 usage, 73 cannot write FILE, 78 configuration, 1 other failure.',
    '',
    'Environment (the feed is configured as the server configures it):',
    ...lines,
  ].join('\n');
}

export interface RecordArgs {
  help: boolean;
  out: string;
  durationS: number | undefined;
  feed: string | undefined;
}

export function parseRecordArgs(argv: string[]): RecordArgs {
  let values;
  try {
    ({ values } = parseArgs({ args: argv, options: { out: { type: 'string', short: 'o' }, duration: { type: 'string', short: 'd' }, feed: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, strict: true }));
  } catch (err) {
    // node:util names the offending flag in its message ("Unknown option '--x'").
    throw new UsageError(`${(err as Error).message}\n${USAGE}`, undefined, { cause: err });
  }
  if (values.help) return { help: true, out: '', durationS: undefined, feed: undefined };
  if (!values.out) throw new UsageError(`--out is required\n${USAGE}`, 'out');
  let durationS: number | undefined;
  if (values.duration !== undefined) {
    durationS = Number(values.duration);
    if (!(durationS > 0) || !Number.isFinite(durationS)) throw new UsageError(`--duration must be a positive number of seconds, got ${JSON.stringify(values.duration)}`, 'duration');
  }
  if (values.feed !== undefined && !(FEEDS as readonly string[]).includes(values.feed)) throw new UsageError(`--feed must be one of ${FEEDS.join(', ')}, got ${JSON.stringify(values.feed)}`, 'feed');
  return { help: false, out: values.out, durationS, feed: values.feed };
}

export async function main(argv = process.argv.slice(2), env: NodeJS.ProcessEnv = process.env): Promise<number> {
  let args: RecordArgs;
  try {
    args = parseRecordArgs(argv);
  } catch (err) {
    process.stderr.write(`${(err as Error).message}\n`);
    return 64;
  }
  if (args.help) {
    process.stdout.write(`${helpText()}\n`);
    return 0;
  }
  // Before any feed starts: a file that cannot be written is an error now, not after the session.
  try {
    await access(dirname(resolve(args.out)), constants.W_OK);
  } catch (err) {
    process.stderr.write(`cannot write the recording ${args.out}: ${(err as NodeJS.ErrnoException).code === 'ENOENT' ? 'its directory does not exist' : (err as Error).message}\n`);
    return 73; // EX_CANTCREAT
  }
  let config;
  try {
    config = loadConfig({ ...env, ...(args.feed ? { FEED: args.feed } : {}) });
  } catch (err) {
    if (err instanceof ConfigError) {
      process.stderr.write(`${err.message}\n`);
      return 78;
    }
    throw err;
  }
  const log = createLogger(config.LOG_LEVEL, { cmd: 'record' });
  const feed = await createFeed(feedStartupFromConfig(config));
  const ac = new AbortController();
  const onSignal = () => ac.abort();
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  log.info({ feed: feed.name, out: args.out, durationS: args.durationS ?? null }, 'recording');
  let last = '';
  const result = await recordFeed(feed, args.out, {
    durationMs: args.durationS !== undefined ? args.durationS * 1000 : undefined,
    signal: ac.signal,
    onStatus: (s) => {
      if (s.state !== last) log.info({ feed: feed.name, state: s.state, lastError: s.lastError }, 'feed state');
      last = s.state;
    },
  });
  process.off('SIGINT', onSignal);
  process.off('SIGTERM', onSignal);
  log.info({ feed: feed.name, out: args.out, messages: result.count, symbols: result.basket.length }, 'recording written');
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    (code) => process.exit(code),
    (err: unknown) => {
      process.stderr.write(`record failed: ${(err as Error)?.message ?? String(err)}\n`);
      process.exit(1);
    },
  );
}
