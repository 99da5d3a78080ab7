// The simulated VN30 basket: the 30 constituents (the list itself is the exchange's, in
// src/market/rules/vn30.ts) with plausible reference prices (VND, on the HOSE tick grid),
// shares outstanding, free-float ratios and foreign-ownership limits,
// and the capitalisation-weighted, free-float adjusted, 10%-capped index over them.
// The figures are rounded public-order-of-magnitude values, not a data source.

import { VN30_WEIGHT_CAP } from '../rules/vn30.js';

export interface Constituent {
  symbol: string;
  /** Starting reference price, VND, on the tick grid. */
  reference: number;
  /** Shares outstanding, millions. */
  sharesM: number;
  /** Free-float ratio applied by the index (0..1). */
  freeFloat: number;
  /** Foreign ownership limit (0..1). */
  foreignLimit: number;
  /** A typical day's matched volume, shares. */
  dailyVolume: number;
}

// prettier-ignore
export const VN30_BASKET: readonly Constituent[] = [
  { symbol: 'ACB', reference: 24_500,  sharesM: 4_467, freeFloat: 0.80, foreignLimit: 0.30, dailyVolume: 10_000_000 },
  { symbol: 'BCM', reference: 68_000,  sharesM: 1_035, freeFloat: 0.05, foreignLimit: 0.49, dailyVolume: 900_000 },
  { symbol: 'BID', reference: 38_500,  sharesM: 6_822, freeFloat: 0.10, foreignLimit: 0.30, dailyVolume: 5_000_000 },
  { symbol: 'CTG', reference: 40_000,  sharesM: 5_370, freeFloat: 0.15, foreignLimit: 0.30, dailyVolume: 8_000_000 },
  { symbol: 'DGC', reference: 95_100,  sharesM: 380,   freeFloat: 0.60, foreignLimit: 0.49, dailyVolume: 2_000_000 },
  { symbol: 'FPT', reference: 112_300, sharesM: 1_471, freeFloat: 0.80, foreignLimit: 0.49, dailyVolume: 5_000_000 },
  { symbol: 'GAS', reference: 64_000,  sharesM: 2_342, freeFloat: 0.05, foreignLimit: 0.49, dailyVolume: 1_500_000 },
  { symbol: 'GVR', reference: 30_050,  sharesM: 4_000, freeFloat: 0.05, foreignLimit: 0.49, dailyVolume: 3_000_000 },
  { symbol: 'HDB', reference: 28_100,  sharesM: 3_500, freeFloat: 0.70, foreignLimit: 0.20, dailyVolume: 10_000_000 },
  { symbol: 'HPG', reference: 26_950,  sharesM: 6_396, freeFloat: 0.55, foreignLimit: 0.49, dailyVolume: 30_000_000 },
  { symbol: 'LPB', reference: 45_000,  sharesM: 2_987, freeFloat: 0.55, foreignLimit: 0.05, dailyVolume: 5_000_000 },
  { symbol: 'MBB', reference: 25_450,  sharesM: 6_100, freeFloat: 0.65, foreignLimit: 0.23, dailyVolume: 20_000_000 },
  { symbol: 'MSN', reference: 78_200,  sharesM: 1_438, freeFloat: 0.35, foreignLimit: 0.49, dailyVolume: 4_000_000 },
  { symbol: 'MWG', reference: 72_000,  sharesM: 1_478, freeFloat: 0.80, foreignLimit: 0.49, dailyVolume: 6_000_000 },
  { symbol: 'PLX', reference: 36_150,  sharesM: 1_271, freeFloat: 0.10, foreignLimit: 0.20, dailyVolume: 2_000_000 },
  { symbol: 'SAB', reference: 48_300,  sharesM: 1_283, freeFloat: 0.10, foreignLimit: 1.00, dailyVolume: 800_000 },
  { symbol: 'SHB', reference: 12_500,  sharesM: 4_000, freeFloat: 0.75, foreignLimit: 0.30, dailyVolume: 40_000_000 },
  { symbol: 'SSB', reference: 19_050,  sharesM: 2_800, freeFloat: 0.35, foreignLimit: 0.30, dailyVolume: 5_000_000 },
  { symbol: 'SSI', reference: 32_400,  sharesM: 1_960, freeFloat: 0.75, foreignLimit: 1.00, dailyVolume: 20_000_000 },
  { symbol: 'STB', reference: 48_000,  sharesM: 1_885, freeFloat: 0.95, foreignLimit: 0.30, dailyVolume: 15_000_000 },
  { symbol: 'TCB', reference: 34_200,  sharesM: 7_065, freeFloat: 0.65, foreignLimit: 0.225, dailyVolume: 12_000_000 },
  { symbol: 'TPB', reference: 16_100,  sharesM: 2_640, freeFloat: 0.55, foreignLimit: 0.30, dailyVolume: 10_000_000 },
  { symbol: 'VCB', reference: 62_000,  sharesM: 8_356, freeFloat: 0.10, foreignLimit: 0.30, dailyVolume: 3_000_000 },
  { symbol: 'VHM', reference: 95_000,  sharesM: 4_107, freeFloat: 0.30, foreignLimit: 0.49, dailyVolume: 8_000_000 },
  { symbol: 'VIB', reference: 19_500,  sharesM: 2_980, freeFloat: 0.50, foreignLimit: 0.205, dailyVolume: 8_000_000 },
  { symbol: 'VIC', reference: 150_000, sharesM: 3_824, freeFloat: 0.40, foreignLimit: 0.49, dailyVolume: 6_000_000 },
  { symbol: 'VJC', reference: 140_500, sharesM: 541,   freeFloat: 0.45, foreignLimit: 0.34, dailyVolume: 1_000_000 },
  { symbol: 'VNM', reference: 60_000,  sharesM: 2_090, freeFloat: 0.35, foreignLimit: 1.00, dailyVolume: 4_000_000 },
  { symbol: 'VPB', reference: 28_000,  sharesM: 7_934, freeFloat: 0.70, foreignLimit: 0.25, dailyVolume: 20_000_000 },
  { symbol: 'VRE', reference: 30_000,  sharesM: 2_272, freeFloat: 0.40, foreignLimit: 0.49, dailyVolume: 8_000_000 },
];

/** The VN30 level the sim's divisor is set for, at the basket's starting reference prices. */
export const VN30_BASE_VALUE = 1_750;

/**
 * A capitalisation-weighted index with free float and a weight cap: value = Σ pᵢ·sharesᵢ·ffᵢ·capᵢ / divisor.
 * The capping factors and the divisor are fixed at construction (as at an index review),
 * so the index moves with its constituents' prices.
 */
export class CapWeightedIndex {
  readonly symbols: readonly string[];
  /** Per constituent: shares × free float × capping factor. */
  readonly weights: ReadonlyMap<string, number>;
  readonly divisor: number;

  constructor(basket: readonly Constituent[], baseValue = VN30_BASE_VALUE, cap = VN30_WEIGHT_CAP) {
    this.symbols = basket.map((c) => c.symbol);
    const raw = basket.map((c) => c.sharesM * 1e6 * c.freeFloat);
    const caps = cappingFactors(basket.map((c, i) => c.reference * raw[i]!), cap);
    const weights = new Map<string, number>();
    basket.forEach((c, i) => weights.set(c.symbol, raw[i]! * caps[i]!));
    this.weights = weights;
    let cap0 = 0;
    for (const c of basket) cap0 += c.reference * weights.get(c.symbol)!;
    this.divisor = cap0 / baseValue;
  }

  /** The index value (unrounded) at these prices; a symbol without a price counts as 0. */
  value(price: (symbol: string) => number): number {
    let sum = 0;
    for (const [sym, w] of this.weights) sum += price(sym) * w;
    return sum / this.divisor;
  }
}

/** Capping factors so that no weight exceeds cap (iterative, as index providers do it). */
export function cappingFactors(caps: readonly number[], cap: number): number[] {
  const n = caps.length;
  const factors = new Array<number>(n).fill(1);
  if (cap * n <= 1) return factors;
  const capped = new Array<boolean>(n).fill(false);
  for (let round = 0; round < n; round++) {
    let freeTotal = 0;
    let cappedCount = 0;
    for (let i = 0; i < n; i++) capped[i] ? cappedCount++ : (freeTotal += caps[i]!);
    const freeShare = 1 - cappedCount * cap;
    let changed = false;
    for (let i = 0; i < n; i++) {
      if (!capped[i] && (caps[i]! / freeTotal) * freeShare > cap + 1e-12) {
        capped[i] = true;
        changed = true;
      }
    }
    if (!changed) {
      // Scale capped names to exactly `cap` of the total, others keep factor 1.
      const total = freeTotal / freeShare;
      for (let i = 0; i < n; i++) factors[i] = capped[i] ? (cap * total) / caps[i]! : 1;
      return factors;
    }
  }
  return factors;
}
