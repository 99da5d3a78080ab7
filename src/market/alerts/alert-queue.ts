// What the market worker keeps of the alerts it raised, for the `alerts` list channel: those
// not yet in a frame, and the most recent ones, which a socket that connects or resyncs is
// replayed with its FULL. Both go out grouped as every list channel does (list-parts.ts): a
// stock's alerts under its symbol, the market-wide ones (indices, futures) under EVERY_VIEW.
import { EVERY_VIEW, type AlertRecord, type ListGroups } from '../../wire/frame-parts.js';

/** Alerts waiting for a frame at most (frames stop while nobody is connected; the replay covers newcomers). */
const MAX_PENDING = 1000;

export interface AlertLists {
  /** Raised since the previous drain (the regular stream's list). */
  since: ListGroups<'alerts'>;
  /** The last `replay` raised, oldest first within a group; the same Map while none was raised (its bytes are cached by identity). */
  replay: ListGroups<'alerts'>;
}

const groupOf = (a: AlertRecord) => (a.wide ? EVERY_VIEW : a.symbol);

function grouped(alerts: readonly AlertRecord[]): Map<string, AlertRecord[]> {
  const out = new Map<string, AlertRecord[]>();
  for (const a of alerts) {
    const g = out.get(groupOf(a));
    if (g) g.push(a);
    else out.set(groupOf(a), [a]);
  }
  return out;
}

export class AlertQueue {
  private pending: AlertRecord[] = [];
  private readonly recent: AlertRecord[] = [];
  private replayOut: ListGroups<'alerts'> | undefined;

  constructor(private readonly replaySize: number) {}

  push(alerts: readonly AlertRecord[]): void {
    if (alerts.length === 0) return;
    this.pending.push(...alerts);
    if (this.pending.length > MAX_PENDING) this.pending.splice(0, this.pending.length - MAX_PENDING);
    this.recent.push(...alerts);
    if (this.recent.length > this.replaySize) this.recent.splice(0, this.recent.length - this.replaySize);
    this.replayOut = undefined;
  }

  /** The next frame's alerts (those raised since the previous call) and the replay. */
  drain(): AlertLists {
    const since = grouped(this.pending);
    this.pending = [];
    this.replayOut ??= grouped(this.recent);
    return { since, replay: this.replayOut };
  }
}
