// Named boards and watchlists over the whole market (UNIVERSE=all, the simulator): every
// symbol of a named board is in that board's view, random watchlists over the universe get
// exactly their symbols in both formats, no board and no watchlist is still the VN30 board,
// and the same choices on /api/snapshot. UNIVERSE=vn30 keeps the whole board as the default.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { universe } from '../../src/market/rules/universe.js';
import { VN30_SYMBOLS } from '../../src/market/rules/vn30.js';
import { decode, TestClient } from '../helpers/ws-client.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { boardFrames, errorFrames, expectRefused, prng, sendMsg, snap } from '../helpers/protocol.js';

const u = universe('all');
const FORMATS = [
  { format: 'proto', binary: true },
  { format: 'json', binary: false },
] as const;
const fullRows = async (c: TestClient, what: string): Promise<string[]> => {
  const f = await c.until(() => boardFrames(c).find((x) => x.kind === 'FULL'), 10_000, what);
  return (snap(f).symbols ?? []).map((s) => s.symbol);
};

describe('UNIVERSE=all', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({ UNIVERSE: 'all', SIM_START_TIME: '10:00:00', WS_MAX_VIEWS: '200' });
  }, 30_000);
  afterAll(async () => {
    await srv?.stop();
  });

  it('no board and no watchlist: the VN30 board, not the whole market', async () => {
    const c = await TestClient.open(srv.ws('format=json'));
    try {
      expect((await fullRows(c, 'a FULL')).sort()).toEqual([...VN30_SYMBOLS].sort());
      const ids = (snap(boardFrames(c)[0]!).indices ?? []).map((i) => i.id);
      expect(ids).toEqual(expect.arrayContaining([...u.indexIds]));
    } finally {
      c.close();
    }
  });

  describe.each(FORMATS)('over $format', ({ format, binary }) => {
    it.each(['VN30', 'VN100', 'HOSE', 'HNX', 'HNX30', 'UPCOM'])('?board=%s: every symbol of the board, nothing else', async (board) => {
      const c = await TestClient.open(srv.ws(`format=${format}&board=${board.toLowerCase()}`));
      try {
        const rows = await fullRows(c, `a FULL of ${board}`);
        expect(rows.sort()).toEqual([...u.boards.get(board as never)!].sort());
        expect(c.messages.every((m) => m.isBinary === binary)).toBe(true);
      } finally {
        c.close();
      }
    });

    it('random 20-symbol watchlists over the whole universe get exactly their symbols', async () => {
      const rnd = prng(format === 'proto' ? 7 : 8);
      const lists = Array.from({ length: 6 }, () => {
        const s = new Set<string>();
        while (s.size < 20) s.add(u.symbols[Math.floor(rnd() * u.symbols.length)]!);
        return [...s];
      });
      const clients = await Promise.all(lists.map((l) => TestClient.open(srv.ws(`format=${format}&symbols=${l.join(',')}`))));
      try {
        for (const [i, c] of clients.entries()) {
          expect((await fullRows(c, `watchlist ${i}`)).sort()).toEqual([...lists[i]!].sort());
          // DELTAs carry only watched rows too.
          await c.until(() => boardFrames(c).some((f) => f.kind === 'DELTA'), 10_000, 'a DELTA');
          for (const f of boardFrames(c)) for (const s of snap(f).symbols ?? []) expect(lists[i]).toContain(s.symbol);
        }
      } finally {
        for (const c of clients) c.close();
      }
    });

    it('subscribe { board } moves the socket to that board', async () => {
      const c = await TestClient.open(srv.ws(`format=${format}&symbols=FPT`));
      try {
        await fullRows(c, 'the first FULL');
        const before = c.messages.length;
        sendMsg(c, binary, { subscribe: { board: 'HNX30' } });
        const f = await c.until(() => c.messages.slice(before).map(decode).find((x) => x.hasSnapshot && x.kind === 'FULL'), 10_000, 'a FULL of HNX30');
        expect((snap(f).symbols ?? []).map((s) => s.symbol).sort()).toEqual([...u.boards.get('HNX30')!].sort());
        sendMsg(c, binary, { subscribe: { board: 'NASDAQ' } });
        const err = await c.until(() => errorFrames(c)[0], 5000, 'an error frame');
        expect(err.code).toBe('BC_UNKNOWN_BOARD');
      } finally {
        c.close();
      }
    });
  });

  it('an unknown board, or a board and a watchlist together, is refused with 400', async () => {
    const r = await expectRefused(srv.ws('board=NASDAQ'));
    expect(r.status).toBe(400);
    expect(r.body.error).toBe('BC_UNKNOWN_BOARD');
    const both = await expectRefused(srv.ws('board=HNX&symbols=FPT'));
    expect(both.status).toBe(400);
    expect(both.body).toMatchObject({ error: 'BC_BAD_PARAM', param: 'board' });
  });

  it('/api/snapshot takes the same board and symbols', async () => {
    const get = async (q: string) => {
      const r = await fetch(`${srv.http}/api/snapshot${q}`);
      return { status: r.status, body: (await r.json()) as { snapshot?: { symbols?: Array<{ symbol: string }> }; error?: string } };
    };
    const rows = (b: Awaited<ReturnType<typeof get>>['body']) => (b.snapshot?.symbols ?? []).map((s) => s.symbol).sort();
    expect(rows((await get('')).body)).toEqual([...VN30_SYMBOLS].sort());
    expect(rows((await get('?board=UPCOM')).body)).toEqual([...u.boards.get('UPCOM')!].sort());
    expect(rows((await get('?symbols=ACV,PVS,FPT')).body)).toEqual(['ACV', 'FPT', 'PVS']);
    const bad = await get('?board=NOPE');
    expect(bad.status).toBe(400);
    expect(bad.body.error).toBe('BC_UNKNOWN_BOARD');
  });

  it('/api/vn30 is the VN30 basket; /api/universe lists every symbol with its exchange, the boards and the indices', async () => {
    expect(await (await fetch(`${srv.http}/api/vn30`)).json()).toEqual({ symbols: VN30_SYMBOLS });
    const r = await fetch(`${srv.http}/api/universe`, { headers: { origin: 'http://localhost:5173' } });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { universe: string; defaultBoard: string; symbols: Array<{ symbol: string; exchange: string }>; boards: Record<string, string[]>; indices: string[] };
    expect(body.universe).toBe('all');
    expect(body.defaultBoard).toBe('VN30');
    expect(body.symbols.map((s) => s.symbol)).toEqual(u.symbols);
    const count = (ex: string) => body.symbols.filter((s) => s.exchange === ex).length;
    expect([count('HOSE'), count('HNX'), count('UPCOM')]).toEqual([400, 300, 850]);
    expect(body.symbols.find((s) => s.symbol === 'PVS')).toEqual({ symbol: 'PVS', exchange: 'HNX' });
    for (const [name, list] of u.boards) expect(body.boards[name]).toEqual(list);
    expect(body.indices).toEqual([...u.indexIds]);
    expect((await fetch(`${srv.http}/api/universe`, { method: 'POST', body: 'x' })).status).toBe(405);
  });
});

describe('UNIVERSE=vn30 (the default)', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer({});
  });
  afterAll(async () => {
    await srv?.stop();
  });

  it('keeps the whole board as the default, has the VN30 board and no other', async () => {
    const c = await TestClient.open(srv.ws('format=json'));
    const b = await TestClient.open(srv.ws('format=json&board=VN30'));
    try {
      expect((await fullRows(c, 'a FULL')).sort()).toEqual([...VN30_SYMBOLS].sort());
      expect((await fullRows(b, 'a FULL of VN30')).sort()).toEqual([...VN30_SYMBOLS].sort());
    } finally {
      c.close();
      b.close();
    }
    expect((await expectRefused(srv.ws('board=HNX'))).body.error).toBe('BC_UNKNOWN_BOARD');
  });

  it('/api/vn30 and /api/universe: the whole board, VN30 its only named board', async () => {
    expect(await (await fetch(`${srv.http}/api/vn30`)).json()).toEqual({ symbols: VN30_SYMBOLS });
    const body = (await (await fetch(`${srv.http}/api/universe`)).json()) as { universe: string; symbols: Array<{ symbol: string; exchange: string }>; boards: Record<string, string[]> };
    expect(body.universe).toBe('vn30');
    expect(body.symbols).toEqual(VN30_SYMBOLS.map((symbol) => ({ symbol, exchange: 'HOSE' })));
    expect(body.boards).toEqual({ VN30: VN30_SYMBOLS });
  });
});
