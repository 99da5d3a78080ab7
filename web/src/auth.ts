// The board page's access token, when the server asks for one (WS_AUTH_TOKEN / WS_JWT_SECRET):
// it comes from a `?token=` link or the sign-in panel, is kept for this tab only
// (sessionStorage: gone when the tab closes, never shared with other tabs), and is taken out
// of the visible URL at once so it is not bookmarked, shared or left in the history. It goes
// to REST as `Authorization: Bearer` and to /ws as `?token=` (browsers cannot set headers on
// a WebSocket). A 401 from the server says which: missing, refused or expired.

export const TOKEN_KEY = 'boardcast.token';

/** The part of Storage the page uses (sessionStorage, or nothing when the browser refuses it). */
export interface TokenStore {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * The token to use and, when the URL carried one, the URL to show instead (without it,
 * every other parameter kept). A `?token=` link wins over a token stored earlier.
 */
export function takeToken(href: string, store: TokenStore | undefined): { token: string | undefined; cleanUrl: string | undefined } {
  const url = new URL(href);
  const fromUrl = url.searchParams.get('token')?.trim();
  const stored = safely(() => store?.getItem(TOKEN_KEY)) || undefined;
  if (fromUrl === undefined) return { token: stored, cleanUrl: undefined };
  if (fromUrl) saveToken(store, fromUrl);
  // The other parameters stay exactly as written (?symbols=FPT,VNM keeps its comma).
  const rest = url.search.slice(1).split('&').filter((p) => p && !/^token(=|$)/.test(p)).join('&');
  return { token: fromUrl || stored, cleanUrl: `${url.pathname}${rest ? `?${rest}` : ''}${url.hash}` };
}

export function saveToken(store: TokenStore | undefined, token: string): void {
  safely(() => store?.setItem(TOKEN_KEY, token));
}

export function forgetToken(store: TokenStore | undefined): void {
  safely(() => store?.removeItem(TOKEN_KEY));
}

export function authHeaders(token: string | undefined): Record<string, string> {
  return token ? { authorization: `Bearer ${token}` } : {};
}

export type AuthProblem = 'missing' | 'refused' | 'expired';

/** What an answer means for sign-in: undefined unless it is a 401 (then its error code says which). */
export function authProblem(status: number, body: unknown): AuthProblem | undefined {
  if (status !== 401) return undefined;
  const code = typeof body === 'object' && body !== null ? (body as { error?: unknown }).error : undefined;
  return code === 'BC_AUTH_MISSING' ? 'missing' : code === 'BC_AUTH_EXPIRED' ? 'expired' : 'refused';
}

function safely<T>(f: () => T): T | undefined {
  try {
    return f();
  } catch {
    return undefined; // storage disabled: the token lives as long as the page
  }
}
