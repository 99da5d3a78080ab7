// Stock price rules per board: tick size by price level, the daily band, board lots.
// Every function takes the board and defaults to HOSE (the VN30 basket's board).
import { BAND_PERCENT, BOARD_LOTS, type Exchange } from './exchange.js';

/** HOSE's board lot (the same on every board, see BOARD_LOTS). */
export const BOARD_LOT = BOARD_LOTS.HOSE;
export const BAND_PCT = BAND_PERCENT.HOSE / 100;

/**
 * Tick size in VND. HOSE: 10 below 10,000; 50 up to 49,950; 100 from 50,000.
 * HNX and UPCoM: 100 at every price level (stocks).
 */
export function tickSize(price: number, exchange: Exchange = 'HOSE'): number {
  if (exchange !== 'HOSE') return 100;
  if (price < 10_000) return 10;
  if (price < 50_000) return 50;
  return 100;
}

/** Largest valid price on the tick grid that is <= price. */
export function roundDownToTick(price: number, exchange: Exchange = 'HOSE'): number {
  const t = tickSize(price, exchange);
  const down = Math.floor(price / t) * t;
  // Crossing a tick boundary downwards (e.g. 50,020 → 50,000) is already on both grids.
  return down;
}

/** Smallest valid price on the tick grid that is >= price. */
export function roundUpToTick(price: number, exchange: Exchange = 'HOSE'): number {
  const t = tickSize(price, exchange);
  return Math.ceil(price / t) * t;
}

/** Nearest valid price on the tick grid. */
export function roundToTick(price: number, exchange: Exchange = 'HOSE'): number {
  const t = tickSize(price, exchange);
  return Math.round(price / t) * t;
}

export interface PriceBand {
  ceiling: number;
  floor: number;
}

/**
 * The daily band around a reference price (±7% HOSE, ±10% HNX, ±15% UPCoM): both limits
 * rounded toward the reference onto the tick grid — ceiling down, floor up — so they stay
 * inside the band. At the lowest prices the rounding can take a side back to the reference
 * itself (HOSE reference 100: 107 → 100, 93 → 100; HNX reference 500: 550 → 500), leaving
 * no room to trade; the exchanges then widen that side to one tick from the reference
 * (HOSE 100 → ceiling 110, floor 90). The floor never goes below one tick.
 */
export function priceBand(reference: number, exchange: Exchange = 'HOSE'): PriceBand {
  const pct = BAND_PERCENT[exchange];
  // Work in integers (VND) so pct · ref does not drift below an exact tick.
  let ceiling = roundDownToTick(Math.floor((reference * (100 + pct)) / 100), exchange);
  let floor = roundUpToTick(Math.ceil((reference * (100 - pct)) / 100), exchange);
  if (ceiling <= reference) ceiling = reference + tickSize(reference, exchange);
  if (floor >= reference) floor = Math.max(tickSize(1, exchange), reference - tickSize(reference - 1, exchange));
  return { ceiling, floor };
}

/** True when price is a positive multiple of its tick and within [floor, ceiling]. */
export function isValidPrice(price: number, band: PriceBand, exchange: Exchange = 'HOSE'): boolean {
  return Number.isInteger(price) && price > 0 && price % tickSize(price, exchange) === 0 && price >= band.floor && price <= band.ceiling;
}

/** Move `steps` ticks from price (negative steps go down), re-evaluating the tick at each step. */
export function stepTicks(price: number, steps: number, exchange: Exchange = 'HOSE'): number {
  let p = price;
  const dir = Math.sign(steps);
  for (let i = 0; i < Math.abs(steps); i++) p = dir > 0 ? p + tickSize(p, exchange) : p - tickSize(p - 1, exchange);
  return p;
}
