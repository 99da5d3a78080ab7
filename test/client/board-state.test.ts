// The SDK's board state without a socket: frames in, board and verdicts out.
import { describe, expect, it } from 'vitest';
import { BoardState } from '../../packages/client/src/board-state.js';
import { decodeFrame } from '../../packages/client/src/codec.js';
import type { Board, DecodedFrame } from '../../packages/client/src/types.js';
import { diffSnapshots } from '../../src/wire/delta.js';
import { FeedState, FrameKind, MarketPhase, pb, type SnapshotProps } from '../../src/wire/proto.js';

const snap = (prices: Record<string, number>, t: number, points: number[], feed = FeedState.FEED_LIVE): SnapshotProps => ({
  marketTimeMs: t,
  tradingDate: '2025-12-10',
  phase: MarketPhase.CONTINUOUS,
  symbols: Object.entries(prices).map(([symbol, lastPrice]) => ({ symbol, lastPrice, totalVolume: 100 })),
  // One point a minute; the last one may still move (the delta carries it again).
  indices: [{ id: 'VN30', value: points[points.length - 1], intraday: points.map((value, i) => ({ timeMs: i * 60_000, value })) }],
  removedSymbols: [],
  feed: { state: feed, lastMessageAgeMs: 5 },
});

/** A frame as the SDK decodes it off the wire. */
function frame(seq: number, kind: 'FULL' | 'DELTA', snapshot: SnapshotProps, epoch = 'e1', baseSeq = kind === 'DELTA' ? seq - 1 : 0): DecodedFrame & { snapshot: Board } {
  const bytes = pb.Frame.encode({ seq, epoch, producedAtUs: 1, kind: kind === 'FULL' ? FrameKind.FULL : FrameKind.DELTA, baseSeq, snapshot }).finish();
  return decodeFrame(bytes) as DecodedFrame & { snapshot: Board };
}
const full = (seq: number, s: SnapshotProps, epoch = 'e1') => frame(seq, 'FULL', s, epoch);
const delta = (seq: number, from: SnapshotProps, to: SnapshotProps, epoch = 'e1', baseSeq = seq - 1) => frame(seq, 'DELTA', diffSnapshots(from, to).delta, epoch, baseSeq);
const prices = (b: Board | undefined) => Object.fromEntries((b?.symbols ?? []).map((s) => [s.symbol, s.lastPrice]));

const A = snap({ ACB: 25_000, FPT: 120_000 }, 1000, [1500]);
const B = snap({ ACB: 25_050, FPT: 120_000 }, 2000, [1500, 1501]);
const C = snap({ ACB: 25_100, FPT: 119_900, VNM: 60_000 }, 3000, [1500, 1502, 1503], FeedState.FEED_STALE);

describe('BoardState', () => {
  it('refuses deltas before the first FULL, then applies FULL and DELTAs in order', () => {
    const st = new BoardState();
    expect(st.apply(delta(2, A, B))).toEqual({ applied: false, reason: 'awaiting-full' });
    expect(st.board).toBeUndefined();
    const r1 = st.apply(full(1, A), true);
    expect(r1.applied).toBe(true);
    expect(st.apply(delta(2, A, B), true)).toMatchObject({ applied: true, changed: [['ACB', expect.objectContaining({ lastPrice: 25_050 })]] });
    const r3 = st.apply(delta(3, B, C), true);
    expect(r3).toMatchObject({ applied: true, feed: { state: 'FEED_STALE', previous: 'FEED_LIVE' } });
    expect(prices(st.board)).toEqual({ ACB: 25_100, FPT: 119_900, VNM: 60_000 });
    expect(st.board!.indices[0]!.intraday.map((p) => p.value)).toEqual([1500, 1502, 1503]);
    expect(st.seq).toBe(3);
    expect(st.stats).toEqual({ applied: 3, skipped: 1, gaps: 0, epochChanges: 0 });
  });

  it('the board after deltas equals the board a FULL of the same snapshot gives', () => {
    const st = new BoardState();
    st.apply(full(1, A));
    st.apply(delta(2, A, B));
    st.apply(delta(3, B, C));
    const ref = new BoardState();
    ref.apply(full(3, C));
    expect(st.board).toEqual(ref.board);
  });

  it('a skipped seq or a wrong base_seq is a gap: refused, and every delta after it until a FULL', () => {
    const st = new BoardState();
    st.apply(full(1, A));
    expect(st.apply(delta(3, B, C))).toEqual({ applied: false, reason: 'gap' });
    expect(st.waitingForFull).toBe(true);
    expect(st.apply(delta(4, C, C))).toEqual({ applied: false, reason: 'awaiting-full' });
    expect(st.apply(full(5, C)).applied).toBe(true);
    expect(st.apply(delta(6, C, B, 'e1', 4))).toEqual({ applied: false, reason: 'gap' });
    expect(prices(st.board)).toEqual(prices(decodeFrame(pb.Frame.encode({ seq: 1, epoch: 'x', snapshot: C }).finish()).snapshot!));
    expect(st.stats.gaps).toBe(2);
  });

  it('a frame of another epoch drops the board until that epoch\'s FULL', () => {
    const st = new BoardState();
    st.apply(full(1, A));
    expect(st.apply(delta(1, A, B, 'e2'))).toEqual({ applied: false, reason: 'awaiting-full' });
    expect(st.board).toBeUndefined();
    expect(st.epoch).toBe('e2');
    st.apply(full(2, B, 'e2'));
    expect(prices(st.board)).toEqual({ ACB: 25_050, FPT: 120_000 });
    expect(st.stats.epochChanges).toBe(1);
  });

  it('a FULL lists only the symbols whose content changed, and those that left', () => {
    const st = new BoardState();
    st.apply(full(1, C), true);
    const r = st.apply(full(2, A), true);
    expect(r.applied && r.changed.map(([s, v]) => [s, v?.lastPrice])).toEqual([['ACB', 25_000], ['FPT', 120_000], ['VNM', undefined]]);
    const same = st.apply(full(3, A), true);
    expect(same.applied && same.changed).toEqual([]);
  });

  it('expectFull (a new socket, a resync) holds deltas back until the next FULL', () => {
    const st = new BoardState();
    st.apply(full(1, A));
    st.expectFull();
    expect(st.apply(delta(2, A, B))).toEqual({ applied: false, reason: 'awaiting-full' });
    expect(prices(st.board)).toEqual({ ACB: 25_000, FPT: 120_000 });
  });
});
