// The feed part of the worker's startup, from the configuration (so the server and `npm run
// record` configure feeds alike). Apart from create-feed.ts so that the main thread, which
// only passes these options on, does not load the adapters (the simulator, SSI, ws).
import type { Config } from '../../config.js';
import type { WorkerStartup } from '../../messages.js';

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
