// CORS for the REST routes (CORS_ORIGINS): off by default; `*` lets any origin read them;
// a comma list names the origins that may. boardcast authenticates with a bearer token
// (Authorization header or ?token=), never a cookie, so it never sends
// Access-Control-Allow-Credentials: a browser's fetch works with `credentials: 'omit'`
// (the default for cross-origin), and a preflight allows the Authorization header.

import { parseCorsOrigins } from '../cors-origins.js';

export interface CorsPolicy {
  readonly enabled: boolean;
  /** Headers for an actual response to `origin` ('' = no Origin header), or {} when it may not read it. */
  responseHeaders(origin: string): Record<string, string>;
  /** Headers for a preflight (OPTIONS with Access-Control-Request-Method) from `origin`, or {} when refused. */
  preflightHeaders(origin: string): Record<string, string>;
}

export const CORS_METHODS = 'GET, HEAD, OPTIONS';
export const CORS_ALLOW_HEADERS = 'Authorization, If-None-Match';
export const CORS_EXPOSE_HEADERS = 'ETag';
export const CORS_MAX_AGE_S = 600;

export function corsPolicy(spec: string): CorsPolicy {
  const origins = parseCorsOrigins(spec);
  const any = origins === '*';
  const enabled = any || origins.length > 0;
  const allowed = (origin: string) => origin !== '' && (any || (origins as string[]).includes(origin.toLowerCase()));
  // A listed origin is echoed, so caches must key on Origin; '*' is the same for everyone.
  const none = (): Record<string, string> => (enabled && !any ? { Vary: 'Origin' } : {});
  const base = (origin: string): Record<string, string> => (any ? { 'Access-Control-Allow-Origin': '*' } : { 'Access-Control-Allow-Origin': origin, Vary: 'Origin' });
  return {
    enabled,
    responseHeaders(origin) {
      if (!enabled || !allowed(origin)) return none();
      return { ...base(origin), 'Access-Control-Expose-Headers': CORS_EXPOSE_HEADERS };
    },
    preflightHeaders(origin) {
      if (!enabled || !allowed(origin)) return none();
      return { ...base(origin), 'Access-Control-Allow-Methods': CORS_METHODS, 'Access-Control-Allow-Headers': CORS_ALLOW_HEADERS, 'Access-Control-Max-Age': String(CORS_MAX_AGE_S) };
    },
  };
}
