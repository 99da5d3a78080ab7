// WebSocket admission: who may open /ws. A static bearer token (WS_AUTH_TOKEN), an HS256
// JWT (WS_JWT_SECRET), or both (either one passing is enough). The token comes from
// `Authorization: Bearer <t>` or the `token` query parameter (browsers cannot set headers
// on a WebSocket). Tokens never appear in results, errors or logs.
import { createHash, timingSafeEqual } from 'node:crypto';
import type { CodeOf } from '../error-codes.js';

export type AuthErrorCode = CodeOf<'BC_AUTH_MISSING' | 'BC_AUTH_INVALID' | 'BC_AUTH_EXPIRED'>;

export type AuthResult =
  | {
      ok: true;
      /** The JWT `sub` claim, when a JWT was accepted. */
      subject?: string;
      /** The JWT `channels` claim (e.g. ["board", "indices"]): the channels this client may receive. Absent = unrestricted. */
      channels?: string[];
      /** When the JWT stops being accepted (`exp` + the clock tolerance), ms since the Unix epoch; absent for tokens that never expire. */
      expiresAt?: number;
    }
  | { ok: false; code: AuthErrorCode; message: string };

export interface AuthInput {
  /** The raw `Authorization` header ('' or undefined when absent). */
  authorization?: string;
  /** The `token` query parameter (null or undefined when absent). */
  queryToken?: string | null;
}

export interface Authenticator {
  /** False when neither a token nor a JWT secret is configured: every client is admitted. */
  readonly required: boolean;
  authenticate(input: AuthInput): Promise<AuthResult>;
}

export interface AuthOptions {
  /** Static shared token (WS_AUTH_TOKEN). */
  token?: string;
  /** HS256 secret for JWTs (WS_JWT_SECRET). */
  jwtSecret?: string;
  /** Clock in ms since the Unix epoch (tests). */
  now?: () => number;
  /** Allowed clock skew for exp / nbf, seconds. */
  clockToleranceS?: number;
  /** Refuse JWTs without an `exp` claim (WS_JWT_REQUIRE_EXP). */
  requireExp?: boolean;
}

export const AUTH_CLOCK_TOLERANCE_S = 5;

const sha256 = (s: string) => createHash('sha256').update(s, 'utf8').digest();

const fail = (code: AuthErrorCode, message: string): AuthResult => ({ ok: false, code, message });
const MISSING = fail('BC_AUTH_MISSING', 'authentication required: send "Authorization: Bearer <token>" or ?token=<token>');
const INVALID = fail('BC_AUTH_INVALID', 'invalid token');
const EXPIRED = fail('BC_AUTH_EXPIRED', 'token expired');
const NOT_YET = fail('BC_AUTH_INVALID', 'token not yet valid');
const NO_EXP = fail('BC_AUTH_INVALID', 'invalid token: it has no "exp" claim and this server requires one');
const BAD_CHANNELS = fail('BC_AUTH_INVALID', 'invalid token: "channels" claim must be an array of strings');

/** The bearer token from an Authorization header, or undefined (absent, empty, other scheme). */
export function bearerToken(authorization: string | undefined): string | undefined {
  if (!authorization) return undefined;
  const m = /^\s*Bearer\s+(\S+)\s*$/i.exec(authorization);
  return m?.[1];
}

/** The WWW-Authenticate header of a 401 for a refused credential (RFC 6750). */
export function authChallenge(code: AuthErrorCode): string {
  return code === 'BC_AUTH_MISSING' ? 'Bearer' : 'Bearer error="invalid_token"';
}

export function createAuthenticator(opts: AuthOptions): Authenticator {
  const staticDigest = opts.token ? sha256(opts.token) : undefined;
  const jwtKey = opts.jwtSecret ? new TextEncoder().encode(opts.jwtSecret) : undefined;
  const now = opts.now ?? Date.now;
  const clockTolerance = opts.clockToleranceS ?? AUTH_CLOCK_TOLERANCE_S;
  const required = staticDigest !== undefined || jwtKey !== undefined;

  const verifyJwt = async (token: string, key: Uint8Array): Promise<AuthResult> => {
    // Loaded on the first JWT, not at start: a server without WS_JWT_SECRET never needs it (memory at rest).
    const { errors: joseErrors, jwtVerify } = await import('jose');
    try {
      const { payload } = await jwtVerify(token, key, { algorithms: ['HS256'], clockTolerance, currentDate: new Date(now()), ...(opts.requireExp ? { requiredClaims: ['exp'] } : {}) });
      const channels = payload['channels'];
      if (channels !== undefined && !(Array.isArray(channels) && channels.every((c) => typeof c === 'string'))) return BAD_CHANNELS;
      return {
        ok: true,
        ...(typeof payload.sub === 'string' ? { subject: payload.sub } : {}),
        ...(channels !== undefined ? { channels: [...(channels as string[])] } : {}),
        ...(typeof payload.exp === 'number' ? { expiresAt: (payload.exp + clockTolerance) * 1000 } : {}),
      };
    } catch (err) {
      if (err instanceof joseErrors.JWTExpired) return EXPIRED;
      if (err instanceof joseErrors.JWTClaimValidationFailed && err.claim === 'nbf') return NOT_YET;
      if (err instanceof joseErrors.JWTClaimValidationFailed && err.claim === 'exp' && err.reason === 'missing') return NO_EXP;
      return INVALID; // bad signature, alg not allowed (none, RS256, ...), malformed, other claims
    }
  };

  return {
    required,
    async authenticate(input) {
      if (!required) return { ok: true };
      const token = bearerToken(input.authorization) ?? (input.queryToken || undefined);
      if (!token) return MISSING;
      if (staticDigest) {
        // Digests have equal length whatever the input, so the comparison time says nothing about the token.
        if (timingSafeEqual(sha256(token), staticDigest)) return { ok: true };
      }
      if (jwtKey) return verifyJwt(token, jwtKey);
      return INVALID;
    },
  };
}
