// ROLE=edge over NATS: the trades and candles channels reach an edge's sockets, and a
// socket connecting to an edge gets the trade replay with its FULL (the replay travels in
// the FULL's parts on the bus and in the KV's latest FULL).
import { afterEach, describe, expect, it } from 'vitest';
import { boardFrames } from '../helpers/protocol.js';
import { until } from '../helpers/until.js';
import { TestClient, type DecodedFrame } from '../helpers/ws-client.js';
import { NatsServer, readyz, skipScale, startNode, waitReady } from '../scale/cluster.js';

const REPLAY = 10;
const trades = (f: DecodedFrame) => (((f.json.snapshot as Record<string, unknown>).trades ?? []) as Array<{ symbol: string; tradeSeq: string }>).map((t) => ({ symbol: t.symbol, seq: Number(t.tradeSeq) }));
const candles = (f: DecodedFrame) => ((f.json.snapshot as Record<string, unknown>).candles ?? []) as Array<{ symbol: string }>;

describe.skipIf(skipScale)('trades and candles on an edge', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  it('an edge socket gets the replay with its FULL, then every trade once; candles flow', async () => {
    const nats = await NatsServer.start();
    cleanups.push(() => nats.stop());
    const env = { TRADES_REPLAY: String(REPLAY), SIM_TRADES_PER_SECOND: '600', SIM_CLOCK_SPEED: '30' };
    const ingest = await startNode('ingest', nats, env);
    cleanups.push(() => void ingest.child.proc.kill('SIGKILL'));
    await until('a leader', async () => (await readyz(ingest)).body.leader === true, 10_000);
    const edge = await startNode('edge', nats, env);
    cleanups.push(() => void edge.child.proc.kill('SIGKILL'));
    await waitReady(edge);
    for (const format of ['proto', 'json'] as const) {
      const c = await TestClient.open(edge.ws(`format=${format}&channels=trades,candles`));
      cleanups.push(() => c.close());
      await c.until(() => boardFrames(c).length >= 15, 15_000, 'frames on the edge');
      const frames = boardFrames(c);
      expect(frames[0]!.kind).toBe('FULL');
      const replay = new Map<string, number[]>();
      for (const t of trades(frames[0]!)) replay.set(t.symbol, [...(replay.get(t.symbol) ?? []), t.seq]);
      expect(replay.size).toBeGreaterThan(10);
      for (const [sym, seqs] of replay) {
        expect(seqs.length, sym).toBeLessThanOrEqual(REPLAY);
        expect(seqs, sym).toEqual(seqs.map((_, i) => seqs[0]! + i));
      }
      expect(candles(frames[0]!).length).toBeGreaterThan(10);
      const last = new Map<string, number>();
      for (const [s, seqs] of replay) last.set(s, seqs.at(-1)!);
      for (const f of frames.slice(1)) for (const t of trades(f)) {
        if (last.has(t.symbol)) expect(t.seq, t.symbol).toBe(last.get(t.symbol)! + 1);
        last.set(t.symbol, t.seq);
      }
      expect(frames.slice(1).some((f) => trades(f).length > 0)).toBe(true);
      // A socket connecting now, with every busy symbol past REPLAY trades: its FULL has the last REPLAY of them.
      const top = () => {
        const m = new Map<string, number>();
        for (const f of boardFrames(c)) for (const t of trades(f)) m.set(t.symbol, t.seq);
        return m;
      };
      await c.until(() => [...top().values()].filter((n) => n > REPLAY).length >= 10, 15_000, 'symbols past the replay size');
      const late = await TestClient.open(edge.ws(`format=${format}&channels=trades`));
      cleanups.push(() => late.close());
      const lateFull = await late.until(() => boardFrames(late)[0], 5000, 'late FULL');
      const counts = new Map<string, number>();
      for (const t of trades(lateFull)) counts.set(t.symbol, (counts.get(t.symbol) ?? 0) + 1);
      expect(Math.max(...counts.values())).toBe(REPLAY);
    }
  }, 60_000);
});
