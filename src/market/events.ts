// Normalized feed events: what the normalizer emits and the processor consumes.
// Every feed (sim, replay, ssi) is turned into these by src/market/normalizer.ts.
//
// Units, in one place: prices of stocks are VND (integers, e.g. 95_300); volumes are
// shares (stocks) or contracts (futures); values are VND; index values and futures
// prices are index points (e.g. 1_342.57). Times are ms since the Unix epoch (UTC);
// trading dates are YYYY-MM-DD in Asia/Ho_Chi_Minh.
import type { MarketPhase } from '../wire/proto.js';
import type { AggressorSide } from './rules/feed-codes.js';

export interface PriceLevel {
  price: number;
  volume: number;
}

/** SSI "X": trade + quote of one instrument (stock or futures contract). */
export interface QuoteEvent {
  type: 'quote';
  symbol: string;
  timeMs: number;
  tradingDate: string;
  reference: number;
  ceiling: number;
  floor: number;
  open: number;
  high: number;
  low: number;
  /** Last matched price; 0 before the first trade of the day. */
  last: number;
  lastVolume: number;
  /** Cumulative for the day: a rise since the previous event of this symbol is a trade. */
  totalVolume: number;
  totalValue: number;
  /** Best first, up to 3 levels (levels with price 0 are dropped). */
  bids: PriceLevel[];
  asks: PriceLevel[];
  /** The session the feed says the message belongs to (`TradingSession`); undefined when absent or unknown. */
  session: MarketPhase | undefined;
  /** The aggressor the exchange reports for the trade (`Side` BU / SD); undefined when absent. */
  aggressor: AggressorSide | undefined;
  /** FastConnect's EstMatchedPrice, when the message carries a non-zero one (see normalize-auction.ts). */
  projected?: ProjectedMatch;
}

/** The call auction's projected (indicative) match as the feed states it. */
export interface ProjectedMatch {
  price: number;
  /** Volume matched at `price` by the message's book (FastConnect sends no projected volume). */
  volume: number;
  /** The message's TradingSession says ATO/ATC (true) or another session (false); undefined when it has none. */
  inAuction: boolean | undefined;
}

/** A symbol's trading status (SSI "F", security status). */
export type TradingStatus = 'normal' | 'halted' | 'suspended' | 'delisted' | 'special' | 'unknown';

/** SSI "F": one symbol's trading session and status. */
export interface StatusEvent {
  type: 'status';
  symbol: string;
  timeMs: number;
  tradingDate: string;
  status: TradingStatus;
  /** TradingSession as sent (ATO, LO, ATC, PT, C, BREAK, HALT), upper case; '' when absent. */
  session: string;
  /** TradingStatus as sent, upper case; '' when absent. */
  rawStatus: string;
}

/** SSI "R": cumulative foreign-investor flow of one symbol for the day. */
export interface ForeignEvent {
  type: 'foreign';
  symbol: string;
  timeMs: number;
  tradingDate: string;
  buyVolume: number;
  sellVolume: number;
  buyValue: number;
  sellValue: number;
  totalRoom: number;
  currentRoom: number;
}

/** SSI "MI": one index value with its breadth. */
export interface IndexEvent {
  type: 'index';
  id: string;
  timeMs: number;
  tradingDate: string;
  value: number;
  priorValue: number;
  totalVolume: number;
  totalValue: number;
  advances: number;
  declines: number;
  unchanged: number;
  ceilings: number;
  floors: number;
}

export type FeedEvent = QuoteEvent | ForeignEvent | IndexEvent | StatusEvent;
