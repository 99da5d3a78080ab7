// The leader's heartbeat on <prefix>.v1.heartbeat (JSON), and its schema check: an edge
// uses a heartbeat only after every field it reads has been checked (a `null` body, a
// string where a number belongs, an unknown feed state are dropped, never thrown on).
import type { FeedState, FeedStatus } from '../market/feed/feed.js';

export interface BusHeartbeat {
  at: number;
  term: number;
  epoch: string;
  leader: string;
  feed: FeedStatus;
  framesSkipped: number;
  feedAccepted: number;
  feedRejected: number;
}

const FEED_STATES: readonly FeedState[] = ['connecting', 'live', 'reconnecting', 'stopped', 'failed'];
const MAX_HEARTBEAT_BYTES = 64 * 1024;
const MAX_COUNTERS = 200;

const isObject = (o: unknown): o is Record<string, unknown> => typeof o === 'object' && o !== null && !Array.isArray(o);
const isCount = (n: unknown): n is number => Number.isSafeInteger(n) && (n as number) >= 0;
const isTime = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n) && n >= 0;
const shortText = (s: unknown, max: number): s is string => typeof s === 'string' && s.length <= max;

function feedStatus(f: unknown): FeedStatus | undefined {
  if (!isObject(f) || !FEED_STATES.includes(f.state as FeedState)) return undefined;
  const out: FeedStatus = { state: f.state as FeedState };
  if (f.lastError !== undefined) {
    if (!shortText(f.lastError, 500)) return undefined;
    out.lastError = f.lastError;
  }
  if (f.lastMessageAt !== undefined) {
    if (!isTime(f.lastMessageAt)) return undefined;
    out.lastMessageAt = f.lastMessageAt;
  }
  if (f.counters !== undefined) {
    // Counter names become metric labels on the edge: a bounded set of short names only.
    if (!isObject(f.counters)) return undefined;
    const entries = Object.entries(f.counters);
    if (entries.length > MAX_COUNTERS || !entries.every(([k, v]) => /^[A-Za-z0-9_.:-]{1,64}$/.test(k) && isCount(v))) return undefined;
    out.counters = Object.fromEntries(entries) as Record<string, number>;
  }
  return out;
}

/** The heartbeat in `data`, or undefined when it is not one (wrong size, not JSON, any field off schema). */
export function parseHeartbeat(data: Uint8Array): BusHeartbeat | undefined {
  if (!(data instanceof Uint8Array) || data.byteLength > MAX_HEARTBEAT_BYTES) return undefined;
  let h: unknown;
  try {
    h = JSON.parse(new TextDecoder().decode(data));
  } catch {
    return undefined;
  }
  if (!isObject(h)) return undefined;
  const { at, term, epoch, leader, framesSkipped, feedAccepted, feedRejected } = h;
  if (!isTime(at) || !isCount(term) || term < 1 || !shortText(epoch, 64) || !shortText(leader, 256)) return undefined;
  if (!isCount(framesSkipped) || !isCount(feedAccepted) || !isCount(feedRejected)) return undefined;
  const feed = feedStatus(h.feed);
  if (!feed) return undefined;
  return { at, term, epoch, leader, feed, framesSkipped, feedAccepted, feedRejected };
}
