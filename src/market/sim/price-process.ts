// The simulator's price processes, pure cores over plain state and a seeded Rng:
// - the market factor M, shared by every stock, a Brownian motion with a daily drift;
// - a stock's fair price ref · exp(x + β·M): x an idiosyncratic random walk with a daily
//   drift (now and then a "hot" name runs to its ceiling or floor), held near the band.
// Both move only in "active" time (ATO through ATC, not the lunch break): `a` is active
// ms since the day's start (clock.ts activeMsAt). Draws happen in a fixed order, so a
// seed gives the same prices whoever calls.
import { ACTIVE_MS_PER_DAY } from './clock.js';
import type { Rng } from './rng.js';

export interface MarketFactor {
  M: number;
  mu: number;
  sigma: number;
  lastA: number;
}

export const newMarketFactor = (): MarketFactor => ({ M: 0, mu: 0, sigma: 0, lastA: 0 });

/** A new day's market factor: a small overnight gap, a drift for the day. */
export function startFactorDay(f: MarketFactor, rng: Rng): void {
  f.M = 0.005 * rng.normal();
  f.mu = (0.006 * rng.normal()) / ACTIVE_MS_PER_DAY;
  f.sigma = 0.009 / Math.sqrt(ACTIVE_MS_PER_DAY);
  f.lastA = 0;
}

/** Bring the factor to active time `a`. */
export function evolveFactor(f: MarketFactor, a: number, rng: Rng): void {
  const dt = a - f.lastA;
  if (dt > 0) {
    f.M += f.mu * dt + f.sigma * Math.sqrt(dt) * rng.normal();
    f.lastA = a;
  }
}

export interface PriceWalk {
  ref: number;
  ceiling: number;
  floor: number;
  /** Idiosyncratic log offset, its drift per active ms, its vol per √active ms, market beta. */
  x: number;
  mu: number;
  sigma: number;
  beta: number;
  lastA: number;
}

/**
 * A new day's walk parameters: an overnight gap, a drift (a hot name's runs ±8–11%, enough
 * to reach a ±7% band), a daily volatility of 1–2% (`volScale` widens it for the boards with
 * wider bands and thinner books), a beta to the market.
 */
export function startWalkDay(w: PriceWalk, rng: Rng, hot: boolean, volScale = 1): void {
  w.x = 0.007 * rng.normal();
  const dayDrift = hot ? (rng.chance(0.5) ? 1 : -1) * rng.uniform(0.08, 0.11) : 0.012 * rng.normal();
  w.mu = dayDrift / ACTIVE_MS_PER_DAY;
  w.sigma = (volScale * rng.uniform(0.01, 0.02)) / Math.sqrt(ACTIVE_MS_PER_DAY);
  w.beta = rng.uniform(0.7, 1.3);
  w.lastA = 0;
}

/** Bring a stock's fair price to active time `a` under market factor `M` and return it, held near the band. */
export function evolveFair(w: PriceWalk, a: number, M: number, rng: Rng): number {
  const dt = a - w.lastA;
  if (dt > 0) {
    w.x += w.mu * dt + w.sigma * Math.sqrt(dt) * rng.normal();
    w.lastA = a;
  }
  let fair = w.ref * Math.exp(w.x + w.beta * M);
  // Pin just beyond the band: a name that runs to its ceiling stays there (and can come back).
  const hi = w.ceiling * 1.004;
  const lo = w.floor * 0.996;
  if (fair > hi || fair < lo) {
    fair = fair > hi ? hi : lo;
    w.x = Math.log(fair / w.ref) - w.beta * M;
  }
  return fair;
}

/** The futures basis to VN30 (points), an Ornstein–Uhlenbeck process in active time. */
export interface Basis {
  value: number;
  lastA: number;
}

/** Bring the basis to active time `a`: half-life ~20 active minutes, stationary sd ~4 points, mean 0. */
export function evolveBasis(b: Basis, a: number, rng: Rng): number {
  const dt = a - b.lastA;
  if (dt > 0) {
    const theta = Math.LN2 / (20 * 60_000);
    const decay = Math.exp(-theta * dt);
    b.value = b.value * decay + 4 * Math.sqrt(1 - decay * decay) * rng.normal();
    b.lastA = a;
  }
  return b.value;
}
