// Errors of the SSI FastConnect adapter, each with a stable code. Messages never carry the
// consumer secret or a token: callers build them from status codes and the server's own
// message, and the feed scrubs every text it reports (see Scrubber).
import { BoardcastError } from '../../../errors.js';

/** The access token was refused (v2 answers HTTP 200 with the real status in the body). */
export class SsiAuthError extends BoardcastError {
  constructor(message: string, context: Record<string, unknown> = {}, options?: ErrorOptions) {
    super('BC_SSI_AUTH_FAILED', message, context, options);
  }
}

/** A REST call failed: transport error, HTTP status, or a non-200 status in the body. */
export class SsiHttpError extends BoardcastError {
  constructor(message: string, context: Record<string, unknown> = {}, options?: ErrorOptions) {
    super('BC_SSI_HTTP', message, context, options);
  }
}

/** The SignalR stream failed: negotiate/connect/start refused, closed, or silent too long. */
export class SsiStreamError extends BoardcastError {
  constructor(message: string, context: Record<string, unknown> = {}, options?: ErrorOptions) {
    super('BC_SSI_STREAM', message, context, options);
  }
}

/** Replaces every registered secret (consumer secret, tokens) in a text with [redacted]. */
export class Scrubber {
  private readonly secrets = new Set<string>();

  add(secret: string | undefined): void {
    // Very short values would redact ordinary words; real secrets and tokens are long.
    if (secret && secret.length >= 6) this.secrets.add(secret);
  }

  scrub(text: string): string {
    let out = text;
    for (const s of this.secrets) {
      if (out.includes(s)) out = out.split(s).join('[redacted]');
      // A text someone else cut short (upstream, a proxy) may end inside a secret, or start
      // inside one: a dangling piece of 4+ characters at either edge goes too.
      for (let n = Math.min(s.length - 1, out.length); n >= 4; n--) {
        if (out.endsWith(s.slice(0, n))) {
          out = `${out.slice(0, out.length - n)}[redacted]`;
          break;
        }
      }
      for (let n = Math.min(s.length - 1, out.length); n >= 4; n--) {
        if (out.startsWith(s.slice(s.length - n))) {
          out = `[redacted]${out.slice(n)}`;
          break;
        }
      }
    }
    return out;
  }

  /** As a function, for the parts that only need to scrub. */
  readonly fn = (text: string): string => this.scrub(text);
}

/**
 * Upstream text made safe to keep in an error, a log or /readyz: secrets scrubbed first — a
 * secret cut in half by the limit would no longer match the scrubber — then one line, cut
 * to `max` characters.
 */
export function clip(text: string, max: number, scrub?: (text: string) => string): string {
  const safe = scrub ? scrub(text) : text;
  return safe.replace(/\s+/g, ' ').trim().slice(0, max);
}

/** A short, scrubbed, one-line description of any thrown value. */
export function describeError(err: unknown, scrubber?: Scrubber): string {
  let msg = err instanceof Error ? err.message : String(err);
  const cause = err instanceof Error && err.cause instanceof Error ? err.cause.message : '';
  if (cause && !msg.includes(cause)) msg = `${msg} (${cause})`;
  return clip(msg, 300, scrubber?.fn);
}
