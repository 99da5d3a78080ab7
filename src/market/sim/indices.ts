// The simulator's index arithmetic, pure: an index's breadth over its constituents'
// quotes, and VNINDEX as the VN30 universe models it — VN30's move times a beta plus its
// own mean-reverting noise, with breadth extrapolated to the whole of HOSE. (With
// UNIVERSE=hose|all the board indices are computed from their constituents instead, see
// broad-market.ts; VNINDEX keeps this model so the VN30 figures stay what they were.)
import type { IndexFigures, QuoteState } from './messages.js';
import { round2 } from './messages.js';
import type { Rng } from './rng.js';

export interface Breadth {
  advances: number;
  declines: number;
  unchanged: number;
  ceilings: number;
  floors: number;
  volume: number;
  valueTraded: number;
}

/** Advances / declines against the reference, ceiling / floor hits, and the day's volume and value. */
export function breadthOf(stocks: Iterable<QuoteState>): Breadth {
  let advances = 0;
  let declines = 0;
  let n = 0;
  let ceilings = 0;
  let floors = 0;
  let volume = 0;
  let valueTraded = 0;
  for (const s of stocks) {
    n++;
    const p = s.last || s.ref;
    if (p > s.ref) advances++;
    else if (p < s.ref) declines++;
    if (s.last && p === s.ceiling) ceilings++;
    if (s.last && p === s.floor) floors++;
    volume += s.totalVol;
    valueTraded += s.totalVal;
  }
  return { advances, declines, unchanged: n - advances - declines, ceilings, floors, volume, valueTraded };
}

/** VNINDEX ≈ this × VN30 at the first day's start; it then moves with VN30 (beta) plus noise. */
const VNINDEX_RATIO = 0.89;
const VNINDEX_BETA = 0.85;
const VNINDEX_LISTED = 395;

/** VNINDEX following VN30: its state across the day. */
export class DerivedVnIndex {
  prior = 0;
  last = 0;
  private noise = 0;
  private lastA = 0;
  private volFactor = 2.3;
  private valFactor = 1.9;

  /** A new day: the prior is yesterday's last (or, on the first day, a level near VN30's). */
  startDay(first: boolean, vn30Prior: number, rng: Rng): void {
    this.prior = first ? round2(vn30Prior * VNINDEX_RATIO * Math.exp(0.02 * rng.normal())) : this.last;
    this.last = this.prior;
    this.noise = 0;
    this.lastA = 0;
    this.volFactor = rng.uniform(2.0, 2.6);
    this.valFactor = rng.uniform(1.7, 2.1);
  }

  /** The figures at active time `a` given VN30's value, prior and breadth over the basket. */
  figures(a: number, vn30: number, vn30Prior: number, basket: Breadth, rng: Rng): IndexFigures {
    const dt = a - this.lastA;
    if (dt > 0) {
      const theta = Math.LN2 / (30 * 60_000);
      const decay = Math.exp(-theta * dt);
      this.noise = this.noise * decay + 0.0015 * Math.sqrt(1 - decay * decay) * rng.normal();
      this.lastA = a;
    }
    const ret = VNINDEX_BETA * Math.log(vn30 / vn30Prior) + this.noise;
    this.last = round2(this.prior * Math.exp(ret));
    const { ceilings: ceil, floors: floor, volume: vol } = basket;
    const n = basket.advances + basket.declines + basket.unchanged;
    let advances = 0;
    let declines = 0;
    let unchanged = VNINDEX_LISTED;
    let ceilings = ceil;
    let floors = floor;
    if (vol > 0) {
      const r = 1 / (1 + Math.exp(-(60 * ret + (basket.advances - basket.declines) / n)));
      unchanged = Math.round(VNINDEX_LISTED * 0.18);
      advances = Math.round((VNINDEX_LISTED - unchanged) * r);
      declines = VNINDEX_LISTED - unchanged - advances;
      ceilings = Math.min(advances, ceil + Math.round(Math.max(0, r - 0.55) * 25));
      floors = Math.min(declines, floor + Math.round(Math.max(0, 0.45 - r) * 25));
    }
    return { value: this.last, prior: this.prior, volume: Math.round(vol * this.volFactor), valueTraded: Math.round(basket.valueTraded * this.valFactor), advances, declines, unchanged, ceilings, floors };
  }
}
