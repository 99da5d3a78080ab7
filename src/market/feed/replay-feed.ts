// FEED=replay: plays a recording (src/market/feed/recording.ts) with its original timing
// scaled by `speed` (10 = ten times faster), optionally in a loop. The basket is the
// recording header's, or, for a file without one, the stocks quoted in its first messages.
// Messages go to the context exactly as recorded, so they pass through the normalizer
// like live ones (malformed ones included).
import { setImmediate as yieldToLoop, setTimeout as sleep } from 'node:timers/promises';
import { FeedLink, type Feed, type FeedContext, type FeedStatus, type RawFeedMessage } from './feed.js';
import { basketFromMessages, openRecording, RecordingError, type RecordedMessage } from './recording.js';

export interface ReplayFeedOptions {
  file: string;
  /** Recorded seconds per wall-clock second (default 1). */
  speed?: number;
  /** Start again from the top at the end (default false). */
  loop?: boolean;
  /** Without a header, how many leading messages to scan for the basket (default 20,000). */
  basketScan?: number;
  now?: () => number;
}

/** Messages delivered back to back (no timer wait) before the feed yields to the event loop. */
const YIELD_EVERY = 256;

export class ReplayFeed implements Feed {
  readonly name = 'replay';
  readonly file: string;
  readonly speed: number;
  readonly clockRate: number;
  readonly loop: boolean;
  private readonly basketScan: number;
  private readonly now: () => number;
  private symbols: string[] = [];
  private readonly link = new FeedLink();
  private abort: AbortController | undefined;
  private running: Promise<void> | undefined;
  /** Messages delivered so far (over all loops). */
  delivered = 0;
  /** Completed passes over the file. */
  passes = 0;

  constructor(opts: ReplayFeedOptions) {
    this.file = opts.file;
    this.speed = opts.speed ?? 1;
    this.clockRate = this.speed;
    this.loop = opts.loop ?? false;
    this.basketScan = opts.basketScan ?? 20_000;
    this.now = opts.now ?? Date.now;
    if (!(this.speed > 0) || !Number.isFinite(this.speed)) throw new RangeError(`ReplayFeed speed must be a positive number, got ${this.speed}`);
  }

  basket(): string[] {
    return [...this.symbols];
  }

  status(): FeedStatus {
    return { ...this.link.state };
  }

  /** Resolves when playback ends (the end of the file without loop, stop(), or a read error). */
  get finished(): Promise<void> {
    return this.running ?? Promise.resolve();
  }

  async start(ctx: FeedContext): Promise<void> {
    if (this.running) return;
    this.link.ctx = ctx;
    this.link.setStatus({ state: 'connecting' });
    // Open once up front so a missing or foreign file fails start() with a clear error.
    const first = await openRecording(this.file);
    let lead: RecordedMessage[] = [];
    if (first.header && first.header.basket.length > 0) this.symbols = [...first.header.basket];
    else {
      // next() by hand: a for-await `break` would close the generator the replay continues.
      while (lead.length < this.basketScan) {
        const r = await first.messages.next();
        if (r.done) break;
        lead.push(r.value);
      }
      this.symbols = basketFromMessages(lead);
      if (this.symbols.length === 0) {
        first.close();
        throw new RecordingError(`${this.file}: no header and no quote messages to take the basket from`, { file: this.file });
      }
    }
    this.abort = new AbortController();
    const signal = this.abort.signal;
    this.link.setStatus({ state: 'live' });
    this.running = this.play(first.messages, lead, signal).catch((err: unknown) => {
      if (signal.aborted) return;
      this.link.setStatus({ ...this.link.state, state: 'failed', lastError: `replay: ${(err as Error)?.message ?? String(err)}` });
    });
    lead = [];
  }

  async stop(): Promise<void> {
    this.abort?.abort();
    await this.running;
    if (this.link.state.state !== 'stopped') this.link.setStatus({ ...this.link.state, state: 'stopped' });
    this.link.ctx = undefined;
  }

  private async play(firstPass: AsyncGenerator<RecordedMessage>, lead: RecordedMessage[], signal: AbortSignal): Promise<void> {
    let messages: AsyncGenerator<RecordedMessage> = firstPass;
    let prefix = lead;
    for (;;) {
      await this.playPass(messages, prefix, signal);
      prefix = [];
      if (signal.aborted) return;
      this.passes++;
      if (!this.loop) return;
      messages = (await openRecording(this.file)).messages;
    }
  }

  private async playPass(messages: AsyncGenerator<RecordedMessage>, prefix: RecordedMessage[], signal: AbortSignal): Promise<void> {
    let t0: number | undefined;
    let wall0 = 0;
    let burst = 0;
    const deliver = async (rec: RecordedMessage) => {
      if (t0 === undefined) {
        t0 = rec.t;
        wall0 = this.now();
      }
      const due = wall0 + (rec.t - t0) / this.speed;
      const wait = due - this.now();
      if (wait >= 1) {
        burst = 0;
        await sleep(wait, undefined, { signal });
      } else if (++burst >= YIELD_EVERY) {
        burst = 0;
        await yieldToLoop(undefined, { signal });
      }
      this.emit(rec.m);
    };
    try {
      for (const rec of prefix) await deliver(rec);
      for await (const rec of messages) {
        if (signal.aborted) return;
        await deliver(rec);
      }
    } catch (err) {
      if (signal.aborted) return;
      throw err;
    } finally {
      await messages.return(undefined);
    }
  }

  private emit(m: RawFeedMessage | string): void {
    if (!this.link.ctx) return;
    const at = this.now();
    this.delivered++;
    this.link.state.lastMessageAt = at;
    // A malformed payload was recorded as its string: the normalizer counts it as such.
    this.link.deliver(m as RawFeedMessage, at);
  }

}
