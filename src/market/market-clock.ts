// The market clock between messages: the time of the newest message the processor
// accepted, advanced by the wall time since it arrived (times the feed's pace: a replay at
// 10× or a simulator at SIM_CLOCK_SPEED runs its market that much faster). It lets the
// board's phase and market time follow the exchange calendar while the feed is quiet —
// the lunch break starts at 11:30 and the close comes without any message. Pure; the wall
// clock is injected.

export interface MarketClockOptions {
  /** Market ms per wall ms (1 for a live feed). */
  rate: number;
  /** Wall clock, ms since the Unix epoch. Default Date.now. */
  now?: () => number;
  /**
   * A live feed's market runs on the wall clock itself: before its first message the clock
   * reads the wall time (a board started on a Sunday says CLOSED at once). Otherwise the
   * clock is unknown (0) until the first message.
   */
  wallIsMarket?: boolean;
}

export class MarketClock {
  private readonly rate: number;
  private readonly wall: () => number;
  private readonly wallIsMarket: boolean;
  private anchorMarket = 0;
  private anchorWall = 0;
  private last = 0;

  constructor(opts: MarketClockOptions) {
    if (!(opts.rate > 0) || !Number.isFinite(opts.rate)) throw new RangeError(`MarketClock rate must be a positive number, got ${opts.rate}`);
    this.rate = opts.rate;
    this.wall = opts.now ?? Date.now;
    this.wallIsMarket = opts.wallIsMarket ?? false;
  }

  /**
   * A message stamped `marketMs` was accepted just now. Only a newer time moves the anchor:
   * messages share a second's stamp, and a late one must not pull the clock back.
   */
  observe(marketMs: number): void {
    if (!(marketMs > this.anchorMarket)) return;
    this.anchorMarket = marketMs;
    this.anchorWall = this.wall();
  }

  /** The market time now, ms; never earlier than a previous reading; 0 while unknown. */
  now(): number {
    const w = this.wall();
    let t: number;
    if (this.anchorMarket > 0) t = this.anchorMarket + Math.max(0, w - this.anchorWall) * this.rate;
    else t = this.wallIsMarket ? w : 0;
    if (t > this.last) this.last = t;
    return this.last;
  }
}
