// Reconnect delays: exponential growth with a cap, and jitter so that thousands of clients
// dropped at once (a server restart) do not all come back in the same instant.
import type { BackoffOptions } from './types.js';

export const BACKOFF_DEFAULTS: Required<BackoffOptions> = { initialMs: 250, maxMs: 10_000, factor: 2, jitter: 0.5 };

export function resolveBackoff(o: BackoffOptions = {}): Required<BackoffOptions> {
  const b = { ...BACKOFF_DEFAULTS, ...Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) } as Required<BackoffOptions>;
  if (!(b.initialMs >= 0) || !(b.maxMs >= b.initialMs) || !(b.factor >= 1) || !(b.jitter >= 0 && b.jitter <= 1)) {
    throw new RangeError(`invalid backoff ${JSON.stringify(b)}: need 0 <= initialMs <= maxMs, factor >= 1, 0 <= jitter <= 1`);
  }
  return b;
}

/** The delay before reconnect attempt `attempt` (1 = the first reconnect), ms. */
export function backoffDelay(b: Required<BackoffOptions>, attempt: number, random: () => number = Math.random): number {
  const base = Math.min(b.maxMs, b.initialMs * Math.pow(b.factor, Math.max(0, attempt - 1)));
  return Math.round(base * (1 - b.jitter * random()));
}
