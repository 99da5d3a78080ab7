// Picks the feed adapter named by FEED (in the market worker, and in `npm run record`).
import { BoardcastError } from '../../errors.js';
import type { Logger } from '../../log.js';
import type { Feed } from './feed.js';
import { ReplayFeed } from './replay-feed.js';
import { SimFeed } from './sim-feed.js';
import { SsiFeed } from './ssi/ssi-feed.js';
import type { FeedStartup } from './feed-startup.js';

export { feedStartupFromConfig, type FeedStartup } from './feed-startup.js';

/** `log` receives what an adapter reports for an operator (e.g. a subscription that did not hold). */
export function createFeed(startup: FeedStartup, log?: Logger): Feed {
  switch (startup.feed) {
    case 'sim':
      return new SimFeed({ seed: startup.sim.seed, tradesPerSecond: startup.sim.tradesPerSecond, startTime: startup.sim.startTime, clockSpeed: startup.sim.clockSpeed, universe: startup.universe ?? 'vn30' });
    case 'ssi':
      if (!startup.ssi) throw new BoardcastError('BC_FEED_UNAVAILABLE', 'FEED=ssi needs its options (SSI_CONSUMER_ID, SSI_CONSUMER_SECRET, ...)', { feed: 'ssi' });
      return new SsiFeed({
        ...startup.ssi,
        log,
        universe: startup.universe ?? 'vn30',
        // The foreign-flow reconciliation covers every board the universe has.
        ...(startup.universe === 'all' ? { reconcileMarkets: ['HOSE', 'HNX', 'UPCOM'] } : {}),
      });
    case 'replay':
      if (!startup.replay) throw new BoardcastError('BC_FEED_UNAVAILABLE', 'FEED=replay needs REPLAY_FILE', { feed: 'replay' });
      return new ReplayFeed(startup.replay);
    default:
      throw new BoardcastError('BC_FEED_UNAVAILABLE', `FEED=${startup.feed} is not available; use sim, replay or ssi`, { feed: startup.feed });
  }
}
