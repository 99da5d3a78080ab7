// The operations routes every role serves: /healthz (the process answers) and /readyz
// (the role's readiness and, unless auth is on, what it is doing). /metrics and the 404
// fallback are added by HttpServer.routes.
import type { Authenticator } from './auth.js';
import { json, statusLine, type Route } from './http-router.js';

export interface Readiness {
  ready: boolean;
  reasons: string[];
}

export function operationsRoutes(opts: { authenticator: Authenticator; readiness: () => Readiness & { detail: Record<string, unknown> } }): Route[] {
  return [
    { pattern: '/healthz', name: 'healthz', access: 'open', cors: true, handle: () => json('200 OK', { status: 'ok' }) },
    {
      pattern: '/readyz',
      name: 'readyz',
      access: 'open',
      cors: true,
      handle: () => {
        const r = opts.readiness();
        // With auth on, an anonymous probe learns the status and the reasons, nothing more.
        const detail = opts.authenticator.required ? {} : r.detail;
        // Not an error: a readiness answer, its body the probe's (status and reasons).
        return json(statusLine(r.ready ? 200 : 503), { status: r.ready ? 'ready' : 'not ready', reasons: r.reasons, ...detail });
      },
    },
  ];
}
