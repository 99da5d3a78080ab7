// A minimal client of classic ASP.NET SignalR (protocol 1.5, the one FastConnect Data v2
// speaks; NOT ASP.NET Core SignalR), WebSocket transport only.
//
// Why not a package: the npm registry's SignalR clients are either for SignalR Core
// (@microsoft/signalr, @aspnet/signalr: a different protocol), the jQuery-based browser
// client (signalr, ms-signalr-client), or small Node ports (node-signalr) that run their own
// fixed-delay reconnect loop and hide the socket. The feed needs to own reconnection
// (backoff + jitter, re-authentication, a silence watchdog that counts keep-alives) and to
// send the bearer token on every step, so the ~150 lines of protocol below, over `ws`, are
// the smaller and more controllable dependency.
//
// One SignalRConnection is one connection attempt's lifetime; reconnecting means a new one.
//   1. GET  {base}/negotiate?clientProtocol=1.5&connectionData=[{"name":hub}]  → {ConnectionToken, KeepAliveTimeout, ...}
//   2. WS   {base}/connect?transport=webSockets&clientProtocol=1.5&connectionToken=…&connectionData=…&tid=N
//           the server's first frame is the init message {"C":…,"S":1,"M":[]}
//   3. GET  {base}/start?transport=webSockets&clientProtocol=1.5&connectionToken=…&connectionData=…  → {"Response":"started"}
// Then: client → server hub invocations {"H":hub,"M":method,"A":[…],"I":n}, answered by
// {"I":"n","R":…} or {"I":"n","E":"error"}; server → client {"C":cursor,"M":[{"H":hub,"M":method,"A":[…]}]},
// keep-alives `{}`; {"D":1} asks the client to disconnect. Cookies set by negotiate (load
// balancer affinity) are sent back on connect and start, as the SSI SDKs do.
import { EventEmitter } from 'node:events';
import WebSocket from 'ws';
import { clip, SsiStreamError } from './errors.js';

export const SIGNALR_PROTOCOL = '1.5';

export interface SignalROptions {
  /** The SignalR base, e.g. https://fc-datahub.ssi.com.vn/v2.0/signalr (http(s) or ws(s)). */
  url: string;
  hub: string;
  /** Headers for negotiate, connect and start (e.g. Authorization: Bearer …). */
  headers?: Record<string, string>;
  /** Timeout of each handshake step, ms (default 15 s). */
  timeoutMs?: number;
  /** Timeout of a hub invocation's answer, ms (default 10 s). */
  invokeTimeoutMs?: number;
  /** Applied to the server's text before it is cut short or put in an error (the feed's Scrubber). */
  scrub?: (text: string) => string;
}

export interface SignalREvents {
  /** A hub method called by the server (e.g. Broadcast), with its arguments. */
  invocation: [hub: string, method: string, args: unknown[]];
  /** Any frame at all, keep-alives included (the watchdog listens to this). */
  frame: [];
  /** A frame that is not JSON or not a SignalR message. */
  garbage: [text: string];
  close: [err: SsiStreamError | undefined];
}

interface NegotiateResponse {
  ConnectionToken?: string;
  ConnectionId?: string;
  KeepAliveTimeout?: number | null;
  ProtocolVersion?: string;
  TryWebSockets?: boolean;
}

function httpBase(url: string): string {
  const u = url.replace(/\/+$/, '');
  return u.replace(/^ws(s?):/i, 'http$1:');
}

export class SignalRConnection extends EventEmitter<SignalREvents> {
  private ws: WebSocket | undefined;
  private nextId = 0;
  private readonly pending = new Map<string, { resolve: (v: unknown) => void; reject: (e: Error) => void; timer: NodeJS.Timeout }>();
  private closed = false;
  /** The server's keep-alive period, ms, when it announced one. */
  keepAliveMs: number | undefined;
  connectionId: string | undefined;

  private constructor(private readonly opts: Required<Omit<SignalROptions, 'headers' | 'scrub'>> & { headers: Record<string, string>; scrub?: (text: string) => string }) {
    super();
  }

  /** Negotiates, connects and starts; resolves once the connection is usable. */
  static async connect(options: SignalROptions): Promise<SignalRConnection> {
    const c = new SignalRConnection({ url: options.url, hub: options.hub, headers: options.headers ?? {}, timeoutMs: options.timeoutMs ?? 15_000, invokeTimeoutMs: options.invokeTimeoutMs ?? 10_000, ...(options.scrub ? { scrub: options.scrub } : {}) });
    await c.open();
    return c;
  }

  private get connectionData(): string {
    return JSON.stringify([{ name: this.opts.hub }]);
  }

  private async httpGet(path: string, query: Record<string, string>, headers: Record<string, string>): Promise<{ body: unknown; cookies: string[] }> {
    const u = new URL(`${httpBase(this.opts.url)}/${path}`);
    for (const [k, v] of Object.entries(query)) u.searchParams.set(k, v);
    let res: Response;
    try {
      res = await fetch(u, { headers: { accept: 'application/json', ...headers }, signal: AbortSignal.timeout(this.opts.timeoutMs) });
    } catch (err) {
      const why = (err as Error)?.name === 'TimeoutError' ? `timed out after ${this.opts.timeoutMs} ms` : ((err as Error)?.cause as Error | undefined)?.message ?? (err as Error)?.message;
      throw new SsiStreamError(`SignalR ${path}: ${why}`, { step: path });
    }
    const text = await res.text().catch(() => '');
    if (res.status !== 200) throw new SsiStreamError(`SignalR ${path}: HTTP ${res.status}`, { step: path, httpStatus: res.status });
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      throw new SsiStreamError(`SignalR ${path}: the answer is not JSON`, { step: path });
    }
    const cookies = res.headers.getSetCookie().map((c) => c.split(';')[0]!.trim()).filter(Boolean);
    return { body, cookies };
  }

  private async open(): Promise<void> {
    const headers = { ...this.opts.headers };
    // 1. negotiate
    const neg = await this.httpGet('negotiate', { clientProtocol: SIGNALR_PROTOCOL, connectionData: this.connectionData }, headers);
    const n = neg.body as NegotiateResponse;
    if (!n || typeof n.ConnectionToken !== 'string' || n.ConnectionToken === '') throw new SsiStreamError('SignalR negotiate: no ConnectionToken in the answer', { step: 'negotiate' });
    if (n.TryWebSockets === false) throw new SsiStreamError('SignalR negotiate: the server does not offer WebSockets', { step: 'negotiate' });
    if (neg.cookies.length > 0) headers.cookie = [headers.cookie, ...neg.cookies].filter(Boolean).join('; ');
    this.connectionId = n.ConnectionId;
    this.keepAliveMs = typeof n.KeepAliveTimeout === 'number' && n.KeepAliveTimeout > 0 ? n.KeepAliveTimeout * 1000 : undefined;
    const transportQuery = { transport: 'webSockets', clientProtocol: SIGNALR_PROTOCOL, connectionToken: n.ConnectionToken, connectionData: this.connectionData };

    // 2. connect: wait for the init message ("S":1)
    const wsUrl = new URL(`${httpBase(this.opts.url).replace(/^http/i, 'ws')}/connect`);
    for (const [k, v] of Object.entries({ ...transportQuery, tid: String(Math.floor(Math.random() * 11)) })) wsUrl.searchParams.set(k, v);
    const ws = new WebSocket(wsUrl, { headers, handshakeTimeout: this.opts.timeoutMs, perMessageDeflate: false });
    this.ws = ws;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => fail(new SsiStreamError(`SignalR connect: no init message within ${this.opts.timeoutMs} ms`, { step: 'connect' })), this.opts.timeoutMs);
      const fail = (err: SsiStreamError) => {
        cleanup();
        ws.terminate();
        reject(err);
      };
      const onMessage = (data: WebSocket.RawData) => {
        let m: { S?: unknown } | undefined;
        try {
          m = JSON.parse(data.toString()) as { S?: unknown };
        } catch {
          return;
        }
        if (m && m.S === 1) {
          cleanup();
          resolve();
        }
      };
      const onError = (err: Error) => fail(new SsiStreamError(`SignalR connect: ${err.message}`, { step: 'connect' }, { cause: err }));
      const onClose = (code: number) => fail(new SsiStreamError(`SignalR connect: closed (${code}) before the init message`, { step: 'connect', code }));
      const onUnexpected = (_req: unknown, res: { statusCode?: number }) => fail(new SsiStreamError(`SignalR connect: HTTP ${res.statusCode ?? '?'}`, { step: 'connect', httpStatus: res.statusCode }));
      const cleanup = () => {
        clearTimeout(timer);
        ws.off('message', onMessage);
        ws.off('error', onError);
        ws.off('close', onClose);
        ws.off('unexpected-response', onUnexpected);
      };
      ws.on('message', onMessage);
      ws.on('error', onError);
      ws.on('close', onClose);
      ws.on('unexpected-response', onUnexpected);
    });

    ws.on('message', (data) => this.onFrame(data.toString()));
    ws.on('error', () => {
      // 'close' follows and reports
    });
    ws.on('close', (code, reason) => this.finish(new SsiStreamError(`stream closed by the server (${code}${reason.length ? ` ${clip(reason.toString(), 80, this.opts.scrub)}` : ''})`, { code })));

    // 3. start
    try {
      const started = await this.httpGet('start', transportQuery, headers);
      if ((started.body as { Response?: unknown })?.Response !== 'started') throw new SsiStreamError('SignalR start: the server did not answer "started"', { step: 'start' });
    } catch (err) {
      this.close();
      throw err;
    }
  }

  private onFrame(text: string): void {
    this.emit('frame');
    let m: Record<string, unknown>;
    try {
      m = JSON.parse(text) as Record<string, unknown>;
    } catch {
      this.emit('garbage', this.opts.scrub ? this.opts.scrub(text) : text);
      return;
    }
    if (!m || typeof m !== 'object' || Array.isArray(m)) {
      this.emit('garbage', this.opts.scrub ? this.opts.scrub(text) : text);
      return;
    }
    if (m.I !== undefined) {
      // the answer to one of our invocations
      const p = this.pending.get(String(m.I));
      if (p) {
        this.pending.delete(String(m.I));
        clearTimeout(p.timer);
        if (m.E !== undefined) p.reject(new SsiStreamError(`hub invocation failed: ${clip(String(m.E), 160, this.opts.scrub)}`));
        else p.resolve(m.R);
      }
      return;
    }
    if (m.D === 1) {
      this.close(new SsiStreamError('the server asked to disconnect'));
      return;
    }
    if (Array.isArray(m.M)) {
      for (const inv of m.M as Array<Record<string, unknown>>) {
        if (inv && typeof inv.H === 'string' && typeof inv.M === 'string') this.emit('invocation', inv.H, inv.M, Array.isArray(inv.A) ? inv.A : []);
        else this.emit('garbage', clip(JSON.stringify(inv ?? null), 200, this.opts.scrub));
      }
    }
    // `{}` keep-alives and init/cursor-only frames need nothing more.
  }

  /** Invokes a hub method; resolves with its result. */
  invoke(method: string, args: unknown[]): Promise<unknown> {
    const ws = this.ws;
    if (!ws || this.closed || ws.readyState !== WebSocket.OPEN) return Promise.reject(new SsiStreamError(`cannot invoke ${method}: not connected`));
    const id = String(this.nextId++);
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(id);
        reject(new SsiStreamError(`hub invocation ${method} got no answer within ${this.opts.invokeTimeoutMs} ms`));
      }, this.opts.invokeTimeoutMs);
      this.pending.set(id, { resolve, reject, timer });
      ws.send(JSON.stringify({ H: this.opts.hub, M: method, A: args, I: Number(id) }));
    });
  }

  get isOpen(): boolean {
    return !this.closed && this.ws?.readyState === WebSocket.OPEN;
  }

  /** Closes the socket (abruptly: a stalled server must not hold us); emits 'close' once. */
  close(err?: SsiStreamError): void {
    this.ws?.terminate();
    this.finish(err);
  }

  private finish(err: SsiStreamError | undefined): void {
    if (this.closed) return;
    this.closed = true;
    for (const [, p] of this.pending) {
      clearTimeout(p.timer);
      p.reject(err ?? new SsiStreamError('connection closed'));
    }
    this.pending.clear();
    this.emit('close', err);
  }
}
