// The market worker's side of history: collects what the processor accepted (classified
// trades via drainTrades(), foreign snapshots, index values, the board's basis) and hands it
// to the writer thread on its own timer — never inside a frame iteration. The only work on
// the market thread is pushing small objects and one postMessage per HISTORY_FLUSH_MS;
// database work (SQL, I/O, sync SQLite calls) happens in the writer thread.
import { BroadcastChannel } from 'node:worker_threads';
import type { AlertRecord } from './alerts/engine.js';
import type { FeedEvent } from './events.js';
import { emptyRows, rowCount, type HistoryRows, type TapToWriter, type WriterToTap } from './history-rows.js';
import type { BasisPoint, ClassifiedTrade } from './processor/processor.js';
import { isFuturesSymbol } from './rules/futures.js';

/** What the tap reads from the processor: its public surface, never its internals. */
export interface ProcessorFeed {
  /** The processor's drainTrades(). */
  drainTrades: () => ClassifiedTrade[];
  /** The processor's basisPoint(): the board's active contract against VN30 spot. */
  basisPoint: () => BasisPoint | undefined;
}

export interface HistoryTapOptions {
  channel: string;
  epoch: string;
  flushMs: number;
  /** The processor, once there is one (the worker creates it after the feed's basket is known). */
  processor: () => ProcessorFeed | undefined;
}

export class HistoryTap {
  private rows: HistoryRows = emptyRows();
  private readonly channel: BroadcastChannel;
  private timer: NodeJS.Timeout | undefined;
  private lastBasis = '';
  private ticksHanded = 0;

  constructor(private readonly opts: HistoryTapOptions) {
    this.channel = new BroadcastChannel(opts.channel);
    this.channel.unref();
  }

  /** Ticks handed to the writer so far. */
  get ticks(): number {
    return this.ticksHanded;
  }

  start(): void {
    this.timer = setInterval(() => this.flush(), this.opts.flushMs);
    this.timer.unref();
  }

  /** An event the processor accepted (apply() returned true). */
  record(ev: FeedEvent): void {
    switch (ev.type) {
      case 'foreign':
        this.rows.foreign.push({ symbol: ev.symbol, ts: ev.timeMs, buyVolume: ev.buyVolume, sellVolume: ev.sellVolume, buyValue: ev.buyValue, sellValue: ev.sellValue, totalRoom: ev.totalRoom, currentRoom: ev.currentRoom });
        break;
      case 'index':
        this.rows.index.push({ id: ev.id, ts: ev.timeMs, value: ev.value, priorValue: ev.priorValue, totalVolume: ev.totalVolume, totalValue: ev.totalValue, advances: ev.advances, declines: ev.declines, unchanged: ev.unchanged });
        if (ev.id === 'VN30') this.basisPoint(ev.timeMs);
        break;
      case 'quote':
        if (isFuturesSymbol(ev.symbol) && ev.last > 0) this.basisPoint(ev.timeMs);
        break;
    }
  }

  /** Alerts the engine raised. */
  recordAlerts(alerts: readonly AlertRecord[]): void {
    for (const a of alerts) this.rows.alerts.push({ id: a.id, ts: a.timeMs, type: a.type, severity: a.severity, symbol: a.symbol, value: a.value, params: a.params, message: a.message });
  }

  /** A basis row when the board's basis moved (the contract, its price or the spot). */
  private basisPoint(ts: number): void {
    const b = this.opts.processor()?.basisPoint();
    if (!b) return;
    const key = `${b.contract}:${b.futures}:${b.spot}`;
    if (key === this.lastBasis) return;
    this.lastBasis = key;
    this.rows.basis.push({ ts, ...b });
  }

  /** Hands everything collected so far to the writer (one message). */
  flush(): void {
    const trades = this.opts.processor()?.drainTrades() ?? [];
    for (const t of trades) this.rows.ticks.push({ symbol: t.symbol, ts: t.timeMs, price: t.price, volume: t.volume, side: t.side, sideBy: t.sideBy, phase: t.phase, feedCode: t.feedCode });
    if (rowCount(this.rows) === 0) return;
    this.ticksHanded += this.rows.ticks.length;
    const msg: TapToWriter = { type: 'rows', epoch: this.opts.epoch, rows: this.rows };
    this.rows = emptyRows();
    this.channel.postMessage(msg);
  }

  /**
   * Last flush, then an end marker; resolves once the writer has everything (its ack), or
   * false after timeoutMs (no writer listening).
   */
  async end(timeoutMs: number): Promise<boolean> {
    if (this.timer) clearInterval(this.timer);
    this.timer = undefined;
    this.flush();
    const acked = await new Promise<boolean>((resolve) => {
      const t = setTimeout(() => finish(false), timeoutMs);
      const onMessage = (e: Event) => {
        const m = (e as unknown as { data: WriterToTap }).data;
        if (m?.type === 'end-ack' && m.epoch === this.opts.epoch) finish(true);
      };
      const finish = (ok: boolean) => {
        clearTimeout(t);
        this.channel.removeEventListener('message', onMessage);
        resolve(ok);
      };
      this.channel.addEventListener('message', onMessage);
      const end: TapToWriter = { type: 'end', epoch: this.opts.epoch };
      this.channel.postMessage(end);
    });
    this.channel.close();
    return acked;
  }
}
