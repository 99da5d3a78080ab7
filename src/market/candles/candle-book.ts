// The live 1-minute candles (channel `candles`): one per symbol that traded and per index,
// folded by the same pure rule as history's candles (candle.ts), so a closed live candle
// equals the stored one. Pure state; the frame loop reads it once per frame.
//
// A minute closes when its symbol's next trade (an index's next point) falls in a later
// minute, or when the market clock is CLOSE_GRACE_MS past the minute's end (a quiet symbol,
// the session's end): the grace lets a trade stamped just before the boundary that arrives
// just after it still land in its minute. A later one (a feed delayed by more than the
// grace) still folds in: the minute is sent again, closed, with its new values (a client
// keeps the last one it got per minute). An input stamped before the live candle's minute
// (index points may arrive out of order; a symbol's trades never go back in time) is not
// folded: the live candle never goes back to an earlier minute.
import type { CandleProps } from '../../wire/proto.js';
import type { IndexEvent } from '../events.js';
import type { ClassifiedTrade } from '../processor/processor.js';
import { EVERY_VIEW } from '../../wire/frame-parts.js';
import { foldIndexPoint, foldTrade, MINUTE_MS, type Candle } from './candle.js';

export const CLOSE_GRACE_MS = 5000;

interface Slot {
  /** The symbol or index id the candle is of. */
  symbol: string;
  /** The group its candles go out in: the symbol (watchlists filter it), or every view (indices). */
  group: string;
  live: Candle | undefined;
  closed: boolean;
  /** The live candle changed since the last frame. */
  dirty: boolean;
  /** The candle as last handed out (immutable; its bytes are cached by identity). */
  out: CandleProps | undefined;
  /** An index's previous total volume. */
  prevTotal: number | undefined;
}

export interface CandleFrame {
  /** Every slot's latest candle (a FULL), grouped. */
  all: Map<string, CandleProps[]>;
  /** The candles that changed or closed since the previous frame (a DELTA), grouped. */
  changed: Map<string, CandleProps[]>;
}

const push = (m: Map<string, CandleProps[]>, key: string, c: CandleProps) => {
  const a = m.get(key);
  if (a) a.push(c);
  else m.set(key, [c]);
};

export class CandleBook {
  private readonly slots = new Map<string, Slot>();
  /** Candles closed since the previous frame, in order. */
  private closedSince: Array<{ group: string; candle: CandleProps }> = [];

  onTrade(t: ClassifiedTrade): void {
    const s = this.slot(t.symbol, t.symbol);
    if (!this.roll(s, t.timeMs)) return;
    s.live = foldTrade(s.live, MINUTE_MS, t.timeMs, t.price, t.volume, t.side);
    s.dirty = true;
  }

  onIndex(ev: IndexEvent): void {
    const s = this.slot(`i:${ev.id}`, EVERY_VIEW, ev.id);
    if (!this.roll(s, ev.timeMs)) return;
    s.live = foldIndexPoint(s.live, MINUTE_MS, ev.timeMs, ev.value, ev.totalVolume, s.prevTotal);
    s.prevTotal = ev.totalVolume;
    s.dirty = true;
  }

  /** The candles for a frame at market time `clockMs`: closes the minutes that are over first. */
  frame(clockMs: number): CandleFrame {
    const all = new Map<string, CandleProps[]>();
    const changed = new Map<string, CandleProps[]>();
    for (const s of this.slots.values()) {
      if (s.live && !s.closed && clockMs >= s.live.ts + MINUTE_MS + CLOSE_GRACE_MS) this.close(s);
    }
    for (const { group, candle } of this.closedSince) push(changed, group, candle);
    this.closedSince = [];
    for (const s of this.slots.values()) {
      if (!s.live) continue;
      if (s.dirty) {
        s.out = wire(s.symbol, s.live, false);
        s.dirty = false;
        push(changed, s.group, s.out);
      }
      push(all, s.group, s.out!);
    }
    return { all, changed };
  }

  private slot(key: string, group: string, symbol = key): Slot {
    let s = this.slots.get(key);
    if (!s) this.slots.set(key, (s = { symbol, group, live: undefined, closed: false, dirty: false, out: undefined, prevTotal: undefined }));
    return s;
  }

  /**
   * Before folding an input at `ts`: closes the live minute if `ts` is in a later one; a late
   * input reopens a closed minute's values. False: `ts` is before the live minute (not folded).
   */
  private roll(s: Slot, ts: number): boolean {
    if (!s.live) return true;
    if (ts < s.live.ts) return false;
    const later = ts >= s.live.ts + MINUTE_MS;
    if (later) {
      if (!s.closed) this.close(s);
      s.live = undefined;
      s.closed = false;
    } else if (s.closed) {
      // A late input for a minute already sent closed: fold it, and send the minute closed again.
      s.live = { ...s.live };
      s.closed = false;
    }
    return true;
  }

  private close(s: Slot): void {
    s.closed = true;
    s.dirty = false;
    s.out = wire(s.symbol, s.live!, true);
    this.closedSince.push({ group: s.group, candle: s.out });
  }
}

function wire(symbol: string, c: Candle, closed: boolean): CandleProps {
  return { symbol, timeMs: c.ts, open: c.open, high: c.high, low: c.low, close: c.close, volume: c.volume, buyVolume: c.buyVolume, sellVolume: c.sellVolume, trades: c.trades, closed };
}
