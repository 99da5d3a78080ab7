// The live trade tape (channel `trades`): numbers every accepted trade per symbol
// (trade_seq, +1 per trade, from 1 in each worker epoch) and keeps, per symbol, the trades
// since the previous frame and the last `replay` ones for the FULL of a socket that
// connects or resyncs. Pure state; the frame loop drains it once per frame.
import { TradeSide, type TradeProps } from '../wire/proto.js';
import type { ClassifiedTrade } from './processor/processor.js';

const SIDE: Record<ClassifiedTrade['side'], TradeSide> = { buy: TradeSide.ACTIVE_BUY, sell: TradeSide.ACTIVE_SELL, neutral: TradeSide.NEUTRAL };

/**
 * Most trades of one symbol a frame carries: frames stop while nobody is connected, and the
 * first one after a long quiet spell must not carry the whole day. Older ones are dropped
 * (a client sees the gap in trade_seq).
 */
export const FRAME_TRADE_CAP = 1000;

interface SymbolTape {
  seq: number;
  pending: TradeProps[];
  /** The last trades, oldest first; trimmed to `replay` lazily (at twice its size). */
  recent: TradeProps[];
  /** The replay handed out, reused while no trade came (its encoding is cached by identity). */
  replayOut: readonly TradeProps[] | undefined;
}

export class TradeTape {
  private readonly bySymbol = new Map<string, SymbolTape>();
  private readonly touched = new Set<SymbolTape>();
  private droppedTrades = 0;

  constructor(private readonly replaySize: number) {}

  /** Trades left out of a frame because a symbol had more than FRAME_TRADE_CAP since the previous one. */
  get dropped(): number {
    return this.droppedTrades;
  }

  add(t: ClassifiedTrade): TradeProps {
    let s = this.bySymbol.get(t.symbol);
    if (!s) this.bySymbol.set(t.symbol, (s = { seq: 0, pending: [], recent: [], replayOut: undefined }));
    const trade: TradeProps = { symbol: t.symbol, tradeSeq: ++s.seq, price: t.price, volume: t.volume, side: SIDE[t.side], session: t.phase, timeMs: t.timeMs };
    s.pending.push(trade);
    if (s.pending.length > FRAME_TRADE_CAP) {
      s.pending.shift();
      this.droppedTrades++;
    }
    if (this.replaySize > 0) {
      s.recent.push(trade);
      if (s.recent.length >= 2 * this.replaySize) s.recent.splice(0, s.recent.length - this.replaySize);
      s.replayOut = undefined;
    }
    this.touched.add(s);
    return trade;
  }

  /** The trades since the previous call, per symbol (symbols without trades absent). */
  drain(): Map<string, TradeProps[]> {
    const out = new Map<string, TradeProps[]>();
    for (const s of this.touched) {
      if (s.pending.length === 0) continue;
      out.set(s.pending[0]!.symbol!, s.pending);
      s.pending = [];
    }
    this.touched.clear();
    return out;
  }

  /** The last `replay` trades of every symbol that traded; the same array per symbol while it did not trade again. */
  replay(): Map<string, readonly TradeProps[]> {
    const out = new Map<string, readonly TradeProps[]>();
    if (this.replaySize === 0) return out;
    for (const [symbol, s] of this.bySymbol) {
      if (s.recent.length === 0) continue;
      s.replayOut ??= s.recent.slice(-this.replaySize);
      out.set(symbol, s.replayOut);
    }
    return out;
  }
}
