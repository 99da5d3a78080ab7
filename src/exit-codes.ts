// The process exit codes (README "Exit codes"), sysexits-style where one fits.
export const EXIT = {
  /** A clean stop: everything flushed. */
  OK: 0,
  /** Start-up failed (no first frame, a store that cannot open, NATS unreachable…), or the graceful stop ran past SHUTDOWN_TIMEOUT_MS. */
  FAILED: 1,
  /** EX_UNAVAILABLE: the listen address is taken (another server on the port) or not this machine's. */
  LISTEN_FAILED: 69,
  /** EX_SOFTWARE: an exception escaped every handler; the graceful stop ran (sockets closed 1011), then the exit. */
  INTERNAL: 70,
  /** EX_IOERR: history rows could not be stored by the shutdown deadline (they are lost; the log says how many). */
  HISTORY_LOST: 74,
  /** EX_CONFIG: an invalid configuration value (the message names it). */
  CONFIG: 78,
} as const;
