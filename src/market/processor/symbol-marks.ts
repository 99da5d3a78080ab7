// Per-symbol marks the board shows besides prices: the trading status from the feed's
// security-status channel (halted, suspended, …) and, during the ATO / ATC call auctions,
// the projected match (price and volume).
import type { QuoteEvent, StatusEvent, TradingStatus } from '../events.js';
import { MarketPhase, SymbolStatus } from '../../wire/proto.js';

const WIRE_STATUS: Readonly<Record<TradingStatus, SymbolStatus>> = {
  normal: SymbolStatus.STATUS_NORMAL,
  halted: SymbolStatus.STATUS_HALTED,
  suspended: SymbolStatus.STATUS_SUSPENDED,
  delisted: SymbolStatus.STATUS_DELISTED,
  special: SymbolStatus.STATUS_SPECIAL,
  unknown: SymbolStatus.STATUS_UNSPECIFIED,
};

const AUCTION_SESSIONS = new Set(['ATO', 'ATC']);

export interface Projection {
  price: number;
  volume: number;
}

/**
 * The projection a quote shows: its EstMatchedPrice while the symbol is in a call auction
 * (the message's TradingSession, else the market clock's phase), and none once the
 * message carries the auction's own match (`traded`).
 */
export function projectionOf(ev: QuoteEvent, traded: boolean, clockPhase: MarketPhase): Projection | undefined {
  const p = ev.projected;
  if (!p || traded) return undefined;
  const auction = p.inAuction ?? (clockPhase === MarketPhase.ATO || clockPhase === MarketPhase.ATC);
  return auction ? { price: p.price, volume: p.volume } : undefined;
}

export class SymbolMarks {
  private readonly statuses = new Map<string, SymbolStatus>();
  private readonly projections = new Map<string, Projection>();

  status(symbol: string): SymbolStatus {
    return this.statuses.get(symbol) ?? SymbolStatus.STATUS_UNSPECIFIED;
  }

  projection(symbol: string): Projection | undefined {
    return this.projections.get(symbol);
  }

  /** A status message; true when the board changes. A session other than ATO/ATC also ends the symbol's projection. */
  applyStatus(ev: StatusEvent): boolean {
    const next = WIRE_STATUS[ev.status];
    let changed = false;
    if (this.status(ev.symbol) !== next) {
      this.statuses.set(ev.symbol, next);
      changed = true;
    }
    if (ev.session !== '' && !AUCTION_SESSIONS.has(ev.session) && this.projections.delete(ev.symbol)) changed = true;
    return changed;
  }

  setProjection(symbol: string, p: Projection | undefined): void {
    if (p) this.projections.set(symbol, p);
    else this.projections.delete(symbol);
  }

  /**
   * A new trading day: projections end, and so do intraday halts; a suspension or a
   * delisting stands until the feed says otherwise.
   */
  newSession(): void {
    this.projections.clear();
    for (const [symbol, s] of this.statuses) if (s === SymbolStatus.STATUS_HALTED) this.statuses.delete(symbol);
  }
}
