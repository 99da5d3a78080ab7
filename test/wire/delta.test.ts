import { describe, expect, it } from 'vitest';
import { normalize } from '../../src/market/normalizer.js';
import { MarketProcessor } from '../../src/market/processor/processor.js';
import { MarketSim } from '../../src/market/sim/market-sim.js';
import { encodeJsonText, encodeProto, type FrameInput } from '../../src/wire/reference-codec.js';
import { applyDelta, applyFrame, deepEqual, diffSnapshots, DeltaWithoutBaseError, type SnapshotLike } from '../../src/wire/delta.js';
import { FeedState, MarketPhase, pb, type IndexStateProps, type SnapshotProps, type SymbolStateProps } from '../../src/wire/proto.js';

const OBJ = { longs: Number, enums: String, defaults: true, arrays: true } as const;

/**
 * A snapshot in one canonical form (the JSON mapping with defaults), so null / undefined /
 * [] / missing do not matter. Through JSON text too: -0 and 0 are the same on a board (the
 * JSON wire already turns -0 into 0, and deepEqual, like ===, does not tell them apart).
 */
function canon(s: SnapshotLike): unknown {
  return JSON.parse(JSON.stringify(pb.Snapshot.toObject(pb.Snapshot.fromObject(s as Record<string, unknown>), OBJ))) as unknown;
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === 'object' && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
}

function frame(seq: number, kind: 'FULL' | 'DELTA', snapshot: SnapshotProps): FrameInput {
  return { seq, epoch: 'e1', producedAtUs: 1_700_000_000_000_000 + seq, kind, baseSeq: kind === 'DELTA' ? seq - 1 : 0, snapshot };
}

/** Proto wire round trip, decoded the way the SDK does (plain objects, enum names). */
function viaProto(f: FrameInput): SnapshotLike {
  const obj = pb.Frame.toObject(pb.Frame.decode(new Uint8Array(encodeProto(f))), OBJ);
  return deepFreeze(obj.snapshot as SnapshotLike);
}

/** JSON wire round trip (the text sockets), normalized through the protobuf JSON mapping. */
function viaJson(f: FrameInput): SnapshotLike {
  const obj = pb.Frame.toObject(pb.Frame.fromObject(JSON.parse(encodeJsonText(f)) as Record<string, unknown>), OBJ);
  return deepFreeze(obj.snapshot as SnapshotLike);
}

/** Proto round trip kept as decoded message instances (defaults on the prototype). */
function viaMessage(f: FrameInput): SnapshotLike {
  return pb.Frame.decode(new Uint8Array(encodeProto(f))).snapshot as SnapshotLike;
}

// ---- hand-made snapshots ----------------------------------------------------------------

function sym(symbol: string, lastPrice: number, extra: Partial<SymbolStateProps> = {}): SymbolStateProps {
  return { symbol, lastPrice, bids: [{ price: lastPrice - 50, volume: 100 }], asks: [{ price: lastPrice + 50, volume: 200 }], totalVolume: 1000, ...extra };
}

function idx(id: string, value: number, intraday: Array<[number, number]>): IndexStateProps {
  return { id, value, priorValue: 1000, intraday: intraday.map(([timeMs, v]) => ({ timeMs, value: v })) };
}

function snap(p: Partial<SnapshotProps> = {}): SnapshotProps {
  return {
    marketTimeMs: 1000,
    tradingDate: '2025-12-10',
    phase: MarketPhase.CONTINUOUS,
    symbols: [sym('ACB', 25000), sym('FPT', 120000), sym('VCB', 60000)],
    indices: [idx('VN30', 1500, [[0, 1490], [60_000, 1495], [120_000, 1500]]), idx('VNINDEX', 1250, [[0, 1250]])],
    foreign: { buyVolume: 1, sellVolume: 2, topBuyers: [{ symbol: 'ACB', netValue: 5 }], topSellers: [] },
    derivatives: { symbol: 'VN30F2512', last: 1510, premium: 1 },
    removedSymbols: [],
    ...p,
  };
}

describe('diffSnapshots / applyDelta', () => {
  it('carries only what changed, and identical snapshots diff to nothing', () => {
    const a = snap();
    const same = diffSnapshots(a, a);
    expect(same.changed).toBe(false);
    expect(same.needsFull).toBe(false);
    expect(same.delta.symbols).toEqual([]);
    expect(same.delta.indices).toEqual([]);
    expect(same.delta.foreign).toBeUndefined();
    expect(same.delta.derivatives).toBeUndefined();

    // Deep-equal copies (not the same objects) are not changes either.
    const copy = JSON.parse(JSON.stringify(a)) as SnapshotProps;
    expect(diffSnapshots(a, copy).changed).toBe(false);

    const b: SnapshotProps = { ...a, marketTimeMs: 2000, symbols: [a.symbols![0]!, sym('FPT', 120100), a.symbols![2]!] };
    const d = diffSnapshots(a, b);
    expect(d.changed).toBe(true);
    expect(d.delta.symbols!.map((s) => s.symbol)).toEqual(['FPT']);
    expect(d.delta.indices).toEqual([]);
    expect(d.delta.marketTimeMs).toBe(2000);
    expect(canon(applyDelta(deepFreeze(structuredClone(a)), deepFreeze(d.delta)))).toEqual(canon(b));
  });

  it('a header-only change is a change', () => {
    const a = snap();
    const d = diffSnapshots(a, { ...a, phase: MarketPhase.LUNCH_BREAK });
    expect(d.changed).toBe(true);
    expect(d.delta.phase).toBe(MarketPhase.LUNCH_BREAK);
  });

  it('the feed status is in every delta (it is header); a board keeps the last one a delta brought', () => {
    const a = snap({ feed: { state: FeedState.FEED_LIVE, lastMessageAgeMs: 40 } });
    const b = { ...a, feed: { state: FeedState.FEED_LIVE, lastMessageAgeMs: 40 } };
    const same = diffSnapshots(a, b);
    expect(same.changed).toBe(false);
    expect(same.delta.feed).toEqual({ state: FeedState.FEED_LIVE, lastMessageAgeMs: 40 });
    const c = { ...a, feed: { state: FeedState.FEED_RECONNECTING, lastMessageAgeMs: 1800 } };
    const d = diffSnapshots(a, c);
    expect(d.changed).toBe(true);
    expect(applyDelta(a as SnapshotLike, d.delta as SnapshotLike).feed).toEqual({ state: FeedState.FEED_RECONNECTING, lastMessageAgeMs: 1800 });
    // A delta without one (a decoded protobuf gives null) leaves the board's.
    expect(applyDelta(c as SnapshotLike, { ...d.delta, feed: null } as SnapshotLike).feed).toEqual(c.feed);
  });

  it('the futures\' phase travels in every delta header, through both wire formats', () => {
    const a = snap({ derivativesPhase: MarketPhase.ATO, derivatives: { symbol: 'VN30F2606', feedCode: '41I1G6000', last: 1880, premium: 1 } });
    const b = { ...a, derivativesPhase: MarketPhase.CONTINUOUS };
    const d = diffSnapshots(a, b);
    expect(d.changed).toBe(true);
    expect(d.delta.derivativesPhase).toBe(MarketPhase.CONTINUOUS);
    expect(d.delta.derivatives).toBeUndefined();
    for (const via of [viaProto, viaJson, viaMessage]) {
      const board = applyFrame(via(frame(1, 'FULL', a)), { kind: 'DELTA', snapshot: via(frame(2, 'DELTA', d.delta)) })!;
      expect(canon(board)).toEqual(canon(b));
      expect(canon(board)).toMatchObject({ derivativesPhase: 'CONTINUOUS', phase: 'CONTINUOUS', derivatives: { symbol: 'VN30F2606', feedCode: '41I1G6000' } });
    }
  });

  it('intraday: re-sends the last minute and new points only; older points stay on the board', () => {
    const a = snap();
    const vn30: IndexStateProps = { ...a.indices![0]!, value: 1502, intraday: [...a.indices![0]!.intraday!.slice(0, 2), { timeMs: 120_000, value: 1502 }, { timeMs: 180_000, value: 1503 }] };
    const b: SnapshotProps = { ...a, indices: [vn30, a.indices![1]!] };
    const d = diffSnapshots(a, b);
    expect(d.delta.indices).toHaveLength(1);
    expect(d.delta.indices![0]!.intraday).toEqual([{ timeMs: 120_000, value: 1502 }, { timeMs: 180_000, value: 1503 }]);
    const applied = applyDelta(deepFreeze(structuredClone(a)), deepFreeze(structuredClone(d.delta)));
    expect(canon(applied)).toEqual(canon(b));

    // Only a scalar changed: the index is sent, with an empty series (= unchanged).
    const c: SnapshotProps = { ...a, indices: [{ ...a.indices![0]!, advances: 7 }, a.indices![1]!] };
    const dc = diffSnapshots(a, c);
    expect(dc.delta.indices![0]!.intraday).toEqual([]);
    expect(canon(applyDelta(a, dc.delta))).toEqual(canon(c));

    // Nothing in the index changed but it is a new object: omitted.
    const e: SnapshotProps = { ...a, indices: [structuredClone(a.indices![0]!), a.indices![1]!] };
    expect(diffSnapshots(a, e).changed).toBe(false);
  });

  it('symbols that leave are removed, new ones are appended, the board order is kept', () => {
    const a = snap();
    const b: SnapshotProps = { ...a, symbols: [a.symbols![0]!, sym('VCB', 61000), sym('HPG', 28000)] };
    const d = diffSnapshots(a, b);
    expect(d.needsFull).toBe(false);
    expect(d.delta.removedSymbols).toEqual(['FPT']);
    expect(d.delta.symbols!.map((s) => s.symbol)).toEqual(['VCB', 'HPG']);
    const applied = applyDelta(a, d.delta);
    expect(applied.symbols!.map((s) => s.symbol)).toEqual(['ACB', 'VCB', 'HPG']);
    expect(canon(applied)).toEqual(canon(b));
    // Through the wire too (removedSymbols survive encoding).
    expect(canon(applyDelta(viaProto(frame(1, 'FULL', a)), viaProto(frame(2, 'DELTA', d.delta))))).toEqual(canon(b));
  });

  it('flags changes a delta cannot express', () => {
    const a = snap();
    // A reordering of the symbols.
    expect(diffSnapshots(a, { ...a, symbols: [a.symbols![1]!, a.symbols![0]!, a.symbols![2]!] }).needsFull).toBe(true);
    // A new symbol placed before existing ones.
    expect(diffSnapshots(a, { ...a, symbols: [sym('AAA', 1000), ...a.symbols!] }).needsFull).toBe(true);
    // An index disappears.
    expect(diffSnapshots(a, { ...a, indices: [a.indices![0]!] }).needsFull).toBe(true);
    // A new index placed first.
    expect(diffSnapshots(a, { ...a, indices: [idx('HNX', 1, []), ...a.indices!] }).needsFull).toBe(true);
    // ... but appended is fine.
    const appended = { ...a, indices: [...a.indices!, idx('HNX', 1, [[0, 1]])] };
    const da = diffSnapshots(a, appended);
    expect(da.needsFull).toBe(false);
    expect(canon(applyDelta(a, da.delta))).toEqual(canon(appended));
    // The intraday series restarts (daily reset) or loses its front.
    expect(diffSnapshots(a, { ...a, indices: [idx('VN30', 1500, [[86_400_000, 1400]]), a.indices![1]!] }).needsFull).toBe(true);
    expect(diffSnapshots(a, { ...a, indices: [idx('VN30', 1500, [[60_000, 1495], [120_000, 1500], [180_000, 1501]]), a.indices![1]!] }).needsFull).toBe(true);
    expect(diffSnapshots(a, { ...a, indices: [idx('VN30', 1500, []), a.indices![1]!] }).needsFull).toBe(true);
    // An older point changed.
    expect(diffSnapshots(a, { ...a, indices: [idx('VN30', 1500, [[0, 1491], [60_000, 1495], [120_000, 1500]]), a.indices![1]!] }).needsFull).toBe(true);
    // foreign / derivatives vanish.
    expect(diffSnapshots(a, { ...a, foreign: null }).needsFull).toBe(true);
    expect(diffSnapshots(a, { ...a, derivatives: undefined }).needsFull).toBe(true);
  });

  it('foreign and derivatives travel whole when anything in them changed, and absent means unchanged', () => {
    const a = snap();
    const b: SnapshotProps = { ...a, foreign: { ...a.foreign!, topSellers: [{ symbol: 'FPT', netValue: -9 }] } };
    const d = diffSnapshots(a, b);
    expect(d.delta.foreign).toBe(b.foreign);
    expect(d.delta.derivatives).toBeUndefined();
    const board = viaProto(frame(1, 'FULL', a));
    const delta = viaProto(frame(2, 'DELTA', d.delta));
    expect(delta.derivatives).toBeNull(); // decoded absent message field
    const applied = applyDelta(board, delta);
    expect(applied.derivatives).toBe(board.derivatives);
    expect(canon(applied)).toEqual(canon(b));
  });

  it('applyDelta shares unchanged parts and does not mutate its inputs', () => {
    const a = deepFreeze(snap());
    const b = snap({ marketTimeMs: 5 });
    const d = diffSnapshots(a, b);
    const applied = applyDelta(a, deepFreeze(d.delta));
    expect(applied).not.toBe(a);
    expect(applied.symbols).toBe(a.symbols);
    expect(applied.indices).toBe(a.indices);
    expect(applied.marketTimeMs).toBe(5);
  });

  it('applyFrame: FULL replaces, DELTA applies, control frames and DELTA without a board', () => {
    const a = snap();
    const b = snap({ symbols: [sym('ACB', 25100), ...snap().symbols!.slice(1)] });
    expect(applyFrame(undefined, { kind: 'FULL', snapshot: a })).toBe(a);
    expect(canon(applyFrame(a, { kind: 'DELTA', snapshot: diffSnapshots(a, b).delta })!)).toEqual(canon(b));
    expect(canon(applyFrame(a, { kind: 1, snapshot: diffSnapshots(a, b).delta })!)).toEqual(canon(b));
    expect(applyFrame(a, { kind: 'FULL', snapshot: null })).toBe(a);
    expect(() => applyFrame(undefined, { kind: 'DELTA', baseSeq: 4, snapshot: b })).toThrow(DeltaWithoutBaseError);
  });

  it('deepEqual: null and undefined are both absent, NaN equals NaN', () => {
    expect(deepEqual({ a: 1, b: null }, { a: 1 })).toBe(true);
    expect(deepEqual({ a: NaN }, { a: NaN })).toBe(true);
    expect(deepEqual({ a: [1, 2] }, { a: [1, 2, 3] })).toBe(false);
    expect(deepEqual({ a: [] }, { a: {} })).toBe(false);
    expect(deepEqual({ a: 1, x: 2 }, { a: 1, x: 3 }, 'x')).toBe(true);
  });
});

// ---- property test: a real processor driven by the seeded simulator ---------------------

/** Wednesday 2025-12-10 (a trading day), 03:00 UTC = 10:00 in Ho Chi Minh City. */
const WALL = Date.parse('2025-12-10T03:00:00Z');

/** A seeded xorshift32 for the step sizes, independent of the simulator's own PRNG. */
function stepRng(seed: number): () => number {
  let x = seed * 2654435761 || 1;
  return () => {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    return (x >>> 0) / 0x1_0000_0000;
  };
}

interface Scenario {
  startTime: string;
  clockSpeed: number;
}

// Start times and clock speeds that walk through every phase: ATO, continuous, lunch,
// ATC, put-through, closed, the 15:05 daily reset and the next day's open.
const SCENARIOS: Scenario[] = [
  { startTime: '09:00:00', clockSpeed: 20 },
  { startTime: '11:20:00', clockSpeed: 40 },
  { startTime: '14:20:00', clockSpeed: 30 },
  { startTime: '14:58:00', clockSpeed: 120 },
  { startTime: '10:00:00', clockSpeed: 1 },
];

function runSeed(seed: number, steps: number): { fullsNeeded: number; unchanged: number } {
  const sc = SCENARIOS[seed % SCENARIOS.length]!;
  const sim = new MarketSim({ seed, tradesPerSecond: 30, startTime: sc.startTime, clockSpeed: sc.clockSpeed, now: () => WALL });
  const proc = new MarketProcessor({ basket: [...sim.symbols] });
  const feed = (msgs: unknown[]) => {
    for (const m of msgs) proc.apply(normalize(m));
  };
  const rnd = stepRng(seed);
  feed(sim.snapshot());
  let prev = proc.snapshot();
  let boardProto = viaProto(frame(1, 'FULL', prev));
  let boardJson = viaJson(frame(1, 'FULL', prev));
  let boardMsg = viaMessage(frame(1, 'FULL', prev));
  let fullsNeeded = 0;
  let unchanged = 0;
  for (let step = 2; step <= steps; step++) {
    // Mostly short frames (10–100 ms), now and then a long one (up to 5 s of wall time).
    feed(sim.advance(rnd() < 0.9 ? 10 + Math.floor(rnd() * 90) : Math.floor(rnd() * 5000)));
    const next = proc.snapshot();
    const { delta, changed, needsFull } = diffSnapshots(prev, next);
    // The FULL frame of this step as a client decodes it. The proto and JSON boards are
    // built from the same toObject() shapes, so their JSON text must match it exactly (cheap
    // to compare; JSON.stringify also writes -0 as 0, which a board does not distinguish).
    const wantText = JSON.stringify(viaProto(frame(step, 'FULL', next)));
    if (needsFull) {
      fullsNeeded++;
      boardProto = viaProto(frame(step, 'FULL', next));
      boardJson = viaJson(frame(step, 'FULL', next));
      boardMsg = viaMessage(frame(step, 'FULL', next));
    } else {
      const f = frame(step, 'DELTA', delta);
      boardProto = applyDelta(boardProto, viaProto(f));
      boardJson = applyDelta(boardJson, viaJson(f));
      boardMsg = applyDelta(boardMsg, viaMessage(f));
      if (!changed) {
        unchanged++;
        expect(JSON.stringify(next)).toBe(JSON.stringify(prev));
      }
    }
    // Checked every step: a mismatch names the seed and step.
    const ctx = `seed ${seed} step ${step}`;
    if (JSON.stringify(boardProto) !== wantText) expect(canon(boardProto), `${ctx} (proto)`).toEqual(canon(next));
    if (JSON.stringify(boardJson) !== wantText) expect(canon(boardJson), `${ctx} (json)`).toEqual(canon(next));
    // Decoded message instances keep defaults on their prototype: compare in canonical form (slower, so every 10th step and the last).
    if (step % 10 === 0 || step === steps) expect(JSON.stringify(canon(boardMsg)), `${ctx} (message)`).toBe(JSON.stringify(canon(next)));
    prev = next;
  }
  return { fullsNeeded, unchanged };
}

describe('DELTA round trip against a real processor fed by the simulator', () => {
  const seeds = Array.from({ length: 20 }, (_, i) => i + 1);
  it.each(seeds)('seed %i: the board rebuilt from deltas (proto, JSON, decoded messages) equals the FULL snapshot at every step', (seed) => {
    const t0 = performance.now();
    const r = runSeed(seed, 250);
    // FULLs are for rare structural changes (a daily reset), not the normal case.
    expect(r.fullsNeeded).toBeLessThan(5);
    if (process.env.DELTA_TEST_TIMING) console.log(seed, r, Math.round(performance.now() - t0));
  });

  it('a delta is much smaller than the FULL in steady trading', () => {
    const sim = new MarketSim({ seed: 7, tradesPerSecond: 30, startTime: '10:00:00', clockSpeed: 1, now: () => WALL });
    const proc = new MarketProcessor({ basket: [...sim.symbols] });
    for (const m of sim.snapshot()) proc.apply(normalize(m));
    let prev = proc.snapshot();
    let fullBytes = 0;
    let deltaBytes = 0;
    for (let i = 2; i < 200; i++) {
      for (const m of sim.advance(100)) proc.apply(normalize(m));
      const next = proc.snapshot();
      const { delta, needsFull } = diffSnapshots(prev, next);
      expect(needsFull).toBe(false);
      fullBytes += encodeProto(frame(i, 'FULL', next)).byteLength;
      deltaBytes += encodeProto(frame(i, 'DELTA', delta)).byteLength;
      prev = next;
    }
    expect(deltaBytes).toBeLessThan(fullBytes / 3);
  });
});
