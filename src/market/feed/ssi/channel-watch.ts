// Whether successive SwitchChannels calls on one FastConnect connection add to the
// subscription or replace it is not documented. The adapter does not depend on it: it
// counts messages per channel type, and when a subscribed type delivers nothing during a
// whole window of its trading hours while another type on the same connection does, the
// subscription did not hold, and the adapter falls back to one connection per channel
// type (SSI_CHANNEL_MODE=auto). Pure: the feed feeds it counts and the clock.

/**
 * Channel types with a steady flow while the market trades: a silent one is a sign. F
 * (security status) only speaks when a status changes, so it is never judged silent.
 */
export const WATCHED_TYPES: readonly string[] = ['X', 'R', 'MI'];

/** The channel type of a subscription string ("X:FPT-VNM" → "X") or of a message's RType. */
export function channelType(channelOrRType: string): string {
  const colon = channelOrRType.indexOf(':');
  const t = (colon < 0 ? channelOrRType : channelOrRType.slice(0, colon)).toUpperCase();
  // X-QUOTE / X-TRADE are views of X.
  return t.startsWith('X-') ? 'X' : t;
}

export interface SilentVerdict {
  /** Types that delivered nothing over the window. */
  silent: string[];
  /** Types that did deliver, with their counts. */
  delivered: Record<string, number>;
}

export class ChannelWatch {
  private counts = new Map<string, number>();
  private since = 0;
  private hoursAtStart = new Set<string>();

  /**
   * @param types the watched types subscribed on the connection
   * @param windowMs how long a type must stay silent to count
   * @param inHours whether a type's market is trading at a wall-clock time
   */
  constructor(
    private readonly types: readonly string[],
    private readonly windowMs: number,
    private readonly inHours: (type: string, nowMs: number) => boolean,
  ) {}

  /** Starts a window (on subscribing, and after each verdict). */
  reset(nowMs: number): void {
    this.counts = new Map(this.types.map((t) => [t, 0]));
    this.since = nowMs;
    this.hoursAtStart = new Set(this.types.filter((t) => this.inHours(t, nowMs)));
  }

  /** One message of a channel type (other types are ignored). */
  count(type: string): void {
    const n = this.counts.get(type);
    if (n !== undefined) this.counts.set(type, n + 1);
  }

  /**
   * Once a window is complete: the types that stayed silent through it although their
   * market traded at both its ends, when at least one other type delivered; undefined
   * when the window is not complete yet or nothing is wrong. A new window starts then.
   */
  check(nowMs: number): SilentVerdict | undefined {
    if (nowMs - this.since < this.windowMs) return undefined;
    const delivered: Record<string, number> = {};
    const silent: string[] = [];
    for (const [t, n] of this.counts) {
      if (n > 0) delivered[t] = n;
      else if (this.hoursAtStart.has(t) && this.inHours(t, nowMs)) silent.push(t);
    }
    this.reset(nowMs);
    return silent.length > 0 && Object.keys(delivered).length > 0 ? { silent, delivered } : undefined;
  }
}
