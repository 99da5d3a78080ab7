// The worker's per-epoch counts become Prometheus counters that only grow.
import { describe, expect, it } from 'vitest';
import { countGrowth, createMetrics, observeHeartbeat } from '../src/metrics.js';

const value = async (m: ReturnType<typeof createMetrics>, name: string, labels = '') => {
  const line = (await m.registry.metrics()).split('\n').find((l) => l.startsWith(`${name}${labels} `));
  return line === undefined ? undefined : Number(line.split(' ')[1]);
};
const hb = (framesSkipped: number, accepted: number, sessions: number) => ({ framesSkipped, feedAccepted: accepted, feedRejected: 0, feed: { state: 'live' as const, lastMessageAt: 1_700_000_000_000, counters: { sessions } } });

describe('metrics from the worker heartbeat', () => {
  it('countGrowth: the first count, growth, and a restart at a lower count', () => {
    expect(countGrowth(undefined, 7)).toBe(7);
    expect(countGrowth(7, 10)).toBe(3);
    expect(countGrowth(10, 10)).toBe(0);
    expect(countGrowth(10, 2)).toBe(2);
  });

  it('counters keep growing across a worker restart (its counts start again at 0)', async () => {
    const m = createMetrics();
    observeHeartbeat(m, hb(5, 100, 1));
    observeHeartbeat(m, hb(8, 150, 2));
    observeHeartbeat(m, hb(2, 20, 1)); // new epoch
    expect(await value(m, 'boardcast_frames_skipped_total')).toBe(10);
    expect(await value(m, 'boardcast_feed_messages_total', '{outcome="accepted"}')).toBe(170);
    expect(await value(m, 'boardcast_feed_messages_total', '{outcome="rejected"}')).toBe(0);
    expect(await value(m, 'boardcast_feed_events_total', '{event="sessions"}')).toBe(3);
    expect(await value(m, 'boardcast_feed_last_message_timestamp_seconds')).toBe(1_700_000_000);
  });

  it('event-loop busy time is a counter that does not go back between scrapes', async () => {
    const m = createMetrics();
    const a = (await value(m, 'boardcast_main_event_loop_busy_seconds_total'))!;
    const until = Date.now() + 20;
    while (Date.now() < until); // busy on purpose: the loop is active
    const b = (await value(m, 'boardcast_main_event_loop_busy_seconds_total'))!;
    expect(a).toBeGreaterThanOrEqual(0);
    expect(b).toBeGreaterThan(a);
  });
});
