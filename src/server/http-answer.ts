// One HTTP answer type and the two functions every HTTP door goes through: `httpError`
// builds each error answer from the registry (src/error-codes.ts: the status comes from
// the code, so a route cannot answer a code with another status), and `writeAnswer` puts
// any answer on the wire — routes (src/server/http-router.ts) and WebSocket upgrade
// refusals (src/server/upgrade.ts) alike. Every error body has one shape:
// `{"error": code, "message": text}` plus `param` where a parameter is at fault.
// An error's `cause` rides on the answer for the log line and never reaches the client.
import type { HttpResponse } from 'uWebSockets.js';
import { statusOf, type ErrorCode } from '../error-codes.js';

export interface HttpAnswer {
  /** Full status line, e.g. '200 OK'. */
  status: string;
  /** Absent: no body (204, 304). */
  body?: string | Uint8Array;
  /** Default application/json. */
  contentType?: string;
  /** Default Cache-Control is no-store unless set here. */
  headers?: Record<string, string>;
  /** Close the connection after this answer (a request the server will not read more of). */
  close?: boolean;
}

/** An error answer: the code (for metrics and logs) and what caused it (logged, never sent). */
export interface ErrorAnswer extends HttpAnswer {
  code: ErrorCode;
  cause?: unknown;
}

/** The body every HTTP error carries. */
export interface ErrorBody {
  error: ErrorCode;
  message: string;
  /** The query parameter (or path part) at fault, on 400 `BC_BAD_PARAM`. */
  param?: string;
}

const REASONS: Record<number, string> = {
  200: 'OK',
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  426: 'Upgrade Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  501: 'Not Implemented',
  503: 'Service Unavailable',
};

/** '503 Service Unavailable' for 503 (uWS writes the status line as given). */
export function statusLine(status: number): string {
  const reason = REASONS[status];
  if (!reason) throw new RangeError(`statusLine: no reason phrase for ${status}`);
  return `${status} ${reason}`;
}

export const json = (status: string, value: unknown, headers?: Record<string, string>): HttpAnswer => ({ status, body: JSON.stringify(value), ...(headers ? { headers } : {}) });

export interface ErrorOptions {
  param?: string;
  headers?: Record<string, string>;
  close?: boolean;
  cause?: unknown;
}

/** The answer for `code`: its registry status, the one body shape. */
export function httpError(code: ErrorCode, message: string, opts: ErrorOptions = {}): ErrorAnswer {
  const body: ErrorBody = { error: code, message, ...(opts.param !== undefined ? { param: opts.param } : {}) };
  return {
    ...json(statusLine(statusOf(code)), body, opts.headers),
    code,
    ...(opts.close ? { close: true } : {}),
    ...(opts.cause !== undefined ? { cause: opts.cause } : {}),
  };
}

export const isErrorAnswer = (a: HttpAnswer): a is ErrorAnswer => 'code' in a;

const byteLength = (b: string | Uint8Array) => (typeof b === 'string' ? Buffer.byteLength(b) : b.byteLength);

/**
 * Writes `a` on `res`, corked. `head`: the GET's headers and length, no body. `extra`:
 * headers every answer of the route carries (CORS); a `Vary` in both is joined.
 */
export function writeAnswer(res: HttpResponse, a: HttpAnswer, head = false, extra: Record<string, string> = {}): void {
  const headers = { ...extra, ...a.headers };
  if (extra['Vary'] && a.headers?.['Vary']) headers['Vary'] = `${a.headers['Vary']}, ${extra['Vary']}`;
  res.cork(() => {
    res.writeStatus(a.status);
    if (a.body !== undefined) res.writeHeader('Content-Type', a.contentType ?? 'application/json');
    if (!('Cache-Control' in headers)) res.writeHeader('Cache-Control', 'no-store');
    for (const [k, v] of Object.entries(headers)) res.writeHeader(k, v);
    // HEAD: the GET's length, no body. (uWS's endWithoutBody(length) leaves the response
    // open waiting for that many bytes, so the header is written by hand.)
    if (head && a.body !== undefined) res.writeHeader('Content-Length', String(byteLength(a.body)));
    if (a.body === undefined || head) res.endWithoutBody();
    else res.end(a.body, a.close);
  });
}
