// Pure statistics for the load generator: latency histograms (build, ship between
// threads, merge, summarise) and the per-connection sequence checker.
import * as hdr from 'hdr-histogram-js';
import type { Histogram } from 'hdr-histogram-js';

/** Latencies are recorded in µs, 1 µs .. 60 s, 3 significant digits. */
export const LATENCY_MIN_US = 1;
export const LATENCY_MAX_US = 60_000_000;

export function createLatencyHistogram(): Histogram {
  return hdr.build({
    lowestDiscernibleValue: LATENCY_MIN_US,
    highestTrackableValue: LATENCY_MAX_US,
    numberOfSignificantValueDigits: 3,
    // A fixed range: a wild value (a client clock far ahead) must not grow every histogram.
    autoResize: false,
  });
}

/**
 * Records one latency, clamped into the histogram's range. Returns false when the value
 * was negative (the sender's clock is ahead of ours: a remote deployment with skew), so
 * the caller can count it instead of hiding it.
 */
export function recordLatency(h: Histogram, latencyUs: number): boolean {
  const v = Math.round(latencyUs);
  h.recordValue(Math.min(LATENCY_MAX_US, Math.max(LATENCY_MIN_US, v)));
  return v >= 0;
}

/** Histograms cross thread boundaries as compressed base64 (the HdrHistogram wire format). */
export function encodeHistogram(h: Histogram): string {
  return hdr.encodeIntoCompressedBase64(h);
}

export function decodeHistogram(encoded: string): Histogram {
  return hdr.decodeFromCompressedBase64(encoded);
}

/** A new histogram holding every value of the inputs (encoded or live). */
export function mergeHistograms(parts: Iterable<Histogram | string>): Histogram {
  const merged = createLatencyHistogram();
  for (const part of parts) merged.add(typeof part === 'string' ? decodeHistogram(part) : part);
  return merged;
}

export interface LatencySummaryMs {
  count: number;
  p50: number;
  p90: number;
  p99: number;
  p999: number;
  max: number;
  mean: number;
}

const usToMs = (us: number) => Math.round(us) / 1000;

/** Percentiles in milliseconds (µs resolution); all zero for an empty histogram. */
export function summarizeLatency(h: Histogram): LatencySummaryMs {
  if (h.totalCount === 0) return { count: 0, p50: 0, p90: 0, p99: 0, p999: 0, max: 0, mean: 0 };
  return {
    count: h.totalCount,
    p50: usToMs(h.getValueAtPercentile(50)),
    p90: usToMs(h.getValueAtPercentile(90)),
    p99: usToMs(h.getValueAtPercentile(99)),
    p999: usToMs(h.getValueAtPercentile(99.9)),
    // The top bucket's value, as percentiles report it: identical whether the histogram
    // was recorded here or decoded from another thread (raw maxValue is not).
    max: usToMs(h.getValueAtPercentile(100)),
    mean: usToMs(h.mean),
  };
}

/** One point of a latency-percentile curve (HdrHistogram's percentile distribution). */
export interface PercentilePoint {
  /** 0..100 */
  percentile: number;
  ms: number;
}

/**
 * The curve for plotting: percentiles evenly spaced on a log scale of 1/(1-p), ten per
 * decade (0%, 20.6%, 36.9% … 90%, 99%, 99.9% …) up to `maxNines` nines, then 100% (max).
 * Empty for an empty histogram.
 */
export function percentileDistribution(h: Histogram, maxNines = 5, stepsPerDecade = 10): PercentilePoint[] {
  if (h.totalCount === 0) return [];
  const points: PercentilePoint[] = [];
  for (let k = 0; k <= maxNines * stepsPerDecade; k++) {
    const percentile = (1 - 10 ** (-k / stepsPerDecade)) * 100;
    points.push({ percentile: Math.round(percentile * 1e6) / 1e6, ms: usToMs(h.getValueAtPercentile(percentile)) });
  }
  points.push({ percentile: 100, ms: usToMs(h.getValueAtPercentile(100)) });
  return points;
}

// ---- sequence checking ---------------------------------------------------------------

/** What the checker needs from a board frame (control frames never reach it). */
export interface FrameHeader {
  seq: number;
  epoch: string;
  full: boolean;
}

/** Per-connection state: the last board frame seen, or none yet. */
export type SeqState = { readonly epoch: string; readonly seq: number } | null;

export interface SeqCounts {
  /** Discontinuities within an epoch: seq did not rise by exactly one. */
  seqGaps: number;
  /** Frames skipped over by forward gaps (a gap from 7 to 10 misses 2). */
  framesMissed: number;
  /** A frame from a different epoch than the previous one. */
  epochChanges: number;
  /** A FULL frame arriving out of order within an epoch: the server healing a gap. */
  resyncs: number;
  /** The first frame on a connection was a DELTA (the contract says FULL first). */
  deltaFirst: number;
}

export const emptySeqCounts = (): SeqCounts => ({ seqGaps: 0, framesMissed: 0, epochChanges: 0, resyncs: 0, deltaFirst: 0 });

export function addSeqCounts(into: SeqCounts, from: SeqCounts): SeqCounts {
  into.seqGaps += from.seqGaps;
  into.framesMissed += from.framesMissed;
  into.epochChanges += from.epochChanges;
  into.resyncs += from.resyncs;
  into.deltaFirst += from.deltaFirst;
  return into;
}

/**
 * Checks one board frame against the connection's state, adds what it saw to `counts`
 * and returns the new state. A FULL frame in order (seq = last + 1) is an ordinary key
 * frame; a FULL frame after a jump is a resync (the jump still counts as a gap, so gaps
 * count every discontinuity and resyncs the ones the server answered with a FULL).
 */
export function checkSeq(state: SeqState, frame: FrameHeader, counts: SeqCounts): SeqState {
  const next = { epoch: frame.epoch, seq: frame.seq };
  if (state === null) {
    if (!frame.full) counts.deltaFirst++;
    return next;
  }
  if (frame.epoch !== state.epoch) {
    // A new worker incarnation restarts seq; comparing across epochs means nothing.
    counts.epochChanges++;
    return next;
  }
  if (frame.seq === state.seq + 1) return next;
  counts.seqGaps++;
  if (frame.seq > state.seq + 1) counts.framesMissed += frame.seq - state.seq - 1;
  if (frame.full) counts.resyncs++;
  return next;
}
