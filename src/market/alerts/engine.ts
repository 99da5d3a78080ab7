// The alert engine: rules over the board the processor builds, evaluated at the board's
// market time. Pure (no threads, timers or sockets): the market worker feeds it every
// snapshot it builds, and drains what it raised into the next frame and into history.
//
// Every rule is level-triggered (it fires while its condition holds) except the basis
// flip, which is an edge; the de-duplication window turns a held condition into one alert
// per (type, symbol) per window, in market time, so a replayed day raises the same alerts
// at any speed.
import type { AlertRecord, AlertSeverityName } from '../../wire/frame-parts.js';
import type { SnapshotProps, SymbolStateProps } from '../../wire/proto.js';
import { priceRuleType, type PriceRule } from '../../price-alert-rules.js';

export type { AlertRecord } from '../../wire/frame-parts.js';

export interface AlertSettings {
  /** A minute's volume above k × the average of the previous minutes is a spike. */
  volumeSpikeK: number;
  /** Minutes the average is taken over (the most recent ones before the current minute). */
  volumeWindowMin: number;
  /** A spike needs at least this volume in the minute (shares / contracts). */
  volumeMin: number;
  /** |foreign acceleration| (shares per minute, per minute) at or above this fires. */
  foreignAccel: number;
  /** Basis (points) must pass ±this to count as premium or discount: no flapping at par. */
  basisHysteresis: number;
  priceRules: readonly PriceRule[];
  /** Repeats of a (type, symbol) within this much market time are suppressed. */
  dedupMs: number;
}

export const DEFAULT_ALERT_SETTINGS: AlertSettings = {
  volumeSpikeK: 3,
  volumeWindowMin: 10,
  volumeMin: 50_000,
  foreignAccel: 20_000,
  basisHysteresis: 0.5,
  priceRules: [],
  dedupMs: 300_000,
};

const MINUTE_MS = 60_000;

/** One instrument's volume by minute, from the day's cumulative volume. */
interface VolumeMinutes {
  minute: number;
  /** Cumulative volume when the current minute began. */
  startTotal: number;
  lastTotal: number;
  /** Volumes of the completed minutes, oldest first, at most the window. */
  done: number[];
}

type Regime = 'premium' | 'discount';

export class AlertEngine {
  private readonly volume = new Map<string, VolumeMinutes>();
  private readonly regime = new Map<string, Regime>();
  private readonly lastFired = new Map<string, number>();
  private tradingDate = '';

  constructor(private readonly s: AlertSettings) {}

  /** The alerts the board at its market time raises (after de-duplication). */
  check(board: SnapshotProps): AlertRecord[] {
    const t = board.marketTimeMs ?? 0;
    if (!(t > 0)) return [];
    if (board.tradingDate && board.tradingDate !== this.tradingDate) {
      // A new day: yesterday's minutes and basis regime say nothing about today.
      this.tradingDate = board.tradingDate;
      this.volume.clear();
      this.regime.clear();
    }
    const out: AlertRecord[] = [];
    const raise = (a: Omit<AlertRecord, 'id' | 'timeMs'>) => {
      const key = `${a.type}|${a.symbol}`;
      const last = this.lastFired.get(key);
      if (last !== undefined && t - last < this.s.dedupMs && t >= last) return;
      this.lastFired.set(key, t);
      out.push({ ...a, id: `${a.type}:${a.symbol}:${t}`, timeMs: t });
    };
    for (const row of board.symbols ?? []) this.checkSymbol(row, t, raise);
    const d = board.derivatives;
    if (d?.symbol) {
      this.checkVolume(d.symbol, d.totalVolume ?? 0, t, true, raise);
      this.checkBasis(d.symbol, d.basis ?? 0, d.basisPct ?? 0, raise);
    }
    for (const r of this.s.priceRules) {
      const idx = board.indices?.find((i) => i.id === r.symbol);
      if (idx) this.checkPriceRule(r, idx.value ?? 0, idx.changePct ?? 0, true, raise);
      else if (d?.symbol === r.symbol) this.checkPriceRule(r, d.last ?? 0, d.changePct ?? 0, true, raise);
    }
    return out;
  }

  private checkSymbol(row: SymbolStateProps, t: number, raise: Raise): void {
    const sym = row.symbol ?? '';
    const last = row.lastPrice ?? 0;
    this.checkVolume(sym, row.totalVolume ?? 0, t, false, raise);
    if (last > 0 && (row.ceiling ?? 0) > 0 && last >= row.ceiling!) {
      raise({ type: 'ceiling', severity: 'CRITICAL', symbol: sym, value: last, params: { ceiling: row.ceiling! }, message: `${sym} at ceiling ${last}`, wide: false });
    } else if (last > 0 && (row.floor ?? 0) > 0 && last <= row.floor!) {
      raise({ type: 'floor', severity: 'CRITICAL', symbol: sym, value: last, params: { floor: row.floor! }, message: `${sym} at floor ${last}`, wide: false });
    }
    const accel = row.foreign?.acceleration ?? 0;
    if (Math.abs(accel) >= this.s.foreignAccel) {
      const way = accel > 0 ? 'buying' : 'selling';
      raise({ type: 'foreign_acceleration', severity: 'WARNING', symbol: sym, value: accel, params: { threshold: this.s.foreignAccel, speedPerMinute: row.foreign?.speedPerMinute ?? 0 }, message: `${sym} foreign net ${way} accelerating (${Math.round(accel)} shares/min per min)`, wide: false });
    }
    for (const r of this.s.priceRules) if (r.symbol === sym) this.checkPriceRule(r, last, row.changePct ?? 0, false, raise);
  }

  private checkVolume(sym: string, total: number, t: number, wide: boolean, raise: Raise): void {
    const minute = Math.floor(t / MINUTE_MS);
    const v = this.volume.get(sym);
    if (!v || total < v.lastTotal) {
      // First sight (or the feed restarted its counters): this minute is the baseline.
      this.volume.set(sym, { minute, startTotal: total, lastTotal: total, done: [] });
      return;
    }
    if (minute > v.minute) {
      const w = this.s.volumeWindowMin;
      v.done.push(v.lastTotal - v.startTotal);
      // Minutes without a message of this instrument traded nothing.
      for (let m = v.minute + 1; m < minute && m - v.minute <= w; m++) v.done.push(0);
      if (v.done.length > w) v.done.splice(0, v.done.length - w);
      v.minute = minute;
      v.startTotal = v.lastTotal;
    }
    v.lastTotal = total;
    if (v.done.length === 0) return;
    const vol = total - v.startTotal;
    const avg = v.done.reduce((a, b) => a + b, 0) / v.done.length;
    if (vol >= this.s.volumeMin && vol > this.s.volumeSpikeK * avg) {
      const ratio = avg > 0 ? Math.round((vol / avg) * 10) / 10 : 0;
      raise({ type: 'volume_spike', severity: 'WARNING', symbol: sym, value: vol, params: { k: this.s.volumeSpikeK, windowMin: this.s.volumeWindowMin, average: Math.round(avg), minVolume: this.s.volumeMin }, message: `${sym} volume spike: ${vol} this minute${ratio > 0 ? `, ${ratio}x the ${v.done.length}-minute average` : ''}`, wide });
    }
  }

  private checkBasis(contract: string, basis: number, basisPct: number, raise: Raise): void {
    const h = this.s.basisHysteresis;
    const now: Regime | undefined = basis >= h && basis > 0 ? 'premium' : basis <= -h && basis < 0 ? 'discount' : undefined;
    if (!now) return; // inside the band: the regime stands
    const before = this.regime.get(contract);
    this.regime.set(contract, now);
    if (before && before !== now) {
      raise({ type: 'basis_flip', severity: 'WARNING', symbol: contract, value: basis, params: { hysteresis: h, basisPct }, message: `${contract} flipped to ${now} (basis ${basis})`, wide: true });
    }
  }

  private checkPriceRule(r: PriceRule, last: number, changePct: number, wide: boolean, raise: Raise): void {
    if (r.measure === 'price' && !(last > 0)) return;
    const value = r.measure === 'price' ? last : changePct;
    if (r.op === '>=' ? value < r.value : value > r.value) return;
    const what = r.measure === 'price' ? `price ${value}` : `change ${value}%`;
    raise({ type: priceRuleType(r), severity: 'INFO', symbol: r.symbol, value, params: { threshold: r.value }, message: `${r.symbol} ${what} ${r.op} ${r.value}${r.measure === 'percent' ? '%' : ''}`, wide });
  }
}

type Raise = (a: Omit<AlertRecord, 'id' | 'timeMs'>) => void;

/** Severity names in the order of their wire numbers (AlertSeverity). */
export const SEVERITIES: readonly AlertSeverityName[] = ['INFO', 'WARNING', 'CRITICAL'];
