// Retry delays, the same everywhere: exponential growth with a cap, and jitter so that many
// parties failing at once (clients after a restart, writers after a database blip) do not all
// retry in the same instant. The jitter only shortens a delay, never lengthens it, so `maxMs`
// is a true upper bound.

export interface Backoff {
  /** The first delay, ms. */
  initialMs: number;
  /** The cap, ms. */
  maxMs: number;
  /** Growth per attempt (>= 1). */
  factor: number;
  /** 0..1: the delay is scaled by a random factor in [1 - jitter, 1]. 0 = no jitter. */
  jitter: number;
}

/** Overrides (undefined values ignored) on top of defaults, checked. */
export function resolveBackoff(defaults: Backoff, overrides: Partial<Backoff> = {}): Backoff {
  const b = { ...defaults, ...Object.fromEntries(Object.entries(overrides).filter(([, v]) => v !== undefined)) } as Backoff;
  if (!(b.initialMs >= 0) || !(b.maxMs >= b.initialMs) || !(b.factor >= 1) || !(b.jitter >= 0 && b.jitter <= 1)) {
    throw new RangeError(`invalid backoff ${JSON.stringify(b)}: need 0 <= initialMs <= maxMs, factor >= 1, 0 <= jitter <= 1`);
  }
  return b;
}

/** The delay before retry `attempt` (1 = the first retry), ms, rounded. */
export function backoffDelay(b: Backoff, attempt: number, random: () => number = Math.random): number {
  // The exponent is clamped so that a long outage cannot overflow to Infinity * 0 = NaN.
  const base = Math.min(b.maxMs, b.initialMs * Math.pow(b.factor, Math.min(Math.max(0, attempt - 1), 64)));
  return Math.round(base * (1 - b.jitter * random()));
}
