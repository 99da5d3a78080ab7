// Readiness proves data flows, not only that the process lives (README "HTTP routes", /readyz).
import type { FeedStatus } from '../market/feed/feed.js';

export interface ReadinessInput {
  now: number;
  intervalMs: number;
  shuttingDown: boolean;
  workerAlive: boolean;
  firstFrameAt: number | undefined;
  lastHeartbeatAt: number | undefined;
  feed: FeedStatus | undefined;
}

export interface Readiness {
  ready: boolean;
  reasons: string[];
}

/** How old the worker's heartbeat may be: a few intervals, with slack for GC pauses. */
export function heartbeatDeadlineMs(intervalMs: number): number {
  return 3 * intervalMs + 1000;
}

export function readiness(s: ReadinessInput): Readiness {
  const reasons: string[] = [];
  if (s.shuttingDown) reasons.push('shutting down');
  if (!s.workerAlive) reasons.push('market worker not running');
  if (s.firstFrameAt === undefined) reasons.push('no frame produced yet');
  if (s.lastHeartbeatAt === undefined) reasons.push('no heartbeat from the market worker yet');
  else if (s.now - s.lastHeartbeatAt > heartbeatDeadlineMs(s.intervalMs)) reasons.push(`market worker heartbeat stale (${s.now - s.lastHeartbeatAt} ms old)`);
  if (s.feed && s.feed.state !== 'live') reasons.push(`feed ${s.feed.state}${s.feed.lastError ? `: ${s.feed.lastError}` : ''}`);
  return { ready: reasons.length === 0, reasons };
}
