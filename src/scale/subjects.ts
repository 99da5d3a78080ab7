// The names boardcast uses on NATS, all derived from NATS_PREFIX, in one place:
//   <prefix>.v1.frames.<format>   every frame, one message per wire format (core NATS)
//   <prefix>.v1.heartbeat         the leader's worker heartbeat, every interval (core NATS)
//   KV <prefix>_v1_frames         keys full.<format>: the latest FULL frame per format
//   KV <prefix>_v1_leader         key `leader`: the ingest lease (bucket TTL = the lease)
import { WIRE_FORMATS, type WireFormat } from '../wire/formats.js';

export interface NatsNames {
  frameSubject(format: WireFormat): string;
  /** Wildcard over every format: one subscription keeps the per-publisher order across formats. */
  framesWildcard: string;
  heartbeatSubject: string;
  framesBucket: string;
  fullKey(format: WireFormat): string;
  leaderBucket: string;
  leaderKey: string;
  formats: readonly WireFormat[];
}

export function natsNames(prefix: string): NatsNames {
  return {
    frameSubject: (format) => `${prefix}.v1.frames.${format}`,
    framesWildcard: `${prefix}.v1.frames.*`,
    heartbeatSubject: `${prefix}.v1.heartbeat`,
    framesBucket: `${prefix}_v1_frames`,
    fullKey: (format) => `full.${format}`,
    leaderBucket: `${prefix}_v1_leader`,
    leaderKey: 'leader',
    formats: WIRE_FORMATS,
  };
}
