// The feed interface: anything that produces raw upstream messages (SSI-shaped objects)
// for the normalizer. Adapters: sim (built-in market), replay (a recording), ssi.

/** A raw upstream message as the feed delivered it: an SSI-shaped object with an RType. */
export type RawFeedMessage = Record<string, unknown>;

export type FeedState = 'connecting' | 'live' | 'reconnecting' | 'stopped' | 'failed';

export interface FeedStatus {
  state: FeedState;
  /** The last error, if any, as a short message (never a secret). */
  lastError?: string;
  /** Wall-clock ms of the last message (data or keep-alive) from upstream. */
  lastMessageAt?: number;
}

export interface FeedContext {
  /** Called for every upstream message, in order. Must not throw back into the feed. */
  onMessage(raw: RawFeedMessage, receivedAtMs: number): void;
  /** Called when the feed's state changes. */
  onStatus(status: FeedStatus): void;
}

export interface Feed {
  readonly name: string;
  /** Symbols of the basket being tracked (VN30 constituents). Known after start resolves. */
  basket(): string[];
  start(ctx: FeedContext): Promise<void>;
  stop(): Promise<void>;
  status(): FeedStatus;
}
