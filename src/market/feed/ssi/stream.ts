// The streaming side of the SSI adapter, behind a small interface so the transport can
// change without touching the feed's session logic or anything downstream of it: the
// FastConnect Data v2 stream (classic SignalR, below) is one MarketStream; a v3 plain
// WebSocket stream would be another StreamConnector yielding the same RType objects.
import { EventEmitter } from 'node:events';
import type { RawFeedMessage } from '../feed.js';
import { clip, SsiStreamError } from './errors.js';
import { SignalRConnection } from './signalr.js';

export interface MarketStreamEvents {
  /** One upstream market message (an object with an RType), or the string of a malformed one. */
  message: [raw: RawFeedMessage | string];
  /** Any frame (data or keep-alive): proof of life for the watchdog. */
  alive: [];
  /** An error the server reported in-band (it does not close the stream). */
  serverError: [text: string];
  close: [err: SsiStreamError | undefined];
}

export interface MarketStream extends EventEmitter<MarketStreamEvents> {
  /** Subscribes to channels such as X:ALL, R:VNM-FPT, MI:VN30. */
  subscribe(channels: string[]): Promise<void>;
  close(err?: SsiStreamError): void;
}

/** Opens one authenticated stream connection. */
export type StreamConnector = (accessToken: string) => Promise<MarketStream>;

export const FC_V2_HUB = 'FcMarketDataV2Hub';

/**
 * FastConnect Data v2: hub FcMarketDataV2Hub; SwitchChannels(channel) subscribes; data comes
 * through Broadcast(envelope) where envelope is a JSON string (or object) {DataType, Content}
 * and Content is a JSON string with the RType message; Error(text) reports server errors.
 */
export class FcV2Stream extends EventEmitter<MarketStreamEvents> implements MarketStream {
  private constructor(
    private readonly conn: SignalRConnection,
    private readonly scrub?: (text: string) => string,
  ) {
    super();
    conn.on('frame', () => this.emit('alive'));
    conn.on('garbage', (text) => this.emit('message', text.slice(0, 2000))); // scrubbed by the connection before any cut
    conn.on('invocation', (hub, method, args) => this.onInvocation(hub, method, args));
    conn.on('close', (err) => this.emit('close', err));
  }

  /** `streamUrl` is the v2 streaming base; the SignalR endpoints live under {streamUrl}/signalr. */
  static connector(streamUrl: string, opts: { timeoutMs?: number; scrub?: (text: string) => string } = {}): StreamConnector {
    const base = `${streamUrl.replace(/\/+$/, '')}/signalr`;
    return async (accessToken) => new FcV2Stream(await SignalRConnection.connect({ url: base, hub: FC_V2_HUB, headers: { authorization: `Bearer ${accessToken}` }, timeoutMs: opts.timeoutMs, ...(opts.scrub ? { scrub: opts.scrub } : {}) }), opts.scrub);
  }

  async subscribe(channels: string[]): Promise<void> {
    // One SwitchChannels per channel string, as the SSI SDKs call it.
    for (const ch of channels) await this.conn.invoke('SwitchChannels', [ch]);
  }

  close(err?: SsiStreamError): void {
    this.conn.close(err);
  }

  private onInvocation(hub: string, method: string, args: unknown[]): void {
    if (hub.toLowerCase() !== FC_V2_HUB.toLowerCase()) return;
    const m = method.toLowerCase();
    if (m === 'error') {
      this.emit('serverError', clip(String(args[0] ?? ''), 200, this.scrub));
      return;
    }
    if (m !== 'broadcast') return;
    for (const raw of unwrapBroadcast(args[0], this.scrub)) this.emit('message', raw);
  }
}

/** Broadcast's argument → the RType message(s) inside; malformed parts come back as strings. */
export function unwrapBroadcast(arg: unknown, scrub: (text: string) => string = (t) => t): Array<RawFeedMessage | string> {
  // Malformed parts are kept as text (counted, maybe logged): scrubbed before they are cut.
  const text = (t: string) => scrub(t).slice(0, 2000);
  let env: unknown = arg;
  if (typeof env === 'string') {
    try {
      env = JSON.parse(env);
    } catch {
      return [text(env as string)];
    }
  }
  if (!env || typeof env !== 'object' || Array.isArray(env)) return [text(JSON.stringify(env ?? null))];
  let content: unknown = (env as { Content?: unknown }).Content;
  if (content === undefined) return [env as RawFeedMessage]; // already an RType message
  if (typeof content === 'string') {
    const raw = content;
    try {
      content = JSON.parse(raw);
    } catch {
      return [text(raw)];
    }
  }
  if (Array.isArray(content)) return content.map((c) => (c && typeof c === 'object' && !Array.isArray(c) ? (c as RawFeedMessage) : text(JSON.stringify(c))));
  if (content && typeof content === 'object') return [content as RawFeedMessage];
  return [text(JSON.stringify(content ?? null))];
}
