// A fake SSI FastConnect Data v2 on loopback, for tests: the REST endpoints the adapter
// uses (AccessToken, IndexComponents, Securities, DailyStockPrice) answering the v2 way (HTTP 200 with
// the real status in the body), and a classic SignalR 1.x hub (negotiate / connect over
// WebSocket / start, FcMarketDataV2Hub with SwitchChannels and Broadcast, `{}` keep-alives).
// A Broadcast reaches the sockets subscribed to its channel type (X, R, MI, F). Whether
// SwitchChannels adds to a socket's subscription or replaces it is a switch
// (`switchMode`), since FastConnect does not document which it does.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { randomBytes } from 'node:crypto';
import { WebSocketServer, type WebSocket } from 'ws';

export const HUB = 'FcMarketDataV2Hub';
/** The channel types the adapter subscribes to; a Broadcast of one goes only to its subscribers. */
const CHANNEL_TYPES = new Set(['X', 'R', 'MI', 'F']);

export interface FakeSsiOptions {
  consumerId?: string;
  consumerSecret?: string;
  components?: string[];
  /** Largest page the components endpoint serves (forces the client to page). */
  maxPageSize?: number;
  /** Keep-alive period on the hub, ms (0 = none). */
  keepAliveMs?: number;
  /** 'add' (default): each SwitchChannels adds to the socket's subscription; 'replace': it replaces it. */
  switchMode?: 'add' | 'replace';
  /** The derivatives list of Market/Securities (market DER); absent: that endpoint answers 404. */
  derivatives?: string[];
  /** The stock lists of Market/Securities by market (HOSE, HNX, UPCOM); absent: 404 for those markets. */
  listings?: Record<string, string[]>;
}

export interface ForeignRow {
  symbol: string;
  buyVol: number;
  sellVol: number;
  buyVal: number;
  sellVal: number;
  room?: number;
}

const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));
export function vnToday(ms = Date.now()): { dmy: string; time: string } {
  const d = new Date(ms + 7 * 3600_000);
  return { dmy: `${pad2(d.getUTCDate())}/${pad2(d.getUTCMonth() + 1)}/${d.getUTCFullYear()}`, time: `${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:${pad2(d.getUTCSeconds())}` };
}

function fakeJwt(ttlS: number): string {
  const b64 = (o: unknown) => Buffer.from(JSON.stringify(o)).toString('base64url');
  return `${b64({ alg: 'HS256', typ: 'JWT' })}.${b64({ sub: 'fake', exp: Math.floor(Date.now() / 1000) + ttlS, jti: randomBytes(8).toString('hex') })}.${randomBytes(16).toString('base64url')}`;
}

export class FakeSsi {
  readonly consumerId: string;
  consumerSecret: string;
  components: string[];
  maxPageSize: number;
  keepAliveMs: number;
  /** The derivatives Market/Securities lists for market DER; undefined: the endpoint answers 404. */
  derivatives: string[] | undefined;
  listings: Record<string, string[]> | undefined;
  /** Every Market/Securities page asked for, in order. */
  readonly securitiesPages: Array<{ market: string; page: number; size: number }> = [];
  /** Foreign totals served by DailyStockPrice (today). */
  foreign: ForeignRow[] = [];
  /** Tokens issued and still accepted. */
  readonly validTokens = new Set<string>();
  readonly issuedTokens: string[] = [];
  /** The message of a refused AccessToken answer, given the request body (some servers echo it back). */
  refusalMessage: (requestBody: string) => string = () => 'Unauthorized: invalid consumer id or secret';
  /** When true the hub sends nothing at all (no keep-alives, no data). */
  silent = false;
  /** When true the hub is unreachable: negotiate answers 503 (see goDown). */
  down = false;
  switchMode: 'add' | 'replace';
  /** Channel types each socket is subscribed to. */
  private readonly subscribed = new Map<WebSocket, Set<string>>();
  readonly counts = { token: 0, tokenRefused: 0, components: 0, securities: 0, dailyStockPrice: 0, negotiate: 0, connect: 0, start: 0, unauthorized: 0 };
  /** Authorization headers seen on negotiate and on the WebSocket upgrade. */
  readonly hubAuth: string[] = [];
  /** Every channel subscribed through SwitchChannels, in order. */
  readonly channels: string[] = [];
  private readonly sockets = new Set<WebSocket>();
  private readonly connTokens = new Set<string>();
  private server!: Server;
  private wss!: WebSocketServer;
  private keepAlive: NodeJS.Timeout | undefined;
  private cursor = 0;
  port = 0;

  constructor(opts: FakeSsiOptions = {}) {
    this.consumerId = opts.consumerId ?? 'test-consumer';
    this.consumerSecret = opts.consumerSecret ?? 'S3cr3t-consumer-secret-value';
    this.components = opts.components ?? ['ACB', 'FPT', 'HPG', 'MWG', 'VCB', 'VNM', 'SSI', 'TCB', 'MBB', 'VIC', 'VHM', 'GAS'];
    this.maxPageSize = opts.maxPageSize ?? 5;
    this.keepAliveMs = opts.keepAliveMs ?? 0;
    this.switchMode = opts.switchMode ?? 'add';
    this.derivatives = opts.derivatives;
    this.listings = opts.listings;
  }

  get baseUrl(): string {
    return `http://127.0.0.1:${this.port}/api/v2/`;
  }

  get streamUrl(): string {
    return `http://127.0.0.1:${this.port}/v2.0`;
  }

  async start(): Promise<this> {
    this.server = createServer((req, res) => void this.route(req, res));
    this.wss = new WebSocketServer({ noServer: true });
    this.server.on('upgrade', (req, socket, head) => {
      const u = new URL(req.url ?? '/', 'http://x');
      const auth = req.headers.authorization ?? '';
      this.hubAuth.push(auth);
      if (u.pathname !== '/v2.0/signalr/connect' || !this.connTokens.has(u.searchParams.get('connectionToken') ?? '') || !this.bearerOk(auth)) {
        socket.end('HTTP/1.1 401 Unauthorized\r\nContent-Length: 0\r\n\r\n');
        return;
      }
      this.wss.handleUpgrade(req, socket, head, (ws) => this.onSocket(ws));
    });
    await new Promise<void>((resolve) => this.server.listen(0, '127.0.0.1', resolve));
    this.port = (this.server.address() as AddressInfo).port;
    if (this.keepAliveMs > 0) {
      this.keepAlive = setInterval(() => {
        if (this.silent) return;
        for (const ws of this.sockets) ws.send('{}');
      }, this.keepAliveMs);
    }
    return this;
  }

  async stop(): Promise<void> {
    if (this.keepAlive) clearInterval(this.keepAlive);
    for (const ws of this.sockets) ws.terminate();
    this.wss.close();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private bearerOk(auth: string | undefined): boolean {
    const m = /^Bearer (.+)$/.exec(auth ?? '');
    return !!m && this.validTokens.has(m[1]!);
  }

  /** Invalidates every issued token (as an expiry or a revocation would). */
  revokeTokens(): void {
    this.validTokens.clear();
  }

  private json(res: ServerResponse, body: unknown, http = 200): void {
    res.writeHead(http, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }

  private async route(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const u = new URL(req.url ?? '/', 'http://x');
    const q = u.searchParams;
    let body = '';
    for await (const chunk of req) body += String(chunk);
    switch (u.pathname) {
      case '/api/v2/Market/AccessToken': {
        this.counts.token++;
        let creds: { consumerID?: string; consumerSecret?: string } = {};
        try {
          creds = JSON.parse(body) as typeof creds;
        } catch {
          /* refused below */
        }
        if (req.method !== 'POST' || creds.consumerID !== this.consumerId || creds.consumerSecret !== this.consumerSecret) {
          this.counts.tokenRefused++;
          // The v2 way: HTTP 200, the real status in the body.
          return this.json(res, { message: this.refusalMessage(body), status: 401, data: null });
        }
        const token = fakeJwt(3600);
        this.validTokens.add(token);
        this.issuedTokens.push(token);
        return this.json(res, { message: 'Success', status: 200, data: { accessToken: token } });
      }
      case '/api/v2/Market/IndexComponents': {
        this.counts.components++;
        if (!this.bearerOk(req.headers.authorization)) {
          this.counts.unauthorized++;
          return this.json(res, { message: 'Unauthorized', status: 401, data: null });
        }
        const size = Math.min(Number(q.get('pageSize') ?? 10), this.maxPageSize);
        const page = Number(q.get('pageIndex') ?? 1);
        const slice = this.components.slice((page - 1) * size, page * size);
        const data = q.get('indexCode') === 'VN30' ? [{ IndexCode: 'VN30', IndexName: 'VN30', Exchange: 'HOSE', TotalSymbolNo: String(this.components.length), IndexComponent: slice.map((s) => ({ Isin: `VN000${s}`, StockSymbol: s })) }] : [];
        return this.json(res, { message: 'Success', status: 200, data, totalRecord: this.components.length });
      }
      case '/api/v2/Market/Securities': {
        this.counts.securities++;
        if (!this.bearerOk(req.headers.authorization)) {
          this.counts.unauthorized++;
          return this.json(res, { message: 'Unauthorized', status: 401, data: null });
        }
        const market = q.get('market') ?? '';
        const list = market === 'DER' ? this.derivatives : this.listings ? (this.listings[market] ?? []) : this.derivatives && [];
        if (!list) return this.json(res, { message: 'not found' }, 404);
        const size = Math.min(Number(q.get('pageSize') ?? 10), this.maxPageSize);
        const page = Number(q.get('pageIndex') ?? 1);
        this.securitiesPages.push({ market, page, size });
        const data = list.slice((page - 1) * size, page * size).map((s) => ({ Market: market, Symbol: s, StockName: market === 'DER' ? `VN30 futures ${s}` : `${s} JSC`, StockEnName: '' }));
        return this.json(res, { message: 'Success', status: 200, data, totalRecord: list.length });
      }
      case '/api/v2/Market/DailyStockPrice': {
        this.counts.dailyStockPrice++;
        if (!this.bearerOk(req.headers.authorization)) {
          this.counts.unauthorized++;
          return this.json(res, { message: 'Unauthorized', status: 401, data: null });
        }
        const today = vnToday();
        const data = this.foreign.map((f) => ({
          Symbol: f.symbol,
          TradingDate: today.dmy,
          ForeignBuyVolTotal: String(f.buyVol),
          ForeignSellVolTotal: String(f.sellVol),
          ForeignBuyValTotal: String(f.buyVal),
          ForeignSellValTotal: String(f.sellVal),
          ForeignCurrentRoom: String(f.room ?? 0),
          ClosePrice: '0',
        }));
        return this.json(res, { message: 'Success', status: 200, data, totalRecord: data.length });
      }
      case '/v2.0/signalr/negotiate': {
        this.counts.negotiate++;
        if (this.down) return this.json(res, { error: 'service unavailable' }, 503);
        this.hubAuth.push(req.headers.authorization ?? '');
        if (!this.bearerOk(req.headers.authorization)) {
          this.counts.unauthorized++;
          return this.json(res, { error: 'unauthorized' }, 401);
        }
        if (q.get('clientProtocol') !== '1.5' || !(q.get('connectionData') ?? '').includes(HUB)) return this.json(res, { error: 'bad negotiate' }, 400);
        const ct = randomBytes(12).toString('base64');
        this.connTokens.add(ct);
        res.setHeader('set-cookie', 'affinity=node-7; Path=/; HttpOnly');
        return this.json(res, { Url: '/v2.0/signalr', ConnectionToken: ct, ConnectionId: randomBytes(8).toString('hex'), KeepAliveTimeout: 20, DisconnectTimeout: 30, ConnectionTimeout: 110, TryWebSockets: true, ProtocolVersion: '1.5', TransportConnectTimeout: 5, LongPollDelay: 0 });
      }
      case '/v2.0/signalr/start': {
        this.counts.start++;
        if (!this.connTokens.has(q.get('connectionToken') ?? '')) return this.json(res, { error: 'unknown connection' }, 400);
        return this.json(res, { Response: 'started' });
      }
      default:
        return this.json(res, { message: 'not found' }, 404);
    }
  }

  private onSocket(ws: WebSocket): void {
    this.counts.connect++;
    this.sockets.add(ws);
    ws.on('close', () => {
      this.sockets.delete(ws);
      this.subscribed.delete(ws);
    });
    ws.send(JSON.stringify({ C: `s-0,${++this.cursor}`, S: 1, M: [] }));
    ws.on('message', (data) => {
      let inv: { H?: string; M?: string; A?: unknown[]; I?: number | string };
      try {
        inv = JSON.parse(data.toString()) as typeof inv;
      } catch {
        return;
      }
      if (inv.H?.toLowerCase() === HUB.toLowerCase() && inv.M === 'SwitchChannels') {
        const types = this.switchMode === 'replace' ? new Set<string>() : (this.subscribed.get(ws) ?? new Set<string>());
        for (const a of inv.A ?? []) {
          this.channels.push(String(a));
          types.add(String(a).split(':')[0]!.toUpperCase());
        }
        this.subscribed.set(ws, types);
        if (!this.silent) ws.send(JSON.stringify({ I: String(inv.I), R: true }));
      } else if (!this.silent) ws.send(JSON.stringify({ I: String(inv.I), E: `unknown method ${String(inv.M)}` }));
    });
  }

  get connected(): number {
    return this.sockets.size;
  }

  /** Sends RType messages the way v2 does (Broadcast(JSON envelope with a JSON Content)) to the sockets subscribed to their types. */
  broadcast(...msgs: Array<Record<string, unknown>>): void {
    for (const ws of this.sockets) {
      const types = this.subscribed.get(ws);
      // Other RTypes stand for what a hub may push unasked (the unknown-message tests): everyone gets them.
      const mine = msgs.filter((m) => !CHANNEL_TYPES.has(String(m.RType)) || types?.has(String(m.RType)));
      if (mine.length === 0) continue;
      ws.send(JSON.stringify({ C: `d-${++this.cursor}`, M: mine.map((m) => ({ H: HUB, M: 'Broadcast', A: [JSON.stringify({ DataType: m.RType, Content: JSON.stringify(m) })] })) }));
    }
  }

  /** The channel types each open socket is subscribed to (sorted), one entry per socket. */
  subscriptions(): string[][] {
    return [...this.sockets].map((ws) => [...(this.subscribed.get(ws) ?? [])].sort());
  }

  /** A Broadcast whose Content is the given text verbatim (garbage tests). */
  broadcastContent(content: string): void {
    this.sendRaw(JSON.stringify({ C: `d-${++this.cursor}`, M: [{ H: HUB, M: 'Broadcast', A: [JSON.stringify({ DataType: 'X', Content: content })] }] }));
  }

  sendRaw(text: string): void {
    for (const ws of this.sockets) ws.send(text);
  }

  /** The hub goes away: every socket dropped, new connections refused until comeBack(). */
  goDown(): void {
    this.down = true;
    this.dropAll();
  }

  comeBack(): void {
    this.down = false;
  }

  /** Drops every hub socket abruptly (a network cut). */
  dropAll(): void {
    for (const ws of this.sockets) ws.terminate();
  }
}

/** An SSI X message (stock or futures) for today. */
export function xMsg(symbol: string, o: { last: number; ref: number; vol: number; bid?: number; ask?: number; time?: string }): Record<string, unknown> {
  const t = vnToday();
  const ceil = Math.floor((o.ref * 1.07) / 100) * 100;
  const floor = Math.ceil((o.ref * 0.93) / 100) * 100;
  return {
    RType: 'X', Symbol: symbol, TradingDate: t.dmy, Time: o.time ?? t.time, Ceiling: ceil, Floor: floor, RefPrice: o.ref, Open: o.ref, High: Math.max(o.ref, o.last), Low: Math.min(o.ref, o.last),
    LastPrice: o.last, LastVol: 100, TotalVol: o.vol, TotalVal: o.vol * o.last,
    BidPrice1: o.bid ?? o.last - 100, BidVol1: 1000, AskPrice1: o.ask ?? o.last + 100, AskVol1: 1200,
  };
}

export function rMsg(symbol: string, f: { buyVol: number; sellVol: number; time?: string }): Record<string, unknown> {
  const t = vnToday();
  return { RType: 'R', Symbol: symbol, TradingDate: t.dmy, Time: f.time ?? t.time, BuyVol: f.buyVol, SellVol: f.sellVol, BuyVal: f.buyVol * 50_000, SellVal: f.sellVol * 50_000, TotalRoom: 1e9, CurrentRoom: 5e8 };
}

export function miMsg(id: string, value: number, prior: number): Record<string, unknown> {
  const t = vnToday();
  return { RType: 'MI', IndexId: id, IndexValue: value, PriorIndexValue: prior, TradingDate: t.dmy, Time: t.time, TotalQtty: 1_000_000, TotalValue: 5e10, Advances: 12, Declines: 10, NoChanges: 8 };
}

