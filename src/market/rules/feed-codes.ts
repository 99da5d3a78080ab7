// What FastConnect's own fields say about a trade: the session it matched in
// (`TradingSession`) and the aggressor side the exchange reports (`Side`). Pure.
import { MarketPhase } from './phase.js';

/** The aggressor the exchange reports: BU (buy-up) is an active buy, SD (sell-down) an active sell. */
export type AggressorSide = 'buy' | 'sell';

const SESSIONS: Readonly<Record<string, MarketPhase>> = {
  ATO: MarketPhase.ATO,
  LO: MarketPhase.CONTINUOUS,
  ATC: MarketPhase.ATC,
  PT: MarketPhase.PUT_THROUGH,
  C: MarketPhase.CLOSED,
  BREAK: MarketPhase.LUNCH_BREAK,
};

/**
 * The phase a `TradingSession` code names (ATO, LO = continuous, ATC, PT = put-through,
 * C = closed, BREAK), case and spaces ignored; undefined for anything else (absent, empty
 * or a code this table does not know), and the caller falls back to the clock.
 */
export function sessionPhase(code: unknown): MarketPhase | undefined {
  if (typeof code !== 'string') return undefined;
  const key = code.trim().toUpperCase();
  return Object.hasOwn(SESSIONS, key) ? SESSIONS[key] : undefined;
}

/** BU → buy, SD → sell; undefined for anything else (the book rule decides then). */
export function aggressorSide(code: unknown): AggressorSide | undefined {
  if (typeof code !== 'string') return undefined;
  const key = code.trim().toUpperCase();
  return key === 'BU' ? 'buy' : key === 'SD' ? 'sell' : undefined;
}

/**
 * FastConnect's ids of the board indices boardcast names otherwise (HNX-INDEX, UPCOM-INDEX:
 * src/market/rules/universe.ts). The ids are as we know them, not verified against the live
 * feed here (no network); an id not in this table is kept as sent.
 */
export const INDEX_FEED_ALIASES: Readonly<Record<string, string>> = { HNXIndex: 'HNX-INDEX', HNXUpcomIndex: 'UPCOM-INDEX' };

const FEED_INDEX_IDS = new Map(Object.entries(INDEX_FEED_ALIASES).map(([feed, ours]) => [ours, feed]));

/** The id FastConnect knows an index by (subscriptions: its list separator is '-', so HNX-INDEX cannot be sent as is). */
export function feedIndexId(id: string): string {
  return FEED_INDEX_IDS.get(id) ?? id;
}
