// The symbol detail panel: the intraday 1-minute candle chart with volume (lightweight-charts),
// the active buy/sell split and the trade tape. Data arrives through two functions only —
// applyCandle and applyTrade — fed by /api/history (loaded on opening, refreshed while open)
// and by the live `candles` / `trades` channels (applyLiveCandle / applyLiveTrade, held until
// the history load is in; setLive stops polling a kind the socket delivers). Writes are
// batched to one animation frame: a burst of trades draws the newest TAPE_ROWS once, not each.
import type { SymbolState } from '@boardcast/client';
import { CandlestickSeries, createChart, HistogramSeries, type IChartApi, type ISeriesApi, type UTCTimestamp } from 'lightweight-charts';
import { arrow, priceDirection } from './colors.js';
import { activeTotals } from './columns.js';
import { candleFromHistory, chartTime, localDayStart, TickCursor, tradeFromHistory, type CandlePoint, type HistoryCandle, type HistoryTick, type TradePoint } from './detail-data.js';
import { formatMarketTime, formatPct, formatShare, type BoardFormat } from './format.js';
import { setField } from './header.js';
import { t, type Lang } from './i18n.js';
import { PALETTE } from './colors.js';

const TAPE_ROWS = 60;
/** How far back the tape starts when the panel opens (market time). */
const TAPE_WINDOW_MS = 60_000;

export interface DetailOptions {
  /** GET a JSON body from the server (with the page's auth); rejects on a failed request. */
  getJson(path: string, signal: AbortSignal): Promise<unknown>;
  /** The market clock of the latest board (ms), 0 before one. */
  marketTime(): number;
  onClose(): void;
  /** History refresh period while open. */
  refreshMs?: number;
}

interface Rows<T> {
  rows?: T[];
}

export class DetailPanel {
  private current: string | undefined;
  private chart: IChartApi | undefined;
  private candleSeries: ISeriesApi<'Candlestick'> | undefined;
  private volumeSeries: ISeriesApi<'Histogram'> | undefined;
  private lastCandleMs = -Infinity;
  private lastCandle: CandlePoint | undefined;
  /** Series updates drawn since the panel opened (tests tell a redraw from a re-created chart). */
  private chartUpdates = 0;
  /** Charts created over the panel's life: one, re-used for every symbol. */
  private chartsCreated = 0;
  private candleCount = 0;
  private cursor = new TickCursor();
  private pendingTrades: TradePoint[] = [];
  private rafId = 0;
  private timer: ReturnType<typeof setInterval> | undefined;
  private abort: AbortController | undefined;
  private inFlight = false;
  private live = { candles: false, trades: false };
  /** Until the first history load is in, live trades and candles wait here (they may overlap it). */
  private loaded = false;
  private liveTrades: TradePoint[] = [];
  private liveCandles: CandlePoint[] = [];
  private liveCount = 0;
  private state: SymbolState | undefined;
  private format: BoardFormat;
  private lang: Lang;
  private readonly els: {
    title: HTMLElement;
    last: HTMLElement;
    change: HTMLElement;
    chart: HTMLElement;
    buyBar: HTMLElement;
    buyText: HTMLElement;
    sellText: HTMLElement;
    tape: HTMLTableSectionElement;
    close: HTMLButtonElement;
  };

  constructor(
    private readonly root: HTMLElement,
    private readonly opts: DetailOptions,
    format: BoardFormat,
    lang: Lang,
  ) {
    this.format = format;
    this.lang = lang;
    root.hidden = true;
    root.setAttribute('role', 'dialog');
    root.setAttribute('aria-modal', 'false');
    root.setAttribute('aria-labelledby', 'detail-title');
    root.innerHTML = `
      <div class="dt-head">
        <h2 id="detail-title" class="dt-title"></h2>
        <span class="dt-last"></span> <span class="dt-change"></span>
        <span class="spacer"></span>
        <button type="button" class="dt-close" data-i18n-aria="close" aria-label="">✕</button>
      </div>
      <div class="dt-chart" data-i18n-aria="chart" role="img"></div>
      <a class="dt-attr muted" href="https://www.tradingview.com/" target="_blank" rel="noopener noreferrer">TradingView Lightweight Charts™</a>
      <div class="dt-split">
        <span class="dt-label" data-i18n="active"></span>
        <span class="dt-buy c-up"></span>
        <span class="dt-splitbar" aria-hidden="true"><span class="dt-buybar"></span></span>
        <span class="dt-sell c-down"></span>
      </div>
      <h3 class="dt-label" data-i18n="tape"></h3>
      <div class="dt-tape-box">
        <table class="dt-tape">
          <thead><tr><th data-i18n="time"></th><th data-i18n="price"></th><th data-i18n="vol"></th><th data-i18n="side"></th></tr></thead>
          <tbody></tbody>
        </table>
      </div>`;
    const q = <T extends HTMLElement>(sel: string) => root.querySelector<T>(sel)!;
    this.els = {
      title: q('.dt-title'),
      last: q('.dt-last'),
      change: q('.dt-change'),
      chart: q('.dt-chart'),
      buyBar: q('.dt-buybar'),
      buyText: q('.dt-buy'),
      sellText: q('.dt-sell'),
      tape: q<HTMLTableElement>('.dt-tape').tBodies[0]!,
      close: q<HTMLButtonElement>('.dt-close'),
    };
    this.els.close.addEventListener('click', () => this.close());
  }

  get symbol(): string | undefined {
    return this.current;
  }

  get isOpen(): boolean {
    return this.current !== undefined;
  }

  /** Opens (or switches) the panel on a symbol: a fresh chart and tape, loaded from history. */
  open(symbol: string, state: SymbolState | undefined): void {
    if (symbol === this.current) return;
    this.reset();
    this.current = symbol;
    this.root.hidden = false;
    this.root.dataset.symbol = symbol;
    document.body.classList.add('detail-open');
    setField(this.els.title, symbol);
    this.ensureChart();
    this.update(state);
    void this.refresh(true);
    this.timer = setInterval(() => void this.refresh(false), this.opts.refreshMs ?? 2000);
    this.els.close.focus({ preventScroll: true });
  }

  close(): void {
    if (!this.current) return;
    this.reset();
    this.current = undefined;
    this.root.hidden = true;
    delete this.root.dataset.symbol;
    document.body.classList.remove('detail-open');
    this.opts.onClose();
  }

  /** The live channels deliver this kind: stop asking history for it (after the first load). */
  setLive(kind: 'candles' | 'trades', on: boolean): void {
    this.live[kind] = on;
  }

  /** One 1-minute candle, new or an update of the latest; older than the latest drawn is ignored. */
  applyCandle(c: CandlePoint): void {
    if (!this.candleSeries || !this.volumeSeries || c.timeMs < this.lastCandleMs) return;
    // A refresh asks again from the latest candle: one that has not changed is not redrawn.
    const prev = this.lastCandle;
    if (prev && prev.timeMs === c.timeMs && prev.close === c.close && prev.high === c.high && prev.low === c.low && prev.volume === c.volume && prev.open === c.open) return;
    this.lastCandle = c;
    this.chartUpdates++;
    this.root.dataset.chartUpdates = String(this.chartUpdates);
    const time = chartTime(c.timeMs) as UTCTimestamp;
    this.candleSeries.update({ time, open: c.open, high: c.high, low: c.low, close: c.close });
    this.volumeSeries.update({ time, value: c.volume, color: c.close >= c.open ? 'rgba(51, 209, 122, 0.45)' : 'rgba(255, 92, 92, 0.45)' });
    if (c.timeMs > this.lastCandleMs) {
      this.candleCount++;
      this.lastCandleMs = c.timeMs;
      this.root.dataset.candles = String(this.candleCount);
    }
  }

  /**
   * A trade of the live channel for the open symbol. The channel's replay on subscribing
   * overlaps the history load: trades go through the same cursor, so each is shown once.
   */
  applyLiveTrade(tr: TradePoint): void {
    if (!this.current) return;
    this.liveTrades.push(tr);
    this.liveCount++;
    this.root.dataset.liveTrades = String(this.liveCount);
    if (this.loaded && this.rafId === 0) this.rafId = requestAnimationFrame(() => this.flushTape());
  }

  /** A live 1-minute candle of the open symbol (after the history load; before it, kept). */
  applyLiveCandle(c: CandlePoint): void {
    if (!this.current) return;
    if (this.loaded) this.applyCandle(c);
    else this.liveCandles.push(c);
  }

  /** The first history load is in: the live data that waited goes on top of it. */
  private historyLoaded(): void {
    this.loaded = true;
    for (const c of this.liveCandles.splice(0)) this.applyCandle(c);
    if (this.liveTrades.length > 0 && this.rafId === 0) this.rafId = requestAnimationFrame(() => this.flushTape());
  }

  /** One trade for the tape (drawn on the next animation frame, newest first). */
  applyTrade(tr: TradePoint): void {
    this.pendingTrades.push(tr);
    if (this.pendingTrades.length > TAPE_ROWS) this.pendingTrades.splice(0, this.pendingTrades.length - TAPE_ROWS);
    if (this.rafId === 0) this.rafId = requestAnimationFrame(() => this.flushTape());
  }

  /** The symbol's row of the latest board: price line and active split, written when they change. */
  update(s: SymbolState | undefined): void {
    if (!s || s === this.state) return;
    this.state = s;
    const dir = priceDirection(s.lastPrice, s);
    setField(this.els.last, this.format.price(s.lastPrice), dir);
    setField(this.els.change, s.lastPrice > 0 ? `${arrow(dir)} ${this.format.signedPrice(s.change)} (${formatPct(s.changePct)})` : '', dir);
    const { buy, sell } = activeTotals(s);
    const share = buy + sell > 0 ? buy / (buy + sell) : NaN;
    const w = Number.isNaN(share) ? '50%' : `${(share * 100).toFixed(1)}%`;
    if (this.els.buyBar.style.width !== w) this.els.buyBar.style.width = w;
    setField(this.els.buyText, `${t('buy', this.lang)} ${this.format.volume(buy) || '0'} · ${formatShare(share)}`);
    setField(this.els.sellText, `${formatShare(1 - share)} · ${this.format.volume(sell) || '0'} ${t('sell', this.lang)}`);
  }

  setFormat(format: BoardFormat): void {
    this.format = format;
    const s = this.state;
    this.state = undefined;
    this.update(s);
  }

  setLang(lang: Lang): void {
    this.lang = lang;
    const s = this.state;
    this.state = undefined;
    this.update(s);
  }

  private reset(): void {
    clearInterval(this.timer);
    this.timer = undefined;
    this.abort?.abort();
    this.abort = undefined;
    this.inFlight = false;
    if (this.rafId) cancelAnimationFrame(this.rafId);
    this.rafId = 0;
    this.pendingTrades = [];
    this.loaded = false;
    this.liveTrades = [];
    this.liveCandles = [];
    this.liveCount = 0;
    delete this.root.dataset.liveTrades;
    this.cursor = new TickCursor();
    this.lastCandleMs = -Infinity;
    this.lastCandle = undefined;
    this.candleCount = 0;
    this.chartUpdates = 0;
    this.state = undefined;
    this.candleSeries?.setData([]);
    this.volumeSeries?.setData([]);
    this.els.tape.replaceChildren();
    delete this.root.dataset.candles;
    delete this.root.dataset.chartUpdates;
  }

  private ensureChart(): void {
    if (this.chart) return;
    const chart = createChart(this.els.chart, {
      autoSize: true,
      // The library's own logo injects a <style> the page's CSP refuses: its attribution is the link under the chart.
      layout: { background: { color: '#0b0e14' }, textColor: PALETTE.muted, fontSize: 11, attributionLogo: false },
      grid: { vertLines: { color: '#1a2030' }, horzLines: { color: '#1a2030' } },
      timeScale: { timeVisible: true, secondsVisible: false, borderColor: '#242b3a' },
      rightPriceScale: { borderColor: '#242b3a' },
      localization: { priceFormatter: (p: number) => this.format.price(p) },
    });
    this.candleSeries = chart.addSeries(CandlestickSeries, {
      upColor: PALETTE.up,
      downColor: PALETTE.down,
      borderUpColor: PALETTE.up,
      borderDownColor: PALETTE.down,
      wickUpColor: PALETTE.up,
      wickDownColor: PALETTE.down,
    });
    this.candleSeries.priceScale().applyOptions({ scaleMargins: { top: 0.08, bottom: 0.28 } });
    // Volume on its own overlay scale in the bottom quarter, under the candles.
    this.volumeSeries = chart.addSeries(HistogramSeries, { priceScaleId: 'vol', priceFormat: { type: 'volume' }, lastValueVisible: false, priceLineVisible: false });
    chart.priceScale('vol').applyOptions({ scaleMargins: { top: 0.78, bottom: 0 } });
    this.chart = chart;
    this.chartsCreated++;
    this.root.dataset.charts = String(this.chartsCreated);
  }

  private flushTape(): void {
    this.rafId = 0;
    if (this.loaded && this.liveTrades.length > 0) {
      for (const tr of this.cursor.take(this.liveTrades.splice(0))) this.pendingTrades.push(tr);
      if (this.pendingTrades.length > TAPE_ROWS) this.pendingTrades.splice(0, this.pendingTrades.length - TAPE_ROWS);
    }
    const trades = this.pendingTrades;
    this.pendingTrades = [];
    if (trades.length === 0) return;
    const frag = document.createDocumentFragment();
    const s = this.state;
    for (let i = trades.length - 1; i >= 0; i--) {
      const tr = trades[i]!;
      const row = document.createElement('tr');
      row.className = `side-${tr.side}`;
      const dir = s ? priceDirection(tr.price, s) : 'none';
      const cells = [formatMarketTime(tr.timeMs), this.format.price(tr.price), this.format.volume(tr.volume), tr.side === 'buy' ? t('sideBuy', this.lang) : tr.side === 'sell' ? t('sideSell', this.lang) : ''];
      cells.forEach((text, j) => {
        const td = document.createElement('td');
        td.textContent = text;
        if (j === 1 && dir !== 'none') td.className = `c-${dir}`;
        if (j === 3 && tr.side !== 'neutral') td.className = tr.side === 'buy' ? 'c-up' : 'c-down';
        row.append(td);
      });
      frag.append(row);
    }
    const body = this.els.tape;
    body.prepend(frag);
    while (body.rows.length > TAPE_ROWS) body.lastElementChild!.remove();
    this.root.dataset.trades = String(body.rows.length);
  }

  /** History since what is drawn; the first load after opening asks even for live kinds. */
  private async refresh(first: boolean): Promise<void> {
    const symbol = this.current;
    if (!symbol || this.inFlight) return;
    const wantCandles = first || !this.live.candles;
    const wantTrades = first || !this.live.trades;
    if (!wantCandles && !wantTrades) return;
    this.inFlight = true;
    const ctl = new AbortController();
    this.abort = ctl;
    const now = this.opts.marketTime() || Date.now();
    const sym = encodeURIComponent(symbol);
    const candleFrom = Number.isFinite(this.lastCandleMs) ? this.lastCandleMs : localDayStart(now);
    try {
      const [candles, ticks] = await Promise.all([
        wantCandles ? (this.opts.getJson(`/api/history/${sym}/candles?interval=1m&from=${candleFrom}`, ctl.signal) as Promise<Rows<HistoryCandle>>) : undefined,
        wantTrades ? (this.opts.getJson(`/api/history/${sym}/ticks?from=${this.cursor.from(now - TAPE_WINDOW_MS)}&limit=500`, ctl.signal) as Promise<Rows<HistoryTick>>) : undefined,
      ]);
      if (symbol !== this.current || ctl.signal.aborted) return;
      for (const r of candles?.rows ?? []) this.applyCandle(candleFromHistory(r));
      for (const tr of this.cursor.take((ticks?.rows ?? []).map(tradeFromHistory))) this.applyTrade(tr);
    } catch {
      // The server is away or history is off: the panel keeps what it has and asks again.
    } finally {
      if (first && symbol === this.current && !ctl.signal.aborted) this.historyLoaded();
      if (this.abort === ctl) {
        this.inFlight = false;
        this.abort = undefined;
      }
    }
  }
}
