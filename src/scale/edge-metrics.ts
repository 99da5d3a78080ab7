// What an edge reports about the bus in /metrics: messages dropped by reason (every reason
// present from the start at 0, so an alert rule sees the series before the first drop), the
// NATS connection state, the lease term it follows and the age of the last accepted frame.
import { Counter, Gauge, type Registry } from 'prom-client';
import type { DropReason } from './frame-fence.js';

export const EDGE_DROP_REASONS = [
  'malformed', // not a well-formed frame message (truncated, random bytes, offsets out of range, bad fields)
  'incomplete', // a frame whose formats did not all arrive before a newer frame
  'term_stale', 'term_ahead', 'term_unknown', 'stale', 'seq_jump', 'epoch', // frame-fence.ts
  'heartbeat_malformed', 'heartbeat_term', // heartbeats: off schema, or not the lease's term
  'internal', // an exception while handling a message (logged at error level)
] as const;
export type EdgeDropReason = (typeof EDGE_DROP_REASONS)[number];
// Every reason the fence can give has its series (a compile error otherwise).
const fenceReasonsListed: [Exclude<DropReason, EdgeDropReason>] extends [never] ? true : never = true;
void fenceReasonsListed;

export interface EdgeGauges {
  natsConnected(): number;
  leaseTerm(): number | undefined;
  lastFrameAt(): number;
}

export function createEdgeMetrics(registry: Registry, g: EdgeGauges) {
  const dropped = new Counter({ name: 'boardcast_edge_frames_dropped_total', help: 'Messages from NATS an edge dropped instead of using, by reason (frames and heartbeats)', labelNames: ['reason'] as const, registers: [registry] });
  for (const reason of EDGE_DROP_REASONS) dropped.inc({ reason }, 0);
  new Gauge({ name: 'boardcast_edge_nats_connected', help: '1 while the edge is connected to NATS', registers: [registry], collect() { this.set(g.natsConnected()); } });
  new Gauge({ name: 'boardcast_edge_lease_term', help: 'The ingest lease term the edge accepts frames of (0 = not read yet)', registers: [registry], collect() { this.set(g.leaseTerm() ?? 0); } });
  new Gauge({
    name: 'boardcast_edge_last_frame_age_seconds',
    help: 'Seconds since the edge last accepted a frame (+Inf before the first)',
    registers: [registry],
    collect() {
      const at = g.lastFrameAt();
      this.set(at > 0 ? (Date.now() - at) / 1000 : Infinity);
    },
  });
  const gaps = new Counter({ name: 'boardcast_edge_gaps_total', help: 'Seq gaps seen by the edge (the next frame went out FULL)', registers: [registry] });
  return { dropped, gaps };
}
export type EdgeMetrics = ReturnType<typeof createEdgeMetrics>;
