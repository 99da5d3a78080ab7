// Which frames an edge lets through, decided from the frame's header alone (pure: the clock
// is passed in). The trust root is the lease term an edge reads from the KV bucket only
// ingests may write (lease.ts), never a number a message claims:
//
// - term: a frame is accepted only for the lease's current term. An older term is a deposed
//   leader's late frame; a newer one is either a leader the lease watch has not shown yet
//   (the caller re-reads the lease) or a forgery. Both are dropped.
// - seq: at or below the last accepted one is stale. A jump beyond what the elapsed time
//   allows is suspect (one forged message with seq 2^53-1 must not make every real frame
//   stale) and is dropped, until a keyframe that continues the suspect run proves the
//   jump real (a run of consecutive frames is what a real producer sends, a lone message
//   is not).
// - epoch: a new epoch within the same term is a restarted worker, which starts counting
//   from 1 with a keyframe; one that starts high is dropped. A new term may bring any epoch.
export type DropReason = 'term_stale' | 'term_ahead' | 'term_unknown' | 'stale' | 'seq_jump' | 'epoch';

export interface FenceHeader {
  term: number;
  epoch: string;
  seq: number;
  keyframe: boolean;
}

export type FenceVerdict = { accept: true } | { accept: false; reason: DropReason };

export interface FenceOptions {
  intervalMs: number;
}

const ACCEPT: FenceVerdict = { accept: true };
const drop = (reason: DropReason): FenceVerdict => ({ accept: false, reason });

export class FrameFence {
  /** The lease's current term (undefined until the lease has been read). */
  leaseTerm: number | undefined;
  term = 0;
  epoch = '';
  lastSeq = 0;
  /** When the last frame was accepted (ms; 0 = never). */
  lastAcceptedAt = 0;
  private suspect: { epoch: string; seq: number } | undefined;

  constructor(private readonly o: FenceOptions) {}

  /**
   * How far seq may advance in `elapsedMs`: the worker builds at most two frames an interval
   * (its scheduled one and one extra for a format's first client), plus slack for timers.
   */
  allowance(elapsedMs: number): number {
    return 2 * Math.ceil(Math.max(0, elapsedMs) / this.o.intervalMs) + 10;
  }

  /** Whether a frame (or one format's message of it) may be used. Records suspect jumps. */
  check(h: FenceHeader, now: number, fromStore = false): FenceVerdict {
    if (this.leaseTerm === undefined) return drop('term_unknown');
    if (h.term < this.leaseTerm) return drop('term_stale');
    if (h.term > this.leaseTerm) return drop('term_ahead');
    // Nothing accepted yet, or the first frame of the lease's new term: any epoch and seq.
    if (!this.epoch || h.term !== this.term) return ACCEPT;
    const allowed = this.allowance(now - this.lastAcceptedAt);
    if (h.epoch !== this.epoch) {
      // A restarted worker of the same leader: it starts from seq 1 with a keyframe.
      return (h.keyframe || fromStore) && h.seq <= allowed ? ACCEPT : drop('epoch');
    }
    if (h.seq <= this.lastSeq) return drop('stale');
    if (h.seq - this.lastSeq <= allowed) return ACCEPT;
    const s = this.suspect;
    if ((h.keyframe || fromStore) && s && s.epoch === h.epoch && h.seq === s.seq + 1) return ACCEPT;
    if (!s || s.epoch !== h.epoch || h.seq !== s.seq) this.suspect = { epoch: h.epoch, seq: h.seq };
    return drop('seq_jump');
  }

  /** A complete frame was accepted: it becomes the reference. Says whether it starts a new epoch or follows a gap. */
  commit(h: FenceHeader, now: number): { newEpoch: boolean; gap: boolean } {
    const newEpoch = h.epoch !== this.epoch;
    const gap = !newEpoch && h.seq !== this.lastSeq + 1;
    this.term = h.term;
    this.epoch = h.epoch;
    this.lastSeq = h.seq;
    this.lastAcceptedAt = now;
    this.suspect = undefined;
    return { newEpoch, gap };
  }
}
