// Views against the real server: channels and symbol watchlists chosen at connect time or
// changed later with subscribe / unsubscribe client messages (protobuf on binary sockets,
// JSON on text ones), FULL-only sockets, and what happens to bad channel or symbol names.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, TestClient, type DecodedFrame } from '../helpers/ws-client.js';
import { metric, startTestServer, type TestServer } from '../helpers/server.js';
import { boardFrames, checkResyncRule, errorFrames, expectContiguous, expectRefused, sendMsg, snap } from '../helpers/protocol.js';

let srv: TestServer;
let basket: string[];
beforeAll(async () => {
  // A keyframe every 1.5 s: the indices and the foreign summary change once a (market) second,
  // so a keyframe period of exactly 1 s could land every change on a FULL frame and no DELTA
  // would ever carry one.
  srv = await startTestServer({ BROADCAST_INTERVAL_MS: '50', KEYFRAME_EVERY: '30', SIM_TRADES_PER_SECOND: '200' });
  basket = ((await (await fetch(`${srv.http}/api/vn30`)).json()) as { symbols: string[] }).symbols;
});
afterAll(async () => {
  await srv?.stop();
});

const FORMATS = [
  { format: 'proto', binary: true },
  { format: 'json', binary: false },
] as const;

const rows = (f: DecodedFrame) => (snap(f).symbols ?? []).map((s) => s.symbol);
const indexIds = (f: DecodedFrame) => (snap(f).indices ?? []).map((i) => i.id);
const hasForeign = (f: DecodedFrame) => snap(f).foreign != null;
const hasDerivatives = (f: DecodedFrame) => snap(f).derivatives != null;

describe.each(FORMATS)('views over $format', ({ format, binary }) => {
  it('?channels=indices: frames carry the indices and no symbol rows, foreign summary or derivatives', async () => {
    const c = await TestClient.open(srv.ws(`format=${format}&channels=indices`));
    try {
      // The indices are recomputed about once a second: wait for a DELTA that carries them,
      // so the channel is seen live, not only in its FULL frame.
      await c.until(() => boardFrames(c).some((f) => f.kind === 'DELTA' && indexIds(f).length > 0), 8000, 'a DELTA with an index');
      const frames = boardFrames(c);
      expect(frames[0]!.kind).toBe('FULL');
      expect(indexIds(frames[0]!)).toEqual(expect.arrayContaining(['VN30', 'VNINDEX']));
      for (const f of frames) {
        expect(rows(f)).toEqual([]);
        expect(hasForeign(f)).toBe(false);
        expect(hasDerivatives(f)).toBe(false);
        expect(f.json.snapshot).toHaveProperty('phase');
      }
      expectContiguous(frames);
      expect(c.messages.every((m) => m.isBinary === binary)).toBe(true);
    } finally {
      c.close();
    }
  });

  it('?channels=board&symbols=FPT,VNM: exactly those rows in FULL frames, and a DELTA carries just the changes among them', async () => {
    const all = await TestClient.open(srv.ws(`format=${format}`));
    const watch = await TestClient.open(srv.ws(`format=${format}&channels=board&symbols=FPT,VNM`));
    try {
      await all.nth(1);
      // Enough frames to see both FULL (keyframe every 30) and DELTA frames with rows.
      await watch.until(() => boardFrames(watch).filter((f) => f.kind === 'FULL').length >= 2 && boardFrames(watch).some((f) => f.kind === 'DELTA' && rows(f).length > 0), 8000, 'two FULL frames and a DELTA with rows');
      await all.until(() => boardFrames(all).at(-1)!.seq >= boardFrames(watch).at(-1)!.seq, 3000, 'the whole-board socket to catch up');
      const frames = boardFrames(watch);
      expectContiguous(frames);
      for (const f of frames) {
        if (f.kind === 'FULL') expect(rows(f).sort()).toEqual(['FPT', 'VNM']);
        else expect(['FPT', 'VNM']).toEqual(expect.arrayContaining(rows(f)));
        expect(indexIds(f)).toEqual([]);
        expect(hasForeign(f) || hasDerivatives(f)).toBe(false);
      }
      // The same DELTA seen by a whole-board socket, restricted to FPT and VNM, is the watchlist's DELTA.
      const bySeq = new Map(boardFrames(all).map((f) => [f.seq, f]));
      let compared = 0;
      for (const f of frames) {
        const whole = bySeq.get(f.seq);
        if (!whole || whole.kind !== f.kind) continue;
        const expected = (snap(whole).symbols ?? []).filter((s) => s.symbol === 'FPT' || s.symbol === 'VNM');
        expect(snap(f).symbols ?? []).toEqual(expected);
        compared++;
      }
      expect(compared).toBeGreaterThan(3);
    } finally {
      all.close();
      watch.close();
    }
  });

  it('subscribe adds a channel (a FULL of the new view first, then frames with it); unsubscribe removes it', async () => {
    const c = await TestClient.open(srv.ws(`format=${format}&channels=indices`));
    try {
      await c.nth(2);
      const before = c.messages.length;
      sendMsg(c, binary, { subscribe: { channels: ['foreign'] } });
      // The new view starts with a FULL frame carrying the foreign summary...
      const firstWith = await c.until(() => c.messages.slice(before).map(decode).find((f) => f.hasSnapshot && hasForeign(f)), 3000, 'a frame with the foreign summary');
      expect(firstWith.kind).toBe('FULL');
      expect(indexIds(firstWith)).toEqual(expect.arrayContaining(['VN30', 'VNINDEX']));
      expect(rows(firstWith)).toEqual([]);
      // ...then the frames go on from it (DELTAs on the previous seq), and later FULL frames keep the summary.
      const at = c.messages.findIndex((m, i) => i >= before && hasForeign(decode(m)));
      await c.until(() => {
        const later = c.messages.slice(at + 1).map(decode);
        return later.some((f) => f.hasSnapshot && f.kind === 'FULL') && later.some((f) => f.kind === 'DELTA' && hasForeign(f));
      }, 5000, 'a later keyframe and a DELTA carrying the foreign summary');
      const after = c.messages.slice(at).map(decode).filter((f) => f.hasSnapshot);
      expectContiguous(after.slice(1), 'after subscribe');
      expect(after[1]!.seq).toBeGreaterThanOrEqual(after[0]!.seq);
      for (const f of after.filter((f) => f.kind === 'FULL')) expect(hasForeign(f)).toBe(true);
      expect(errorFrames(c)).toEqual([]);

      const mark = c.messages.length;
      sendMsg(c, binary, { unsubscribe: { channels: ['foreign'] } });
      // A FULL without the summary, and from then on no frame carries it.
      const isFullWithout = (f: DecodedFrame) => f.hasSnapshot && f.kind === 'FULL' && !hasForeign(f);
      await c.until(() => c.messages.slice(mark).map(decode).find(isFullWithout), 3000, 'a FULL without foreign');
      const start = c.messages.slice(mark).map(decode).findIndex(isFullWithout) + mark;
      await c.until(() => c.messages.length >= start + 10, 3000, '10 more frames');
      const tail = c.messages.slice(start).map(decode).filter((f) => f.hasSnapshot);
      for (const f of tail) expect(hasForeign(f)).toBe(false);
      for (const f of tail.filter((f) => f.kind === 'FULL')) expect(indexIds(f)).toEqual(expect.arrayContaining(['VN30', 'VNINDEX']));
      expect(checkResyncRule(tail).every((g) => g.kind === 'FULL')).toBe(true);
    } finally {
      c.close();
    }
  });

  it('subscribe / unsubscribe of symbols grows and shrinks a watchlist', async () => {
    const c = await TestClient.open(srv.ws(`format=${format}&channels=board&symbols=FPT`));
    try {
      await c.nth(1);
      expect(rows(boardFrames(c)[0]!)).toEqual(['FPT']);
      let mark = c.messages.length;
      sendMsg(c, binary, { subscribe: { symbols: ['VNM', 'hpg'] } });
      const grown = await c.until(() => c.messages.slice(mark).map(decode).find((f) => f.hasSnapshot && f.kind === 'FULL' && rows(f).length === 3), 3000, 'a FULL with 3 rows');
      expect(rows(grown).sort()).toEqual(['FPT', 'HPG', 'VNM']);
      mark = c.messages.length;
      sendMsg(c, binary, { unsubscribe: { symbols: ['FPT'] } });
      const shrunk = await c.until(() => c.messages.slice(mark).map(decode).find((f) => f.hasSnapshot && f.kind === 'FULL' && !rows(f).includes('FPT')), 3000, 'a FULL without FPT');
      expect(rows(shrunk).sort()).toEqual(['HPG', 'VNM']);
      const start = c.messages.findIndex((m, i) => i >= mark && decode(m).hasSnapshot && decode(m).kind === 'FULL' && !rows(decode(m)).includes('FPT'));
      await c.until(() => c.messages.length >= start + 10, 3000, '10 more frames');
      for (const m of c.messages.slice(start)) expect(['HPG', 'VNM']).toEqual(expect.arrayContaining(rows(decode(m))));
    } finally {
      c.close();
    }
  });

  it('an unknown channel or symbol in a client message gets an error frame (BC_UNKNOWN_CHANNEL / BC_UNKNOWN_SYMBOL); the socket stays open with its view unchanged', async () => {
    const c = await TestClient.open(srv.ws(`format=${format}&channels=indices`));
    try {
      await c.nth(1);
      sendMsg(c, binary, { subscribe: { channels: ['weather'] } });
      await c.until(() => errorFrames(c).length >= 1, 3000, 'an error frame');
      sendMsg(c, binary, { subscribe: { channels: ['board'], symbols: ['NOPE'] } });
      await c.until(() => errorFrames(c).length >= 2, 3000, 'a second error frame');
      sendMsg(c, binary, { unsubscribe: { channels: ['indices', 'bogus'] } });
      await c.until(() => errorFrames(c).length >= 3, 3000, 'a third error frame');
      expect(errorFrames(c).map((e) => e.code)).toEqual(['BC_UNKNOWN_CHANNEL', 'BC_UNKNOWN_SYMBOL', 'BC_UNKNOWN_CHANNEL']);
      expect(errorFrames(c)[0]!.message).toContain('weather');
      expect(errorFrames(c)[1]!.message).toContain('NOPE');
      // Still open, still the same view (a rejected message changes nothing, even its valid half), no gap:
      // a resync now brings a FULL frame of the unchanged view (indices only).
      const n = c.messages.length;
      sendMsg(c, binary, { resync: {} });
      const full = await c.until(() => c.messages.slice(n).map(decode).find((f) => f.hasSnapshot && f.kind === 'FULL'), 3000, 'the FULL of a resync');
      expect(indexIds(full)).toEqual(expect.arrayContaining(['VN30', 'VNINDEX']));
      await c.nth(n + 5);
      expect(c.closed).toBeUndefined();
      const frames = boardFrames(c);
      // No seq gap; at most one repeat: the resync's FULL of the seq just received (or, if that
      // frame was stale, the FULL of the next seq, which is no discontinuity at all).
      const breaks = checkResyncRule(frames);
      expect(breaks.length).toBeLessThanOrEqual(1);
      for (const b of breaks) expect(b).toEqual({ from: full.seq, to: full.seq, kind: 'FULL' });
      for (const f of frames) {
        expect(rows(f)).toEqual([]);
        expect(hasForeign(f)).toBe(false);
        if (f.kind === 'FULL') expect(indexIds(f)).toEqual(expect.arrayContaining(['VN30', 'VNINDEX']));
      }
      // Control frames repeat the last board frame's epoch.
      const ctl = c.messages.map(decode).filter((f) => f.control);
      expect(ctl.every((f) => f.epoch === frames[0]!.epoch)).toBe(true);
    } finally {
      c.close();
    }
  });

  it('?delta=0: only FULL frames, one per interval, seq +1 each', async () => {
    const c = await TestClient.open(srv.ws(`format=${format}&delta=0`));
    try {
      await c.until(() => boardFrames(c).length >= 35, 6000, '35 frames'); // more than a keyframe period
      const frames = boardFrames(c);
      expect(frames.map((f) => f.kind).filter((k) => k !== 'FULL')).toEqual([]);
      expectContiguous(frames);
      for (const f of frames) expect(rows(f)).toHaveLength(basket.length);
    } finally {
      c.close();
    }
  });
});

describe('bad views at connect time are refused before the upgrade', () => {
  it.each([
    ['channels=weather', 400, 'BC_UNKNOWN_CHANNEL'],
    ['channels=board,weather', 400, 'BC_UNKNOWN_CHANNEL'],
    ['channels=board&symbols=FPT,NOPE', 400, 'BC_UNKNOWN_SYMBOL'],
    ['delta=2', 400, 'BC_BAD_DELTA'],
    ['format=xml', 400, 'BC_BAD_FORMAT'],
  ])('?%s → HTTP %i %s, no socket', async (query, status, code) => {
    const opened0 = await metric(srv.http, 'boardcast_connections_total').catch(() => 0);
    const r = await expectRefused(srv.ws(query));
    expect(r.status).toBe(status);
    expect(r.body.error).toBe(code);
    expect(await metric(srv.http, 'boardcast_rejected_upgrades_total', { code })).toBeGreaterThanOrEqual(1);
    expect(await metric(srv.http, 'boardcast_connections_total').catch(() => 0)).toBe(opened0);
  });
});
