// The protocol across the thread boundary (main ↔ market worker): a handful of explicit,
// typed messages, discriminated on `type`. Both sides import this file and nothing else
// of each other.
import type { AlertSettings } from './market/alerts/engine.js';
import type { FeedStatus } from './market/feed/feed.js';
import type { UniverseName } from './market/rules/universe.js';
import type { PackedParts } from './wire/frame-parts.js';
import type { WireFormat } from './wire/formats.js';

// The wire formats are the codec's (src/wire/formats.ts); the type is re-exported for the
// thread protocol's users (a type only: nothing in src/ may load src/wire at runtime through here).
export type { WireFormat } from './wire/formats.js';

export type ClientCounts = Record<WireFormat, number>;

/** Passed as workerData when the market worker starts. */
export interface WorkerStartup {
  epoch: string;
  intervalMs: number;
  /** Every n-th frame goes out FULL to every socket, DELTA otherwise. */
  keyframeEvery: number;
  /** Trades per symbol in the FULL of a socket that connects or resyncs (channel `trades`). */
  tradesReplay: number;
  logLevel: string;
  feed: string;
  sim: { seed: number; tradesPerSecond: number; startTime: string; clockSpeed: number };
  /** The market served (UNIVERSE; absent = vn30): the simulator simulates it, the processor tracks its indices. */
  universe?: UniverseName;
  /** FEED=ssi. The secret travels only in memory (workerData) and is never logged. */
  ssi?: { consumerId: string; consumerSecret: string; baseUrl: string; streamUrl: string; futuresOverride: string[]; futuresCodeScheme: 'auto' | 'classic' | 'krx'; extraSymbols: string[]; channelMode: 'auto' | 'single' | 'per-type' };
  /** A connected feed silent this long is reported stale on the wire, ms. */
  feedStaleMs: number;
  /** FEED=replay. */
  replay?: { file: string; speed: number; loop: boolean };
  /** History: the writer thread's BroadcastChannel and how often accepted rows go to it. */
  history?: { channel: string; flushMs: number };
  /** The alert engine's settings, and how many recent alerts a (re)connecting socket is replayed. */
  alerts?: { settings: AlertSettings; replay: number };
  /** Client counts at the moment of (re)start, so a restarted worker serves at once. */
  clients: ClientCounts;
}

// ── main → worker ────────────────────────────────────────────────────────────
export type MainToWorker =
  /** Sent whenever the number of connected sockets per format changes. */
  | { type: 'clients'; clients: ClientCounts }
  /** Stop producing frames (shutdown step 3); answered by 'loop-stopped'. */
  | { type: 'stop-loop' }
  /** Stop the feed and flush (shutdown steps 5–6); answered by 'shutdown-done'. */
  | { type: 'shutdown' };

// ── worker → main ────────────────────────────────────────────────────────────

export type WorkerToMain =
  /** The feed is up and the basket known; the first frame follows. */
  | { type: 'ready'; epoch: string; basket: string[]; boards?: Record<string, string[]> }
  /**
   * One frame, encoded once per format that has clients, as parts the main thread
   * assembles views from: the whole board (`full`) and, unless this is a keyframe or the
   * change cannot be a delta, what changed since seq − 1 (`delta`). Buffers are transferred.
   */
  | { type: 'frame'; seq: number; producedAtUs: number; keyframe: boolean; buildUs: number; encodeUs: Record<string, number>; full: PackedParts[]; delta: PackedParts[] | null }
  /**
   * The FULL of frame `seq` (already posted) in a format it was not encoded in: a format
   * gained its first client while frames were flowing. Not a new frame: nobody else gets it.
   */
  | { type: 'format-full'; seq: number; parts: PackedParts }
  /** Sent every interval, even when no frame was built: proves the worker and feed live. */
  | { type: 'heartbeat'; at: number; feed: FeedStatus; framesSkipped: number; feedAccepted: number; feedRejected: number }
  | { type: 'loop-stopped' }
  | { type: 'shutdown-done'; tradesAccepted?: number; historyTicks?: number };
