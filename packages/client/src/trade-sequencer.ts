// The trades channel's client rule, pure: per symbol, a trade whose trade_seq is not above
// the last one seen is a repeat (the replay in a FULL after a reconnect or resync overlaps
// what was already delivered) and is dropped; one more than a step above the last is a gap
// (trades were missed: the socket was away longer than the replay covers). trade_seq counts
// within an epoch, so a new epoch starts every symbol over.
import type { Trade, TradeEvent } from './types.js';

export class TradeSequencer {
  private epoch: string | undefined;
  private readonly last = new Map<string, number>();
  /** Trades dropped as repeats, and trades known missed, since construction. */
  duplicates = 0;
  missed = 0;

  /** The trades of one applied frame, in order: the new ones, each with its gap. */
  accept(epoch: string, trades: readonly Trade[]): TradeEvent[] {
    if (epoch !== this.epoch) {
      this.epoch = epoch;
      this.last.clear();
    }
    const out: TradeEvent[] = [];
    for (const t of trades) {
      const prev = this.last.get(t.symbol);
      if (prev !== undefined && t.tradeSeq <= prev) {
        this.duplicates++;
        continue;
      }
      // The first trade of a symbol this client sees says nothing about the ones before it.
      const missed = prev === undefined ? 0 : t.tradeSeq - prev - 1;
      this.missed += missed;
      this.last.set(t.symbol, t.tradeSeq);
      out.push({ ...t, gap: missed > 0, missed });
    }
    return out;
  }
}
