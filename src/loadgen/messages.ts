// The protocol between the load generator's main thread and its client workers, in one
// file both sides import: one task in, one result out, and messages on a MessagePort
// (progress from the worker once a second, stop from the main thread).
import type { MessagePort } from 'node:worker_threads';
import type { ClientPath, DecodeMode, WireFormat } from './options.js';
import type { SeqCounts } from './stats.js';

/** One piscina task: a shard of clients that lives from startAtMs to the end of the run. */
export interface ShardTask {
  shardId: number;
  url: string;
  /** Per-client query suffixes (appended with '&'), this shard's clients in order; absent: `url` for all. */
  queries?: string[];
  format: WireFormat;
  decode: DecodeMode;
  client: ClientPath;
  clients: number;
  /** This shard's share of the global ramp, connections per second. */
  rampPerS: number;
  /** Wall-clock ms shared by all shards, so their ramps and windows line up. */
  startAtMs: number;
  /** The measurement window, wall-clock ms: after the ramp and the warmup. */
  windowStartMs: number;
  windowEndMs: number;
  connectTimeoutMs: number;
  port: MessagePort;
}

/** Counters a shard keeps; summed over shards by the main thread. */
export interface ShardCounters {
  attempted: number;
  connected: number;
  /** Sockets open right now. */
  open: number;
  connectFailures: number;
  /** Of the failures: handshakes still pending when the run ended (server too slow to accept). */
  connectsUnfinished: number;
  /** Sockets the server (or the network) closed before the run ended. */
  disconnects: number;
  decodeErrors: number;
  /** Latencies below zero: the producer's clock is ahead of this machine's. */
  negativeLatencies: number;
  /** Board frames since start (warmup included), for the progress line. */
  framesTotal: number;
  /** Board frames and payload bytes inside the measurement window. */
  frames: number;
  bytes: number;
  controlFrames: number;
  seq: SeqCounts;
  /** One example error text per kind, so a failed run says why. */
  firstErrors: string[];
}

export type WorkerToMain = {
  type: 'progress';
  shardId: number;
  counters: ShardCounters;
  /** Encoded latency histogram of the window so far (absent before the window opens). */
  histogram?: string;
};

export type MainToWorker = { type: 'stop' };

export interface ShardResult {
  shardId: number;
  counters: ShardCounters;
  histogram: string;
  /** The measurement window actually covered (shorter when stopped early). */
  windowS: number;
  /** The shard thread's event-loop delay over the window, ms beyond its 10 ms sampling timer. */
  loopLagMs: { p99: number; max: number };
}
