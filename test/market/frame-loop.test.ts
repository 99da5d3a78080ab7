// The worker's frame loop with a fake clock-free setup: real timers at a short interval,
// a build function that fails once. An exception in one iteration is logged with context
// and the loop goes on; with no clients nothing is built; a first client is served at once,
// and clients coming and going never multiply the frames built.
import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { FrameLoop } from '../../src/market/frame-loop.js';
import type { WorkerToMain } from '../../src/messages.js';
import { MarketPhase } from '../../src/wire/proto.js';

type Frame = Extract<WorkerToMain, { type: 'frame' }>;

function harness(clients = { proto: 1, json: 0 }, failOn = new Set<number>()) {
  const posted: WorkerToMain[] = [];
  const logs: Array<Record<string, unknown>> = [];
  let builds = 0;
  const waiters: Array<() => void> = [];
  const loop = new FrameLoop({
    epoch: 'e',
    intervalMs: 10,
    keyframeEvery: 5,
    clients,
    build: () => {
      builds++;
      if (failOn.has(builds)) throw new Error(`boom on build ${builds}`);
      return { marketTimeMs: builds * 1000, tradingDate: '2026-11-27', phase: MarketPhase.CONTINUOUS, symbols: [], indices: [] };
    },
    post: (m) => {
      posted.push(m);
      for (const w of waiters.splice(0)) w();
    },
    heartbeat: () => ({ feed: { state: 'live' }, feedAccepted: 0, feedRejected: 0 }),
    log: pino({ level: 'error' }, { write: (l: string) => void logs.push(JSON.parse(l) as Record<string, unknown>) }),
  });
  const frames = () => posted.filter((m): m is Frame => m.type === 'frame');
  const until = async (pred: () => boolean, timeoutMs = 3000) => {
    const deadline = Date.now() + timeoutMs;
    while (!pred()) {
      if (Date.now() > deadline) throw new Error('timed out');
      await new Promise<void>((r) => {
        const t = setTimeout(r, timeoutMs);
        waiters.push(() => {
          clearTimeout(t);
          r();
        });
      });
    }
  };
  return { loop, posted, logs, frames, until, builds: () => builds };
}

describe('FrameLoop', () => {
  it('logs a failed iteration with context and goes on producing frames, seq still +1', async () => {
    const h = harness({ proto: 1, json: 0 }, new Set([3]));
    h.loop.start();
    try {
      await h.until(() => h.frames().length >= 6);
      expect(h.logs.some((l) => l.level === 50 && l.msg === 'frame iteration failed' && String((l.err as { message: string }).message).includes('boom on build 3'))).toBe(true);
      const seqs = h.frames().map((f) => f.seq);
      expect(seqs).toEqual(seqs.map((_, i) => i + 1));
      // Keyframes every 5th frame; the others carry a delta.
      expect(h.frames()[0]!.keyframe).toBe(true);
      expect(h.frames().slice(1, 4).every((f) => !f.keyframe && f.delta !== null)).toBe(true);
    } finally {
      h.loop.stop();
    }
  });

  it('with no clients builds only the first frame, keeps sending heartbeats, and builds at once for a first client', async () => {
    const h = harness({ proto: 0, json: 0 });
    h.loop.start();
    try {
      await h.until(() => h.posted.filter((m) => m.type === 'heartbeat').length >= 5);
      expect(h.builds()).toBe(1);
      const hb = h.posted.filter((m) => m.type === 'heartbeat').at(-1) as Extract<WorkerToMain, { type: 'heartbeat' }>;
      expect(hb.framesSkipped).toBeGreaterThanOrEqual(3);
      const before = h.frames().length;
      h.loop.setClients({ proto: 0, json: 1 });
      // Built synchronously on the transition, in the format that gained the client.
      expect(h.frames().length).toBe(before + 1);
      expect(h.frames().at(-1)!.full.map((p) => p.format)).toEqual(['json']);
    } finally {
      h.loop.stop();
    }
  });

  it('a format gaining clients while frames flow gets the latest frame encoded once (a format-full, same seq), never a new frame', async () => {
    const h = harness({ proto: 1, json: 0 });
    h.loop.start();
    try {
      await h.until(() => h.frames().length >= 3);
      const frames = h.frames().length;
      const builds = h.builds();
      const seq = h.frames().at(-1)!.seq;
      // A connect / disconnect storm of JSON clients, all within one interval (synchronous).
      for (let i = 0; i < 200; i++) {
        h.loop.setClients({ proto: 1, json: 1 });
        h.loop.setClients({ proto: 1, json: 0 });
      }
      expect(h.frames().length).toBe(frames);
      expect(h.builds()).toBe(builds);
      const extra = h.posted.filter((m): m is Extract<WorkerToMain, { type: 'format-full' }> => m.type === 'format-full');
      expect(extra).toHaveLength(1);
      expect(extra[0]!.seq).toBe(seq);
      expect(extra[0]!.parts.format).toBe('json');
    } finally {
      h.loop.stop();
    }
  });

  it('after an idle spell a first client gets a fresh frame at once, but a reconnect loop builds at most one extra frame', async () => {
    const h = harness({ proto: 0, json: 0 });
    h.loop.start();
    try {
      await h.until(() => h.posted.filter((m) => m.type === 'heartbeat').length >= 3);
      const builds = h.builds();
      for (let i = 0; i < 200; i++) {
        h.loop.setClients({ proto: 0, json: 1 });
        h.loop.setClients({ proto: 0, json: 0 });
      }
      expect(h.builds()).toBe(builds + 1);
      expect(h.posted.filter((m) => m.type === 'format-full')).toEqual([]);
    } finally {
      h.loop.stop();
    }
  });
});
