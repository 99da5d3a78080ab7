// BoardClient: keeps a live board from a boardcast server. Connects (rotating through the
// given URLs on reconnect), decodes frames and hands the board frames to its BoardState
// (board-state.ts: the order, gap and epoch rules), and asks for a resync when the state
// refuses a delta. Browser-safe: only WebSocket, TextDecoder, setTimeout and performance are used.
import { backoffDelay, resolveBackoff } from './backoff.js';
import { BoardState } from './board-state.js';
import { decodeFrame, encodeClientMessage, frameSize, type ClientBody, type RawFrameData } from './codec.js';
import { TypedEmitter } from './emitter.js';
import { TradeSequencer } from './trade-sequencer.js';
import { BoardClientError, ServerError } from './errors.js';
import type {
  Alert,
  BackoffOptions,
  Board,
  BoardClientOptions,
  BoardClientStats,
  BoardEvent,
  Candle,
  ConnectionState,
  DecodedFrame,
  FeedEvent,
  FeedStateName,
  FrameMeta,
  PongEvent,
  StateEvent,
  SymbolState,
  Trade,
  TradeEvent,
  WebSocketConstructor,
  WebSocketLike,
} from './types.js';

export interface BoardClientEvents {
  /** The whole board after each applied FULL or DELTA frame. */
  board: [BoardEvent];
  /** One per symbol the frame changed; state undefined when the symbol left the board. */
  symbol: [symbol: string, state: SymbolState | undefined];
  state: [StateEvent];
  error: [BoardClientError];
  pong: [PongEvent];
  /** Every frame received, before it is applied (control frames included). */
  frame: [FrameMeta];
  /** The upstream feed's state changed (live / reconnecting / stale / failed), as the frames report it. */
  feed: [FeedEvent];
  /** Channel `trades`: each trade once, in trade_seq order per symbol, `gap` when some were missed. */
  trade: [TradeEvent];
  /** Channel `candles`: a symbol's or an index's 1-minute candle changed, or closed (`closed`). */
  candle: [Candle];
  /** Channel `alerts` (ask for it: `channels` with 'alerts'): once per id, replays after a reconnect or resync included. */
  alert: [Alert];
}

/** The per-frame list channels: events, not board state (the board would keep a FULL's lists across deltas). */
const LIST_FIELDS = ['trades', 'candles', 'alerts'] as const;

/** Alert ids remembered to drop repeats (a replay repeats at most ALERTS_REPLAY of the latest). */
const SEEN_ALERTS = 1000;

const OPEN = 1;
const DEFAULT_RESYNC_RETRY_MS = 3000;

const nowUs = (): number => Math.round((performance.timeOrigin + performance.now()) * 1000);

export class BoardClient extends TypedEmitter<BoardClientEvents> {
  readonly urls: readonly string[];
  readonly format: 'proto' | 'json';
  private readonly query: Record<string, string>;
  private readonly WS: WebSocketConstructor;
  private readonly backoff: Required<BackoffOptions>;
  private readonly resyncRetryMs: number;
  private readonly random: () => number;

  private ws: WebSocketLike | undefined;
  private urlIndex = 0;
  private attempt = 0;
  private reconnectTimer: ReturnType<typeof setTimeout> | undefined;
  private stopped = true;
  private connState: ConnectionState = 'closed';
  private currentUrl = '';

  private readonly boardState = new BoardState();
  private lastResyncAt = -Infinity;
  /** Subscription changes, replayed in order on every new socket. */
  private readonly subscriptionOps: ClientBody[] = [];
  private readonly counters = { frames: 0, resyncs: 0, reconnects: 0 };
  private readonly trades = new TradeSequencer();

  constructor(opts: BoardClientOptions) {
    super();
    this.urls = typeof opts.urls === 'string' ? [opts.urls] : [...opts.urls];
    if (this.urls.length === 0) throw new RangeError('BoardClient needs at least one URL');
    for (const u of this.urls) new URL(u); // throws TypeError on a malformed URL, now rather than at connect time
    this.format = opts.format ?? 'proto';
    if (this.format !== 'proto' && this.format !== 'json') throw new RangeError(`BoardClient format must be 'proto' or 'json', got ${String(this.format)}`);
    this.query = { ...opts.query };
    const WS = opts.WebSocket ?? (globalThis as { WebSocket?: WebSocketConstructor }).WebSocket;
    if (!WS) throw new TypeError('no WebSocket implementation: pass the WebSocket option (e.g. the `ws` package\'s class on Node 20)');
    this.WS = WS;
    this.backoff = resolveBackoff(opts.backoff);
    this.resyncRetryMs = opts.resyncRetryMs ?? DEFAULT_RESYNC_RETRY_MS;
    this.random = opts.random ?? Math.random;
  }

  // ---- public state ------------------------------------------------------------------

  /** The current board, undefined before the first FULL frame (and after an epoch change until its FULL). */
  get board(): Board | undefined {
    return this.boardState.board;
  }

  /** Seq of the last applied frame. */
  get seq(): number | undefined {
    return this.boardState.seq;
  }

  get epoch(): string | undefined {
    return this.boardState.epoch;
  }

  get state(): ConnectionState {
    return this.connState;
  }

  /** The upstream feed's state as the last applied frame reported it (undefined before the first). */
  get feedState(): FeedStateName | undefined {
    return this.boardState.feedState;
  }

  get stats(): Readonly<BoardClientStats> {
    return { ...this.counters, ...this.boardState.stats, tradeDuplicates: this.trades.duplicates, tradesMissed: this.trades.missed };
  }

  // ---- commands ----------------------------------------------------------------------

  /** Starts connecting (no-op when already started). */
  connect(): void {
    if (!this.stopped) return;
    this.stopped = false;
    this.attempt = 0;
    this.open();
  }

  /** Closes the socket and stops reconnecting. The board stays readable. */
  close(code = 1000, reason = 'client closed'): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.reconnectTimer !== undefined) clearTimeout(this.reconnectTimer);
    this.reconnectTimer = undefined;
    const ws = this.ws;
    this.ws = undefined; // its close event is then ignored: no reconnect
    try {
      ws?.close(code, reason);
    } catch {
      // already closing or closed; nothing else to release
    }
    this.setState('closed');
  }

  /** Adds channels / symbols; remembered and re-sent on every reconnect. False when not sent now (not open). */
  subscribe(channels: string[], symbols: string[] = []): boolean {
    const body: ClientBody = { subscribe: { channels: [...channels], symbols: [...symbols] } };
    this.subscriptionOps.push(body);
    return this.send(body);
  }

  unsubscribe(channels: string[], symbols: string[] = []): boolean {
    const body: ClientBody = { unsubscribe: { channels: [...channels], symbols: [...symbols] } };
    this.subscriptionOps.push(body);
    return this.send(body);
  }

  /** Asks for a FULL frame now; deltas are ignored until it arrives. */
  resync(): boolean {
    return this.requestResync();
  }

  /** Sends a ping; the answer arrives as a `pong` event. False when not open. */
  ping(): boolean {
    return this.send({ ping: { clientTimeUs: nowUs() } });
  }

  // ---- socket ------------------------------------------------------------------------

  private urlFor(base: string): string {
    const u = new URL(base);
    u.searchParams.set('format', this.format);
    for (const [k, v] of Object.entries(this.query)) u.searchParams.set(k, v);
    return u.toString();
  }

  private open(): void {
    this.reconnectTimer = undefined;
    const url = this.urlFor(this.urls[this.urlIndex]!);
    this.currentUrl = url;
    // A new socket starts with a FULL frame; nothing before it may be applied.
    this.boardState.expectFull();
    this.lastResyncAt = -Infinity;
    this.setState('connecting');
    let ws: WebSocketLike;
    try {
      ws = new this.WS(url);
    } catch (err) {
      this.emit('error', new BoardClientError('BC_CLIENT_SOCKET_ERROR', `cannot open ${url}: ${(err as Error).message}`, { url }));
      this.scheduleReconnect(undefined, undefined);
      return;
    }
    this.ws = ws;
    ws.binaryType = 'arraybuffer';
    ws.addEventListener('open', () => {
      if (this.ws !== ws) return;
      this.setState('open');
      for (const op of this.subscriptionOps) this.send(op);
    });
    ws.addEventListener('message', (ev: { data: RawFrameData }) => {
      if (this.ws === ws) this.onData(ev.data);
    });
    ws.addEventListener('error', (ev: { message?: string; error?: unknown }) => {
      if (this.ws !== ws) return;
      const detail = ev.message ?? (ev.error instanceof Error ? ev.error.message : 'socket error');
      this.emit('error', new BoardClientError('BC_CLIENT_SOCKET_ERROR', `${url}: ${detail}`, { url }));
      // A close event follows an error in both browsers and `ws`; the reconnect happens there.
    });
    ws.addEventListener('close', (ev: { code?: number; reason?: string }) => {
      if (this.ws !== ws) return; // closed by close(), or a socket already replaced
      this.ws = undefined;
      this.scheduleReconnect(ev.code, ev.reason);
    });
  }

  private scheduleReconnect(code: number | undefined, reason: string | undefined): void {
    if (this.stopped) return;
    this.attempt++;
    this.counters.reconnects++;
    this.urlIndex = (this.urlIndex + 1) % this.urls.length;
    const delayMs = backoffDelay(this.backoff, this.attempt, this.random);
    this.currentUrl = this.urlFor(this.urls[this.urlIndex]!);
    this.setState('reconnecting', { delayMs, code, reason });
    this.reconnectTimer = setTimeout(() => this.open(), delayMs);
  }

  private send(body: ClientBody): boolean {
    const ws = this.ws;
    if (!ws || ws.readyState !== OPEN) return false;
    ws.send(encodeClientMessage(this.format, body));
    return true;
  }

  private setState(state: ConnectionState, extra: Partial<StateEvent> = {}): void {
    this.connState = state;
    const ev: StateEvent = { state, url: this.currentUrl, attempt: this.attempt };
    if (extra.delayMs !== undefined) ev.delayMs = extra.delayMs;
    if (extra.code !== undefined) ev.code = extra.code;
    if (extra.reason !== undefined) ev.reason = extra.reason;
    this.emit('state', ev);
  }

  // ---- frames ------------------------------------------------------------------------

  private onData(data: RawFrameData): void {
    this.counters.frames++;
    let frame: DecodedFrame;
    try {
      frame = decodeFrame(data, this.format);
    } catch (err) {
      this.emit('error', new BoardClientError('BC_CLIENT_FRAME_INVALID', `undecodable frame: ${(err as Error).message}`, { bytes: frameSize(data) }));
      // Whatever it was, the board may have missed it.
      this.boardState.expectFull(true);
      this.requestResync();
      return;
    }
    const control = frame.control;
    const type: FrameMeta['type'] = control?.error ? 'error' : control?.pong ? 'pong' : frame.snapshot ? 'board' : 'empty';
    this.emit('frame', { seq: frame.seq, epoch: frame.epoch, producedAtUs: frame.producedAtUs, kind: frame.kind, baseSeq: frame.baseSeq, type, bytes: frameSize(data) });
    // Control frames repeat the last board frame's seq/epoch: they take no part in the checks.
    if (control) {
      if (control.error) this.emit('error', new ServerError(control.error.code, control.error.message));
      if (control.pong) {
        const { clientTimeUs, serverTimeUs } = control.pong;
        this.emit('pong', { clientTimeUs, serverTimeUs, rttMs: (nowUs() - clientTimeUs) / 1000 });
      }
      return;
    }
    if (!frame.snapshot) return;
    const lists = frame.snapshot as unknown as Record<string, unknown[] | undefined>;
    const trades = (lists.trades ?? []) as Trade[];
    const candles = (lists.candles ?? []) as Candle[];
    const alerts = (lists.alerts ?? []) as Alert[];
    for (const k of LIST_FIELDS) delete lists[k];
    // Alerts go out whether or not the board applies this frame: their ids make them idempotent.
    this.emitAlerts(alerts);
    const epochBefore = this.boardState.epoch;
    const result = this.boardState.apply(frame as DecodedFrame & { snapshot: Board }, this.listenerCount('symbol') > 0);
    // A DELTA of a new epoch asks for its FULL at once.
    if (this.boardState.epoch !== epochBefore) this.lastResyncAt = -Infinity;
    if (!result.applied) {
      // Still waiting: repeat the request now and then, in case it or its answer was lost.
      if (result.reason === 'gap' || performance.now() - this.lastResyncAt >= this.resyncRetryMs) this.requestResync();
      return;
    }
    if (frame.kind === 'FULL') {
      // A good FULL proves the connection works: the next failure starts the backoff over.
      this.attempt = 0;
      if (this.connState === 'resyncing' || this.connState === 'connecting') this.setState('open');
    }
    for (const [symbol, state] of result.changed) this.emit('symbol', symbol, state);
    if (result.feed) this.emit('feed', result.feed);
    for (const t of this.trades.accept(frame.epoch, trades)) this.emit('trade', t);
    for (const c of candles) this.emit('candle', c);
    this.emit('board', { board: this.boardState.board!, seq: frame.seq, epoch: frame.epoch, producedAtUs: frame.producedAtUs, kind: frame.kind });
  }

  private readonly seenAlerts = new Set<string>();

  /** Each alert once: the FULL of a (re)connect or resync replays recent ones already seen. */
  private emitAlerts(alerts: readonly Alert[]): void {
    for (const a of alerts) {
      if (this.seenAlerts.has(a.id)) continue;
      this.seenAlerts.add(a.id);
      if (this.seenAlerts.size > SEEN_ALERTS) this.seenAlerts.delete(this.seenAlerts.values().next().value as string);
      this.emit('alert', a);
    }
  }

  /** Stops applying deltas until a FULL arrives and asks the server for one. */
  private requestResync(): boolean {
    this.boardState.expectFull();
    this.lastResyncAt = performance.now();
    const sent = this.send({ resync: {} });
    if (sent) this.counters.resyncs++;
    if (this.connState === 'open') this.setState('resyncing');
    return sent;
  }
}
