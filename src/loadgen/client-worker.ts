// Piscina worker: one task is one shard of client sockets. It opens them at its share of
// the ramp, decodes every frame, checks seq per socket, records latency inside the
// measurement window, reports progress once a second on the task's MessagePort, and
// returns its counters and histogram when the run ends (or when told to stop).
import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import type { Histogram } from 'hdr-histogram-js';
import { openClientSocket } from './client-socket.js';
import type { ClientSocket } from './socket-events.js';
import { decodeMessage } from './decode.js';
import type { MainToWorker, ShardCounters, ShardResult, ShardTask, WorkerToMain } from './messages.js';
import { checkSeq, createLatencyHistogram, emptySeqCounts, encodeHistogram, recordLatency, type SeqState } from './stats.js';
import { nowUsFine as nowUs } from '../util/clock.js';

const RAMP_TICK_MS = 10;
const PROGRESS_MS = 1000;
const REPORT_LEAD_MS = 100;
/** How long finished sockets get to close politely before they are terminated. */
const CLOSE_GRACE_MS = 1500;
const MAX_ERROR_SAMPLES = 5;

function newCounters(): ShardCounters {
  return {
    attempted: 0, connected: 0, open: 0, connectFailures: 0, connectsUnfinished: 0, disconnects: 0, decodeErrors: 0,
    negativeLatencies: 0, framesTotal: 0, frames: 0, bytes: 0, controlFrames: 0,
    seq: emptySeqCounts(), firstErrors: [],
  };
}

class Shard {
  private readonly c = newCounters();
  private readonly hist: Histogram = createLatencyHistogram();
  private readonly sockets = new Set<ClientSocket>();
  /** Resolves closeAll's wait when the last socket has closed. */
  private allClosed: (() => void) | null = null;
  private readonly windowStartUs: number;
  private readonly windowEndUs: number;
  private closing = false;
  private stoppedAtUs: number | null = null;
  private finish!: () => void;
  /** This thread's event-loop delay over the window: a lagging loadgen measures itself. */
  private readonly lag: IntervalHistogram = monitorEventLoopDelay({ resolution: 10 });

  constructor(private readonly task: ShardTask) {
    this.windowStartUs = task.windowStartMs * 1000;
    this.windowEndUs = task.windowEndMs * 1000;
  }

  async run(): Promise<ShardResult> {
    const { port } = this.task;
    const ended = new Promise<void>((resolve) => { this.finish = resolve; });
    port.on('message', (msg: MainToWorker) => {
      if (msg.type === 'stop') { this.stoppedAtUs ??= nowUs(); this.finish(); }
    });
    const ramp = setInterval(() => this.rampTick(), RAMP_TICK_MS);
    this.rampTick();
    // Report just before each whole second of the shared clock, when the main thread
    // prints, so every progress line sees fresh counts from every shard.
    let progress: NodeJS.Timeout | undefined;
    const firstReport = setTimeout(() => {
      this.report();
      progress = setInterval(() => this.report(), PROGRESS_MS);
    }, Math.max(0, this.task.startAtMs + PROGRESS_MS - REPORT_LEAD_MS - Date.now()));
    const endTimer = setTimeout(() => this.finish(), Math.max(0, this.task.windowEndMs - Date.now()));
    const lagTimer = setTimeout(() => this.lag.enable(), Math.max(0, this.task.windowStartMs - Date.now()));

    await ended;
    clearInterval(ramp);
    clearTimeout(firstReport);
    clearInterval(progress);
    clearTimeout(endTimer);
    clearTimeout(lagTimer);
    this.lag.disable();
    await this.closeAll();
    this.report();
    port.close();

    const endUs = Math.min(this.stoppedAtUs ?? this.windowEndUs, this.windowEndUs);
    return {
      shardId: this.task.shardId,
      counters: this.c,
      histogram: encodeHistogram(this.hist),
      windowS: Math.max(0, endUs - this.windowStartUs) / 1_000_000,
      // The histogram is in ns and includes the 10 ms sampling period itself.
      loopLagMs: this.lag.count === 0 ? { p99: 0, max: 0 } : { p99: Math.max(0, this.lag.percentile(99) / 1e6 - 10), max: Math.max(0, this.lag.max / 1e6 - 10) },
    };
  }

  /** Opens the sockets that are due by now at this shard's ramp rate. */
  private rampTick(): void {
    const { clients, rampPerS, startAtMs } = this.task;
    if (Date.now() < startAtMs) return;
    const elapsedS = (Date.now() - startAtMs) / 1000;
    const due = Math.min(clients, Math.floor(elapsedS * rampPerS) + 1);
    while (!this.closing && this.c.attempted < due) this.open();
  }

  private noteError(text: string): void {
    if (this.c.firstErrors.length < MAX_ERROR_SAMPLES && !this.c.firstErrors.includes(text)) this.c.firstErrors.push(text);
  }

  private open(): void {
    const c = this.c;
    const query = this.task.queries?.[c.attempted];
    c.attempted++;
    const url = query ? `${this.task.url}${this.task.url.includes('?') ? '&' : '?'}${query}` : this.task.url;
    let opened = false;
    let seq: SeqState = null;
    const socket = openClientSocket(this.task.client, url, this.task.connectTimeoutMs, {
      open: () => { opened = true; c.connected++; c.open++; },
      error: (text) => { if (!this.closing) this.noteError(text); },
      close: () => {
        this.sockets.delete(socket);
        if (opened) {
          c.open--;
          if (!this.closing) c.disconnects++;
        } else {
          // Includes handshakes still pending when the run ended: they did not connect.
          c.connectFailures++;
        }
        if (this.sockets.size === 0) this.allClosed?.();
      },
      message: (data, isBinary, length) => {
        // Stamp before decoding: the decode cost is ours, not the server's.
        const receivedUs = nowUs();
        let msg;
        try {
          msg = decodeMessage(data, isBinary, this.task.decode);
        } catch (err) {
          c.decodeErrors++;
          this.noteError(`decode: ${(err as Error).message}`);
          return;
        }
        if (msg.type === 'control') { c.controlFrames++; return; }
        c.framesTotal++;
        // Sequence checks run for the whole life of the socket: correctness has no warmup.
        seq = checkSeq(seq, msg.header, c.seq);
        if (receivedUs < this.windowStartUs || receivedUs >= this.windowEndUs || this.stoppedAtUs !== null) return;
        c.frames++;
        c.bytes += length;
        if (!recordLatency(this.hist, receivedUs - msg.producedAtUs)) c.negativeLatencies++;
      },
    });
    this.sockets.add(socket);
  }

  private report(): void {
    const msg: WorkerToMain = {
      type: 'progress',
      shardId: this.task.shardId,
      counters: this.c,
      histogram: nowUs() >= this.windowStartUs ? encodeHistogram(this.hist) : undefined,
    };
    this.task.port.postMessage(msg);
  }

  /** Polite close first (1000), then terminate whatever has not closed in time. */
  private async closeAll(): Promise<void> {
    this.closing = true;
    if (this.sockets.size === 0) return;
    const allClosed = new Promise<void>((resolve) => { this.allClosed = resolve; });
    for (const s of [...this.sockets]) {
      if (s.connecting) this.c.connectsUnfinished++;
      s.close();
    }
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([allClosed, new Promise<void>((r) => { timer = setTimeout(r, CLOSE_GRACE_MS); })]);
    clearTimeout(timer);
    for (const s of this.sockets) s.terminate();
  }
}

export default async function runShard(task: ShardTask): Promise<ShardResult> {
  return new Shard(task).run();
}
