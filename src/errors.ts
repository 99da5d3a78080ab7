// Every error boardcast raises carries a stable code from the registry (src/error-codes.ts),
// with its HTTP status where it reaches an HTTP client, so logs, tests and clients match on
// codes, not messages. An error raised because of another one carries it as `cause`.
import { statusOf, type CodeOf, type ErrorCode } from './error-codes.js';

export class BoardcastError extends Error {
  readonly code: ErrorCode;
  readonly statusCode: number;
  readonly context: Record<string, unknown>;
  constructor(code: ErrorCode, message: string, context: Record<string, unknown> = {}, options?: ErrorOptions) {
    super(message, options);
    this.name = new.target.name;
    this.code = code;
    this.statusCode = statusOf(code);
    this.context = context;
  }
}

/** `err` as a BoardcastError: itself when it is one, else wrapped under `code` with `err` as its cause. */
export function asBoardcastError(err: unknown, code: ErrorCode): BoardcastError {
  if (err instanceof BoardcastError) return err;
  return new BoardcastError(code, err instanceof Error ? err.message : String(err), {}, { cause: err });
}

/** A configuration variable is missing or invalid. */
export class ConfigError extends BoardcastError {
  constructor(variable: string, value: string | undefined, expected: string) {
    super('BC_CONFIG_INVALID', `invalid ${variable}=${JSON.stringify(value ?? '')}: expected ${expected}`, { variable, value, expected });
  }
}

/** uWebSockets.js fell back to its slow pure-JS server. */
export class UwsFallbackError extends BoardcastError {
  constructor(cause: string) {
    super('BC_UWS_NATIVE_MISSING', `uWebSockets.js native binary did not load (${cause}); refusing to run on the slow pure-JS fallback (set ALLOW_UWS_FALLBACK=1 to allow it)`, { cause });
  }
}

/** A feed message that the normalizer rejected. */
export class FeedMessageError extends BoardcastError {
  constructor(reason: string, context: Record<string, unknown> = {}, options?: ErrorOptions) {
    super('BC_FEED_MESSAGE_INVALID', `feed message rejected: ${reason}`, context, options);
  }
}

/** The codes a client message can be refused with (an `error` control frame; the socket stays open). */
export type ClientMessageCode = CodeOf<
  'BC_CLIENT_MSG_MALFORMED' | 'BC_CLIENT_MSG_VERSION' | 'BC_CLIENT_MSG_UNKNOWN' | 'BC_CLIENT_MSG_FAILED' | 'BC_UNKNOWN_CHANNEL' | 'BC_CHANNEL_FORBIDDEN' | 'BC_UNKNOWN_SYMBOL' | 'BC_UNKNOWN_BOARD' | 'BC_TOO_MANY_SYMBOLS' | 'BC_TOO_MANY_VIEWS'
>;

/** A client WebSocket message that the server rejected. */
export class ClientMessageError extends BoardcastError {
  constructor(code: ClientMessageCode, message: string, options?: ErrorOptions) {
    super(code, message, {}, options);
  }
}

/** The market worker exited before its first frame, or produced none in time. */
export class WorkerStartError extends BoardcastError {
  constructor(message: string, context: Record<string, unknown> = {}) {
    super('BC_WORKER_START_FAILED', message, context);
  }
}

/** The listen address could not be bound (another process has the port, or the address is not this machine's). */
export class ListenError extends BoardcastError {
  constructor(what: string, host: string, port: number) {
    super('BC_LISTEN_FAILED', `cannot listen on ${host}:${port} (${what}): the port is in use by another process, or the address is not one of this machine's. boardcast listens exclusively: one server per port`, { host, port, what });
  }
}

/** A bad command line (loadgen, record): the CLI prints it with its usage text. `flag` names the bad option where one is to blame. */
export class UsageError extends BoardcastError {
  constructor(message: string, readonly flag?: string, options?: ErrorOptions) {
    super('BC_USAGE', message, flag ? { flag } : {}, options);
  }
}
