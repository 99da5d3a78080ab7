// Connection admission limits: at most `perIp` sockets per remote address and `global`
// sockets in all (0 = unlimited). A slot is reserved when the upgrade starts (so upgrades
// still waiting for authentication count too) and released exactly once: when the upgrade
// is refused or aborted, or when the socket closes.

import type { CodeOf } from '../error-codes.js';

export type AcquireResult =
  | {
      ok: true;
      /** Gives the slot back. Idempotent: calling it again does nothing, so close + abort paths cannot double-release. */
      release: () => void;
    }
  // The HTTP status comes with the code, from the registry.
  | { ok: false; code: CodeOf<'BC_TOO_MANY_FOR_IP' | 'BC_SERVER_FULL'> };

export interface ConnectionLimits {
  /** Sockets per remote address; 0 = unlimited. */
  perIp: number;
  /** Sockets in all; 0 = unlimited. */
  global: number;
}

const TOO_MANY_FOR_IP = { ok: false, code: 'BC_TOO_MANY_FOR_IP' } as const;
const SERVER_FULL = { ok: false, code: 'BC_SERVER_FULL' } as const;

export class ConnectionLimiter {
  private readonly byIp = new Map<string, number>();
  private count = 0;

  constructor(readonly limits: ConnectionLimits) {
    for (const [k, v] of Object.entries(limits)) {
      if (!Number.isSafeInteger(v) || v < 0) throw new RangeError(`ConnectionLimiter: ${k} must be a non-negative integer, got ${v}`);
    }
  }

  /** Slots held in all (reserved + open). */
  get total(): number {
    return this.count;
  }

  /** Slots held by one address. */
  countFor(ip: string): number {
    return this.byIp.get(ip) ?? 0;
  }

  /** Number of distinct addresses holding a slot (entries are deleted at zero, so this never grows without bound). */
  get addresses(): number {
    return this.byIp.size;
  }

  tryAcquire(ip: string): AcquireResult {
    const { perIp, global } = this.limits;
    if (global > 0 && this.count >= global) return SERVER_FULL;
    const n = this.byIp.get(ip) ?? 0;
    if (perIp > 0 && n >= perIp) return TOO_MANY_FOR_IP;
    this.byIp.set(ip, n + 1);
    this.count++;
    let held = true;
    return {
      ok: true,
      release: () => {
        if (!held) return;
        held = false;
        this.release(ip);
      },
    };
  }

  /** Releases one slot of `ip`. Prefer the idempotent `release` returned by tryAcquire. */
  release(ip: string): void {
    const n = this.byIp.get(ip);
    if (n === undefined) return; // never below zero, whatever the caller does
    if (n <= 1) this.byIp.delete(ip);
    else this.byIp.set(ip, n - 1);
    this.count--;
  }
}
