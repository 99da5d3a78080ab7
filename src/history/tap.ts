// The market worker's side of history: collects what the processor accepted (classified
// trades via drainTrades(), foreign snapshots, index values, basis points) and hands it to
// the writer thread on its own timer — never inside a frame iteration. The only work on
// the market thread is pushing small objects and one postMessage per HISTORY_FLUSH_MS;
// database work (SQL, I/O, sync SQLite calls) happens in the writer thread.
import { BroadcastChannel } from 'node:worker_threads';
import type { FeedEvent } from '../market/events.js';
import { basisOf } from '../market/processor/derivatives-tracker.js';
import { displaySymbol, frontMonthContract, isFuturesSymbol } from '../market/processor/futures-resolver.js';
import type { ClassifiedTrade } from '../market/processor/processor.js';
import type { TapToWriter, WriterToTap } from './protocol.js';
import { emptyRows, rowCount, type HistoryRows } from './types.js';

export interface HistoryTapOptions {
  channel: string;
  epoch: string;
  flushMs: number;
  /** The processor's drainTrades(), and its count of trades lost to a full buffer. */
  drainTrades: () => ClassifiedTrade[];
}

export class HistoryTap {
  private rows: HistoryRows = emptyRows();
  private readonly channel: BroadcastChannel;
  private timer: NodeJS.Timeout | undefined;
  private spot = 0;
  /** By display name (VN30FYYMM), with the code the feed used. */
  private readonly futuresLast = new Map<string, { last: number; totalVolume: number; feedCode: string }>();
  private front: { date: string; symbol: string } | undefined;
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
        if (ev.id === 'VN30') {
          this.spot = ev.value;
          this.basisPoint(ev.timeMs, ev.tradingDate);
        }
        break;
      case 'quote':
        if (isFuturesSymbol(ev.symbol) && ev.last > 0) {
          this.futuresLast.set(displaySymbol(ev.symbol) ?? ev.symbol, { last: ev.last, totalVolume: ev.totalVolume, feedCode: ev.symbol });
          this.basisPoint(ev.timeMs, ev.tradingDate);
        }
        break;
    }
  }

  /** The active contract as the board picks it: the front month if quoted, else the most traded. */
  private basisPoint(ts: number, date: string): void {
    if (!(this.spot > 0) || this.futuresLast.size === 0) return;
    if (this.front?.date !== date) this.front = { date, symbol: frontMonthContract(date).symbol };
    let contract = this.futuresLast.has(this.front.symbol) ? this.front.symbol : undefined;
    if (!contract) {
      let best = -1;
      for (const [s, q] of this.futuresLast) if (q.totalVolume > best) [best, contract] = [q.totalVolume, s];
    }
    const { last: futures, feedCode } = this.futuresLast.get(contract!)!;
    const key = `${contract}:${futures}:${this.spot}`;
    if (key === this.lastBasis) return;
    this.lastBasis = key;
    const b = basisOf(futures, this.spot);
    this.rows.basis.push({ ts, contract: contract!, feedCode, futures, spot: this.spot, basis: b.basis, basisPct: b.basisPct });
  }

  /** Hands everything collected so far to the writer (one message). */
  flush(): void {
    const trades = this.opts.drainTrades();
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
