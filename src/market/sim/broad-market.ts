// The rest of the market beyond the VN30 basket (UNIVERSE=hose|all): the other HOSE
// stocks, HNX and UPCoM, and the indices over them (VN100, HNX-INDEX, HNX30, UPCOM-INDEX).
// MarketSim steps it from its own event loop ('broad' trades, the auction instants, the
// day roll, the index heartbeat); it has its OWN random stream, so adding it leaves the
// VN30 part of the simulation exactly as it was.
//
// Model:
// - Each stock's board decides its tick, band and timetable (src/market/rules/): HOSE ±7%
//   with ATO and ATC, HNX ±10% with an ATC and no ATO, UPCoM ±15% with neither. UPCoM's
//   next reference is the day's volume-weighted average price, the others' the close.
// - Liquidity is very uneven, as on the real boards: a stock's share of the trades falls
//   with its liquidity rank as 1/(rank+10)^1.5 (the VN100 midcaps first, then the known HNX
//   and UPCoM names, then the synthetic tickers in a seeded order), and synthetic UPCoM
//   names weigh a tenth more: a few dozen names take most trades, most of UPCoM trades
//   a handful of times a day or not at all.
// - Prices: the same process as the basket (price-process.ts) on the basket's market
//   factor, with wider daily volatility on the wider-band boards.
// - Trades arrive as one Poisson stream over the union of the boards' continuous windows,
//   thinned by the share of the liquidity whose board is in continuous trading at that
//   instant (so the HOSE ATC window does not crowd UPCoM). Auction matches happen at the
//   window ends the basket's do (HOSE ATO 09:15; HOSE and HNX ATC 14:45) for the names
//   with orders that day. No foreign-flow (R) messages: the board's foreign summary is the
//   basket's.
import { stockClassOf, phaseAt, type InstrumentClass } from '../rules/calendar.js';
import type { Exchange } from '../rules/exchange.js';
import { MarketPhase } from '../rules/phase.js';
import { BOARD_LOTS } from '../rules/exchange.js';
import { priceBand, roundToTick } from '../rules/tick.js';
import type { Listing } from '../rules/universe.js';
import type { RawFeedMessage } from '../feed/feed.js';
import { CapWeightedIndex, type Constituent } from './basket.js';
import { applyFill, spreadTicksOf, stockBestBid, stockBook } from './book.js';
import { ssiDate, ssiTime } from './clock.js';
import { breadthOf } from './indices.js';
import { indexMsg, quoteMsg, round2, SESSION_CODE, type QuoteState } from './messages.js';
import { evolveFair, startWalkDay, type PriceWalk } from './price-process.js';
import { Rng } from './rng.js';
import { stepTicks } from '../rules/tick.js';

const P = MarketPhase;
/** Broad-market trades per basket trade (SIM_TRADES_PER_SECOND sets both paces). */
export const BROAD_TRADE_RATIO = 1.5;
const MEDIAN_TRADE_VALUE = 10_000_000;
const VOL_SCALE: Readonly<Record<Exchange, number>> = { HOSE: 1, HNX: 1.3, UPCOM: 1.8 };
const BOARDS: readonly Exchange[] = ['HOSE', 'HNX', 'UPCOM'];

/** The index levels at the first day's reference prices (orders of magnitude of 2025). */
const INDEX_BASE: Readonly<Record<string, { base: number; cap: number; board: Exchange }>> = {
  VN100: { base: 1_650, cap: 0.1, board: 'HOSE' },
  'HNX-INDEX': { base: 230, cap: 1, board: 'HNX' },
  HNX30: { base: 480, cap: 0.1, board: 'HNX' },
  'UPCOM-INDEX': { base: 100, cap: 1, board: 'UPCOM' },
};

interface BroadStock extends QuoteState, PriceWalk {
  symbol: string;
  exchange: Exchange;
  cls: InstrumentClass;
  weight: number;
  medianLots: number;
  /** Whether the name has auction orders today (the liquid ones nearly always). */
  inAuction: boolean;
}

export interface BroadIndexSpec {
  id: string;
  /** Constituents, the basket's included (VN100): their starting prices and weights. */
  members: readonly Constituent[];
}

export interface BroadMarketOptions {
  /** The stocks beyond the basket, board order. */
  listings: readonly Listing[];
  seed: number;
  /** Indices to publish among VN100, HNX-INDEX, HNX30, UPCOM-INDEX; the others are the basket's. */
  indexIds: readonly string[];
  /** Named baskets (VN100 beyond VN30, HNX30) by index id. */
  baskets: ReadonlyMap<string, readonly string[]>;
  /** The basket's constituents and its current quotes (VN100 includes them). */
  basket: readonly Constituent[];
  basketQuote: (symbol: string) => QuoteState | undefined;
}

interface LiveIndex {
  id: string;
  index: CapWeightedIndex;
  prior: number;
  board: Exchange;
  quotes: () => Iterable<QuoteState>;
}

export class BroadMarket {
  readonly symbols: readonly string[];
  private readonly rng: Rng;
  private readonly stocks: BroadStock[];
  private readonly bySymbol = new Map<string, BroadStock>();
  /** Per board: its stocks' cumulative trade weights, and its total. */
  private readonly cum = new Map<Exchange, { stocks: BroadStock[]; cum: number[]; total: number }>();
  private readonly totalWeight: number;
  private readonly indices: LiveIndex[] = [];
  private readonly basketQuote: BroadMarketOptions['basketQuote'];

  constructor(o: BroadMarketOptions) {
    // A stream of its own, derived from the seed: the basket's draws stay what they were.
    this.rng = new Rng((o.seed ^ 0x5bd1_e995) >>> 0 || 1);
    this.basketQuote = o.basketQuote;
    const rng = this.rng;
    // Liquidity ranks: real names in board order, then the synthetic ones shuffled.
    const real = o.listings.filter((l) => !l.synthetic);
    const synthetic = o.listings.filter((l) => l.synthetic);
    for (let i = synthetic.length - 1; i > 0; i--) {
      const j = rng.int(i + 1);
      [synthetic[i], synthetic[j]] = [synthetic[j]!, synthetic[i]!];
    }
    this.stocks = [...real, ...synthetic].map((l, rank) => this.newStock(l, rank));
    // Board order for the snapshot, whatever the rank order.
    const order = new Map(o.listings.map((l, i) => [l.symbol, i]));
    this.stocks.sort((a, b) => order.get(a.symbol)! - order.get(b.symbol)!);
    for (const s of this.stocks) this.bySymbol.set(s.symbol, s);
    this.symbols = this.stocks.map((s) => s.symbol);
    let total = 0;
    for (const ex of BOARDS) {
      const stocks = this.stocks.filter((s) => s.exchange === ex);
      let acc = 0;
      const cum = stocks.map((s) => (acc += s.weight));
      this.cum.set(ex, { stocks, cum, total: acc });
      total += acc;
    }
    this.totalWeight = total;
    for (const id of o.indexIds) {
      const spec = INDEX_BASE[id];
      if (!spec) continue;
      const named = o.baskets.get(id);
      const inBasket = new Set(o.basket.map((c) => c.symbol));
      const ours = (named ?? this.stocks.filter((s) => s.exchange === spec.board).map((s) => s.symbol)).filter((sym) => this.bySymbol.has(sym));
      const members: Constituent[] = [...(id === 'VN100' ? o.basket : []), ...ours.map((sym) => this.constituentOf(this.bySymbol.get(sym)!))];
      const symbols = members.map((c) => c.symbol);
      this.indices.push({
        id,
        index: new CapWeightedIndex(members, spec.base, spec.cap),
        prior: spec.base,
        board: spec.board,
        quotes: () => symbols.map((sym) => (inBasket.has(sym) ? this.basketQuote(sym) : this.bySymbol.get(sym))).filter((q): q is QuoteState => q !== undefined),
      });
    }
  }

  /** An exponential wait from this market's own stream (its trade arrivals). */
  readonly exponential = (mean: number): number => this.rng.exponential(mean);

  /** Share of the broad liquidity whose board is in continuous trading at `t`. */
  continuousShare(t: number): number {
    let w = 0;
    for (const ex of BOARDS) if (phaseAt(t, stockClassOf(ex)) === P.CONTINUOUS) w += this.cum.get(ex)!.total;
    return this.totalWeight > 0 ? w / this.totalWeight : 0;
  }

  /** A new session day: references (UPCoM: yesterday's average price), bands, walks and counters. */
  startDay(): void {
    const rng = this.rng;
    const hot = rng.int(this.stocks.length);
    for (const [i, s] of this.stocks.entries()) {
      if (s.totalVol > 0) s.ref = s.exchange === 'UPCOM' ? roundToTick(s.totalVal / s.totalVol, 'UPCOM') : s.last;
      const band = priceBand(s.ref, s.exchange);
      s.ceiling = band.ceiling;
      s.floor = band.floor;
      startWalkDay(s, rng, i === hot && rng.chance(0.5), VOL_SCALE[s.exchange]);
      s.open = s.high = s.low = s.last = s.lastVol = s.totalVol = s.totalVal = 0;
      s.bids = [];
      s.asks = [];
      s.inAuction = rng.chance(Math.min(0.95, 0.2 + 400 * s.weight));
    }
    for (const ix of this.indices) ix.prior = round2(this.indexValue(ix));
  }

  /** The day so far in one step (a start mid-session): each name's share of its usual trading. */
  warmUp(a: number, M: number, continuousShare: (cls: InstrumentClass) => number, tradesPerDay: number): void {
    const rng = this.rng;
    for (const s of this.stocks) {
      const share = continuousShare(s.cls);
      const expected = tradesPerDay * (s.weight / this.totalWeight) * share;
      if (expected <= 0 || !rng.chance(1 - Math.exp(-expected))) continue;
      const n = Math.max(1, Math.round(expected * rng.uniform(0.5, 1.5)));
      const p = this.clamp(s, roundToTick(evolveFair(s, a, M, rng), s.exchange));
      const vol = n * s.medianLots * BOARD_LOTS[s.exchange];
      s.open = s.ref;
      s.last = p;
      s.lastVol = s.medianLots * BOARD_LOTS[s.exchange];
      s.totalVol = vol;
      s.totalVal = Math.round((vol * (s.ref + p)) / 2);
      s.high = Math.max(s.ref, p);
      s.low = Math.min(s.ref, p);
    }
  }

  /** One trade at `now` in a board that is trading continuously (thinned by continuousShare). */
  trade(now: number, a: number, M: number, date: string, out: RawFeedMessage[]): void {
    const rng = this.rng;
    if (!rng.chance(this.continuousShare(now))) return;
    const s = this.pick(now);
    if (!s) return;
    const fair = evolveFair(s, a, M, rng);
    const lot = BOARD_LOTS[s.exchange];
    const bid1 = stockBestBid(fair, s.floor, s.ceiling, s.exchange);
    if (s.bids.length === 0 || s.asks.length === 0 || s.bids[0]!.price !== bid1) {
      const ask1 = Math.min(s.ceiling, stepTicks(bid1, spreadTicksOf(rng.next()), s.exchange));
      Object.assign(s, stockBook(bid1, ask1, s.floor, s.ceiling, () => this.lots(s, 5) * lot, s.exchange));
      out.push(this.msg(s, date, now));
    }
    const bid = s.bids[0];
    const ask = s.asks[0];
    const level = !bid ? ask : !ask ? bid : rng.chance(0.5) ? ask : bid;
    if (!level) return;
    const vol = this.lots(s, 1) * lot;
    level.volume = Math.max(lot, level.volume - vol);
    applyFill(s, level.price, vol);
    out.push(this.msg(s, date, now));
  }

  /** The opening (HOSE) or closing (HOSE, HNX) call auction: one match per name with orders today. */
  auctionMatch(closing: boolean, now: number, a: number, M: number, date: string, out: RawFeedMessage[] | undefined): void {
    const boards: readonly Exchange[] = closing ? ['HOSE', 'HNX'] : ['HOSE'];
    const session = closing ? 'ATC' : 'ATO';
    for (const s of this.stocks) {
      if (!boards.includes(s.exchange) || !s.inAuction) continue;
      const price = this.clamp(s, roundToTick(evolveFair(s, a, M, this.rng), s.exchange));
      const vol = this.lots(s, closing ? 4 : 2) * BOARD_LOTS[s.exchange];
      applyFill(s, price, vol);
      s.bids = [];
      s.asks = [];
      out?.push(this.msg(s, date, now, session));
    }
  }

  /** X for every stock (the board at this instant). */
  quotes(date: string, now: number, out: RawFeedMessage[]): void {
    for (const s of this.stocks) out.push(this.msg(s, date, now));
  }

  /** MI for each of the broad indices. */
  indexMessages(date: string, now: number, out: RawFeedMessage[]): void {
    for (const ix of this.indices) {
      const base = { TradingDate: ssiDate(date), Time: ssiTime(now), Exchange: ix.board, TradingSession: SESSION_CODE[phaseAt(now, stockClassOf(ix.board))] };
      out.push(indexMsg(ix.id, { value: round2(this.indexValue(ix)), prior: ix.prior, ...breadthOf(ix.quotes()) }, base));
    }
  }

  /** The quote state of a stock (tests). */
  quote(symbol: string): Readonly<QuoteState> | undefined {
    return this.bySymbol.get(symbol);
  }

  exchangeOf(symbol: string): Exchange | undefined {
    return this.bySymbol.get(symbol)?.exchange;
  }

  // ---- internals ------------------------------------------------------------------------

  private newStock(l: Listing, rank: number): BroadStock {
    const rng = this.rng;
    const median = l.exchange === 'UPCOM' ? 9_000 : l.exchange === 'HNX' ? 14_000 : 20_000;
    const raw = Math.min(250_000, Math.max(1_000, median * Math.exp(0.8 * rng.normal())));
    const ref = roundToTick(raw, l.exchange);
    const weight = (1 / (rank + 10) ** 1.5) * (l.synthetic && l.exchange === 'UPCOM' ? 0.1 : 1);
    const band = priceBand(ref, l.exchange);
    return {
      symbol: l.symbol, exchange: l.exchange, cls: stockClassOf(l.exchange), weight,
      medianLots: Math.max(1, Math.round(MEDIAN_TRADE_VALUE / (ref * BOARD_LOTS[l.exchange]))), inAuction: false,
      ref, ceiling: band.ceiling, floor: band.floor, x: 0, mu: 0, sigma: 0, beta: 1, lastA: 0,
      open: 0, high: 0, low: 0, last: 0, lastVol: 0, totalVol: 0, totalVal: 0, bids: [], asks: [],
    };
  }

  /** An index constituent for a broad stock: shares in proportion to its liquidity (no real caps known). */
  private constituentOf(s: BroadStock): Constituent {
    return { symbol: s.symbol, reference: s.ref, sharesM: (s.weight * 1e5) / (s.ref / 10_000), freeFloat: 1, foreignLimit: 0.49, dailyVolume: 0 };
  }

  private indexValue(ix: LiveIndex): number {
    return ix.index.value((sym) => {
      const q = this.bySymbol.get(sym) ?? this.basketQuote(sym);
      return q ? q.last || q.ref : 0;
    });
  }

  private pick(now: number): BroadStock | undefined {
    const open = BOARDS.filter((ex) => phaseAt(now, stockClassOf(ex)) === P.CONTINUOUS);
    let total = 0;
    for (const ex of open) total += this.cum.get(ex)!.total;
    let x = this.rng.next() * total;
    for (const ex of open) {
      const b = this.cum.get(ex)!;
      if (x < b.total || ex === open[open.length - 1]) {
        // A draw scaled to this board's weights picks within it.
        const i = Math.min(b.stocks.length - 1, lowerBound(b.cum, x));
        return b.stocks[i];
      }
      x -= b.total;
    }
    return undefined;
  }

  private lots(s: BroadStock, scale: number): number {
    return Math.max(1, Math.round(scale * Math.exp(Math.log(s.medianLots) + this.rng.normal())));
  }

  private clamp(s: BroadStock, p: number): number {
    return Math.min(s.ceiling, Math.max(s.floor, p));
  }

  private msg(s: BroadStock, date: string, now: number, session = SESSION_CODE[phaseAt(now, s.cls)]): RawFeedMessage {
    return quoteMsg(s.symbol, s.exchange, date, now, s, 1, session);
  }
}

/** First index whose cumulative weight exceeds x. */
function lowerBound(cum: readonly number[], x: number): number {
  let lo = 0;
  let hi = cum.length - 1;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (cum[mid]! > x) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
