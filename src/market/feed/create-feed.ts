// Picks the feed adapter named by FEED, and builds the feed part of the worker's startup
// from the configuration (so the server and `npm run record` configure feeds alike).
import type { Config } from '../../config.js';
import { BoardcastError } from '../../errors.js';
import type { WorkerStartup } from '../../messages.js';
import type { Logger } from '../../log.js';
import type { Feed } from './feed.js';
import { ReplayFeed } from './replay-feed.js';
import { SimFeed } from './sim-feed.js';
import { SsiFeed } from './ssi/ssi-feed.js';

export type FeedStartup = Pick<WorkerStartup, 'feed' | 'sim' | 'ssi' | 'replay' | 'feedStaleMs' | 'universe'>;

/** The feed options of WorkerStartup from the validated configuration. */
export function feedStartupFromConfig(config: Config): FeedStartup {
  return {
    feed: config.FEED,
    feedStaleMs: config.FEED_STALE_MS,
    universe: config.UNIVERSE,
    sim: { seed: config.SIM_SEED, tradesPerSecond: config.SIM_TRADES_PER_SECOND, startTime: config.SIM_START_TIME, clockSpeed: config.SIM_CLOCK_SPEED },
    ...(config.FEED === 'ssi'
      ? { ssi: { consumerId: config.SSI_CONSUMER_ID, consumerSecret: config.SSI_CONSUMER_SECRET, baseUrl: config.SSI_BASE_URL, streamUrl: config.SSI_STREAM_URL, futuresOverride: config.FUTURES_OVERRIDE, futuresCodeScheme: config.FUTURES_CODE_SCHEME, extraSymbols: config.EXTRA_SYMBOLS, channelMode: config.SSI_CHANNEL_MODE } }
      : {}),
    ...(config.FEED === 'replay' ? { replay: { file: config.REPLAY_FILE, speed: config.REPLAY_SPEED, loop: config.REPLAY_LOOP } } : {}),
  };
}

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
