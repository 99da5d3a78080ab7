// The header strip: VN30 and VNINDEX (value, change, breadth, intraday sparkline), the front
// VN30F contract with its basis, the market phase and clock. Every field is a text node
// written only when its text changes.
import type { Board, Derivatives, IndexState } from '@boardcast/client';
import { arrow, changeDirection, directionClass, type Direction } from './colors.js';
import { formatIndex, formatIndexChange, formatMarketTime, formatPct, formatVolume } from './format.js';
import { phaseLabel, premiumLabel, type Lang } from './i18n.js';
import { sparkline } from './sparkline.js';

const SVG = 'http://www.w3.org/2000/svg';
const SPARK_W = 120;
const SPARK_H = 34;

/** Sets text and direction class on an element, touching the DOM only on a change. */
export function setField(el: HTMLElement, text: string, dir?: Direction): void {
  if (el.textContent !== text) el.textContent = text;
  if (dir !== undefined) {
    const cls = directionClass(dir);
    if (el.dataset.dir !== cls) {
      if (el.dataset.dir) el.classList.remove(el.dataset.dir);
      if (cls) el.classList.add(cls);
      el.dataset.dir = cls;
    }
  }
}

class IndexCard {
  private readonly value: HTMLElement;
  private readonly change: HTMLElement;
  private readonly adv: HTMLElement;
  private readonly unch: HTMLElement;
  private readonly dec: HTMLElement;
  private readonly ceilFloor: HTMLElement;
  private readonly vol: HTMLElement;
  private readonly path: SVGPathElement;
  private readonly ref: SVGLineElement;
  private lastSeries: IndexState['intraday'] | undefined;
  private lastPrior = NaN;

  constructor(readonly root: HTMLElement) {
    const q = (sel: string) => root.querySelector<HTMLElement>(sel)!;
    this.value = q('.ix-value');
    this.change = q('.ix-change');
    this.adv = q('.ix-adv');
    this.unch = q('.ix-unch');
    this.dec = q('.ix-dec');
    this.ceilFloor = q('.ix-cf');
    this.vol = q('.ix-vol');
    const svg = root.querySelector('svg')!;
    svg.setAttribute('viewBox', `0 0 ${SPARK_W} ${SPARK_H}`);
    svg.setAttribute('width', String(SPARK_W));
    svg.setAttribute('height', String(SPARK_H));
    this.ref = document.createElementNS(SVG, 'line');
    this.ref.setAttribute('class', 'spark-ref');
    this.ref.setAttribute('x1', '0');
    this.ref.setAttribute('x2', String(SPARK_W));
    this.path = document.createElementNS(SVG, 'path');
    this.path.setAttribute('class', 'spark-line');
    svg.append(this.ref, this.path);
  }

  update(ix: IndexState | undefined): void {
    if (!ix) return;
    const dir = changeDirection(ix.change);
    setField(this.value, formatIndex(ix.value), dir);
    setField(this.change, `${arrow(dir)} ${formatIndexChange(ix.change)} (${formatPct(ix.changePct)})`, dir);
    setField(this.adv, `▲ ${ix.advances}`);
    setField(this.unch, `■ ${ix.unchanged}`);
    setField(this.dec, `▼ ${ix.declines}`);
    setField(this.ceilFloor, ix.ceilings || ix.floors ? `(${ix.ceilings} ⇡ · ${ix.floors} ⇣)` : '');
    setField(this.vol, formatVolume(ix.totalVolume));
    if (ix.intraday !== this.lastSeries || ix.priorValue !== this.lastPrior) {
      this.lastSeries = ix.intraday;
      this.lastPrior = ix.priorValue;
      const s = sparkline(ix.intraday, ix.priorValue, SPARK_W, SPARK_H);
      this.path.setAttribute('d', s.path);
      this.path.setAttribute('class', `spark-line ${directionClass(dir)}`);
      if (s.refY === null) this.ref.setAttribute('visibility', 'hidden');
      else {
        this.ref.removeAttribute('visibility');
        this.ref.setAttribute('y1', String(s.refY));
        this.ref.setAttribute('y2', String(s.refY));
      }
    } else this.path.setAttribute('class', `spark-line ${directionClass(dir)}`);
  }
}

class FuturesCard {
  private readonly symbol: HTMLElement;
  private readonly last: HTMLElement;
  private readonly change: HTMLElement;
  private readonly basis: HTMLElement;
  private readonly premium: HTMLElement;
  private readonly vol: HTMLElement;
  private readonly phase: HTMLElement;
  private d: Derivatives | null = null;

  constructor(readonly root: HTMLElement) {
    const q = (sel: string) => root.querySelector<HTMLElement>(sel)!;
    this.symbol = q('.fu-symbol');
    this.last = q('.fu-last');
    this.change = q('.fu-change');
    this.basis = q('.fu-basis');
    this.premium = q('.fu-premium');
    this.vol = q('.fu-vol');
    this.phase = q('.fu-phase');
  }

  /** The futures trade on their own (HNX) timetable: their phase is shown on the card. */
  setPhase(phase: Board['derivativesPhase'] | undefined, lang: Lang): void {
    setField(this.phase, phaseLabel(phase ?? 'PHASE_UNSPECIFIED', lang));
  }

  update(d: Derivatives | null, lang: Lang): void {
    this.d = d;
    if (!d) return;
    const dir = changeDirection(d.change);
    // The display name, and the feed's own code when it is another (a KRX-era code).
    setField(this.symbol, d.feedCode && d.feedCode !== d.symbol ? `${d.symbol} · ${d.feedCode}` : d.symbol);
    setField(this.last, formatIndex(d.last), dir);
    setField(this.change, `${arrow(dir)} ${formatIndexChange(d.change)} (${formatPct(d.changePct)})`, dir);
    const bdir = changeDirection(d.basis);
    setField(this.basis, formatIndexChange(d.basis), bdir);
    setField(this.premium, premiumLabel(d.premium, lang));
    setField(this.vol, formatVolume(d.totalVolume));
  }

  relabel(lang: Lang): void {
    this.update(this.d, lang);
  }
}

export class Header {
  private readonly vn30: IndexCard;
  private readonly vnindex: IndexCard;
  private readonly futures: FuturesCard;
  private readonly phase: HTMLElement;
  private readonly clock: HTMLElement;
  private board: Board | undefined;

  constructor(root: HTMLElement) {
    this.vn30 = new IndexCard(root.querySelector('#ix-VN30')!);
    this.vnindex = new IndexCard(root.querySelector('#ix-VNINDEX')!);
    this.futures = new FuturesCard(root.querySelector('#futures')!);
    this.phase = root.querySelector('#phase')!;
    this.clock = root.querySelector('#market-time')!;
  }

  render(board: Board, lang: Lang): void {
    const prev = this.board;
    this.board = board;
    if (!prev || prev.indices !== board.indices) {
      this.vn30.update(board.indices.find((i) => i.id === 'VN30'));
      this.vnindex.update(board.indices.find((i) => i.id === 'VNINDEX'));
    }
    if (!prev || prev.derivatives !== board.derivatives) this.futures.update(board.derivatives, lang);
    setField(this.phase, phaseLabel(board.phase, lang));
    this.futures.setPhase(board.derivativesPhase, lang);
    setField(this.clock, formatMarketTime(board.marketTimeMs));
  }

  relabel(lang: Lang): void {
    this.futures.relabel(lang);
    if (this.board) {
      setField(this.phase, phaseLabel(this.board.phase, lang));
      this.futures.setPhase(this.board.derivativesPhase, lang);
    }
  }
}
