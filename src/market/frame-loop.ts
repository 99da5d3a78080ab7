// The worker's frame loop: every interval, build the board and encode it once per wire
// format that has clients, then hand the bytes to the main thread (transferred). With no
// clients it only sends a heartbeat.
//
// A format gaining its first client never multiplies the frame rate, however fast clients
// come and go: while frames flow (the last tick built one) the latest board is encoded in
// that format once per seq and posted as a 'format-full' (no new seq, nobody else gets
// it); after an idle spell a fresh frame is built at once, at most once an interval.
import type { Logger } from '../log.js';
import type { ClientCounts, WireFormat, WorkerToMain } from '../messages.js';
import { WIRE_FORMATS } from '../wire/formats.js';
import { diffSnapshots } from '../wire/delta.js';
import { packParts, type FrameLists, type PackedParts, type PartLists } from '../wire/frame-parts.js';
import type { SnapshotProps } from '../wire/proto.js';
import { nowUs } from '../util/clock.js';

export interface FrameLoopOptions {
  epoch: string;
  intervalMs: number;
  keyframeEvery: number;
  clients: ClientCounts;
  build: () => SnapshotProps;
  /**
   * The list channels of the frame just built (trades, candles, alerts), read once per frame: what
   * its FULL carries (with the connect/resync replay) and what its DELTA carries.
   */
  lists?: (snapshot: SnapshotProps) => { full: PartLists; delta: FrameLists };
  post: (msg: WorkerToMain, transfer?: ArrayBuffer[]) => void;
  /** Extra heartbeat fields (feed status and counters), read each interval. */
  heartbeat: () => Omit<Extract<WorkerToMain, { type: 'heartbeat' }>, 'type' | 'at' | 'framesSkipped'>;
  log: Logger;
  /** Wall clock in ms (injectable for tests). */
  now?: () => number;
}

export class FrameLoop {
  private seq = 0;
  private skipped = 0;
  private previous: SnapshotProps | undefined;
  private previousLists: PartLists = {};
  private timer: NodeJS.Timeout | undefined;
  private nextAt = 0;
  /** now() of the latest build, and whether the latest tick built (frames are flowing). */
  private builtAt = -Infinity;
  private tickBuilt = false;
  /** The formats the latest frame exists in (its own, plus any 'format-full' since). */
  private readonly encoded = new Set<WireFormat>();
  private clients: ClientCounts;
  private readonly now: () => number;

  constructor(private readonly opts: FrameLoopOptions) {
    this.clients = { ...opts.clients };
    this.now = opts.now ?? Date.now;
  }

  get framesProduced(): number {
    return this.seq;
  }

  start(): void {
    // The first frame is built regardless of clients: it proves data flows (readiness)
    // and gives the main thread a board to answer with.
    this.produce(this.activeFormats(true));
    this.beat();
    this.nextAt = this.now() + this.opts.intervalMs;
    this.schedule();
  }

  private beat(): void {
    try {
      this.opts.post({ type: 'heartbeat', at: this.now(), framesSkipped: this.skipped, ...this.opts.heartbeat() });
    } catch (err) {
      this.opts.log.error({ err }, 'heartbeat failed');
    }
  }

  stop(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
  }

  setClients(clients: ClientCounts): void {
    const gained = WIRE_FORMATS.filter((f) => clients[f] > 0 && this.clients[f] === 0);
    this.clients = { ...clients };
    if (gained.length === 0 || !this.timer) return;
    const flowing = this.previous !== undefined && (this.tickBuilt || this.now() - this.builtAt < this.opts.intervalMs);
    try {
      if (!flowing) this.produce(this.activeFormats(false));
      else for (const f of gained) this.encodeLatest(f);
    } catch (err) {
      // The new clients wait for the next tick instead.
      this.opts.log.error({ err, seq: this.seq }, 'serving a first client failed');
    }
  }

  /** The latest frame's board in one more format, once per seq (a connect storm costs one encode). */
  private encodeLatest(format: WireFormat): void {
    if (this.encoded.has(format)) return;
    this.encoded.add(format);
    const parts = packParts(this.previous!, format, this.previousLists);
    this.opts.post({ type: 'format-full', seq: this.seq, parts }, [parts.bytes]);
  }

  private activeFormats(initial: boolean): WireFormat[] {
    const active = WIRE_FORMATS.filter((f) => this.clients[f] > 0);
    return active.length === 0 && initial ? ['proto'] : active;
  }

  private schedule(): void {
    // Aim at fixed instants (start + k·interval) so the period does not drift; after a
    // stall, skip the missed instants rather than bursting to catch up.
    const now = this.now();
    if (this.nextAt < now) this.nextAt += Math.ceil((now - this.nextAt) / this.opts.intervalMs) * this.opts.intervalMs;
    this.timer = setTimeout(() => this.tick(), Math.max(0, this.nextAt - now));
  }

  private tick(): void {
    this.nextAt += this.opts.intervalMs;
    try {
      const formats = this.activeFormats(false);
      this.tickBuilt = formats.length > 0;
      if (formats.length === 0) this.skipped++;
      else this.produce(formats);
    } catch (err) {
      // One bad iteration must not stop the board: log with context and go on.
      this.opts.log.error({ err, seq: this.seq }, 'frame iteration failed');
    }
    this.beat();
    if (this.timer) this.schedule();
  }

  /** Builds, encodes once per format and posts one frame. */
  produce(formats: WireFormat[]): void {
    if (formats.length === 0) return;
    const t0 = performance.now();
    const snapshot = this.opts.build();
    const seq = this.seq + 1;
    // Keyframes bound how long a client can go on deltas alone; a change a delta cannot
    // express (a daily reset, say) also goes out FULL.
    const keyframeDue = this.previous === undefined || seq % this.opts.keyframeEvery === 1 || this.opts.keyframeEvery === 1;
    const diff = keyframeDue ? undefined : diffSnapshots(this.previous!, snapshot);
    const keyframe = keyframeDue || diff!.needsFull;
    const lists = this.opts.lists?.(snapshot) ?? { full: {}, delta: {} };
    const t1 = performance.now();
    const full: PackedParts[] = [];
    const delta: PackedParts[] | null = keyframe ? null : [];
    const encodeUs: Record<string, number> = {};
    for (const format of formats) {
      const e0 = performance.now();
      full.push(packParts(snapshot, format, lists.full));
      if (delta) delta.push(packParts(diff!.delta, format, { lists: lists.delta }));
      encodeUs[format] = Math.round((performance.now() - e0) * 1000);
    }
    // produced_at_us: when the frame is finished (built and encoded), as latency probes expect.
    const producedAtUs = nowUs();
    this.seq = seq;
    this.previous = snapshot;
    this.previousLists = lists.full;
    this.builtAt = this.now();
    this.encoded.clear();
    for (const f of formats) this.encoded.add(f);
    const transfer = [...full, ...(delta ?? [])].map((p) => p.bytes);
    this.opts.post({ type: 'frame', seq, producedAtUs, keyframe, buildUs: Math.round((t1 - t0) * 1000), encodeUs, full, delta }, transfer);
  }
}
