// Asynchronous WebSocket upgrade for uWS. uWS hands the upgrade handler a stack-allocated
// HttpRequest that is dead once the handler returns, and an HttpResponse that is dead once
// the client goes away (onAborted). So: copy everything needed from `req` first, register
// onAborted, run the (async) admission decision, then — only if the client is still there —
// upgrade or write the HTTP refusal, corked. A decision that admitted a client who has
// meanwhile gone away is handed back through `onAbandoned` so reservations are released.
import type { HttpRequest, HttpResponse, us_socket_context_t } from 'uWebSockets.js';
import { authChallenge, type AuthResult, type Authenticator } from './auth.js';
import type { ConnectionLimiter } from './conn-limits.js';
import type { ErrorCode } from '../error-codes.js';
import { httpError, writeAnswer, type ErrorAnswer } from './http-answer.js';

/** What the decision may know about the request: copied out of `req` before any await. */
export interface UpgradeInfo {
  /** Path, e.g. "/ws". */
  url: string;
  /** The raw query string (without "?"), e.g. "format=json&token=…". Contains secrets: never log it. */
  rawQuery: string;
  query: URLSearchParams;
  /** Remote address as text (uWS form: IPv4 dotted, IPv6 as 8 hex groups). */
  ip: string;
  /** The raw Authorization header, '' when absent. Never log it. */
  authorization: string;
  secWebSocketKey: string;
  secWebSocketProtocol: string;
  secWebSocketExtensions: string;
  /** Aborted when the client goes away before the decision is made. */
  signal: AbortSignal;
}

export type UpgradeDecision<UserData> =
  | {
      ok: true;
      userData: UserData;
      /** Called instead of upgrading when the client went away while the decision was pending (release reservations here). */
      onAbandoned?: () => void;
    }
  | {
      ok: false;
      /** The refusal, from httpError: status from the registry, the one error body. */
      answer: ErrorAnswer;
    };

export interface UpgradeAsyncOptions {
  /** `decide` threw or rejected (the client gets a 500), or `res.upgrade` threw. Log it here. */
  onError?: (err: unknown) => void;
}

export type Refusal = Extract<UpgradeDecision<never>, { ok: false }>;

/** A refusal decision: `code`'s registry status and the error body. */
export function refusal(code: ErrorCode, message: string, headers?: Record<string, string>): Refusal {
  return { ok: false, answer: httpError(code, message, headers ? { headers } : {}) };
}

export type Admission =
  | {
      ok: true;
      auth: Extract<AuthResult, { ok: true }>;
      /** Gives the connection slot back; idempotent. Call on close, on abandon, or when refusing later. */
      release: () => void;
    }
  | Refusal;

/**
 * The admission rules for /ws: reserve a connection slot first (cheap, and pending upgrades
 * count, so a flood of slow handshakes cannot overshoot the limits), then authenticate;
 * a failed authentication gives the slot back.
 */
export async function admitClient(info: UpgradeInfo, deps: { authenticator: Authenticator; limiter: ConnectionLimiter }): Promise<Admission> {
  const slot = deps.limiter.tryAcquire(info.ip);
  if (!slot.ok) {
    return refusal(slot.code, slot.code === 'BC_SERVER_FULL' ? 'the server has no free connection slots' : 'too many connections from this address');
  }
  let auth: AuthResult;
  try {
    auth = await deps.authenticator.authenticate({ authorization: info.authorization, queryToken: info.query.get('token') });
  } catch (err) {
    slot.release();
    throw err;
  }
  if (!auth.ok) {
    slot.release();
    return refusal(auth.code, auth.message, { 'WWW-Authenticate': authChallenge(auth.code) });
  }
  return { ok: true, auth, release: slot.release };
}

const INTERNAL = httpError('BC_INTERNAL', 'upgrade failed');

/** Copies the request data an upgrade decision needs. Must run inside the uWS handler, before any await. */
export function readUpgradeInfo(res: HttpResponse, req: HttpRequest, signal: AbortSignal): UpgradeInfo {
  const rawQuery = req.getQuery() ?? '';
  return {
    url: req.getUrl(),
    rawQuery,
    query: new URLSearchParams(rawQuery),
    ip: Buffer.from(res.getRemoteAddressAsText()).toString(),
    authorization: req.getHeader('authorization'),
    secWebSocketKey: req.getHeader('sec-websocket-key'),
    secWebSocketProtocol: req.getHeader('sec-websocket-protocol'),
    secWebSocketExtensions: req.getHeader('sec-websocket-extensions'),
    signal,
  };
}

/** Writes a refusal (the one HTTP writer) and closes the connection: the client asked for a WebSocket, not a keep-alive HTTP session. */
export function refuseUpgrade(res: HttpResponse, answer: ErrorAnswer = INTERNAL): void {
  writeAnswer(res, { ...answer, close: true });
}

/**
 * Use as (or inside) the `upgrade` handler of `app.ws(...)`. Returns synchronously; the
 * response is completed when `decide` settles.
 */
export function upgradeAsync<UserData>(
  res: HttpResponse,
  req: HttpRequest,
  context: us_socket_context_t,
  decide: (info: UpgradeInfo) => Promise<UpgradeDecision<UserData>>,
  opts: UpgradeAsyncOptions = {},
): void {
  const controller = new AbortController();
  const info = readUpgradeInfo(res, req, controller.signal);
  let aborted = false;
  res.onAborted(() => {
    aborted = true;
    controller.abort();
  });

  let pending: Promise<UpgradeDecision<UserData>>;
  try {
    pending = decide(info);
  } catch (err) {
    pending = Promise.reject(err);
  }

  pending.then(
    (decision) => {
      if (aborted) {
        if (decision.ok) decision.onAbandoned?.();
        return;
      }
      if (!decision.ok) return refuseUpgrade(res, decision.answer);
      try {
        res.cork(() => {
          res.upgrade<UserData>(decision.userData, info.secWebSocketKey, info.secWebSocketProtocol, info.secWebSocketExtensions, context);
        });
      } catch (err) {
        opts.onError?.(err);
      }
    },
    (err: unknown) => {
      opts.onError?.(err);
      if (!aborted) refuseUpgrade(res, INTERNAL);
    },
  );
}
