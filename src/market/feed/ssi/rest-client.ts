// FastConnect Data v2 REST: the few endpoints the adapter needs, over fetch.
//
//   POST Market/AccessToken      {consumerID, consumerSecret} → {status, message, data: {accessToken}}
//   GET  Market/IndexComponents  indexCode, pageIndex, pageSize → data: [{IndexCode, IndexComponent: [{StockSymbol, Isin}]}]
//   GET  Market/Securities       market (HOSE, HNX, UPCOM, DER), pageIndex, pageSize → data: [{Market, Symbol, StockName, ...}]
//   GET  Market/DailyStockPrice  symbol, fromDate, toDate (dd/mm/yyyy), market, pageIndex, pageSize
//                                → data: [{Symbol, TradingDate, ForeignBuyVolTotal, ForeignSellVolTotal,
//                                          ForeignBuyValTotal, ForeignSellValTotal, ForeignCurrentRoom, ...}]
//
// Every v2 answer is an envelope {status, message, data, totalRecord}; v2 answers HTTP 200
// even when it refuses (auth failure, bad request) with the real status in the body, so the
// body's status is checked as well as the HTTP one. A 401 (either way) on a data call
// refreshes the token and retries once. Nothing here puts the secret or a token into an
// error message.
import { clip, SsiAuthError, SsiHttpError } from './errors.js';
import { TokenManager, type TokenManagerOptions } from './token.js';

export interface SsiRestOptions {
  /** The v2 REST base, e.g. https://fc-data.ssi.com.vn/api/v2/ (a trailing slash is added). */
  baseUrl: string;
  consumerId: string;
  consumerSecret: string;
  /** Per-request timeout, ms (default 10 s). */
  timeoutMs?: number;
  token?: TokenManagerOptions;
  /** Applied to every piece of an answer before it is cut short or put in an error (the feed's Scrubber). */
  scrub?: (text: string) => string;
}

interface Envelope<T> {
  status?: unknown;
  message?: unknown;
  data?: T;
  totalRecord?: unknown;
}

export interface DailyStockPriceRow {
  Symbol?: string;
  TradingDate?: string;
  Time?: string;
  ForeignBuyVolTotal?: string | number;
  ForeignSellVolTotal?: string | number;
  ForeignBuyValTotal?: string | number;
  ForeignSellValTotal?: string | number;
  ForeignCurrentRoom?: string | number;
  [k: string]: unknown;
}

const MAX_PAGES = 50;

/** The body's status as a number (v2 sends 200 or "200"); NaN when absent or odd. */
function bodyStatus(env: Envelope<unknown>): number {
  const s = env.status;
  return typeof s === 'number' ? s : typeof s === 'string' && /^\d+$/.test(s) ? Number(s) : NaN;
}

/** The server's own message, scrubbed, short and single-line (it may echo the request, secret included). */
function bodyMessage(env: Envelope<unknown>, scrub?: (text: string) => string): string {
  return typeof env.message === 'string' ? clip(env.message, 160, scrub) : '';
}

/**
 * Whether a page was the last: an empty page always is; with a usable totalRecord, when
 * that many items are in (servers may cap the page below the size asked for); without
 * one, a page shorter than asked for.
 */
function lastPage(got: number, pageSize: number, _page: number, total: number, soFar: number): boolean {
  if (got === 0) return true;
  if (Number.isFinite(total) && total > 0) return soFar >= total;
  return got < pageSize;
}

export class SsiRestClient {
  readonly baseUrl: string;
  readonly tokens: TokenManager;
  private readonly consumerId: string;
  private readonly consumerSecret: string;
  private readonly timeoutMs: number;
  private readonly scrub: ((text: string) => string) | undefined;
  /** REST calls made, by path (tests and metrics). */
  readonly calls: Record<string, number> = Object.create(null) as Record<string, number>;

  constructor(opts: SsiRestOptions) {
    this.baseUrl = opts.baseUrl.endsWith('/') ? opts.baseUrl : `${opts.baseUrl}/`;
    this.consumerId = opts.consumerId;
    this.consumerSecret = opts.consumerSecret;
    this.timeoutMs = opts.timeoutMs ?? 10_000;
    this.scrub = opts.scrub;
    this.tokens = new TokenManager({ fetchToken: () => this.fetchToken() }, opts.token);
  }

  private url(path: string, query: Record<string, string | number> = {}): URL {
    const u = new URL(path, this.baseUrl);
    for (const [k, v] of Object.entries(query)) u.searchParams.set(k, String(v));
    return u;
  }

  private async send<T>(path: string, init: RequestInit, query?: Record<string, string | number>): Promise<{ http: number; env: Envelope<T> }> {
    this.calls[path] = (this.calls[path] ?? 0) + 1;
    let res: Response;
    try {
      res = await fetch(this.url(path, query), { ...init, signal: AbortSignal.timeout(this.timeoutMs) });
    } catch (err) {
      const why = (err as Error)?.name === 'TimeoutError' ? `timed out after ${this.timeoutMs} ms` : ((err as Error)?.cause as Error | undefined)?.message ?? (err as Error)?.message ?? String(err);
      throw new SsiHttpError(`SSI ${init.method ?? 'GET'} ${path}: ${why}`, { path }, { cause: err });
    }
    const text = await res.text().catch(() => '');
    let env: Envelope<T> = {};
    try {
      const parsed = JSON.parse(text) as unknown;
      if (parsed && typeof parsed === 'object') env = parsed as Envelope<T>;
    } catch {
      // not JSON: judged by the HTTP status below
    }
    return { http: res.status, env };
  }

  /** POST Market/AccessToken. Refusals (HTTP or in-body) are SsiAuthError. */
  async fetchToken(): Promise<string> {
    const path = 'Market/AccessToken';
    const { http, env } = await this.send<{ accessToken?: unknown }>(path, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ consumerID: this.consumerId, consumerSecret: this.consumerSecret }),
    });
    const status = bodyStatus(env);
    const token = env.data?.accessToken;
    if (http !== 200 || status !== 200 || typeof token !== 'string' || token === '') {
      const shown = http !== 200 ? `HTTP ${http}` : Number.isNaN(status) ? 'no status in the body' : `status ${status} in the body`;
      const msg = bodyMessage(env, this.scrub);
      throw new SsiAuthError(`SSI access token refused (${shown}${msg ? `: ${msg}` : ''}); check SSI_CONSUMER_ID and SSI_CONSUMER_SECRET`, { httpStatus: http, status });
    }
    return token;
  }

  /** An authorized GET returning the envelope; a 401 refreshes the token and retries once. */
  async get<T>(path: string, query: Record<string, string | number>): Promise<Envelope<T>> {
    for (let attempt = 0; ; attempt++) {
      const token = await this.tokens.get();
      const { http, env } = await this.send<T>(path, { method: 'GET', headers: { authorization: `Bearer ${token}`, accept: 'application/json' } }, query);
      const status = bodyStatus(env);
      if (http === 401 || status === 401) {
        this.tokens.invalidate(token);
        if (attempt === 0) continue;
        throw new SsiAuthError(`SSI GET ${path}: unauthorized after a token refresh`, { path });
      }
      if (http !== 200 || (!Number.isNaN(status) && status !== 200)) {
        const msg = bodyMessage(env, this.scrub);
        throw new SsiHttpError(`SSI GET ${path}: ${http !== 200 ? `HTTP ${http}` : `status ${status} in the body`}${msg ? `: ${msg}` : ''}`, { path, httpStatus: http, status });
      }
      return env;
    }
  }

  /** The constituents of an index (e.g. VN30), all pages. */
  async indexComponents(indexCode: string, pageSize = 100): Promise<string[]> {
    const out: string[] = [];
    const seen = new Set<string>();
    for (let page = 1; page <= MAX_PAGES; page++) {
      const env = await this.get<Array<{ IndexCode?: string; IndexComponent?: Array<{ StockSymbol?: unknown }> }>>('Market/IndexComponents', { indexCode, pageIndex: page, pageSize });
      const rows = Array.isArray(env.data) ? env.data : [];
      let got = 0;
      for (const row of rows) {
        if (row?.IndexCode && String(row.IndexCode).toUpperCase() !== indexCode.toUpperCase()) continue;
        for (const c of Array.isArray(row?.IndexComponent) ? row.IndexComponent : []) {
          got++;
          const sym = typeof c?.StockSymbol === 'string' ? c.StockSymbol.trim().toUpperCase() : '';
          if (/^[A-Z0-9]{1,20}$/.test(sym) && !seen.has(sym)) {
            seen.add(sym);
            out.push(sym);
          }
        }
      }
      if (lastPage(got, pageSize, page, Number(env.totalRecord), seen.size)) break;
    }
    return out;
  }

  /** The symbols listed on one market (DER: the derivatives, in the codes the feed uses), all pages. */
  async securities(market: string, pageSize = 100): Promise<string[]> {
    const out: string[] = [];
    const seen = new Set<string>();
    for (let page = 1; page <= MAX_PAGES; page++) {
      const env = await this.get<Array<{ Symbol?: unknown }>>('Market/Securities', { market, pageIndex: page, pageSize });
      const rows = Array.isArray(env.data) ? env.data : [];
      for (const row of rows) {
        const sym = typeof row?.Symbol === 'string' ? row.Symbol.trim().toUpperCase() : '';
        if (/^[A-Z0-9]{1,20}$/.test(sym) && !seen.has(sym)) {
          seen.add(sym);
          out.push(sym);
        }
      }
      if (lastPage(rows.length, pageSize, page, Number(env.totalRecord), out.length)) break;
    }
    return out;
  }

  /** Daily price rows (with foreign totals) of one market for one day (dd/mm/yyyy), all pages. */
  async dailyStockPrice(date: string, market: string, pageSize = 1000): Promise<DailyStockPriceRow[]> {
    const out: DailyStockPriceRow[] = [];
    for (let page = 1; page <= MAX_PAGES; page++) {
      const env = await this.get<DailyStockPriceRow[]>('Market/DailyStockPrice', { symbol: '', fromDate: date, toDate: date, market, pageIndex: page, pageSize });
      const rows = Array.isArray(env.data) ? env.data : [];
      out.push(...rows);
      if (lastPage(rows.length, pageSize, page, Number(env.totalRecord), out.length)) break;
    }
    return out;
  }
}
