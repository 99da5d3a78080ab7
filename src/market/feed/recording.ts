// Recordings of a feed: the raw upstream messages (what a Feed hands to FeedContext.onMessage,
// before the normalizer) with their receive timestamps, as NDJSON, gzip-compressed when the
// file name ends in `.gz`. Written by `npm run record`, played by FEED=replay (ReplayFeed).
//
// Format, one JSON object per line:
//   line 1 (header):  {"recording":"boardcast-feed","version":1,"feed":"sim","basket":["ACB",...],"startedAt":1735000000000}
//   then, per message: {"t":1735000000123,"m":{"RType":"X","Symbol":"ACB",...}}
// `t` is the wall-clock receive time in ms since the Unix epoch; `m` is the raw message
// exactly as the feed delivered it (an object; a malformed upstream payload is kept as the
// string it was, so a replay exercises the normalizer the same way). The header is optional
// for readers: without one, the basket is taken from the first quote messages.
import { once } from 'node:events';
import { createReadStream, createWriteStream, type WriteStream } from 'node:fs';
import { open } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import type { Readable, Writable } from 'node:stream';
import { createGunzip, createGzip, type Gzip } from 'node:zlib';
import { BoardcastError } from '../../errors.js';
import { isFuturesSymbol } from '../rules/futures.js';
import type { RawFeedMessage } from './feed.js';

export const RECORDING_MAGIC = 'boardcast-feed';
export const RECORDING_VERSION = 1;

export interface RecordingHeader {
  recording: typeof RECORDING_MAGIC;
  version: number;
  /** The feed that was recorded (sim, ssi, replay). */
  feed: string;
  /** The basket the feed reported when recording started. */
  basket: string[];
  /** Wall-clock ms when recording started. */
  startedAt: number;
}

export interface RecordedMessage {
  /** Receive time, wall-clock ms since the Unix epoch. */
  t: number;
  /** The raw feed message (an object, or the string of a malformed upstream payload). */
  m: RawFeedMessage | string;
}

/** A recording that cannot be read (missing, unreadable, or not NDJSON of this format). */
export class RecordingError extends BoardcastError {
  constructor(message: string, context: Record<string, unknown> = {}, options?: ErrorOptions) {
    super('BC_RECORDING_INVALID', message, context, options);
  }
}

const isGzipName = (file: string) => file.toLowerCase().endsWith('.gz');

/** Appends messages to an NDJSON (or NDJSON.gz) recording. */
export class RecordingWriter {
  readonly file: string;
  private readonly fileStream: WriteStream;
  private readonly out: Writable;
  private readonly gzip: Gzip | undefined;
  private closed = false;
  private error: Error | undefined;
  /** Messages written (header excluded). */
  count = 0;

  constructor(file: string, header: Omit<RecordingHeader, 'recording' | 'version'>) {
    this.file = file;
    this.fileStream = createWriteStream(file);
    this.fileStream.on('error', (err) => (this.error ??= err));
    if (isGzipName(file)) {
      this.gzip = createGzip();
      this.gzip.on('error', (err) => (this.error ??= err));
      this.gzip.pipe(this.fileStream);
      this.out = this.gzip;
    } else this.out = this.fileStream;
    const h: RecordingHeader = { recording: RECORDING_MAGIC, version: RECORDING_VERSION, ...header };
    this.out.write(`${JSON.stringify(h)}\n`);
  }

  /** Writes one message. Returns false when the stream asks the caller to slow down. */
  write(m: RawFeedMessage | string, receivedAtMs: number): boolean {
    if (this.closed) return false;
    this.count++;
    return this.out.write(`${JSON.stringify({ t: receivedAtMs, m })}\n`);
  }

  /** Flushes and closes the file; rejects with the first write error, if any. */
  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    // A stream that failed to open has closed already: do not wait for a second 'close'.
    const done = this.fileStream.closed ? Promise.resolve() : once(this.fileStream, 'close');
    this.out.end();
    await done;
    if (this.error) throw new RecordingError(`cannot write recording ${this.file}: ${this.error.message}`, { file: this.file }, { cause: this.error });
  }
}

async function isGzipFile(file: string): Promise<boolean> {
  let fh;
  try {
    fh = await open(file, 'r');
  } catch (err) {
    throw new RecordingError(`cannot open recording ${file}: ${(err as Error).message}`, { file }, { cause: err });
  }
  try {
    const buf = Buffer.alloc(2);
    const { bytesRead } = await fh.read(buf, 0, 2, 0);
    return bytesRead === 2 && buf[0] === 0x1f && buf[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

function isHeader(v: unknown): v is RecordingHeader {
  return typeof v === 'object' && v !== null && (v as { recording?: unknown }).recording === RECORDING_MAGIC;
}

/**
 * Reads a recording: its header (undefined when the file has none) and its messages in
 * order. Gzip is detected from the content, not the name. Blank lines are skipped; a line
 * that is not a {t, m} record is an error naming the line number.
 */
export async function openRecording(file: string): Promise<{ header: RecordingHeader | undefined; messages: AsyncGenerator<RecordedMessage>; close: () => void }> {
  const gz = await isGzipFile(file);
  const raw = createReadStream(file);
  const input: Readable = gz ? raw.pipe(createGunzip()) : raw;
  const fail = (err: Error) => input.destroy(err);
  raw.on('error', fail);
  const rl = createInterface({ input, crlfDelay: Infinity });
  const it = rl[Symbol.asyncIterator]();
  let lineNo = 0;
  let header: RecordingHeader | undefined;
  let pending: RecordedMessage | undefined;

  const parse = (line: string): RecordedMessage | RecordingHeader => {
    let v: unknown;
    try {
      v = JSON.parse(line);
    } catch {
      throw new RecordingError(`${file}:${lineNo}: not JSON`, { file, line: lineNo });
    }
    if (isHeader(v)) return v;
    const r = v as Partial<RecordedMessage>;
    if (typeof v !== 'object' || v === null || typeof r.t !== 'number' || !Number.isFinite(r.t) || r.m === undefined) {
      throw new RecordingError(`${file}:${lineNo}: expected {"t": <ms>, "m": <message>}`, { file, line: lineNo });
    }
    return r as RecordedMessage;
  };

  // The first non-blank line: a header, or already a message.
  for (;;) {
    const { value, done } = await it.next();
    if (done) break;
    lineNo++;
    if (!value.trim()) continue;
    const first = parse(value);
    if (isHeader(first)) {
      if (first.version !== RECORDING_VERSION) throw new RecordingError(`${file}: recording version ${String(first.version)} is not supported (expected ${RECORDING_VERSION})`, { file });
      header = first;
    } else pending = first;
    break;
  }

  async function* messages(): AsyncGenerator<RecordedMessage> {
    try {
      if (pending) yield pending;
      for (;;) {
        const { value, done } = await it.next();
        if (done) return;
        lineNo++;
        if (!value.trim()) continue;
        const rec = parse(value);
        if (isHeader(rec)) continue; // a concatenated recording: its header is not a message
        yield rec;
      }
    } catch (err) {
      if (err instanceof RecordingError) throw err;
      throw new RecordingError(`cannot read recording ${file}: ${(err as Error).message}`, { file, line: lineNo }, { cause: err });
    } finally {
      rl.close();
      input.destroy();
    }
  }

  return {
    header,
    messages: messages(),
    close: () => {
      rl.close();
      input.destroy();
    },
  };
}

/** Reads a whole recording into memory (tests, small files). */
export async function readRecording(file: string): Promise<{ header: RecordingHeader | undefined; messages: RecordedMessage[] }> {
  const r = await openRecording(file);
  const messages: RecordedMessage[] = [];
  for await (const m of r.messages) messages.push(m);
  return { header: r.header, messages };
}

/** The basket implied by quote messages: X symbols that are not futures, in first-seen order. */
export function basketFromMessages(messages: Iterable<RecordedMessage>): string[] {
  const seen = new Set<string>();
  for (const { m } of messages) {
    if (typeof m !== 'object' || m === null) continue;
    const sym = m.Symbol;
    if (m.RType === 'X' && typeof sym === 'string' && !isFuturesSymbol(sym)) seen.add(sym);
  }
  return [...seen];
}

export interface RecordFeedOptions {
  /** Stop after this long, ms (default: until the signal aborts). */
  durationMs?: number;
  signal?: AbortSignal;
  /** Called for every message recorded (e.g. to mirror it into a processor in tests). */
  onMessage?: (m: RawFeedMessage, receivedAtMs: number) => void;
  onStatus?: (s: import('./feed.js').FeedStatus) => void;
}

/**
 * Runs `feed` and writes everything it delivers to `file` until the duration elapses or
 * the signal aborts; the feed is stopped and the file flushed before this resolves.
 * Messages delivered while the feed is starting (before its basket is known) are kept and
 * written right after the header.
 */
export async function recordFeed(feed: import('./feed.js').Feed, file: string, opts: RecordFeedOptions = {}): Promise<{ count: number; basket: string[] }> {
  let writer: RecordingWriter | undefined;
  const early: Array<[RawFeedMessage, number]> = [];
  await feed.start({
    onMessage: (m, at) => {
      if (writer) writer.write(m, at);
      else early.push([m, at]);
      opts.onMessage?.(m, at);
    },
    onStatus: (s) => opts.onStatus?.(s),
  });
  const basket = feed.basket();
  writer = new RecordingWriter(file, { feed: feed.name, basket, startedAt: early[0]?.[1] ?? Date.now() });
  for (const [m, at] of early.splice(0)) writer.write(m, at);
  await new Promise<void>((resolve) => {
    if (opts.signal?.aborted) return resolve();
    const timer = opts.durationMs !== undefined ? setTimeout(done, opts.durationMs) : undefined;
    function done() {
      if (timer) clearTimeout(timer);
      opts.signal?.removeEventListener('abort', done);
      resolve();
    }
    opts.signal?.addEventListener('abort', done, { once: true });
  });
  try {
    await feed.stop();
  } finally {
    await writer.close();
  }
  return { count: writer.count, basket };
}
