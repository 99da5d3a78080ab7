// The simulated market: the VN30 basket, its index, VNINDEX and the front-month VN30F
// contract on the simulator's own session clock, emitting SSI-shaped raw messages
// (RType X / R / MI, the field names src/market/normalizer.ts reads).
//
// This class holds the state and the event loop; the pure parts are its own modules:
// schedule.ts (session instants, event order, Poisson arrivals), book.ts (order books),
// price-process.ts (the market factor, each stock's fair price, the futures basis),
// foreign-flow.ts, indices.ts (breadth, VNINDEX), messages.ts (the SSI message shapes). With UNIVERSE=hose|all the rest of the
// market is broad-market.ts, stepped by this loop with its own random stream, so the VN30
// part of the sequence is the same whatever the universe.
//
// It is a discrete-event simulation stepped by `advance(wallMs)`: no timers here (SimFeed
// is the thin timer wrapper), so tests step it directly. With a fixed seed the message
// sequence depends only on the start date, the options and the total time advanced (not
// on how that time is chopped into calls).
//
// Model, in short:
// - Each stock's fair price is ref · exp(x + β·M): x an idiosyncratic random walk with a
//   daily drift (now and then one "hot" name runs to its ceiling or floor), M a shared
//   market factor. Both move only in "active" time (ATO through ATC, not the lunch break),
//   with overnight gaps between days.
// - Sessions follow the exchange calendar (src/market/rules/calendar.ts): stocks on the HOSE
//   timetable, the futures on HNX's (ATO from 08:45, continuous from 09:00). Every X
//   message carries its TradingSession, as FastConnect's do.
// - ATO: the book builds (quote updates; for the stocks a crossing book whose projected
//   match the quote states as EstMatchedPrice, see auction-book.ts), one opening match per
//   instrument stamped at the window's end as the exchanges do — 09:00:00 for the futures, 09:15:00 for the stocks —
//   with TradingSession=ATO. Continuous: trades at the best ask (active buy) or best bid
//   (active sell), sometimes strictly in between when the spread is wider than a tick; the
//   best levels of the book before and after a trade hold the trade price, so either way of
//   classifying agrees. Lunch: nothing moves. ATC: quote updates, one closing match at
//   14:45:00 with TradingSession=ATC. Put-through and closed: quiet (indices keep ticking
//   once a second as a heartbeat).
// - At 15:01 the clock jumps to 08:40 of the next trading day, references = the closes.
// - Pace is in wall time: `tradesPerSecond` trades per wall second during continuous
//   trading whatever the clock speed; MI once per wall second; R per symbol every ~4 wall s.
import { ConfigError } from '../../errors.js';
import { MarketPhase } from '../rules/phase.js';
import type { RawFeedMessage } from '../feed/feed.js';
import { frontMonthContract } from '../rules/futures.js';
import { phaseAt, type InstrumentClass } from '../rules/calendar.js';
import { tradingDate as localDateOf } from '../rules/session.js';
import { BOARD_LOT, priceBand, roundToTick, stepTicks } from '../rules/tick.js';
import { auctionLots, bookMatch, crossingBook, estMatchedPrice, isAuctionPhase } from './auction-book.js';
import { CapWeightedIndex, VN30_BASKET, type Constituent } from './basket.js';
import { activeMsAt, localMidnight, nextOpenAt, nextTradingDay, parseClock, phaseMsUntil, ssiDate, ssiTime, tradingDayOnOrBefore } from './clock.js';
import { Rng, randomSeed } from './rng.js';
import { BROAD_TRADE_RATIO, BroadMarket } from './broad-market.js';
import { HNX30_SYMBOLS, universe, VNMIDCAP_SYMBOLS, type UniverseName } from '../rules/universe.js';
import { breadthOf, DerivedVnIndex } from './indices.js';
import { evolveBasis, evolveFactor, evolveFair, newMarketFactor, startFactorDay, startWalkDay, type Basis, type PriceWalk } from './price-process.js';
import { accrueForeign, type ForeignFlow } from './foreign-flow.js';
import { applyFill, futuresBook, spreadTicksOf, stockBestBid, stockBook, type Level } from './book.js';
import { foreignMsg, indexMsg, quoteMsg, round2, SESSION_CODE, type QuoteState } from './messages.js';
import {
  ATC_MATCH_MS, ATO_MATCH_MS, BOOK_PHASES, CONT_END_MS, CONT_START_MS, CONTINUOUS, DAY_END_MS, DAY_OPEN_MS, FOREIGN_PHASES, FUT_ATO_MATCH_MS, ROLL_MS,
  firstDue, nextArrival, noEvents, type EventKey, type EventTimes,
} from './schedule.js';

export interface SimOptions {
  /** PRNG seed; 0 picks a random one (see MarketSim.seed). */
  seed: number;
  /** Stock trades per wall-clock second across the basket during continuous trading. */
  tradesPerSecond: number;
  /** Session clock at start, 'HH:MM:SS' Asia/Ho_Chi_Minh. */
  startTime: string;
  /** Simulated seconds per wall-clock second. */
  clockSpeed: number;
  /** Wall clock (ms since the Unix epoch); gives the starting date. Default Date.now. */
  now?: () => number;
  /** The market simulated (UNIVERSE): vn30 (default) is the basket alone; hose / all add broad-market.ts. */
  universe?: UniverseName;
}

/**
 * The default start: the futures already trading (continuous since 09:00), the stocks'
 * opening match five seconds away — a new user sees trading at once.
 */
export const SIM_DEFAULT_START = '09:14:55';
export const SIM_DEFAULTS: Readonly<Omit<SimOptions, 'now'>> = { seed: 0, tradesPerSecond: 40, startTime: SIM_DEFAULT_START, clockSpeed: 1, universe: 'vn30' };

/** Quote-only book updates per trade in continuous trading. */
const QUOTE_RATIO = 0.3;
/** Book updates during ATO / ATC, relative to tradesPerSecond. */
const AUCTION_QUOTE_RATIO = 0.15;
/** VN30F trades (and, separately, VN30F quote updates) relative to tradesPerSecond. */
const FUTURES_RATIO = 0.08;
const INDEX_PERIOD_WALL_MS = 1000;
const FOREIGN_CYCLE_WALL_MS = 4000;
/** VND per index point per VN30F contract. */
const FUTURES_MULTIPLIER = 100_000;
/** Median value of one stock trade, VND (sets trade sizes in lots by price). */
const MEDIAN_TRADE_VALUE = 20_000_000;

const P = MarketPhase;

interface Stock extends QuoteState, PriceWalk, ForeignFlow {
  c: Constituent;
  medianLots: number;
}

/** The VN30F contract; prices in tenths of a point (integers) so the 0.1 grid is exact. */
interface Futures extends QuoteState {
  symbol: string;
}


function validate(o: Omit<SimOptions, 'now'>): void {
  if (!Number.isInteger(o.seed) || o.seed < 0 || o.seed > 0xffff_ffff) throw new ConfigError('SIM_SEED', String(o.seed), 'an integer in 0..4294967295');
  if (!Number.isFinite(o.tradesPerSecond) || o.tradesPerSecond <= 0) throw new ConfigError('SIM_TRADES_PER_SECOND', String(o.tradesPerSecond), 'a positive number');
  if (!Number.isFinite(o.clockSpeed) || o.clockSpeed <= 0) throw new ConfigError('SIM_CLOCK_SPEED', String(o.clockSpeed), 'a positive number');
  if (parseClock(o.startTime) === undefined) throw new ConfigError('SIM_START_TIME', o.startTime, 'HH:MM:SS');
}

export class MarketSim {
  readonly seed: number;
  readonly options: Readonly<Omit<SimOptions, 'now'>>;
  /** The VN30 index over the basket (weights and divisor fixed at construction). */
  readonly vn30Index: CapWeightedIndex;
  readonly symbols: readonly string[];

  private readonly rng: Rng;
  private readonly stocks: Stock[];
  private readonly bySymbol = new Map<string, Stock>();
  private readonly cumWeights: number[];
  private fut!: Futures;
  private now = 0;
  private date = '';
  private midnight = 0;
  private readonly market = newMarketFactor();
  /** The futures basis to VN30 (price-process.ts). */
  private readonly basis: Basis = { value: 0, lastA: 0 };
  // indices
  private vn30Prior = 0;
  private readonly vnindex = new DerivedVnIndex();
  private foreignCursor = 0;
  private readonly next: EventTimes = noEvents();
  /** The rest of the market (UNIVERSE=hose|all); undefined for the basket alone. */
  private readonly broad: BroadMarket | undefined;

  constructor(opts: Partial<SimOptions> = {}) {
    const o = { ...SIM_DEFAULTS, ...stripUndefined(opts) };
    validate(o);
    this.options = { seed: o.seed, tradesPerSecond: o.tradesPerSecond, startTime: o.startTime, clockSpeed: o.clockSpeed, universe: o.universe ?? 'vn30' };
    this.seed = o.seed === 0 ? randomSeed() : o.seed;
    this.rng = new Rng(this.seed);
    this.vn30Index = new CapWeightedIndex(VN30_BASKET);
    this.stocks = VN30_BASKET.map((c) => this.newStock(c));
    for (const s of this.stocks) this.bySymbol.set(s.c.symbol, s);
    const u = universe(opts.universe ?? 'vn30');
    if (u.name !== 'vn30') {
      this.broad = new BroadMarket({
        listings: u.listings.filter((l) => !this.bySymbol.has(l.symbol)),
        seed: this.seed,
        indexIds: u.indexIds,
        baskets: new Map([['VN100', VNMIDCAP_SYMBOLS], ['HNX30', HNX30_SYMBOLS]]),
        basket: VN30_BASKET,
        basketQuote: (sym) => this.bySymbol.get(sym),
      });
    }
    this.symbols = [...VN30_BASKET.map((c) => c.symbol), ...(this.broad?.symbols ?? [])];
    // Trades pick a symbol by √(typical turnover): liquid names trade more, none starve.
    let acc = 0;
    this.cumWeights = this.stocks.map((s) => (acc += Math.sqrt(s.c.dailyVolume * s.c.reference)));

    const wallNow = (opts.now ?? Date.now)();
    this.startDay(tradingDayOnOrBefore(localDateOf(wallNow)), true);
    this.warmUp(this.midnight + parseClock(o.startTime)!);
    this.scheduleAll();
  }

  // ---- public view -------------------------------------------------------------------

  /** The simulated instant, UTC ms. */
  get simTimeMs(): number {
    return this.now;
  }

  /** The simulated session's trading date, YYYY-MM-DD. */
  get tradingDate(): string {
    return this.date;
  }

  /** The stocks' phase (HOSE timetable). */
  phase(): MarketPhase {
    return phaseAt(this.now, 'stock');
  }

  /** The futures' phase (HNX derivatives timetable). */
  derivativesPhase(): MarketPhase {
    return phaseAt(this.now, 'derivatives');
  }

  /** The board a simulated stock trades on. */
  exchangeOf(symbol: string): 'HOSE' | 'HNX' | 'UPCOM' | undefined {
    return this.bySymbol.has(symbol) ? 'HOSE' : this.broad?.exchangeOf(symbol);
  }

  get futuresSymbol(): string {
    return this.fut.symbol;
  }

  /** The whole board as messages at the current instant: X per stock and the futures, R per stock, MI. */
  snapshot(): RawFeedMessage[] {
    const out: RawFeedMessage[] = [];
    for (const s of this.stocks) out.push(this.stockMsg(s));
    out.push(this.futuresMsg());
    this.broad?.quotes(this.date, this.now, out);
    for (const s of this.stocks) out.push(this.foreignMsg(s));
    this.pushIndices(out);
    return out;
  }

  /** Advance the clock by wallMs of wall time (× clockSpeed of market time); the messages due, in order. */
  advance(wallMs: number): RawFeedMessage[] {
    if (!(wallMs >= 0) || !Number.isFinite(wallMs)) throw new RangeError(`advance(${wallMs}): expected a finite non-negative number of ms`);
    const out: RawFeedMessage[] = [];
    let budget = wallMs * this.options.clockSpeed;
    for (;;) {
      const due = firstDue(this.next);
      if (due === undefined || due.t - this.now > budget) {
        this.now += budget;
        return out;
      }
      budget -= due.t - this.now;
      this.now = due.t;
      this.fire(due.key, out);
    }
  }

  // ---- days ----------------------------------------------------------------------------

  private newStock(c: Constituent): Stock {
    const ref = roundToTick(c.reference * Math.exp(0.03 * this.rng.normal()));
    const totalRoom = Math.round(c.sharesM * 1e6 * c.foreignLimit);
    return {
      c, ref, ceiling: 0, floor: 0, x: 0, mu: 0, sigma: 0, beta: 1, lastA: 0,
      open: 0, high: 0, low: 0, last: 0, lastVol: 0, totalVol: 0, totalVal: 0, bids: [], asks: [], medianLots: 1,
      fBuyVol: 0, fSellVol: 0, fBuyVal: 0, fSellVal: 0, qfb: 0, qfs: 0,
      totalRoom, held: Math.round(totalRoom * this.rng.uniform(0.55, 0.97)),
    };
  }

  /** Begin a session day: references = previous closes, fresh day parameters and counters. */
  private startDay(date: string, first: boolean): void {
    const rng = this.rng;
    this.date = date;
    this.midnight = localMidnight(date);
    const hot = rng.chance(0.6) ? rng.int(this.stocks.length) : -1;
    for (const [i, s] of this.stocks.entries()) {
      if (s.last > 0) s.ref = s.last;
      const band = priceBand(s.ref);
      s.ceiling = band.ceiling;
      s.floor = band.floor;
      startWalkDay(s, rng, i === hot);
      s.open = s.high = s.low = s.last = s.lastVol = s.totalVol = s.totalVal = 0;
      s.bids = [];
      s.asks = [];
      s.medianLots = Math.max(1, MEDIAN_TRADE_VALUE / (s.ref * BOARD_LOT));
      s.fBuyVol = s.fSellVol = s.fBuyVal = s.fSellVal = 0;
      s.qfb = rng.uniform(0.03, 0.18);
      s.qfs = rng.uniform(0.03, 0.18);
    }
    startFactorDay(this.market, rng);

    // Indices: every stock is at its reference, so VN30 is at yesterday's close.
    this.vn30Prior = this.vn30Value();
    this.vnindex.startDay(first, this.vn30Prior, rng);

    // Futures: roll to the front month; the reference is yesterday's close (or spot + basis).
    const contract = frontMonthContract(date);
    const prev = first ? undefined : this.fut;
    if (first) this.basis.value = 3 * rng.normal();
    this.basis.lastA = 0;
    let ref10 = prev && prev.symbol === contract.symbol ? prev.last || prev.ref : Math.round((this.vn30Prior + this.basis.value) * 10);
    ref10 = Math.max(1, ref10);
    this.fut = {
      symbol: contract.symbol, ref: ref10, ceiling: Math.floor((ref10 * 107) / 100), floor: Math.ceil((ref10 * 93) / 100),
      open: 0, high: 0, low: 0, last: 0, lastVol: 0, totalVol: 0, totalVal: 0, bids: [], asks: [],
    };

    this.broad?.startDay();

    this.next.futAto = this.midnight + FUT_ATO_MATCH_MS;
    this.next.ato = this.midnight + ATO_MATCH_MS;
    this.next.atc = this.midnight + ATC_MATCH_MS;
    this.next.roll = this.midnight + ROLL_MS;
  }

  /** Bring a fresh day silently to `target` (the start time): matches and a day's volume so far. */
  private warmUp(target: number): void {
    const ms = target - this.midnight;
    if (ms >= ROLL_MS) {
      this.warmUp(this.midnight + ATC_MATCH_MS + 1000);
      this.startDay(nextTradingDay(this.date), false);
      this.now = this.midnight + DAY_OPEN_MS;
      return;
    }
    this.now = target;
    if (ms > FUT_ATO_MATCH_MS) {
      this.now = this.midnight + FUT_ATO_MATCH_MS;
      this.futuresAuctionMatch(false, undefined);
      this.next.futAto = Infinity;
    }
    if (ms > ATO_MATCH_MS) {
      this.now = this.midnight + ATO_MATCH_MS;
      this.stockAuctionMatch(false, undefined);
      this.next.ato = Infinity;
    }
    if (ms > FUT_ATO_MATCH_MS) {
      // Each class's share of its continuous trading done by now.
      const contEnd = Math.min(ms, CONT_END_MS);
      const share = (cls: InstrumentClass) => phaseMsUntil(contEnd, P.CONTINUOUS, cls) / phaseMsUntil(DAY_END_MS, P.CONTINUOUS, cls);
      this.now = this.midnight + contEnd;
      if (ms > CONT_START_MS) this.syntheticContinuous(share('stock'));
      this.syntheticFutures(share('derivatives'));
    }
    if (ms > ATC_MATCH_MS) {
      this.now = this.midnight + ATC_MATCH_MS;
      this.stockAuctionMatch(true, undefined);
      this.futuresAuctionMatch(true, undefined);
      this.next.atc = Infinity;
    }
    this.now = target;
    if (this.broad && ms > CONT_START_MS - 15 * 60_000) {
      // The rest of the market's day so far: its continuous windows start at 09:00.
      const share = (cls: InstrumentClass) => phaseMsUntil(Math.min(ms, DAY_END_MS), P.CONTINUOUS, cls) / phaseMsUntil(DAY_END_MS, P.CONTINUOUS, cls);
      const tradesPerDay = (this.broadRate() * phaseMsUntil(DAY_END_MS, P.CONTINUOUS, 'upcom-stock')) / 1000 / this.options.clockSpeed;
      this.broad.warmUp(this.activeNow(), this.market.M, share, tradesPerDay);
    }
    const moving = (p: MarketPhase) => p === P.ATO || p === P.CONTINUOUS || p === P.ATC || p === P.LUNCH_BREAK;
    const stockPhase = phaseAt(target, 'stock');
    this.evolveMarket();
    if (moving(stockPhase))
      for (const s of this.stocks) {
        const fair = this.evolveStock(s);
        if (isAuctionPhase(stockPhase)) Object.assign(s, crossingBook(this.rng, s, fair, () => auctionLots(this.rng, s.c.dailyVolume, stockPhase === P.ATC)));
        else this.rebuildStockBook(s, fair);
      }
    if (moving(phaseAt(target, 'derivatives'))) this.rebuildFuturesBook(this.evolveFutures());
  }

  /** The stocks' continuous session up to fraction f of it, in one step (used by warmUp). */
  private syntheticContinuous(f: number): void {
    const rng = this.rng;
    this.evolveMarket();
    for (const s of this.stocks) {
      const p = this.clampBand(s, roundToTick(this.evolveStock(s)));
      const start = s.open || s.ref;
      const lots = Math.round((s.c.dailyVolume * 0.85 * f * rng.uniform(0.7, 1.3)) / BOARD_LOT);
      const vol = lots * BOARD_LOT;
      if (vol <= 0) continue;
      const avg = (start + p) / 2;
      s.totalVol += vol;
      s.totalVal += Math.round(vol * avg);
      if (!s.open) s.open = start;
      s.last = p;
      s.lastVol = this.tradeLots(s) * BOARD_LOT;
      const hi = Math.max(s.open, p, s.high);
      const lo = Math.min(s.open, p, s.low || Infinity);
      s.high = Math.min(s.ceiling, stepTicks(hi, rng.int(4)));
      s.low = Math.max(s.floor, stepTicks(lo, -rng.int(4)));
      accrueForeign(s, vol, avg, true, this.rng);
    }
  }

  /** The futures' continuous session up to fraction f of it, in one step (used by warmUp). */
  private syntheticFutures(f: number): void {
    const rng = this.rng;
    this.evolveMarket();
    const fair10 = this.evolveFutures();
    const fu = this.fut;
    const p10 = this.clampFutures(Math.round(fair10));
    const start10 = fu.open || fu.ref;
    const vol = Math.round(150_000 * f * rng.uniform(0.7, 1.3));
    if (vol > 0) {
      fu.totalVol += vol;
      fu.totalVal += Math.round(vol * ((start10 + p10) / 2) * (FUTURES_MULTIPLIER / 10));
      if (!fu.open) fu.open = start10;
      fu.last = p10;
      fu.lastVol = 1 + rng.int(10);
      fu.high = Math.min(fu.ceiling, Math.max(fu.open, p10, fu.high) + rng.int(40));
      fu.low = Math.max(fu.floor, Math.min(fu.open, p10, fu.low || Infinity) - rng.int(40));
    }
  }

  // ---- the event loop --------------------------------------------------------------------

  private wallToSim(wallMs: number): number {
    return wallMs * this.options.clockSpeed;
  }

  /** Next arrival of a Poisson process of `perWallSecond` events, counted only in `phases` of class `cls`. */
  private poisson(from: number, phases: ReadonlySet<MarketPhase>, perWallSecond: (phase: MarketPhase) => number, cls: InstrumentClass = 'stock'): number {
    return nextArrival(from, this.midnight, phases, (phase) => this.wallToSim(1000 / perWallSecond(phase)), (mean) => this.rng.exponential(mean), cls);
  }

  private readonly tradeRate = (): number => this.options.tradesPerSecond;
  private readonly quoteRate = (phase: MarketPhase): number => this.options.tradesPerSecond * (phase === P.CONTINUOUS ? QUOTE_RATIO : AUCTION_QUOTE_RATIO);
  private readonly futuresRate = (): number => this.options.tradesPerSecond * FUTURES_RATIO;
  private readonly broadRate = (): number => this.options.tradesPerSecond * BROAD_TRADE_RATIO;

  /** The rest of the market's next trade: over the union of the boards' continuous windows (UPCoM's), on its own stream. */
  private nextBroad(from: number): number {
    if (!this.broad) return Infinity;
    return nextArrival(from, this.midnight, CONTINUOUS, () => this.wallToSim(1000 / this.broadRate()), this.broad.exponential, 'upcom-stock');
  }

  private scheduleAll(): void {
    this.next.trade = this.poisson(this.now, CONTINUOUS, this.tradeRate);
    this.next.quote = this.poisson(this.now, BOOK_PHASES, this.quoteRate);
    this.next.futTrade = this.poisson(this.now, CONTINUOUS, this.futuresRate, 'derivatives');
    this.next.futQuote = this.poisson(this.now, BOOK_PHASES, this.futuresRate, 'derivatives');
    this.next.foreign = nextOpenAt(this.now, this.midnight, FOREIGN_PHASES);
    this.next.index = this.now + this.wallToSim(INDEX_PERIOD_WALL_MS);
    this.next.broad = this.nextBroad(this.now);
  }

  private fire(key: EventKey, out: RawFeedMessage[]): void {
    const phase = phaseAt(this.now, 'stock');
    const futPhase = phaseAt(this.now, 'derivatives');
    switch (key) {
      case 'futAto':
        this.next.futAto = Infinity;
        this.futuresAuctionMatch(false, out);
        return;
      case 'ato':
        this.next.ato = Infinity;
        this.stockAuctionMatch(false, out);
        this.broad?.auctionMatch(false, this.now, this.activeNow(), this.market.M, this.date, out);
        return;
      case 'atc':
        this.next.atc = Infinity;
        this.stockAuctionMatch(true, out);
        this.futuresAuctionMatch(true, out);
        this.broad?.auctionMatch(true, this.now, this.activeNow(), this.market.M, this.date, out);
        return;
      case 'broad':
        // The market factor as the basket's events last moved it: evolving it here would
        // draw from the basket's stream.
        this.broad?.trade(this.now, this.activeNow(), this.market.M, this.date, out);
        this.next.broad = this.nextBroad(this.now);
        return;
      case 'roll':
        this.startDay(nextTradingDay(this.date), false);
        this.now = this.midnight + DAY_OPEN_MS;
        this.scheduleAll();
        for (const m of this.snapshot()) out.push(m);
        return;
      case 'trade':
        if (phase === P.CONTINUOUS) this.stockTrade(out);
        this.next.trade = this.poisson(this.now, CONTINUOUS, this.tradeRate);
        return;
      case 'quote':
        if (BOOK_PHASES.has(phase)) this.stockQuote(out);
        this.next.quote = this.poisson(this.now, BOOK_PHASES, this.quoteRate);
        return;
      case 'futTrade':
        if (futPhase === P.CONTINUOUS) this.futuresTrade(out);
        this.next.futTrade = this.poisson(this.now, CONTINUOUS, this.futuresRate, 'derivatives');
        return;
      case 'futQuote':
        if (BOOK_PHASES.has(futPhase)) this.futuresQuote(out);
        this.next.futQuote = this.poisson(this.now, BOOK_PHASES, this.futuresRate, 'derivatives');
        return;
      case 'foreign': {
        if (FOREIGN_PHASES.has(phase)) {
          out.push(this.foreignMsg(this.stocks[this.foreignCursor]!));
          this.foreignCursor = (this.foreignCursor + 1) % this.stocks.length;
        }
        const step = this.wallToSim(FOREIGN_CYCLE_WALL_MS / this.stocks.length);
        this.next.foreign = nextOpenAt(this.now + step, this.midnight, FOREIGN_PHASES);
        return;
      }
      case 'index':
        this.pushIndices(out);
        this.next.index = this.now + this.wallToSim(INDEX_PERIOD_WALL_MS);
        return;
    }
  }

  // ---- price processes -----------------------------------------------------------------

  private activeNow(): number {
    return activeMsAt(this.now - this.midnight);
  }

  private evolveMarket(): void {
    evolveFactor(this.market, this.activeNow(), this.rng);
  }

  /** Bring a stock's fair price to now (after evolveMarket) and return it, held near the band. */
  private evolveStock(s: Stock): number {
    return evolveFair(s, this.activeNow(), this.market.M, this.rng);
  }

  /** The futures fair price in tenths of a point: VN30 (last prices) + a mean-reverting basis. */
  private evolveFutures(): number {
    return (this.vn30Value() + evolveBasis(this.basis, this.activeNow(), this.rng)) * 10;
  }

  private clampBand(s: Stock, p: number): number {
    return Math.min(s.ceiling, Math.max(s.floor, p));
  }

  private clampFutures(p10: number): number {
    return Math.min(this.fut.ceiling, Math.max(this.fut.floor, p10));
  }

  // ---- books -----------------------------------------------------------------------------

  private spreadTicks(): number {
    return spreadTicksOf(this.rng.next());
  }

  private depthLots(s: Stock): number {
    return Math.max(1, Math.ceil(Math.exp(Math.log(5 * s.medianLots) + 0.8 * this.rng.normal())));
  }

  private tradeLots(s: Stock): number {
    return Math.max(1, Math.round(Math.exp(Math.log(s.medianLots) + this.rng.normal())));
  }

  private bestBidFor(s: Stock, fair: number): number {
    return stockBestBid(fair, s.floor, s.ceiling);
  }

  private rebuildStockBook(s: Stock, fair: number, spread = this.spreadTicks()): void {
    const bid1 = this.bestBidFor(s, fair);
    const ask1 = Math.min(s.ceiling, stepTicks(bid1, spread));
    this.fillBook(s, bid1, ask1);
  }

  /** A 3-level book with best bid `bid1` (0 = none) and best ask `ask1` (0 = none), within the band. */
  private fillBook(s: Stock, bid1: number, ask1: number): void {
    const book = stockBook(bid1, ask1, s.floor, s.ceiling, () => this.depthLots(s) * BOARD_LOT);
    s.bids = book.bids;
    s.asks = book.asks;
  }

  private rebuildFuturesBook(fair10: number, spread = this.spreadTicks()): void {
    const fu = this.fut;
    const bid1 = Math.max(fu.floor, Math.min(fu.ceiling - 1, Math.floor(fair10)));
    const ask1 = Math.min(fu.ceiling, bid1 + spread);
    this.fillFuturesBook(bid1, ask1);
  }

  private fillFuturesBook(bid1: number, ask1: number): void {
    const fu = this.fut;
    const book = futuresBook(bid1, ask1, fu.floor, fu.ceiling, () => 1 + this.rng.int(60));
    fu.bids = book.bids;
    fu.asks = book.asks;
  }

  // ---- trading ----------------------------------------------------------------------------

  private pickStock(): Stock {
    return this.stocks[this.rng.weighted(this.cumWeights)]!;
  }

  private stockTrade(out: RawFeedMessage[]): void {
    const rng = this.rng;
    const s = this.pickStock();
    this.evolveMarket();
    const fair = this.evolveStock(s);
    // Move the book first (a quote message) when the fair price has left it, so the trade
    // price equals a best level both before and after the trade.
    if (s.bids.length === 0 || s.asks.length === 0 || s.bids[0]!.price !== this.bestBidFor(s, fair)) {
      this.rebuildStockBook(s, fair);
      out.push(this.stockMsg(s));
    }
    const bid = s.bids[0]!;
    const ask = s.asks[0]!;
    const inside = stepTicks(bid.price, 1);
    let price: number;
    let level: Level | undefined;
    if (inside < ask.price && rng.chance(0.25)) {
      price = inside; // strictly between the best bid and ask: neither side was the aggressor
    } else {
      const frac = Math.min(1, Math.max(0, (fair - bid.price) / (ask.price - bid.price)));
      const pBuy = fair >= s.ceiling ? 0.85 : fair <= s.floor ? 0.15 : 0.3 + 0.4 * frac;
      level = rng.chance(pBuy) ? ask : bid;
      price = level.price;
    }
    const vol = this.tradeLots(s) * BOARD_LOT;
    if (level) {
      level.volume -= vol;
      if (level.volume <= 0) level.volume = this.depthLots(s) * BOARD_LOT; // refilled at the same price
    }
    applyFill(s, price, vol);
    accrueForeign(s, vol, price, false, this.rng);
    out.push(this.stockMsg(s));
  }

  private stockQuote(out: RawFeedMessage[]): void {
    const rng = this.rng;
    const s = this.pickStock();
    this.evolveMarket();
    const fair = this.evolveStock(s);
    const phase = phaseAt(this.now);
    if (isAuctionPhase(phase)) {
      Object.assign(s, crossingBook(rng, s, fair, () => auctionLots(rng, s.c.dailyVolume, phase === P.ATC)));
      out.push(this.stockMsg(s));
      return;
    }
    const stale = s.bids.length === 0 || s.asks.length === 0 || s.bids[0]!.price !== this.bestBidFor(s, fair);
    if (stale || rng.chance(0.35)) this.rebuildStockBook(s, fair);
    else {
      const side = rng.chance(0.5) ? s.bids : s.asks;
      const level = side[rng.int(side.length)];
      if (level) level.volume = this.depthLots(s) * BOARD_LOT;
    }
    out.push(this.stockMsg(s));
  }

  /** The stocks' ATO (opening) or ATC (closing) call auction: one match per symbol, no aggressor. */
  private stockAuctionMatch(closing: boolean, out: RawFeedMessage[] | undefined): void {
    const rng = this.rng;
    const session = closing ? 'ATC' : 'ATO';
    this.evolveMarket();
    for (const s of this.stocks) {
      const fair = this.evolveStock(s);
      const share = closing ? rng.uniform(0.05, 0.12) : rng.uniform(0.01, 0.03);
      // The auction matches the book it collected, at its projected match (the board showed
      // it converge); without such a book (a start right at the match) at the model price.
      const auction = bookMatch(s);
      const price = auction?.price ?? this.clampBand(s, roundToTick(fair));
      const vol = auction?.volume ?? Math.max(1, Math.round((s.c.dailyVolume * share) / BOARD_LOT)) * BOARD_LOT;
      applyFill(s, price, vol);
      accrueForeign(s, vol, price, true, this.rng);
      // What is left after a call auction: bids below, asks above the match price.
      this.fillBook(s, price > s.floor ? stepTicks(price, -1) : 0, price < s.ceiling ? stepTicks(price, 1) : 0);
      out?.push(this.stockMsg(s, session));
    }
  }

  /** The futures' ATO or ATC call auction: one match, no aggressor. */
  private futuresAuctionMatch(closing: boolean, out: RawFeedMessage[] | undefined): void {
    const rng = this.rng;
    this.evolveMarket();
    const fu = this.fut;
    const p10 = this.clampFutures(Math.round(this.evolveFutures()));
    const fvol = Math.round(rng.uniform(closing ? 5_000 : 2_000, closing ? 15_000 : 6_000));
    this.fillFutures(p10, fvol);
    this.fillFuturesBook(p10 > fu.floor ? p10 - 1 : 0, p10 < fu.ceiling ? p10 + 1 : 0);
    out?.push(this.futuresMsg(closing ? 'ATC' : 'ATO'));
  }

  private fillFutures(p10: number, vol: number): void {
    const fu = this.fut;
    fu.last = p10;
    fu.lastVol = vol;
    fu.totalVol += vol;
    fu.totalVal += vol * p10 * (FUTURES_MULTIPLIER / 10);
    if (!fu.open) fu.open = p10;
    fu.high = Math.max(fu.high, p10);
    fu.low = fu.low ? Math.min(fu.low, p10) : p10;
  }

  private futuresTrade(out: RawFeedMessage[]): void {
    const rng = this.rng;
    const fu = this.fut;
    const fair10 = this.evolveFutures();
    const want = Math.max(fu.floor, Math.min(fu.ceiling - 1, Math.floor(fair10)));
    if (fu.bids.length === 0 || fu.asks.length === 0 || fu.bids[0]!.price !== want) {
      this.rebuildFuturesBook(fair10);
      out.push(this.futuresMsg());
    }
    const bid = fu.bids[0]!;
    const ask = fu.asks[0]!;
    let price: number;
    let level: Level | undefined;
    if (bid.price + 1 < ask.price && rng.chance(0.25)) price = bid.price + 1;
    else {
      const frac = Math.min(1, Math.max(0, (fair10 - bid.price) / (ask.price - bid.price)));
      level = rng.chance(0.3 + 0.4 * frac) ? ask : bid;
      price = level.price;
    }
    const vol = Math.min(500, Math.max(1, Math.round(Math.exp(Math.log(3) + rng.normal()))));
    if (level) {
      level.volume -= vol;
      if (level.volume <= 0) level.volume = 1 + rng.int(60);
    }
    this.fillFutures(price, vol);
    out.push(this.futuresMsg());
  }

  private futuresQuote(out: RawFeedMessage[]): void {
    const fu = this.fut;
    const fair10 = this.evolveFutures();
    const want = Math.max(fu.floor, Math.min(fu.ceiling - 1, Math.floor(fair10)));
    if (fu.bids.length === 0 || fu.asks.length === 0 || fu.bids[0]!.price !== want || this.rng.chance(0.35)) this.rebuildFuturesBook(fair10);
    else {
      const side = this.rng.chance(0.5) ? fu.bids : fu.asks;
      const level = side[this.rng.int(side.length)];
      if (level) level.volume = 1 + this.rng.int(60);
    }
    out.push(this.futuresMsg());
  }

  // ---- indices -----------------------------------------------------------------------------

  private readonly priceOf = (sym: string): number => {
    const s = this.bySymbol.get(sym);
    return s ? s.last || s.ref : 0;
  };

  private vn30Value(): number {
    return this.vn30Index.value(this.priceOf);
  }

  private pushIndices(out: RawFeedMessage[]): void {
    const basket = breadthOf(this.stocks);
    const vn30 = round2(this.vn30Value());
    const base = { TradingDate: ssiDate(this.date), Time: ssiTime(this.now), Exchange: 'HOSE', TradingSession: SESSION_CODE[phaseAt(this.now, 'stock')] };
    out.push(indexMsg('VN30', { value: vn30, prior: round2(this.vn30Prior), ...basket }, base));
    out.push(indexMsg('VNINDEX', this.vnindex.figures(this.activeNow(), vn30, this.vn30Prior, basket, this.rng), base));
    this.broad?.indexMessages(this.date, this.now, out);
  }

  // ---- messages (src/market/sim/messages.ts) -------------------------------------------------

  /** `session` overrides the clock's (an auction match is stamped after its window). */
  private stockMsg(s: Stock, session = SESSION_CODE[phaseAt(this.now, 'stock')]): RawFeedMessage {
    return quoteMsg(s.c.symbol, 'HOSE', this.date, this.now, s, 1, session, isAuctionPhase(phaseAt(this.now, 'stock')) ? estMatchedPrice(s) : 0);
  }

  private futuresMsg(session = SESSION_CODE[phaseAt(this.now, 'derivatives')]): RawFeedMessage {
    return quoteMsg(this.fut.symbol, 'DERIVATIVE', this.date, this.now, this.fut, 10, session);
  }

  private foreignMsg(s: Stock): RawFeedMessage {
    return foreignMsg(s.c.symbol, this.date, this.now, { totalRoom: s.totalRoom, held: s.held, buyVol: s.fBuyVol, sellVol: s.fSellVol, buyVal: s.fBuyVal, sellVal: s.fSellVal });
  }
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  const out: Partial<T> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) (out as Record<string, unknown>)[k] = v;
  return out;
}
