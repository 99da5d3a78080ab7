import { describe, expect, it } from 'vitest';
import {
  checkSeq, createLatencyHistogram, decodeHistogram, emptySeqCounts, encodeHistogram,
  mergeHistograms, recordLatency, summarizeLatency, type FrameHeader, type SeqState,
} from '../../src/loadgen/stats.js';
import { decodeMessage, toNumber } from '../../src/loadgen/decode.js';
import { pb, FrameKind } from '../../src/wire/proto.js';

/** HDR with 3 significant digits: a value is exact to within 0.1%. */
const near = (actual: number, expected: number) => expect(Math.abs(actual - expected)).toBeLessThanOrEqual(expected * 0.001 + 1);

describe('latency histograms', () => {
  it('computes percentiles of 1..1000 µs', () => {
    const h = createLatencyHistogram();
    for (let v = 1; v <= 1000; v++) recordLatency(h, v);
    near(h.getValueAtPercentile(50), 500);
    near(h.getValueAtPercentile(90), 900);
    near(h.getValueAtPercentile(99), 990);
    near(h.getValueAtPercentile(99.9), 999);
    const s = summarizeLatency(h);
    expect(s.count).toBe(1000);
    expect(s.p50).toBeCloseTo(0.5, 2);
    expect(s.p99).toBeCloseTo(0.99, 2);
    expect(s.max).toBeCloseTo(1, 2);
  });

  it('merging two encoded halves equals one histogram with every value', () => {
    const all = createLatencyHistogram(), low = createLatencyHistogram(), high = createLatencyHistogram();
    for (let v = 1; v <= 1000; v++) {
      recordLatency(all, v * 37);
      recordLatency(v <= 500 ? low : high, v * 37);
    }
    // Shipped between threads as strings, as the workers do.
    const merged = mergeHistograms([encodeHistogram(low), encodeHistogram(high)]);
    expect(merged.totalCount).toBe(all.totalCount);
    for (const p of [1, 25, 50, 90, 99, 99.9, 100]) {
      expect(merged.getValueAtPercentile(p)).toBe(all.getValueAtPercentile(p));
    }
    expect(summarizeLatency(merged)).toEqual(summarizeLatency(all));
    near(decodeHistogram(encodeHistogram(all)).maxValue, all.maxValue);
  });

  it('clamps out-of-range values and flags negative ones', () => {
    const h = createLatencyHistogram();
    expect(recordLatency(h, -500)).toBe(false);
    expect(recordLatency(h, 120_000_000)).toBe(true);
    expect(h.totalCount).toBe(2);
    expect(h.getValueAtPercentile(0)).toBe(1);
    near(h.maxValue, 60_000_000);
  });

  it('summarises an empty histogram as zeros', () => {
    expect(summarizeLatency(createLatencyHistogram())).toMatchObject({ count: 0, p50: 0, p99: 0, max: 0 });
  });
});

describe('seq checker', () => {
  const run = (frames: FrameHeader[]) => {
    const counts = emptySeqCounts();
    let s: SeqState = null;
    for (const f of frames) s = checkSeq(s, f, counts);
    return counts;
  };
  const full = (seq: number, epoch = 'a'): FrameHeader => ({ seq, epoch, full: true });
  const delta = (seq: number, epoch = 'a'): FrameHeader => ({ seq, epoch, full: false });

  it('accepts a FULL then deltas rising by one, and in-order key frames', () => {
    expect(run([full(5), delta(6), delta(7), full(8), delta(9)])).toEqual(emptySeqCounts());
  });

  it('detects a gap and counts the frames missed', () => {
    expect(run([full(1), delta(2), delta(5), delta(6)])).toMatchObject({ seqGaps: 1, framesMissed: 2, resyncs: 0 });
  });

  it('counts a repeated or backwards seq as a gap', () => {
    expect(run([full(1), delta(2), delta(2)])).toMatchObject({ seqGaps: 1, framesMissed: 0 });
  });

  it('detects an epoch change without calling the seq restart a gap', () => {
    expect(run([full(40), delta(41), full(1, 'b'), delta(2, 'b')])).toMatchObject({ epochChanges: 1, seqGaps: 0 });
  });

  it('detects a resync: a FULL arriving out of order where a delta was due', () => {
    expect(run([full(1), delta(2), full(9), delta(10)])).toMatchObject({ resyncs: 1, seqGaps: 1, framesMissed: 6 });
  });

  it('flags a connection whose first frame is a DELTA', () => {
    expect(run([delta(3), delta(4)])).toMatchObject({ deltaFirst: 1, seqGaps: 0 });
  });
});

describe('frame decoding', () => {
  const bytes = pb.Frame.encode({
    seq: 42, epoch: 'e7', producedAtUs: 1_700_000_000_123_456, kind: FrameKind.DELTA, baseSeq: 41,
    snapshot: { tradingDate: '2025-01-02', symbols: [{ symbol: 'FPT', lastPrice: 120000 }] },
  }).finish();
  const buf = Buffer.from(bytes);
  const expected = { type: 'board', header: { seq: 42, epoch: 'e7', full: false }, producedAtUs: 1_700_000_000_123_456 };

  it('reads 64-bit fields from Longs, strings and numbers', () => {
    expect(toNumber(pb.Frame.decode(bytes).producedAtUs)).toBe(1_700_000_000_123_456);
    expect(toNumber('18')).toBe(18);
    expect(toNumber(undefined)).toBe(0);
  });

  it('decodes protobuf fully and header-only to the same header', () => {
    expect(decodeMessage(buf, true, 'full')).toEqual(expected);
    expect(decodeMessage(buf, true, 'header')).toEqual(expected);
  });

  it('decodes the protobuf JSON mapping, where FULL and zero values are omitted', () => {
    const json = JSON.stringify(pb.Frame.toObject(pb.Frame.decode(bytes), { longs: String, enums: String }));
    expect(decodeMessage(Buffer.from(json), false, 'full')).toEqual(expected);
    expect(decodeMessage(Buffer.from('{"epoch":"x","producedAtUs":"5"}'), false, 'full'))
      .toEqual({ type: 'board', header: { seq: 0, epoch: 'x', full: true }, producedAtUs: 5 });
  });

  it('reads the JSON envelope header-only, as boardcast writes it, and parses anything else whole', () => {
    // A frame the way the server writes it: the envelope first, then the snapshot.
    const served = '{"seq":"42","epoch":"e\\"7","producedAtUs":"1700000000123456","kind":"DELTA","baseSeq":"41","snapshot":{"tradingDate":"2025-01-02","symbols":[{"symbol":"FPT"}]}}';
    const want = { type: 'board', header: { seq: 42, epoch: 'e"7', full: false }, producedAtUs: 1_700_000_000_123_456 };
    expect(decodeMessage(Buffer.from(served), false, 'header')).toEqual(want);
    expect(decodeMessage(Buffer.from(served), false, 'full')).toEqual(want);
    // Another field order is not guessed at: it is parsed whole, to the same header.
    const reordered = JSON.stringify({ epoch: 'e"7', seq: '42', kind: 'DELTA', producedAtUs: '1700000000123456', snapshot: {} });
    expect(decodeMessage(Buffer.from(reordered), false, 'header')).toEqual(want);
    // A truncated frame whose envelope matches is still read (the snapshot is not looked at);
    // one whose envelope does not match fails to parse and is counted as a decode error.
    expect(() => decodeMessage(Buffer.from('{"epoch":"x","seq":'), false, 'header')).toThrow();
    expect(decodeMessage(Buffer.from('{"seq":"3","control":{"pong":{}}}'), false, 'header')).toEqual({ type: 'control' });
  });

  it('recognises control frames in both formats', () => {
    const ctl = Buffer.from(pb.Frame.encode({ seq: 3, epoch: 'e', control: { pong: {} } }).finish());
    expect(decodeMessage(ctl, true, 'full')).toEqual({ type: 'control' });
    expect(decodeMessage(ctl, true, 'header')).toEqual({ type: 'control' });
    expect(decodeMessage(Buffer.from('{"seq":"3","control":{"pong":{}}}'), false, 'full')).toEqual({ type: 'control' });
  });
});
