// Picks the feed adapter named by FEED (in the market worker, and in `npm run record`).
import { BoardcastError } from '../../errors.js';
import type { Logger } from '../../log.js';
import type { Feed } from './feed.js';
import type { FeedStartup } from './feed-startup.js';

export { feedStartupFromConfig, type FeedStartup } from './feed-startup.js';

/**
 * `log` receives what an adapter reports for an operator (e.g. a subscription that did not hold).
 * Only the adapter asked for is loaded: the SSI one brings a WebSocket client and SignalR, which
 * a market worker on the simulator would otherwise keep in memory for nothing.
 */
export async function createFeed(startup: FeedStartup, log?: Logger): Promise<Feed> {
  switch (startup.feed) {
    case 'sim': {
      const { SimFeed } = await import('./sim-feed.js');
      return new SimFeed({ seed: startup.sim.seed, tradesPerSecond: startup.sim.tradesPerSecond, startTime: startup.sim.startTime, clockSpeed: startup.sim.clockSpeed, universe: startup.universe ?? 'vn30' });
    }
    case 'ssi': {
      if (!startup.ssi) throw new BoardcastError('BC_FEED_UNAVAILABLE', 'FEED=ssi needs its options (SSI_CONSUMER_ID, SSI_CONSUMER_SECRET, ...)', { feed: 'ssi' });
      const { SsiFeed } = await import('./ssi/ssi-feed.js');
      return new SsiFeed({
        ...startup.ssi,
        log,
        universe: startup.universe ?? 'vn30',
        // The foreign-flow reconciliation covers every board the universe has.
        ...(startup.universe === 'all' ? { reconcileMarkets: ['HOSE', 'HNX', 'UPCOM'] } : {}),
      });
    }
    case 'replay': {
      if (!startup.replay) throw new BoardcastError('BC_FEED_UNAVAILABLE', 'FEED=replay needs REPLAY_FILE', { feed: 'replay' });
      const { ReplayFeed } = await import('./replay-feed.js');
      return new ReplayFeed(startup.replay);
    }
    default:
      throw new BoardcastError('BC_FEED_UNAVAILABLE', `FEED=${startup.feed} is not available; use sim, replay or ssi`, { feed: startup.feed });
  }
}
