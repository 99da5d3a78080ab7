// FEED=ssi: SSI FastConnect Data v2. REST for the access token, the VN30 basket and the
// reconciliation snapshot; the SignalR stream for live X (trade+quote), R (foreign) and MI
// (index) messages, which go to the context untouched for the normalizer.
//
// Session loop (one "session" = one stream connection):
//   token (cached, refreshed before expiry / after a 401) → basket (cached) → connect
//   → reconcile cumulative foreign totals from REST → subscribe → live
//   … until the socket drops, the server says disconnect, or the watchdog sees nothing (not
//   even a keep-alive) for `watchdogMs` → reconnecting, after an exponential backoff with
//   jitter (restarting from the first step after a session that went live; growing while
//   attempts fail, e.g. refused credentials).
//
// Reconciliation (after every connect, before subscribing): Market/DailyStockPrice for
// today gives each symbol's cumulative foreign buy/sell volume and value; they are
// delivered as ordinary "R" messages through the normalizer, so the processor's foreign
// tracker sees the gap's flow as what it is. A snapshot row that is BEHIND what the stream
// already delivered (lower cumulative figures: the REST data lags) is skipped, so a stale
// snapshot never makes the tracker reset and then re-count the difference as a spike.
// The reconciling itself (and the basket, futures codes and channel list) is pure, in
// reconcile.ts; this file is the session loop around it.
//
// The transport is a StreamConnector (stream.ts): FastConnect v3's plain WebSocket stream
// can be added as another connector without touching this loop or the processor.
//
// Channels: F (security status), R, MI and X, in that order, by one SwitchChannels call
// each on one hub connection (SSI_CHANNEL_MODE=single), or each type on a connection of
// its own (per-type). Whether successive SwitchChannels calls add up or replace each other
// is not documented; in `auto` (the default) the adapter starts with one connection,
// counts messages per type (channel-watch.ts), and when a type stays silent through its
// trading hours while another delivers, logs it and reconnects with one connection per
// type for the rest of the process's life. X, the busiest type, is subscribed last: if
// each call replaces the previous one, X is what still flows, which is what gives the
// silence of the others away.
import { setTimeout as sleep } from 'node:timers/promises';
import { VN30_SYMBOLS } from '../../rules/vn30.js';
import type { Exchange } from '../../rules/exchange.js';
import { feedIndexId } from '../../rules/feed-codes.js';
import { HNX30_SYMBOLS, UNIVERSE_INDICES, VNMIDCAP_SYMBOLS, type UniverseName } from '../../rules/universe.js';
import type { Logger } from '../../../log.js';
import { MarketPhase } from '../../rules/phase.js';
import { phaseAt } from '../../rules/calendar.js';
import { ChannelWatch, WATCHED_TYPES, channelType } from './channel-watch.js';
import { groupByType, MultiStream } from './multi-stream.js';
import type { Feed, FeedContext, FeedState, FeedStatus, RawFeedMessage } from '../feed.js';
import { describeError, Scrubber, SsiAuthError, SsiHttpError, SsiStreamError } from './errors.js';
import { SsiRestClient, type DailyStockPriceRow } from './rest-client.js';
import { FcV2Stream, type MarketStream, type StreamConnector } from './stream.js';
import { boardBasket, channelList, universeBasket, futuresCodes, StreamLedger, vnClock, type FuturesCodeScheme } from './reconcile.js';
import { backoffDelay, resolveBackoff, type Backoff } from '../../../util/backoff.js';

export interface SsiFeedOptions {
  consumerId: string;
  consumerSecret: string;
  /** v2 REST base (…/api/v2/). */
  baseUrl: string;
  /** v2 streaming base; SignalR lives at {streamUrl}/signalr. */
  streamUrl: string;
  /** Futures contracts to subscribe instead of the resolver's front month and next (either code scheme, sent as given). */
  futuresOverride?: string[];
  /**
   * Which code the resolver's contracts are subscribed under: `classic` VN30FYYMM, `krx`
   * the KRX-era 41I1…000, or `auto` (default): whichever the feed's derivatives list
   * (Market/Securities, market DER) has; both when the list is unavailable or has neither.
   */
  futuresCodeScheme?: FuturesCodeScheme;
  /** Stocks tracked on the board besides the VN30 basket. */
  extraSymbols?: string[];
  /**
   * The market served (UNIVERSE, default vn30). Wider: the basket is learned from the REST
   * securities lists of HOSE (hose) or HOSE, HNX and UPCoM (all), paged and cached like the
   * VN30 list, and the stream subscribes with FastConnect's ALL.
   */
  universe?: UniverseName;
  /** Reconnect when nothing (not even a keep-alive) arrives this long, ms (default 60 s). */
  watchdogMs?: number;
  backoff?: Partial<Backoff>;
  /** How long the REST basket is reused before it is fetched again, ms (default 6 h). */
  basketTtlMs?: number;
  /** REST request timeout, ms (default 10 s). */
  requestTimeoutMs?: number;
  /** Stream handshake step timeout, ms (default 15 s). */
  connectTimeoutMs?: number;
  /** Markets queried for the reconciliation snapshot (default HOSE: every VN30 stock). */
  reconcileMarkets?: string[];
  /** Indices subscribed on the MI channel (default VN30, VNINDEX). */
  indexIds?: string[];
  /** The stream transport (default FastConnect v2 SignalR at streamUrl). */
  connector?: StreamConnector;
  /** Basket used when the REST basket cannot be had at start (default the built-in VN30 list). */
  fallbackBasket?: readonly string[];
  /** auto (default): one hub connection, one per channel type once a subscription proves not to hold; single; per-type. */
  channelMode?: SsiChannelMode;
  /** How long a channel type must stay silent in its trading hours to count as not subscribed, ms (default 60 s). */
  channelCheckMs?: number;
  /** Whether a channel type's market trades at a wall-clock time (default: the HOSE ATO–ATC sessions). */
  tradingHours?: (type: string, nowMs: number) => boolean;
  /** Where the adapter reports what needs an operator's eye (a subscription that did not hold). */
  log?: Logger;
  now?: () => number;
  random?: () => number;
}

export type SsiChannelMode = 'auto' | 'single' | 'per-type';

const TRADING_PHASES = new Set<MarketPhase>([MarketPhase.ATO, MarketPhase.CONTINUOUS, MarketPhase.ATC]);
/** The stock timetable on the exchange calendar (holidays and weekends are not trading hours). */
const hoseHours = (_type: string, nowMs: number): boolean => TRADING_PHASES.has(phaseAt(nowMs, 'stock'));

export const DEFAULT_CHANNEL_CHECK_MS = 60_000;
export const SSI_BACKOFF_DEFAULTS: Backoff = { initialMs: 1000, maxMs: 60_000, factor: 2, jitter: 0.3 };

export class SsiFeed implements Feed {
  readonly name = 'ssi';
  readonly clockRate = 1;
  readonly realTime = true;
  readonly rest: SsiRestClient;
  private readonly opts: SsiFeedOptions;
  private readonly backoff: Backoff;
  private readonly watchdogMs: number;
  private readonly basketTtlMs: number;
  private readonly connector: StreamConnector;
  private readonly now: () => number;
  private readonly random: () => number;
  private readonly scrubber = new Scrubber();
  private ctx: FeedContext | undefined;
  private state: FeedStatus = { state: 'stopped' };
  /** The board's basket, fixed at start (the processor is built from it). */
  private boardBasket: string[] = [];
  /** VN30 constituents from REST and when they were fetched (0 = never). */
  private vn30: string[] = [];
  private vn30At = 0;
  /** The derivatives the feed lists (auto code scheme) and when they were fetched; undefined = not (yet) available. */
  private derivativesListed: Set<string> | undefined;
  private derivativesAt = 0;
  /** Each market's listed stocks (UNIVERSE=hose|all) and when they were fetched. */
  private listed = new Map<Exchange, string[]>();
  private readonly exchangeBySymbol = new Map<string, Exchange>();
  private listedAt = 0;
  /** VN100 and HNX30 constituents from REST (empty: the built-in lists). */
  private baskets = new Map<string, string[]>();
  private abort: AbortController | undefined;
  private running: Promise<void> | undefined;
  private stream: MarketStream | undefined;
  /** What the stream delivered, which a REST snapshot must not step behind. */
  private readonly ledger = new StreamLedger();

  // Counters (tests, metrics).
  /** Stream connections that went live. */
  sessions = 0;
  /** Failed or ended sessions followed by a retry. */
  retries = 0;
  /** Reconciliations done, and R messages they delivered in all. */
  reconciliations = 0;
  reconciledMessages = 0;
  /** Payloads that were not JSON objects (delivered as strings, counted by the normalizer too). */
  malformed = 0;
  /** Watchdog-triggered reconnects. */
  watchdogTrips = 0;
  /** Delays waited before retries, ms (the last 50). */
  readonly delays: number[] = [];
  /** Times a subscription was found not to hold and the adapter moved to one connection per type. */
  channelFallbacks = 0;
  /** One hub connection per channel type (per-type mode, or auto after a fallback). */
  private perType: boolean;

  constructor(opts: SsiFeedOptions) {
    this.opts = opts;
    this.backoff = resolveBackoff(SSI_BACKOFF_DEFAULTS, opts.backoff);
    this.watchdogMs = opts.watchdogMs ?? 60_000;
    this.basketTtlMs = opts.basketTtlMs ?? 6 * 3600_000;
    this.now = opts.now ?? Date.now;
    this.random = opts.random ?? Math.random;
    this.scrubber.add(opts.consumerSecret);
    this.rest = new SsiRestClient({
      baseUrl: opts.baseUrl,
      consumerId: opts.consumerId,
      consumerSecret: opts.consumerSecret,
      timeoutMs: opts.requestTimeoutMs,
      token: { now: this.now, onToken: (t) => this.scrubber.add(t) },
      scrub: this.scrubber.fn,
    });
    this.connector = opts.connector ?? FcV2Stream.connector(opts.streamUrl, { timeoutMs: opts.connectTimeoutMs, scrub: this.scrubber.fn });
    this.perType = opts.channelMode === 'per-type';
    if (!(this.watchdogMs >= 10)) throw new RangeError(`SsiFeed watchdogMs must be >= 10, got ${this.watchdogMs}`);
  }

  basket(): string[] {
    return [...this.boardBasket];
  }

  exchangeOf(symbol: string): Exchange | undefined {
    return this.exchangeBySymbol.get(symbol) ?? (this.vn30.includes(symbol) ? 'HOSE' : undefined);
  }

  /** The named boards as the feed lists them (undefined members are left to the universe's lists). */
  boards(): Record<string, string[]> {
    const u = this.opts.universe ?? 'vn30';
    const on = new Set(this.boardBasket);
    const vn30 = this.vn30.length > 0 ? this.vn30 : [...(this.opts.fallbackBasket ?? VN30_SYMBOLS)];
    const out: Record<string, string[]> = { VN30: vn30 };
    if (u === 'vn30') return out;
    const named = (id: string, fallback: readonly string[]) => (this.baskets.get(id)?.length ? this.baskets.get(id)! : [...fallback]).filter((s) => on.has(s));
    out.VN100 = named('VN100', [...vn30, ...VNMIDCAP_SYMBOLS]);
    for (const [ex, symbols] of this.listed) out[ex] = [...symbols];
    if (u === 'all') out.HNX30 = named('HNX30', HNX30_SYMBOLS);
    return out;
  }

  /** Which markets' securities lists make up the universe. */
  private markets(): Exchange[] {
    const u = this.opts.universe ?? 'vn30';
    return u === 'all' ? ['HOSE', 'HNX', 'UPCOM'] : u === 'hose' ? ['HOSE'] : [];
  }

  status(): FeedStatus {
    return {
      ...this.state,
      counters: { sessions: this.sessions, retries: this.retries, reconciliations: this.reconciliations, reconciled_messages: this.reconciledMessages, malformed: this.malformed, watchdog_trips: this.watchdogTrips, channel_fallbacks: this.channelFallbacks },
    };
  }

  /** The futures codes subscribed: the override, or the front month and the next in the configured scheme. */
  futures(): string[] {
    return futuresCodes(vnClock(this.now()).iso, this.opts.futuresCodeScheme ?? 'auto', this.derivativesListed, this.opts.futuresOverride);
  }

  /** The channels a session subscribes to, X (the busiest) last: see the header. */
  channels(): string[] {
    const indexIds = (this.opts.indexIds ?? UNIVERSE_INDICES[this.opts.universe ?? 'vn30']).map(feedIndexId);
    return channelList(this.boardBasket, this.vn30, indexIds, this.futures(), this.markets().length > 0);
  }

  /**
   * Resolves once the basket is known: from REST, or — when the token or the components
   * cannot be had now — the built-in VN30 list, while the session loop keeps retrying with
   * backoff (the state and last error show why in /readyz). Never waits for the stream.
   */
  async start(ctx: FeedContext): Promise<void> {
    if (this.running) return;
    this.ctx = ctx;
    this.abort = new AbortController();
    this.setStatus({ state: 'connecting' });
    let startFailed = false;
    try {
      await this.refreshBasket();
      await this.refreshListings();
    } catch (err) {
      startFailed = true;
      this.setStatus({ state: err instanceof SsiAuthError ? 'failed' : 'connecting', lastError: `${describeError(err, this.scrubber)}; using the built-in VN30 list until the REST basket is available` });
    }
    this.boardBasket = universeBasket(boardBasket(this.vn30, this.opts.fallbackBasket ?? VN30_SYMBOLS, this.opts.extraSymbols ?? []), this.listed);
    this.running = this.run(this.abort.signal, startFailed);
  }

  async stop(): Promise<void> {
    this.abort?.abort();
    this.stream?.close();
    await this.running;
    this.running = undefined;
    if (this.state.state !== 'stopped') this.setStatus({ ...this.state, state: 'stopped' });
    this.ctx = undefined;
  }

  /** The derivatives list for the auto scheme (cached like the basket); a failure leaves it unknown. */
  private async refreshDerivatives(): Promise<void> {
    if ((this.opts.futuresCodeScheme ?? 'auto') !== 'auto' || (this.opts.futuresOverride?.length ?? 0) > 0) return;
    if (this.derivativesListed && this.now() - this.derivativesAt < this.basketTtlMs) return;
    try {
      const listed = await this.rest.securities('DER');
      if (listed.length > 0) {
        this.derivativesListed = new Set(listed);
        this.derivativesAt = this.now();
      }
    } catch (err) {
      if (err instanceof SsiAuthError) throw err;
      // keep what we had (or subscribe both forms): the stream is what matters now
    }
  }

  /**
   * The universe's stocks from each market's securities list (paged by the REST client),
   * reused for basketTtlMs like the VN30 list. A market whose list cannot be had keeps what
   * it had; the VN100 / HNX30 constituents fall back to the built-in lists.
   */
  private async refreshListings(): Promise<void> {
    const markets = this.markets();
    if (markets.length === 0 || (this.listedAt > 0 && this.now() - this.listedAt < this.basketTtlMs)) return;
    for (const market of markets) {
      const symbols = await this.rest.securities(market);
      if (symbols.length > 0) this.listed.set(market, symbols);
      for (const s of symbols) this.exchangeBySymbol.set(s, market);
    }
    for (const id of markets.includes('HNX') ? ['VN100', 'HNX30'] : ['VN100']) {
      try {
        this.baskets.set(id, await this.rest.indexComponents(id));
      } catch (err) {
        if (err instanceof SsiAuthError) throw err;
      }
    }
    this.listedAt = this.now();
  }

  private async refreshBasket(): Promise<void> {
    if (this.vn30.length > 0 && this.now() - this.vn30At < this.basketTtlMs) return;
    const symbols = await this.rest.indexComponents('VN30');
    if (symbols.length === 0) throw new SsiHttpError('SSI GET Market/IndexComponents: no VN30 components in the answer');
    this.vn30 = symbols;
    this.vn30At = this.now();
  }

  private async run(signal: AbortSignal, startFailed: boolean): Promise<void> {
    let attempt = startFailed ? 1 : 0;
    while (!signal.aborted) {
      if (attempt > 0) {
        const delay = backoffDelay(this.backoff, attempt, this.random);
        this.delays.push(delay);
        if (this.delays.length > 50) this.delays.shift();
        this.retries++;
        try {
          await sleep(delay, undefined, { signal });
        } catch {
          return; // stopped
        }
      }
      let wentLive = false;
      try {
        wentLive = await this.session(signal);
      } catch (err) {
        if (signal.aborted) return;
        const state: FeedState = err instanceof SsiAuthError ? 'failed' : 'reconnecting';
        this.setStatus({ ...this.state, state, lastError: describeError(err, this.scrubber) });
      }
      if (signal.aborted) return;
      // After a live session the backoff starts over; failures in a row make it grow.
      attempt = wentLive ? 1 : attempt + 1;
    }
  }

  /** One connection: returns whether it went live; ends when the stream closes. */
  private async session(signal: AbortSignal): Promise<boolean> {
    const token = await this.rest.tokens.get();
    try {
      await this.refreshBasket();
    } catch (err) {
      if (err instanceof SsiAuthError) throw err;
      // keep the cached (or built-in) basket; the stream is what matters now
    }
    await this.refreshDerivatives();
    if (signal.aborted) return false;
    let stream: MarketStream;
    const channels = this.channels();
    try {
      stream = this.perType ? await MultiStream.open(this.connector, token, groupByType(channels).length) : await this.connector(token);
    } catch (err) {
      // The hub refused the token (revoked, or expired early): fetch a new one next time.
      const status = err instanceof SsiStreamError ? err.context.httpStatus : undefined;
      if (status === 401 || status === 403) this.rest.tokens.invalidate(token);
      throw err;
    }
    if (signal.aborted) {
      stream.close();
      return false;
    }
    this.stream = stream;
    let lastFrameAt = this.now();
    const closed = new Promise<SsiStreamError | undefined>((resolve) => stream.once('close', resolve));
    stream.on('alive', () => {
      lastFrameAt = this.now();
      // A keep-alive is a message too: a quiet market (lunch) is not a stale feed.
      this.state.lastMessageAt = lastFrameAt;
    });
    // On one connection in auto mode: watch that every subscribed type delivers.
    const watch = this.opts.channelMode !== 'single' && !this.perType ? this.channelWatch(channels) : undefined;
    stream.on('message', (raw) => {
      if (watch && typeof raw !== 'string' && typeof raw.RType === 'string') watch.count(channelType(raw.RType));
      this.deliver(raw);
    });
    // Reported at once (it does not change the state): /readyz shows it, scrubbed.
    stream.on('serverError', (text) => this.setStatus({ ...this.state, lastError: `server error: ${text}` }));
    const watchdog = setInterval(
      () => {
        const silent = this.now() - lastFrameAt;
        if (silent >= this.watchdogMs) {
          this.watchdogTrips++;
          stream.close(new SsiStreamError(`no message (not even a keep-alive) for ${silent} ms; reconnecting`));
          return;
        }
        const verdict = watch?.check(this.now());
        if (verdict) {
          this.channelFallbacks++;
          this.perType = true;
          this.opts.log?.warn({ silent: verdict.silent, delivered: verdict.delivered, windowMs: this.opts.channelCheckMs ?? DEFAULT_CHANNEL_CHECK_MS }, 'SSI subscription did not hold (SwitchChannels replaced, not added): reconnecting with one hub connection per channel type');
          stream.close(new SsiStreamError(`channel type(s) ${verdict.silent.join(', ')} silent while ${Object.keys(verdict.delivered).join(', ')} delivered; reconnecting with one hub connection per channel type`));
        }
      },
      Math.max(5, Math.min(1000, Math.floor(this.watchdogMs / 4))),
    );
    try {
      await this.reconcile(signal);
      await stream.subscribe(channels);
      watch?.reset(this.now());
      if (signal.aborted) return false;
      this.sessions++;
      this.setStatus({ state: 'live', lastMessageAt: this.state.lastMessageAt, lastError: this.state.lastError });
      const err = await closed;
      if (!signal.aborted) this.setStatus({ ...this.state, state: 'reconnecting', lastError: describeError(err ?? new SsiStreamError('stream closed'), this.scrubber) });
      return true;
    } catch (err) {
      stream.close();
      throw err;
    } finally {
      clearInterval(watchdog);
      stream.removeAllListeners('message');
      if (this.stream === stream) this.stream = undefined;
    }
  }

  private channelWatch(channels: readonly string[]): ChannelWatch | undefined {
    const subscribed = new Set(channels.map(channelType));
    const types = WATCHED_TYPES.filter((t) => subscribed.has(t));
    return types.length > 1 ? new ChannelWatch(types, this.opts.channelCheckMs ?? DEFAULT_CHANNEL_CHECK_MS, this.opts.tradingHours ?? hoseHours) : undefined;
  }

  /**
   * Cumulative foreign totals of today from Market/DailyStockPrice, as R messages through
   * the normalizer. Rows of another day, of symbols not tracked, or behind what the stream
   * already delivered are skipped. A failure here is not fatal: the stream goes on.
   */
  private async reconcile(signal: AbortSignal): Promise<void> {
    const clock = vnClock(this.now());
    const tracked = new Set(this.boardBasket);
    let rows: DailyStockPriceRow[] = [];
    try {
      for (const market of this.opts.reconcileMarkets ?? ['HOSE']) rows.push(...(await this.rest.dailyStockPrice(clock.dmy, market)));
    } catch (err) {
      if (err instanceof SsiAuthError) throw err;
      this.state.lastError = `reconciliation skipped: ${describeError(err, this.scrubber)}`;
      rows = [];
    }
    if (signal.aborted) return;
    const messages = this.ledger.foreignSnapshot(rows, tracked, clock);
    for (const msg of messages) this.deliver(msg);
    this.reconciliations++;
    this.reconciledMessages += messages.length;
  }
  private deliver(raw: RawFeedMessage | string): void {
    const at = this.now();
    this.state.lastMessageAt = at;
    if (typeof raw === 'string') this.malformed++;
    else this.ledger.observe(raw);
    const ctx = this.ctx;
    if (!ctx) return;
    try {
      // A malformed payload goes on as its string: the normalizer rejects and counts it
      // (not_an_object) with a rate-limited warning, like every other bad message.
      ctx.onMessage(raw as RawFeedMessage, at);
    } catch (err) {
      this.state.lastError = `onMessage threw: ${describeError(err, this.scrubber)}`;
    }
  }

  private setStatus(s: FeedStatus): void {
    const next: FeedStatus = { ...s };
    if (next.lastError !== undefined) next.lastError = this.scrubber.scrub(next.lastError);
    if (next.lastError === undefined) delete next.lastError;
    if (next.lastMessageAt === undefined) delete next.lastMessageAt;
    this.state = next;
    try {
      this.ctx?.onStatus({ ...next });
    } catch {
      // a status listener failing must not stop the feed
    }
  }
}
