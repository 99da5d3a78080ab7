// GET /api/snapshot from the main thread's latest frame: the JSON parts of the last frame
// the worker (or, on an edge, the ingest) encoded, assembled into the view the caller may
// see (a JWT's channels), never a round trip to the worker per request. ETag is
// "epoch/seq" (plus the channels for a restricted view); If-None-Match → 304.
//
// The worker encodes JSON only while a format has readers, so a snapshot request counts as
// a JSON reader for SNAPSHOT_DEMAND_MS after it (onDemandChange tells the server to recount).
// A request that finds no current JSON frame (the first after an idle spell) waits for the
// next one; however many requests come, the worker's work stays one frame per interval.
import { createHash } from 'node:crypto';
import type { WorkerToMain } from '../messages.js';
import { DEFAULT_CHANNELS, type Channel, type PackedParts } from '../wire/frame-parts.js';
import { httpError, type HttpAnswer } from './http-answer.js';
import { assembleView, type FrameMeta } from '../wire/views.js';
import { allowedChannels } from './views.js';

export interface SnapshotOptions {
  intervalMs: number;
  /** Called when the JSON demand of snapshot requests starts or ends. */
  onDemandChange: () => void;
}

interface Latest {
  meta: FrameMeta;
  parts: PackedParts;
  receivedAt: number;
  /** Assembled bodies by channel set, at most once per frame. */
  bodies: Map<string, Uint8Array>;
}

/** Snapshot requests keep the JSON encoding alive this long after the last one. */
export const snapshotDemandMs = (intervalMs: number) => Math.max(30_000, 3 * intervalMs);

const ifNoneMatchHas = (header: string, etag: string) => header !== '' && header.split(',').some((t) => t.trim().replace(/^W\//, '') === etag);

export class SnapshotCache {
  private epoch = '';
  private latest: Latest | undefined;
  private demandUntil = 0;
  private demandTimer: NodeJS.Timeout | undefined;
  private waiters = new Set<() => void>();

  constructor(private readonly opts: SnapshotOptions) {}

  /** True while snapshot requests want JSON frames (count it as one JSON reader). */
  get wanted(): boolean {
    return this.demandTimer !== undefined;
  }

  /** Every message of the frame source. */
  onMessage(msg: WorkerToMain): void {
    if (msg.type === 'ready') {
      this.epoch = msg.epoch;
      this.latest = undefined;
    } else if (msg.type === 'frame' && msg.full.length > 0) {
      const json = msg.full.find((p) => p.format === 'json');
      // A frame without JSON makes the last JSON one stale: never serve an older board.
      this.latest = json && { meta: { seq: msg.seq, epoch: this.epoch, producedAtUs: msg.producedAtUs }, parts: json, receivedAt: Date.now(), bodies: new Map() };
      if (json) for (const wake of [...this.waiters]) wake();
    }
  }

  /**
   * The answer for a caller allowed `channels` (undefined: all), with its If-None-Match, for
   * the symbols of a named board or watchlist (null: the whole board).
   */
  async answer(channels: readonly string[] | undefined, ifNoneMatch: string, symbols: ReadonlySet<string> | null = null): Promise<HttpAnswer> {
    const l = await this.current();
    if (!l) return httpError('BC_NO_SNAPSHOT', 'no frame yet');
    // The board's channels only: the opt-in lists (trades, candles, alerts) are a stream's, not a snapshot's.
    const claim = allowedChannels(channels);
    const allowed = new Set<Channel>(DEFAULT_CHANNELS.filter((c) => claim.has(c)));
    const channelKey = DEFAULT_CHANNELS.filter((c) => allowed.has(c)).join(',');
    // A symbol set goes into the ETag as a short digest (a board can have 850 names).
    const symbolKey = symbols ? createHash('sha1').update([...symbols].sort().join(',')).digest('base64url').slice(0, 12) : '';
    const key = `${channelKey}|${symbolKey}`;
    const etag = `"${l.meta.epoch}/${l.meta.seq}${allowed.size === DEFAULT_CHANNELS.length ? '' : `;${channelKey}`}${symbols ? `;${symbolKey}` : ''}"`;
    const headers = { ETag: etag, 'Cache-Control': 'no-cache', Vary: 'Authorization' };
    if (ifNoneMatchHas(ifNoneMatch, etag)) return { status: '304 Not Modified', headers };
    let body = l.bodies.get(key);
    if (!body) l.bodies.set(key, (body = assembleView(l.meta, 'FULL', 0, l.parts, { format: 'json', channels: allowed, symbols: symbols ? new Set(symbols) : null, delta: false })));
    return { status: '200 OK', body, headers };
  }

  /** Stops the demand timer (shutdown). */
  close(): void {
    clearTimeout(this.demandTimer);
    this.demandTimer = undefined;
    for (const wake of [...this.waiters]) wake();
  }

  private async current(): Promise<Latest | undefined> {
    this.demand();
    const fresh = () => (this.latest && Date.now() - this.latest.receivedAt <= this.opts.intervalMs * 1.5 ? this.latest : undefined);
    const now = fresh();
    if (now) return now;
    // The worker builds a frame at once for a format's first reader; an edge gets one per interval.
    await new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        this.waiters.delete(done);
        resolve();
      };
      const timer = setTimeout(done, Math.min(30_000, this.opts.intervalMs * 1.5 + 2000));
      this.waiters.add(done);
    });
    return fresh();
  }

  private demand(): void {
    const span = snapshotDemandMs(this.opts.intervalMs);
    this.demandUntil = Date.now() + span;
    if (this.demandTimer) return;
    const check = () => {
      const left = this.demandUntil - Date.now();
      if (left > 0) {
        this.demandTimer = setTimeout(check, left).unref();
        return;
      }
      this.demandTimer = undefined;
      this.opts.onDemandChange();
    };
    this.demandTimer = setTimeout(check, span).unref();
    this.opts.onDemandChange();
  }
}
