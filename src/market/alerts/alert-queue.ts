// What the market worker keeps of the alerts it raised: those not yet in a frame, and the
// most recent ones, which a socket that connects or resyncs is replayed with its FULL.
import type { AlertRecord, FrameEvents } from '../../wire/frame-parts.js';

/** Alerts waiting for a frame at most (frames stop while nobody is connected; the replay covers newcomers). */
const MAX_PENDING = 1000;

export class AlertQueue {
  private pending: AlertRecord[] = [];
  private readonly recent: AlertRecord[] = [];

  constructor(private readonly replay: number) {}

  push(alerts: readonly AlertRecord[]): void {
    this.pending.push(...alerts);
    if (this.pending.length > MAX_PENDING) this.pending.splice(0, this.pending.length - MAX_PENDING);
    this.recent.push(...alerts);
    if (this.recent.length > this.replay) this.recent.splice(0, this.recent.length - this.replay);
  }

  /** The next frame's alerts (those raised since the previous call) and the replay, oldest first. */
  drain(): FrameEvents {
    const alerts = this.pending;
    this.pending = [];
    return { alerts, alertsReplay: [...this.recent] };
  }
}
