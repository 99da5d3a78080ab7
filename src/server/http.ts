// Small helpers for uWS HTTP responses: every answer is written corked, and async
// handlers respect an aborted request (uWS forbids touching a response after abort).
import type { HttpResponse } from 'uWebSockets.js';

export function send(res: HttpResponse, status: string, body: string | ArrayBuffer, contentType = 'application/json', headers: Record<string, string> = {}): void {
  res.cork(() => {
    res.writeStatus(status).writeHeader('Content-Type', contentType).writeHeader('Cache-Control', 'no-store');
    for (const [k, v] of Object.entries(headers)) res.writeHeader(k, v);
    res.end(body);
  });
}

export function sendJson(res: HttpResponse, status: string, value: unknown): void {
  send(res, status, JSON.stringify(value));
}

/** Runs an async handler; the response is written only if the client is still there. */
export function handleAsync(res: HttpResponse, work: () => Promise<{ status: string; body: string; contentType?: string }>): void {
  let aborted = false;
  res.onAborted(() => {
    aborted = true;
  });
  work().then(
    (r) => {
      if (!aborted) send(res, r.status, r.body, r.contentType);
    },
    (err: Error) => {
      if (!aborted) sendJson(res, '500 Internal Server Error', { error: 'BC_INTERNAL', message: err.message });
    },
  );
}
