// The client SDK (BoardClient, with the `ws` package's WebSocket) against the real server:
// the board it builds from a FULL frame and DELTAs equals, seq for seq, the FULL frames a
// `?delta=0` socket receives; it follows a worker restart (new epoch) and a server going
// away (next URL) and ends with a correct board each time.
import WebSocket from 'ws';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BoardClient, type BoardClientOptions, type BoardEvent, type WebSocketConstructor } from '@boardcast/client';
import { pb } from '../../src/wire/proto.js';
import { TestClient } from '../helpers/ws-client.js';
import { startTestServer, type TestServer } from '../helpers/server.js';
import { boardFrames, pollUntil } from '../helpers/protocol.js';

const WS = WebSocket as unknown as WebSocketConstructor;
const OBJ = { longs: Number, enums: String, defaults: true, arrays: true } as const;
/** Both sides normalized the same way: through the protobuf message, every field, enums by name. */
const canon = (s: unknown) => pb.Snapshot.toObject(pb.Snapshot.fromObject(s as Record<string, unknown>), OBJ);

const SERVER_ENV = { BROADCAST_INTERVAL_MS: '50', KEYFRAME_EVERY: '100', WORKER_RESTART_MIN_MS: '50' };

const clients: BoardClient[] = [];
const refs: TestClient[] = [];
afterEach(() => {
  for (const c of clients.splice(0)) c.close();
  for (const r of refs.splice(0)) r.close();
});

/** A BoardClient recording every board it emits, by epoch/seq. */
function sdk(opts: Omit<BoardClientOptions, 'WebSocket'>) {
  const c = new BoardClient({ WebSocket: WS, backoff: { initialMs: 20, maxMs: 200, jitter: 0 }, ...opts });
  clients.push(c);
  const boards = new Map<string, BoardEvent>();
  const errors: Error[] = [];
  c.on('board', (e) => boards.set(`${e.epoch}/${e.seq}`, e));
  c.on('error', (e) => errors.push(e));
  c.connect();
  return { c, boards, errors };
}

/** A `?delta=0` socket: every frame it receives is a whole board (the reference). */
async function reference(srv: TestServer, format: 'proto' | 'json' = 'json') {
  const r = await TestClient.open(srv.ws(`format=${format}&delta=0`));
  refs.push(r);
  return r;
}

/**
 * For every board the SDK reached by applying a DELTA, the reference's FULL frame of the same
 * epoch and seq (where it has one) must be the same board. Returns how many were compared.
 */
function compare(boards: Map<string, BoardEvent>, ref: TestClient, epoch?: string): number {
  let n = 0;
  for (const f of boardFrames(ref)) {
    if (epoch && f.epoch !== epoch) continue;
    const ev = boards.get(`${f.epoch}/${f.seq}`);
    if (!ev || ev.kind !== 'DELTA') continue;
    expect(f.kind).toBe('FULL');
    expect(canon(ev.board), `board at ${f.epoch}/${f.seq}`).toEqual(canon(f.json.snapshot));
    n++;
  }
  return n;
}

/** Waits until `compare` has matched at least `min` DELTA-built boards. */
async function converge(boards: Map<string, BoardEvent>, ref: TestClient, min: number, epoch?: string, timeoutMs = 8000) {
  await pollUntil(() => compare(boards, ref, epoch) >= min, timeoutMs, `${min} DELTA-built boards matching the reference`, 50);
  return compare(boards, ref, epoch);
}

describe('BoardClient against the real server', () => {
  let srv: TestServer;
  beforeAll(async () => {
    srv = await startTestServer(SERVER_ENV);
  });
  afterAll(async () => {
    await srv?.stop();
  });

  it.each(['proto', 'json'] as const)('over %s: the board after FULL + DELTAs equals the ?delta=0 FULL frame of the same seq', async (format) => {
    const ref = await reference(srv, format === 'proto' ? 'json' : 'proto'); // the other format, too
    const { c, boards, errors } = sdk({ urls: srv.ws(), format });
    const matched = await converge(boards, ref, 15);
    expect(matched).toBeGreaterThanOrEqual(15);
    expect(c.state).toBe('open');
    expect(c.stats.gaps).toBe(0);
    expect(c.stats.applied).toBeGreaterThan(matched);
    expect(errors).toEqual([]);
    expect(c.board!.symbols).toHaveLength(30);
    // Its first board was FULL, and everything after it a DELTA on the previous seq.
    const evs = [...boards.values()];
    expect(evs[0]!.kind).toBe('FULL');
    for (let i = 1; i < evs.length; i++) expect(evs[i]!.seq).toBe(evs[i - 1]!.seq + 1);
  });

  it('after the worker is killed it sees the new epoch, drops the old board, and ends with a correct board again', async () => {
    const ref = await reference(srv);
    const { c, boards } = sdk({ urls: srv.ws(), format: 'proto' });
    await converge(boards, ref, 3);
    const oldEpoch = c.epoch!;
    const restarts = c.stats.reconnects;

    const supervisor = srv.handle.supervisor;
    expect(supervisor, 'a local market worker').toBeDefined();
    await supervisor!.kill();
    const fresh = await pollUntil(() => [...boards.values()].find((e) => e.epoch !== oldEpoch), 10_000, 'a board of the new epoch');
    expect(fresh.kind).toBe('FULL');
    expect(c.stats.epochChanges).toBe(1);
    expect(c.stats.reconnects).toBe(restarts); // the socket stayed open through the restart
    const matched = await converge(boards, ref, 5, fresh.epoch);
    expect(matched).toBeGreaterThanOrEqual(5);
    expect(c.epoch).toBe(fresh.epoch);
    expect(c.state).toBe('open');
  });
});

describe('BoardClient with two URLs', () => {
  let a: TestServer | undefined;
  let b: TestServer;
  beforeAll(async () => {
    [a, b] = await Promise.all([startTestServer(SERVER_ENV), startTestServer(SERVER_ENV)]);
  });
  afterAll(async () => {
    await Promise.all([a?.stop(), b?.stop()]);
  });

  it('when the first server stops it reconnects to the second and resyncs; a new client skips the dead first URL', async () => {
    const refB = await reference(b);
    const { c, boards } = sdk({ urls: [a!.ws(), b.ws()], format: 'json' });
    const states: string[] = [];
    c.on('state', (s) => states.push(`${s.state}:${new URL(s.url).port}`));
    const refA = await reference(a!);
    await converge(boards, refA, 3);
    const epochA = c.epoch!;

    const stopping = a!.stop(); // closes every socket with 1001
    const onB = await pollUntil(() => [...boards.values()].find((e) => e.epoch !== epochA), 10_000, 'a board from the second server');
    await stopping;
    a = undefined;
    expect(onB.kind).toBe('FULL');
    expect(states).toContain(`reconnecting:${b.port}`);
    expect(c.stats.reconnects).toBeGreaterThanOrEqual(1);
    expect(await converge(boards, refB, 5, onB.epoch)).toBeGreaterThanOrEqual(5);
    expect(c.state).toBe('open');

    // A client started now, with the dead URL first, ends on the second one with a correct board.
    const dead = c.urls[0]!;
    const late = sdk({ urls: [dead, b.ws()], format: 'proto' });
    expect(await converge(late.boards, refB, 5)).toBeGreaterThanOrEqual(5);
    expect(late.c.stats.reconnects).toBeGreaterThanOrEqual(1);
    expect(late.errors.some((e) => (e as { code?: string }).code === 'BC_CLIENT_SOCKET_ERROR')).toBe(true);
  });
});
