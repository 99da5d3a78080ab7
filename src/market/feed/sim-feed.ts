// FEED=sim: the built-in simulated market (src/market/sim/market-sim.ts) on timers.
// A thin wrapper: every tick it advances the simulation by the wall time elapsed and hands
// the messages due to the context. The simulation itself has no timers, so tests step it.
import { MarketSim, type SimOptions } from '../sim/market-sim.js';
import { FeedLink, type Feed, type FeedContext, type FeedStatus, type RawFeedMessage } from './feed.js';

export interface SimFeedOptions extends Partial<SimOptions> {
  /** Timer period, ms (default 25). */
  tickMs?: number;
  /** The most wall time one tick may catch up (after a stall or a laptop sleep), ms. Default 5000. */
  maxCatchUpMs?: number;
}

export class SimFeed implements Feed {
  readonly name = 'sim';
  readonly clockRate: number;
  /** The simulation behind the feed (its seed, clock and phase are readable). */
  readonly market: MarketSim;
  private readonly now: () => number;
  private readonly tickMs: number;
  private readonly maxCatchUpMs: number;
  private timer: ReturnType<typeof setInterval> | undefined;
  private lastWall = 0;
  private readonly link = new FeedLink();

  constructor(opts: SimFeedOptions = {}) {
    this.now = opts.now ?? Date.now;
    this.tickMs = opts.tickMs ?? 25;
    this.maxCatchUpMs = opts.maxCatchUpMs ?? 5000;
    if (!(this.tickMs >= 1)) throw new RangeError(`SimFeed tickMs must be >= 1, got ${this.tickMs}`);
    this.market = new MarketSim({ ...opts, now: this.now });
    this.clockRate = this.market.options.clockSpeed;
  }

  basket(): string[] {
    return [...this.market.symbols];
  }

  async start(ctx: FeedContext): Promise<void> {
    if (this.timer) return;
    this.link.ctx = ctx;
    this.link.setStatus({ state: 'connecting' });
    this.lastWall = this.now();
    this.deliver(this.market.snapshot(), this.lastWall);
    this.link.setStatus({ state: 'live', lastMessageAt: this.lastWall });
    this.timer = setInterval(() => this.tick(), this.tickMs);
  }

  async stop(): Promise<void> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    if (this.link.state.state !== 'stopped') this.link.setStatus({ ...this.link.state, state: 'stopped' });
    this.link.ctx = undefined;
  }

  status(): FeedStatus {
    return { ...this.link.state };
  }

  /** One timer tick: advance by the wall time since the last one (bounded) and deliver. */
  tick(): void {
    if (!this.link.ctx) return;
    const wall = this.now();
    const elapsed = Math.min(Math.max(0, wall - this.lastWall), this.maxCatchUpMs);
    this.lastWall = wall;
    let msgs: RawFeedMessage[];
    try {
      msgs = this.market.advance(elapsed);
    } catch (err) {
      this.link.setStatus({ ...this.link.state, lastError: `simulator: ${(err as Error).message}` });
      return;
    }
    if (msgs.length > 0) this.deliver(msgs, wall);
    // The simulator is its own upstream: every tick proves it alive, quiet phases included.
    this.link.state.lastMessageAt = wall;
  }

  private deliver(msgs: RawFeedMessage[], at: number): void {
    for (const m of msgs) this.link.deliver(m, at);
  }
}
