// Picks the feed adapter named by FEED.
import { BoardcastError } from '../../errors.js';
import type { WorkerStartup } from '../../messages.js';
import type { Feed } from './feed.js';
import { SimFeed } from './sim-feed.js';

export function createFeed(startup: WorkerStartup): Feed {
  switch (startup.feed) {
    case 'sim':
      return new SimFeed({ seed: startup.sim.seed, tradesPerSecond: startup.sim.tradesPerSecond, startTime: startup.sim.startTime, clockSpeed: startup.sim.clockSpeed });
    default:
      throw new BoardcastError('BC_FEED_UNAVAILABLE', `FEED=${startup.feed} is not available in this version; use FEED=sim`, 500, { feed: startup.feed });
  }
}
