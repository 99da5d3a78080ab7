// HOSE price rules: tick size by price level, the ±7% daily band, board lots.

export const BOARD_LOT = 100;
export const BAND_PCT = 0.07;

/** Tick size in VND for a HOSE stock price: 10 below 10,000; 50 up to 49,950; 100 from 50,000. */
export function tickSize(price: number): number {
  if (price < 10_000) return 10;
  if (price < 50_000) return 50;
  return 100;
}

/** Largest valid price on the tick grid that is <= price. */
export function roundDownToTick(price: number): number {
  const t = tickSize(price);
  const down = Math.floor(price / t) * t;
  // Crossing a tick boundary downwards (e.g. 50,020 → 50,000) is already on both grids.
  return down;
}

/** Smallest valid price on the tick grid that is >= price. */
export function roundUpToTick(price: number): number {
  const t = tickSize(price);
  return Math.ceil(price / t) * t;
}

/** Nearest valid price on the tick grid. */
export function roundToTick(price: number): number {
  const t = tickSize(price);
  return Math.round(price / t) * t;
}

export interface PriceBand {
  ceiling: number;
  floor: number;
}

/**
 * The ±7% band around a reference price: ceiling rounded down, floor rounded up to the
 * tick. At the lowest prices the rounding can take a side back to the reference itself
 * (reference 100: 107 → 100, 93 → 100), leaving no room to trade; HOSE then widens that
 * side to one tick from the reference (100 → ceiling 110, floor 90). The floor never goes
 * below one tick (the lowest valid price).
 */
export function priceBand(reference: number): PriceBand {
  // Work in integers (VND) so 0.07 * ref does not drift below an exact tick.
  let ceiling = roundDownToTick(Math.floor((reference * 107) / 100));
  let floor = roundUpToTick(Math.ceil((reference * 93) / 100));
  if (ceiling <= reference) ceiling = reference + tickSize(reference);
  if (floor >= reference) floor = Math.max(tickSize(1), reference - tickSize(reference - 1));
  return { ceiling, floor };
}

/** True when price is a positive multiple of its tick and within [floor, ceiling]. */
export function isValidPrice(price: number, band: PriceBand): boolean {
  return Number.isInteger(price) && price > 0 && price % tickSize(price) === 0 && price >= band.floor && price <= band.ceiling;
}

/** Move `steps` ticks from price (negative steps go down), re-evaluating the tick at each step. */
export function stepTicks(price: number, steps: number): number {
  let p = price;
  const dir = Math.sign(steps);
  for (let i = 0; i < Math.abs(steps); i++) p = dir > 0 ? p + tickSize(p) : p - tickSize(p - 1);
  return p;
}
