// Every error boardcast raises, declared once with a stable code (and, where it reaches an
// HTTP client, a status), so logs, tests and clients match on codes, not messages.

export class BoardcastError extends Error {
  readonly code: string;
  readonly statusCode: number;
  readonly context: Record<string, unknown>;
  constructor(code: string, message: string, statusCode = 500, context: Record<string, unknown> = {}) {
    super(message);
    this.name = new.target.name;
    this.code = code;
    this.statusCode = statusCode;
    this.context = context;
  }
}

/** A configuration variable is missing or invalid. */
export class ConfigError extends BoardcastError {
  constructor(variable: string, value: string | undefined, expected: string) {
    super('BC_CONFIG_INVALID', `invalid ${variable}=${JSON.stringify(value ?? '')}: expected ${expected}`, 500, { variable, value, expected });
  }
}

/** uWebSockets.js fell back to its slow pure-JS server. */
export class UwsFallbackError extends BoardcastError {
  constructor(cause: string) {
    super('BC_UWS_NATIVE_MISSING', `uWebSockets.js native binary did not load (${cause}); refusing to run on the slow pure-JS fallback (set ALLOW_UWS_FALLBACK=1 to allow it)`, 500, { cause });
  }
}

/** A feed message that the normalizer rejected. */
export class FeedMessageError extends BoardcastError {
  constructor(reason: string, context: Record<string, unknown> = {}) {
    super('BC_FEED_MESSAGE_INVALID', `feed message rejected: ${reason}`, 400, context);
  }
}

/** A client WebSocket message that the server rejected. */
export class ClientMessageError extends BoardcastError {
  constructor(code: string, message: string) {
    super(code, message, 400);
  }
}

/** The market worker died or failed to start. */
export class WorkerCrashError extends BoardcastError {
  constructor(message: string, context: Record<string, unknown> = {}) {
    super('BC_WORKER_CRASHED', message, 500, context);
  }
}

/** The listen address could not be bound (another process has the port, or the address is not this machine's). */
export class ListenError extends BoardcastError {
  constructor(what: string, host: string, port: number) {
    super('BC_LISTEN_FAILED', `cannot listen on ${host}:${port} (${what}): the port is in use by another process, or the address is not one of this machine's. boardcast listens exclusively: one server per port`, 500, { host, port, what });
  }
}
