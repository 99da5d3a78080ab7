// The feed interface: anything that produces raw upstream messages (SSI-shaped objects)
// for the normalizer. Adapters: sim (built-in market), replay (a recording), ssi.
import type { Exchange } from '../rules/exchange.js';

/** A raw upstream message as the feed delivered it: an SSI-shaped object with an RType. */
export type RawFeedMessage = Record<string, unknown>;

export type FeedState = 'connecting' | 'live' | 'reconnecting' | 'stopped' | 'failed';

export interface FeedStatus {
  state: FeedState;
  /** The last error, if any, as a short message (never a secret). */
  lastError?: string;
  /** Wall-clock ms of the last message (data or keep-alive) from upstream. */
  lastMessageAt?: number;
  /** Cumulative event counts of the adapter (sessions, retries, watchdog trips, …) for metrics. */
  counters?: Record<string, number>;
}

export interface FeedContext {
  /** Called for every upstream message, in order. Must not throw back into the feed. */
  onMessage(raw: RawFeedMessage, receivedAtMs: number): void;
  /** Called when the feed's state changes. */
  onStatus(status: FeedStatus): void;
}

export interface Feed {
  readonly name: string;
  /**
   * The pace of the feed's market: market ms per wall ms (a replay's speed, the simulator's
   * clock speed; 1 for a live feed). The worker's market clock advances at this rate while
   * the feed is quiet. Default 1.
   */
  readonly clockRate?: number;
  /** True when the feed's market runs on the wall clock (a live exchange feed). */
  readonly realTime?: boolean;
  /** Symbols of the basket being tracked (VN30 constituents). Known after start resolves. */
  basket(): string[];
  /** The board each basket stock trades on, when the feed knows it (else the universe's list says). */
  exchangeOf?(symbol: string): Exchange | undefined;
  /** The named boards (VN30, HOSE, …) as symbol lists, when the feed learned them (else the universe's). */
  boards?(): Record<string, string[]>;
  start(ctx: FeedContext): Promise<void>;
  stop(): Promise<void>;
  status(): FeedStatus;
}

/**
 * The feed's end of a FeedContext, shared by the adapters: it holds the feed's status,
 * reports changes, and delivers messages so that a consumer that throws (the contract
 * says it must not) is recorded in the status and never stops the feed.
 */
export class FeedLink {
  ctx: FeedContext | undefined;
  state: FeedStatus = { state: 'stopped' };

  deliver(m: RawFeedMessage, at: number): void {
    const ctx = this.ctx;
    if (!ctx) return;
    try {
      ctx.onMessage(m, at);
    } catch (err) {
      this.state.lastError = `onMessage threw: ${(err as Error)?.message ?? String(err)}`;
    }
  }

  setStatus(s: FeedStatus): void {
    this.state = s;
    try {
      this.ctx?.onStatus({ ...s });
    } catch {
      // a status listener failing must not stop the feed
    }
  }
}
