// The simulator's messages, in SSI FastConnect Data v2 shape (RType X / R / MI with the
// field names src/market/normalizer.ts reads). Pure: state in, one message out.
import { MarketPhase } from '../rules/phase.js';
import type { RawFeedMessage } from '../feed/feed.js';
import type { Level } from './book.js';
import { ssiDate, ssiTime } from './clock.js';

const P = MarketPhase;
/** The TradingSession code SSI sends for each phase. */
export const SESSION_CODE: Record<MarketPhase, string> = {
  [P.PHASE_UNSPECIFIED]: '',
  [P.PRE_OPEN]: 'PRE',
  [P.ATO]: 'ATO',
  [P.CONTINUOUS]: 'LO',
  [P.LUNCH_BREAK]: 'BREAK',
  [P.ATC]: 'ATC',
  [P.PUT_THROUGH]: 'PT',
  [P.CLOSED]: 'C',
};

export function round2(v: number): number {
  return Math.round(v * 100) / 100;
}

/** What an X message says about an instrument. */
export interface QuoteState {
  ref: number;
  ceiling: number;
  floor: number;
  open: number;
  high: number;
  low: number;
  last: number;
  lastVol: number;
  totalVol: number;
  totalVal: number;
  bids: Level[];
  asks: Level[];
}

/** An SSI "X" message; prices are divided by `scale` (10 for futures kept in tenths). */
export function quoteMsg(symbol: string, exchange: string, date: string, now: number, q: QuoteState, scale: number, session: string, estMatched = 0): RawFeedMessage {
  const px = (p: number) => (scale === 1 ? p : p / scale);
  const [b1, b2, b3] = q.bids;
  const [a1, a2, a3] = q.asks;
  // One literal (a stable object shape), levels that do not exist sent as 0 like SSI does.
  return {
    RType: 'X', Symbol: symbol, Exchange: exchange, TradingDate: ssiDate(date), Time: ssiTime(now),
    TradingSession: session,
    RefPrice: px(q.ref), Ceiling: px(q.ceiling), Floor: px(q.floor),
    Open: px(q.open), High: px(q.high), Low: px(q.low),
    LastPrice: px(q.last), LastVol: q.lastVol, TotalVol: q.totalVol, TotalVal: q.totalVal,
    BidPrice1: b1 ? px(b1.price) : 0, BidVol1: b1 ? b1.volume : 0,
    BidPrice2: b2 ? px(b2.price) : 0, BidVol2: b2 ? b2.volume : 0,
    BidPrice3: b3 ? px(b3.price) : 0, BidVol3: b3 ? b3.volume : 0,
    AskPrice1: a1 ? px(a1.price) : 0, AskVol1: a1 ? a1.volume : 0,
    AskPrice2: a2 ? px(a2.price) : 0, AskVol2: a2 ? a2.volume : 0,
    AskPrice3: a3 ? px(a3.price) : 0, AskVol3: a3 ? a3.volume : 0,
    EstMatchedPrice: px(estMatched),
  };
}

export interface IndexFigures {
  value: number;
  prior: number;
  volume: number;
  valueTraded: number;
  advances: number;
  declines: number;
  unchanged: number;
  ceilings: number;
  floors: number;
}

/** An SSI "MI" message; `base` carries TradingDate, Time, Exchange and TradingSession. */
export function indexMsg(id: string, f: IndexFigures, base: Record<string, string>): RawFeedMessage {
  const { value, prior } = f;
  return {
    RType: 'MI', IndexId: id, IndexValue: value, PriorIndexValue: prior,
    Change: round2(value - prior), RatioChange: prior ? round2(((value - prior) / prior) * 100) : 0,
    ...base,
    TotalQtty: f.volume, TotalValue: f.valueTraded, AllQty: f.volume, AllValue: f.valueTraded,
    Advances: f.advances, Declines: f.declines, NoChanges: f.unchanged, Ceilings: f.ceilings, Floors: f.floors,
  };
}

export interface ForeignState {
  totalRoom: number;
  /** Shares foreigners hold (the room left is totalRoom − held). */
  held: number;
  buyVol: number;
  sellVol: number;
  buyVal: number;
  sellVal: number;
}

/** An SSI "R" message: cumulative foreign flow of the day and the room left. */
export function foreignMsg(symbol: string, date: string, now: number, f: ForeignState): RawFeedMessage {
  return {
    RType: 'R', Symbol: symbol, TradingDate: ssiDate(date), Time: ssiTime(now),
    TotalRoom: f.totalRoom, CurrentRoom: Math.max(0, f.totalRoom - f.held),
    BuyVol: f.buyVol, SellVol: f.sellVol, BuyVal: f.buyVal, SellVal: f.sellVal,
  };
}
