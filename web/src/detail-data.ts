// The data side of the symbol detail panel, pure: the shapes the panel draws (a 1-minute
// candle, a trade), their conversion from /api/history rows, the query windows, and the
// cursor that lets a refreshed tick query resume where the last one stopped without
// counting a trade twice. Live `candles` / `trades` channel events are converted to the
// same shapes and fed to the same applyCandle / applyTrade.

export interface CandlePoint {
  /** Bucket start, ms since the epoch. */
  timeMs: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  buyVolume: number;
  sellVolume: number;
}

export type TradeSide = 'buy' | 'sell' | 'neutral';

export interface TradePoint {
  timeMs: number;
  price: number;
  volume: number;
  side: TradeSide;
}

/** A 1m candle row of /api/history/{symbol}/candles. */
export interface HistoryCandle {
  ts: number;
  open: number;
  high: number;
  low: number;
  close: number;
  volume: number;
  buyVolume: number;
  sellVolume: number;
}

/** A row of /api/history/{symbol}/ticks. */
export interface HistoryTick {
  ts: number;
  price: number;
  volume: number;
  side: string;
}

export const candleFromHistory = (r: HistoryCandle): CandlePoint => ({
  timeMs: r.ts,
  open: r.open,
  high: r.high,
  low: r.low,
  close: r.close,
  volume: r.volume,
  buyVolume: r.buyVolume,
  sellVolume: r.sellVolume,
});

export const sideOf = (s: string): TradeSide => (s === 'buy' || s === 'BUY' ? 'buy' : s === 'sell' || s === 'SELL' ? 'sell' : 'neutral');

export const tradeFromHistory = (r: HistoryTick): TradePoint => ({ timeMs: r.ts, price: r.price, volume: r.volume, side: sideOf(r.side) });

/** A trade of the live `trades` channel (side ACTIVE_BUY / ACTIVE_SELL / NEUTRAL). */
export const tradeFromChannel = (t: { timeMs: number; price: number; volume: number; side: string }): TradePoint => ({
  timeMs: t.timeMs,
  price: t.price,
  volume: t.volume,
  side: t.side === 'ACTIVE_BUY' ? 'buy' : t.side === 'ACTIVE_SELL' ? 'sell' : 'neutral',
});

/** Asia/Ho_Chi_Minh is UTC+7 all year: the local trading day of an instant starts at this ms. */
const HANOI_MS = 7 * 3_600_000;
export function localDayStart(ms: number): number {
  return Math.floor((ms + HANOI_MS) / 86_400_000) * 86_400_000 - HANOI_MS;
}

/**
 * The chart library draws times as UTC: shifting by +7 h makes its axis read Hanoi time,
 * whatever the browser's zone. Seconds, as the library wants them.
 */
export function chartTime(ms: number): number {
  return Math.floor((ms + HANOI_MS) / 1000);
}

/**
 * Where the next tick query starts. Queries are `from` inclusive, so the next one starts at
 * the last trade's time and skips the trades at that instant it has already seen.
 */
export class TickCursor {
  private lastTs = -1;
  private seenAtLast = 0;

  /** `from` for the next query: the last trade's time, or `initialFrom` before any. */
  from(initialFrom: number): number {
    return this.lastTs < 0 ? initialFrom : this.lastTs;
  }

  /** The new trades of an answer (ascending time), advancing the cursor past them. */
  take<T extends { timeMs: number }>(rows: readonly T[]): T[] {
    const out: T[] = [];
    let skip = this.seenAtLast;
    for (const r of rows) {
      if (r.timeMs < this.lastTs) continue;
      if (r.timeMs === this.lastTs && skip > 0) {
        skip--;
        continue;
      }
      out.push(r);
      if (r.timeMs === this.lastTs) this.seenAtLast++;
      else {
        this.lastTs = r.timeMs;
        this.seenAtLast = 1;
      }
    }
    return out;
  }
}
