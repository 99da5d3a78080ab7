// The FastConnect Data v2 access token: fetched with the consumer id and secret, cached,
// refreshed ahead of its expiry (the JWT's `exp`, or a conservative default when the token
// is opaque) and on demand after a 401. Concurrent callers share one fetch.

export interface TokenSource {
  /** Fetches a fresh token (POST Market/AccessToken). Throws SsiAuthError when refused. */
  fetchToken(): Promise<string>;
}

export interface TokenManagerOptions {
  /** Refresh this long before the expiry (default 5 min). */
  refreshMarginMs?: number;
  /** Lifetime assumed when the token carries no readable `exp` (default 30 min). */
  defaultTtlMs?: number;
  now?: () => number;
  /** Called with each new token (e.g. to register it with the scrubber). */
  onToken?: (token: string) => void;
}

/** The `exp` claim of a JWT, in ms; undefined for anything else. Never throws. */
export function jwtExpiryMs(token: string): number | undefined {
  const parts = token.split('.');
  if (parts.length !== 3) return undefined;
  try {
    const payload = JSON.parse(Buffer.from(parts[1]!, 'base64url').toString('utf8')) as { exp?: unknown };
    return typeof payload.exp === 'number' && Number.isFinite(payload.exp) ? payload.exp * 1000 : undefined;
  } catch {
    return undefined;
  }
}

export class TokenManager {
  private token: string | undefined;
  private expiresAt = 0;
  private inflight: Promise<string> | undefined;
  private readonly refreshMarginMs: number;
  private readonly defaultTtlMs: number;
  private readonly now: () => number;
  /** Tokens fetched so far (tests and metrics). */
  fetches = 0;

  constructor(private readonly source: TokenSource, private readonly opts: TokenManagerOptions = {}) {
    this.refreshMarginMs = opts.refreshMarginMs ?? 5 * 60_000;
    this.defaultTtlMs = opts.defaultTtlMs ?? 30 * 60_000;
    this.now = opts.now ?? Date.now;
  }

  /** A token valid for at least the refresh margin, fetching one when needed. */
  async get(): Promise<string> {
    if (this.token && this.now() < this.expiresAt - this.refreshMarginMs) return this.token;
    return this.refresh();
  }

  /** Fetches a new token now (shared with concurrent callers). */
  refresh(): Promise<string> {
    this.inflight ??= (async () => {
      try {
        const token = await this.source.fetchToken();
        this.fetches++;
        this.opts.onToken?.(token);
        const now = this.now();
        const exp = jwtExpiryMs(token);
        // A token that claims to expire within the margin still gets a short useful life.
        this.expiresAt = exp !== undefined ? Math.max(exp, now + this.refreshMarginMs + 1000) : now + this.defaultTtlMs;
        this.token = token;
        return token;
      } finally {
        this.inflight = undefined;
      }
    })();
    return this.inflight;
  }

  /** Forgets the token (after a 401): the next get() fetches a new one. */
  invalidate(token?: string): void {
    if (token === undefined || token === this.token) {
      this.token = undefined;
      this.expiresAt = 0;
    }
  }

  /** When the cached token will be refreshed (ms), or 0 when none is cached. */
  get refreshAt(): number {
    return this.token ? this.expiresAt - this.refreshMarginMs : 0;
  }
}
