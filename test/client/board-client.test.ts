import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { BoardClient, ServerError, type BoardClientEvents, type BoardClientOptions, type BoardEvent, type StateEvent, type WebSocketConstructor } from '@boardcast/client';
import { diffSnapshots } from '../../src/wire/delta.js';
import { MarketPhase, pb, type SnapshotProps, type SymbolStateProps } from '../../src/wire/proto.js';
import { frameInput, LoopbackServer, sendControl, sendFrame, type Conn } from './loopback.js';
import { until } from '../helpers/until.js';

const WS = WebSocket as unknown as WebSocketConstructor;
const OBJ = { longs: Number, enums: String, defaults: true, arrays: true } as const;
/** Canonical JSON-mapping text of a snapshot (null / undefined / [] differences vanish). */
const canon = (s: unknown) => JSON.stringify(pb.Snapshot.toObject(pb.Snapshot.fromObject(s as Record<string, unknown>), OBJ));

function sym(symbol: string, lastPrice: number): SymbolStateProps {
  return { symbol, lastPrice, bids: [{ price: lastPrice - 50, volume: 100 }], asks: [{ price: lastPrice + 50, volume: 100 }], totalVolume: 100 };
}

function snap(prices: Record<string, number>, t = 1000, points: Array<[number, number]> = [[0, 1500]]): SnapshotProps {
  return {
    marketTimeMs: t,
    tradingDate: '2025-12-10',
    phase: MarketPhase.CONTINUOUS,
    symbols: Object.entries(prices).map(([s, p]) => sym(s, p)),
    indices: [{ id: 'VN30', value: points[points.length - 1]![1], intraday: points.map(([timeMs, value]) => ({ timeMs, value })) }],
    foreign: { buyVolume: 1 },
    derivatives: { symbol: 'VN30F2512', last: 1500 },
    removedSymbols: [],
  };
}

const A = snap({ ACB: 25000, FPT: 120000 });
const B = snap({ ACB: 25050, FPT: 120000 }, 2000, [[0, 1500], [60_000, 1501]]);
const C = snap({ ACB: 25100, FPT: 119900 }, 3000, [[0, 1500], [60_000, 1502]]);
const D = snap({ ACB: 25100, FPT: 120000 }, 4000, [[0, 1500], [60_000, 1502], [120_000, 1503]]);
const delta = (from: SnapshotProps, to: SnapshotProps) => diffSnapshots(from, to).delta;

/** The next `event` for which pred holds (the listener is attached now), or a timeout error. */
function nextEvent<K extends keyof BoardClientEvents>(c: BoardClient, event: K, pred: (...a: BoardClientEvents[K]) => boolean = () => true, timeoutMs = 5000): Promise<BoardClientEvents[K]> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      off();
      reject(new Error(`timed out after ${timeoutMs} ms waiting for a ${String(event)} event`));
    }, timeoutMs);
    const off = c.on(event, (...args) => {
      if (!pred(...args)) return;
      clearTimeout(timer);
      off();
      resolve(args);
    });
  });
}

const servers: LoopbackServer[] = [];
const clients: BoardClient[] = [];
afterEach(async () => {
  for (const c of clients.splice(0)) c.close();
  await Promise.all(servers.splice(0).map((s) => s.close()));
});

async function server(onConnection?: (c: Conn) => void): Promise<LoopbackServer> {
  const s = await LoopbackServer.start(onConnection);
  servers.push(s);
  return s;
}

function client(opts: Omit<BoardClientOptions, 'WebSocket'>): BoardClient {
  const c = new BoardClient({ WebSocket: WS, backoff: { initialMs: 20, maxMs: 200, jitter: 0 }, ...opts });
  clients.push(c);
  return c;
}

/** Records every board event's seq and every state change. */
function record(c: BoardClient): { boards: BoardEvent[]; states: StateEvent[] } {
  const r = { boards: [] as BoardEvent[], states: [] as StateEvent[] };
  c.on('board', (e) => r.boards.push(e));
  c.on('state', (e) => r.states.push(e));
  return r;
}

describe('BoardClient', () => {
  it('applies a FULL then DELTAs (proto), with the requested format and query, and reports changed symbols', async () => {
    const srv = await server((conn) => sendFrame(conn, frameInput(1, 'FULL', A)));
    const c = client({ urls: [srv.url], query: { channels: 'board,indices', delta: '1' } });
    const rec = record(c);
    const symbols: string[] = [];
    c.on('symbol', (s) => symbols.push(s));
    const first = nextEvent(c, 'board');
    c.connect();
    const [full] = await first;
    expect(full.seq).toBe(1);
    expect(full.kind).toBe('FULL');
    expect(full.board.phase).toBe('CONTINUOUS');
    expect(symbols).toEqual(['ACB', 'FPT']);
    const conn = srv.conns[0]!;
    expect(conn.url.pathname).toBe('/ws');
    expect(conn.url.searchParams.get('format')).toBe('proto');
    expect(conn.url.searchParams.get('channels')).toBe('board,indices');
    expect(conn.url.searchParams.get('delta')).toBe('1');

    symbols.length = 0;
    const third = nextEvent(c, 'board', (e) => e.seq === 3);
    sendFrame(conn, frameInput(2, 'DELTA', delta(A, B)));
    sendFrame(conn, frameInput(3, 'DELTA', delta(B, C)));
    await third;
    expect(canon(c.board)).toBe(canon(C));
    expect(rec.boards.map((b) => [b.seq, b.kind])).toEqual([[1, 'FULL'], [2, 'DELTA'], [3, 'DELTA']]);
    expect(symbols).toEqual(['ACB', 'ACB', 'FPT']);
    expect(c.seq).toBe(3);
    expect(c.epoch).toBe('e1');
    expect(c.state).toBe('open');
    expect(c.stats).toMatchObject({ frames: 3, applied: 3, gaps: 0, resyncs: 0 });
  });

  it('on a skipped seq sends a resync and applies no delta until the next FULL', async () => {
    const srv = await server((conn) => sendFrame(conn, frameInput(1, 'FULL', A)));
    const c = client({ urls: [srv.url] });
    const rec = record(c);
    const first = nextEvent(c, 'board');
    c.connect();
    await first;
    const conn = srv.conns[0]!;

    const resyncing = nextEvent(c, 'state', (e) => e.state === 'resyncing');
    sendFrame(conn, frameInput(3, 'DELTA', delta(B, C))); // seq 2 never arrives
    await resyncing;
    await until('the resync message', () => conn.received.some((m) => m.type === 'resync'));
    expect(conn.raw[0]).toBeInstanceOf(Buffer); // protobuf on a binary socket

    // A delta that would apply to seq 3 must not: the client waits for a FULL.
    const full = nextEvent(c, 'board', (e) => e.kind === 'FULL' && e.seq === 5);
    sendFrame(conn, frameInput(4, 'DELTA', delta(C, D)));
    sendFrame(conn, frameInput(5, 'FULL', C));
    await full;
    expect(c.state).toBe('open');
    const next = nextEvent(c, 'board', (e) => e.seq === 6);
    sendFrame(conn, frameInput(6, 'DELTA', delta(C, D)));
    await next;
    expect(rec.boards.map((b) => b.seq)).toEqual([1, 5, 6]);
    expect(canon(c.board)).toBe(canon(D));
    expect(c.stats).toMatchObject({ gaps: 1, resyncs: 1, skipped: 2, applied: 3 });
    // One resync request, not one per ignored delta.
    expect(conn.received.filter((m) => m.type === 'resync')).toHaveLength(1);
  });

  it('a DELTA whose base_seq is not the last applied seq is a gap too', async () => {
    const srv = await server((conn) => sendFrame(conn, frameInput(1, 'FULL', A)));
    const c = client({ urls: [srv.url] });
    const first = nextEvent(c, 'board');
    c.connect();
    await first;
    const resyncing = nextEvent(c, 'state', (e) => e.state === 'resyncing');
    sendFrame(srv.conns[0]!, frameInput(2, 'DELTA', delta(B, C), 'e1', 0));
    await resyncing;
    expect(canon(c.board)).toBe(canon(A));
    expect(c.stats.gaps).toBe(1);
  });

  it('an epoch change drops the board until a FULL of the new epoch', async () => {
    const srv = await server((conn) => sendFrame(conn, frameInput(1, 'FULL', A, 'e1')));
    const c = client({ urls: [srv.url] });
    const rec = record(c);
    const first = nextEvent(c, 'board');
    c.connect();
    await first;
    const conn = srv.conns[0]!;

    const frame = nextEvent(c, 'frame', (f) => f.epoch === 'e2');
    sendFrame(conn, frameInput(2, 'DELTA', delta(A, B), 'e2')); // seq/base would fit, but it is another worker's
    await frame;
    expect(c.board).toBeUndefined();
    expect(c.epoch).toBe('e2');
    await until('the resync message', () => conn.received.some((m) => m.type === 'resync'));

    const full = nextEvent(c, 'board');
    sendFrame(conn, frameInput(1, 'FULL', C, 'e2')); // seq starts over in the new epoch
    const [ev] = await full;
    expect(ev.epoch).toBe('e2');
    expect(canon(c.board)).toBe(canon(C));
    expect(rec.boards.map((b) => `${b.epoch}:${b.seq}`)).toEqual(['e1:1', 'e2:1']);
    expect(c.stats.epochChanges).toBe(1);
  });

  it('speaks JSON on text sockets: frames, resync and subscribe messages', async () => {
    const srv = await server((conn) => sendFrame(conn, frameInput(1, 'FULL', A)));
    const c = client({ urls: [srv.url], format: 'json' });
    const first = nextEvent(c, 'board');
    c.connect();
    await first;
    const conn = srv.conns[0]!;
    expect(conn.url.searchParams.get('format')).toBe('json');

    const applied = nextEvent(c, 'board', (e) => e.seq === 2);
    sendFrame(conn, frameInput(2, 'DELTA', delta(A, B)));
    await applied;
    expect(canon(c.board)).toBe(canon(B));

    expect(c.subscribe(['board'], ['ACB'])).toBe(true);
    expect(c.resync()).toBe(true);
    await until('two client messages', () => conn.raw.length >= 2);
    expect(conn.raw[0]).toBe('{"version":1,"subscribe":{"channels":["board"],"symbols":["ACB"]}}');
    expect(conn.raw[1]).toBe('{"version":1,"resync":{}}');
    expect(conn.received).toEqual([{ type: 'subscribe', channels: ['board'], symbols: ['ACB'] }, { type: 'resync' }]);
  });

  it('selectBoard sends subscribe { board } and replaces the view ops; setQuery opens a new socket at once with the new query, keeping channel subscriptions (the latest per channel set)', async () => {
    const srv = await server((conn) => sendFrame(conn, frameInput(1, 'FULL', A)));
    const c = client({ urls: [srv.url], format: 'json', query: { board: 'VN30' } });
    const first = nextEvent(c, 'board');
    c.connect();
    await first;
    const conn = srv.conns[0]!;
    expect(conn.url.searchParams.get('board')).toBe('VN30');
    c.subscribe(['indices']);
    c.subscribe([], ['ACB']);
    expect(c.selectBoard('HOSE')).toBe(true);
    await until('three client messages', () => conn.raw.length >= 3);
    expect(JSON.parse(String(conn.raw[2]))).toEqual({ version: 1, subscribe: { channels: [], symbols: [], board: 'HOSE' } });
    expect(conn.received[2]).toMatchObject({ type: 'subscribe', board: 'HOSE' });

    // A channel set asked for and dropped again and again (a panel opened and closed) is one op to replay.
    for (let i = 0; i < 3; i++) {
      c.subscribe(['trades', 'candles']);
      c.unsubscribe(['candles', 'trades']);
    }
    c.subscribe(['trades', 'candles']);
    const second = nextEvent(c, 'board');
    c.setQuery({ symbols: 'FPT,VNM' });
    await until('a second socket', () => srv.conns.length === 2);
    const next = srv.conns[1]!;
    expect(next.url.searchParams.get('symbols')).toBe('FPT,VNM');
    expect(next.url.searchParams.get('board')).toBeNull();
    await second;
    // Replayed on the new socket: the channel subscription only (the board and symbol ops described the old view).
    await until('the replayed subscribes', () => next.received.length >= 2);
    expect(next.raw.map((r) => JSON.parse(String(r)))).toEqual([
      { version: 1, subscribe: { channels: ['indices'], symbols: [] } },
      { version: 1, subscribe: { channels: ['trades', 'candles'], symbols: [] } },
    ]);
    await until('the old socket closed', () => conn.ws.readyState === WebSocket.CLOSED);
    expect(c.stats.reconnects).toBe(0);
  });

  it('surfaces pong and error control frames without touching the board or the seq checks', async () => {
    const srv = await server((conn) => sendFrame(conn, frameInput(1, 'FULL', A)));
    const c = client({ urls: [srv.url] });
    const first = nextEvent(c, 'board');
    c.connect();
    await first;
    const conn = srv.conns[0]!;

    const pong = nextEvent(c, 'pong');
    expect(c.ping()).toBe(true);
    const ping = await until('the ping', () => conn.received.find((m) => m.type === 'ping'));
    sendControl(conn, 1, 'e1', { pong: { clientTimeUs: ping.clientTimeUs, serverTimeUs: ping.clientTimeUs + 500 } });
    const [p] = await pong;
    expect(p.clientTimeUs).toBe(ping.clientTimeUs);
    expect(p.rttMs).toBeGreaterThanOrEqual(0);

    const error = nextEvent(c, 'error');
    sendControl(conn, 1, 'e1', { error: { code: 'BC_CLIENT_MSG_MALFORMED', message: 'bad' } });
    const [err] = await error;
    expect(err).toBeInstanceOf(ServerError);
    expect((err as ServerError).serverCode).toBe('BC_CLIENT_MSG_MALFORMED');

    // The control frames repeated seq 1: the next delta still applies.
    const applied = nextEvent(c, 'board', (e) => e.seq === 2);
    sendFrame(conn, frameInput(2, 'DELTA', delta(A, B)));
    await applied;
    expect(c.stats.gaps).toBe(0);
  });

  it('an undecodable frame is reported and treated as a gap', async () => {
    const srv = await server((conn) => sendFrame(conn, frameInput(1, 'FULL', A)));
    const c = client({ urls: [srv.url] });
    const first = nextEvent(c, 'board');
    c.connect();
    await first;
    const error = nextEvent(c, 'error');
    srv.conns[0]!.ws.send(new Uint8Array([0xff, 0xff, 0xff]));
    const [err] = await error;
    expect(err.code).toBe('BC_CLIENT_FRAME_INVALID');
    await until('the resync message', () => srv.conns[0]!.received.some((m) => m.type === 'resync'));
    expect(c.stats.gaps).toBe(1);
  });

  it('reconnects to the next URL with backoff when the server closes, replays subscriptions, resets backoff after a FULL', async () => {
    let seqA = 0;
    const a = await server((conn) => sendFrame(conn, frameInput(++seqA, 'FULL', A)));
    const b = await server((conn) => sendFrame(conn, frameInput(10, 'FULL', B)));
    const c = client({ urls: [a.url, b.url] });
    const rec = record(c);
    const first = nextEvent(c, 'board');
    c.connect();
    await first;
    c.subscribe(['indices']);
    await until('the subscribe', () => a.conns[0]!.received.length === 1);

    const onB = nextEvent(c, 'board', (e) => e.seq === 10);
    a.conns[0]!.ws.close(1001, 'going away');
    await onB;
    expect(canon(c.board)).toBe(canon(B));
    const reconnecting = rec.states.filter((s) => s.state === 'reconnecting');
    expect(reconnecting).toHaveLength(1);
    expect(reconnecting[0]).toMatchObject({ url: expect.stringContaining(b.url), attempt: 1, delayMs: 20, code: 1001, reason: 'going away' });
    // The subscription made on the first socket is sent again on the new one.
    await until('the replayed subscribe', () => b.conns[0]!.received.length === 1);
    expect(b.conns[0]!.received[0]).toEqual({ type: 'subscribe', channels: ['indices'], symbols: [] });

    // The FULL reset the backoff: the next drop waits the initial delay again, back on URL a.
    const back = nextEvent(c, 'board', (e) => e.seq === 2);
    b.conns[0]!.ws.terminate();
    await back;
    const second = rec.states.filter((s) => s.state === 'reconnecting')[1]!;
    expect(second).toMatchObject({ url: expect.stringContaining(a.url), attempt: 1, delayMs: 20 });
    expect(c.stats.reconnects).toBe(2);
  });

  it('backs off exponentially while no server answers, and close() stops reconnecting', async () => {
    const dead = await server();
    const url = dead.url;
    await dead.close();
    servers.splice(servers.indexOf(dead), 1);
    const c = client({ urls: [url], backoff: { initialMs: 10, maxMs: 40, factor: 2, jitter: 0 } });
    const rec = record(c);
    const errors: string[] = [];
    c.on('error', (e) => errors.push(e.code));
    const fourth = nextEvent(c, 'state', (e) => e.state === 'reconnecting' && e.attempt === 4);
    c.connect();
    await fourth;
    expect(rec.states.filter((s) => s.state === 'reconnecting').map((s) => s.delayMs)).toEqual([10, 20, 40, 40]);
    expect(errors[0]).toBe('BC_CLIENT_SOCKET_ERROR');

    c.close();
    expect(c.state).toBe('closed');
    const count = rec.states.length;
    // A negative can only be checked by waiting: several times the largest delay, then nothing may have happened.
    await new Promise((r) => setTimeout(r, 200));
    expect(rec.states.length).toBe(count);
  });

  it('close() during a live connection closes the socket and does not reconnect', async () => {
    const srv = await server((conn) => sendFrame(conn, frameInput(1, 'FULL', A)));
    const c = client({ urls: [srv.url] });
    const first = nextEvent(c, 'board');
    c.connect();
    await first;
    const closed = new Promise<number>((resolve) => srv.conns[0]!.ws.once('close', (code) => resolve(code)));
    c.close();
    expect(await closed).toBe(1000);
    expect(c.state).toBe('closed');
    expect(c.ping()).toBe(false);
    await new Promise((r) => setTimeout(r, 100));
    expect(srv.conns).toHaveLength(1);
    expect(c.board).toBeDefined(); // still readable after close
  });

  it('validates its options', () => {
    expect(() => new BoardClient({ urls: [], WebSocket: WS })).toThrow(RangeError);
    expect(() => new BoardClient({ urls: ['not a url'], WebSocket: WS })).toThrow(TypeError);
    expect(() => new BoardClient({ urls: ['ws://x/ws'], WebSocket: WS, backoff: { jitter: 2 } })).toThrow(RangeError);
  });
});
