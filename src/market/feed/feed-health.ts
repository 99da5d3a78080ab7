// The feed's health as every frame carries it (Snapshot.feed): the adapter's state, made
// STALE when a connected feed has been silent too long, and the age of its last message.
// Pure: the worker calls it once per frame with the wall clock.
import { FeedState, type FeedStatusProps } from '../../wire/proto.js';
import type { FeedStatus } from './feed.js';

/** Default FEED_STALE_MS: a few missed keep-alives (SignalR sends one every ~10 s), well before the SSI watchdog (60 s) reconnects. */
export const DEFAULT_FEED_STALE_MS = 30_000;

export function feedHealth(status: FeedStatus, nowMs: number, staleMs: number): FeedStatusProps {
  const age = status.lastMessageAt === undefined ? -1 : Math.max(0, Math.round(nowMs - status.lastMessageAt));
  let state: FeedState;
  switch (status.state) {
    case 'live':
      state = age > staleMs ? FeedState.FEED_STALE : FeedState.FEED_LIVE;
      break;
    case 'connecting':
    case 'reconnecting':
      state = FeedState.FEED_RECONNECTING;
      break;
    case 'failed':
      state = FeedState.FEED_FAILED;
      break;
    default:
      state = FeedState.FEED_STATE_UNSPECIFIED; // stopped: only while shutting down
  }
  return { state, lastMessageAgeMs: age };
}
