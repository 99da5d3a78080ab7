// The board a client keeps, without any socket: FULL and DELTA frames applied in order,
// deltas refused across a seq gap or an epoch change (the caller then asks for a resync),
// and what changed reported back. Pure and synchronous, so it is tested frame by frame;
// BoardClient (board-client.ts) wraps it with the reconnecting WebSocket.
import { applyDelta, deepEqual } from '../../../src/wire/delta.js';
import type { Board, DecodedFrame, FeedEvent, FeedStateName, SymbolState } from './types.js';

/** What applying one board frame did. */
export type ApplyResult =
  | {
      applied: true;
      /** Symbols whose content changed, undefined state when a symbol left the board (listed only when asked for). */
      changed: Array<[symbol: string, state: SymbolState | undefined]>;
      /** Set when the frame's feed state differs from the previous frame's. */
      feed?: FeedEvent;
    }
  | {
      applied: false;
      /** 'gap': the delta does not follow the last applied frame (ask for a FULL now); 'awaiting-full': a FULL was asked for already. */
      reason: 'gap' | 'awaiting-full';
    };

export interface BoardStateCounts {
  applied: number;
  skipped: number;
  gaps: number;
  epochChanges: number;
}

export class BoardState {
  private current: Board | undefined;
  private lastSeq: number | undefined;
  private currentEpoch: string | undefined;
  /** No delta may be applied until the next FULL (after a gap, an epoch change, a new socket). */
  private awaitingFull = true;
  private lastFeedState: FeedStateName | undefined;
  private readonly counts: BoardStateCounts = { applied: 0, skipped: 0, gaps: 0, epochChanges: 0 };

  /** The current board, undefined before the first FULL frame (and after an epoch change until its FULL). */
  get board(): Board | undefined {
    return this.current;
  }

  get seq(): number | undefined {
    return this.lastSeq;
  }

  get epoch(): string | undefined {
    return this.currentEpoch;
  }

  get feedState(): FeedStateName | undefined {
    return this.lastFeedState;
  }

  /** True while deltas are refused until a FULL arrives. */
  get waitingForFull(): boolean {
    return this.awaitingFull;
  }

  get stats(): Readonly<BoardStateCounts> {
    return { ...this.counts };
  }

  /** Refuses deltas until the next FULL: a new socket, a resync asked for, or a frame lost (`gap`). */
  expectFull(gap = false): void {
    this.awaitingFull = true;
    if (gap) this.counts.gaps++;
  }

  /**
   * Applies a board frame (one with a snapshot; control frames are not board frames).
   * `listChanges` asks for the changed symbols (comparing a FULL with the board it replaces costs a walk).
   * A frame of another epoch drops the board first (`epoch` then says the new one).
   */
  apply(frame: DecodedFrame & { snapshot: Board }, listChanges = false): ApplyResult {
    if (frame.epoch !== this.currentEpoch) {
      if (this.currentEpoch !== undefined) this.counts.epochChanges++;
      // A new worker incarnation: nothing of the old board carries over.
      this.currentEpoch = frame.epoch;
      this.current = undefined;
      this.lastSeq = undefined;
      this.awaitingFull = true;
    }
    return frame.kind === 'FULL' ? this.applyFull(frame, frame.snapshot, listChanges) : this.applyDeltaFrame(frame, frame.snapshot);
  }

  private applyFull(frame: DecodedFrame, board: Board, listChanges: boolean): ApplyResult {
    const prev = this.current;
    this.current = board;
    this.lastSeq = frame.seq;
    this.awaitingFull = false;
    this.counts.applied++;
    // A FULL replaces every object: report only the symbols whose content changed.
    const changed: Array<[string, SymbolState | undefined]> = [];
    if (listChanges) {
      const before = new Map<string, SymbolState>();
      if (prev) for (const s of prev.symbols) before.set(s.symbol, s);
      for (const s of board.symbols) {
        const old = before.get(s.symbol);
        before.delete(s.symbol);
        if (!old || !deepEqual(old, s)) changed.push([s.symbol, s]);
      }
      for (const gone of before.keys()) changed.push([gone, undefined]);
    }
    return this.done(changed);
  }

  private applyDeltaFrame(frame: DecodedFrame, delta: Board): ApplyResult {
    if (this.awaitingFull) {
      this.counts.skipped++;
      return { applied: false, reason: 'awaiting-full' };
    }
    const last = this.lastSeq;
    if (!this.current || last === undefined || frame.baseSeq !== last || frame.seq !== last + 1) {
      this.counts.skipped++;
      this.expectFull(true);
      return { applied: false, reason: 'gap' };
    }
    this.current = applyDelta(this.current, delta);
    this.lastSeq = frame.seq;
    this.counts.applied++;
    const changed: Array<[string, SymbolState | undefined]> = delta.symbols.map((s) => [s.symbol, s]);
    for (const gone of delta.removedSymbols) changed.push([gone, undefined]);
    return this.done(changed);
  }

  private done(changed: Array<[string, SymbolState | undefined]>): ApplyResult {
    const feed = this.current!.feed;
    if (feed && feed.state !== this.lastFeedState) {
      const previous = this.lastFeedState;
      this.lastFeedState = feed.state;
      return { applied: true, changed, feed: { state: feed.state, lastMessageAgeMs: feed.lastMessageAgeMs, previous } };
    }
    return { applied: true, changed };
  }
}
