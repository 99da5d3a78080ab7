// Tokens expire on open sockets: a socket admitted with a JWT that has an `exp` is closed
// with 1008 "token expired" when it runs out (plus the clock tolerance the upgrade
// allowed, so that a token accepted at the upgrade is never cut the same instant). One
// timer per such socket, cleared when the socket closes; sockets without an expiry cost
// nothing.

/** setTimeout's longest delay; a later expiry re-arms. */
const MAX_DELAY_MS = 2 ** 31 - 1;

export const TOKEN_EXPIRED = { code: 1008, reason: 'token expired' } as const;

export class TokenExpiry<S extends object> {
  private readonly timers = new Map<S, NodeJS.Timeout>();

  constructor(
    private readonly onExpired: (socket: S) => void,
    private readonly now: () => number = Date.now,
  ) {}

  /** Sockets with a pending expiry. */
  get size(): number {
    return this.timers.size;
  }

  /** Closes `socket` (through onExpired) at `expiresAt` (ms since the Unix epoch). */
  watch(socket: S, expiresAt: number): void {
    this.forget(socket);
    const arm = () => {
      const left = expiresAt - this.now();
      if (left <= 0) {
        this.timers.delete(socket);
        this.onExpired(socket);
        return;
      }
      const t = setTimeout(arm, Math.min(left, MAX_DELAY_MS));
      t.unref();
      this.timers.set(socket, t);
    };
    arm();
  }

  /** The socket closed: no timer outlives it. */
  forget(socket: S): void {
    const t = this.timers.get(socket);
    if (t === undefined) return;
    clearTimeout(t);
    this.timers.delete(socket);
  }
}
