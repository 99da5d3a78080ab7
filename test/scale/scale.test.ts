// Scale-out over NATS with real processes: a private nats-server, compiled ingest and edge
// children, real WebSocket clients (the `ws` test client and the SDK).
import WebSocket from 'ws';
import { afterEach, describe, expect, it } from 'vitest';
import { BoardClient, type BoardEvent, type WebSocketConstructor } from '@boardcast/client';
import { decode, TestClient, type Received } from '../helpers/ws-client.js';
import { BASE_ENV, badLines, NatsServer, readyz, skipScale, startNode, waitReady, type Node } from './cluster.js';
import { until } from '../helpers/until.js';

const FAILOVER_MS = Number(BASE_ENV.INGEST_FAILOVER_MS);

describe.skipIf(skipScale)('scale out over NATS (ingest → NATS → edges)', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });

  async function cluster(ingests: number, edges: number) {
    const nats = await NatsServer.start();
    cleanups.push(() => nats.stop());
    const nodes: Node[] = [];
    const track = (n: Node) => {
      nodes.push(n);
      cleanups.push(() => {
        n.child.proc.kill('SIGKILL');
      });
      return n;
    };
    const ing: Node[] = [];
    for (let i = 0; i < ingests; i++) {
      ing.push(track(await startNode('ingest', nats)));
      // The first one started leads: wait for its lease before starting the next.
      if (i === 0) await until('a leader', async () => (await readyz(ing[0]!)).body.leader === true, 10_000);
    }
    const edg = await Promise.all(Array.from({ length: edges }, () => startNode('edge', nats).then(track)));
    await Promise.all(edg.map((e) => waitReady(e)));
    return { nats, ingests: ing, edges: edg, nodes };
  }

  const client = async (url: string) => {
    const c = await TestClient.open(url);
    cleanups.push(() => c.close());
    return c;
  };

  const sdk = (urls: string[]) => {
    const events: BoardEvent[] = [];
    const urlsSeen: string[] = [];
    const c = new BoardClient({ urls, WebSocket: WebSocket as unknown as WebSocketConstructor, backoff: { initialMs: 50, maxMs: 500 } });
    c.on('board', (e) => events.push(e));
    c.on('state', (s) => {
      if (s.state === 'open') urlsSeen.push(s.url);
    });
    c.on('error', () => undefined);
    c.connect();
    cleanups.push(() => c.close());
    return { c, events, urlsSeen };
  };

  it('1 ingest + 2 edges: clients on both edges receive identical frames (epoch, seq and bytes)', async () => {
    const { edges, nodes } = await cluster(1, 2);
    for (const format of ['proto', 'json'] as const) {
      const a = await client(edges[0]!.ws(`format=${format}`));
      const b = await client(edges[1]!.ws(`format=${format}`));
      await a.nth(12, 10_000);
      await b.nth(12, 10_000);
      const bySeq = (msgs: Received[]) => new Map(msgs.slice(1).map((m) => [decode(m).seq, m] as const));
      const ma = bySeq(a.messages);
      const mb = bySeq(b.messages);
      const common = [...ma.keys()].filter((s) => mb.has(s));
      expect(common.length).toBeGreaterThanOrEqual(5);
      for (const seq of common) {
        const [x, y] = [ma.get(seq)!, mb.get(seq)!];
        expect(decode(x).epoch).toBe(decode(y).epoch);
        expect(Buffer.compare(x.data, y.data), `${format} frame seq ${seq} differs between edges`).toBe(0);
      }
      const lat = [...a.messages, ...b.messages].slice(2).map((m) => m.at - decode(m).producedAtUs / 1000).sort((x, y) => x - y);
      console.log(`${format}: produced_at → client receipt through ingest → NATS → edge: p50 ${lat[Math.floor(lat.length / 2)]!.toFixed(1)} ms, max ${lat.at(-1)!.toFixed(1)} ms (${lat.length} frames, ms clock)`);
      // The first frame is FULL on both edges, the epoch is the ingest's.
      expect(decode(a.messages[0]!).kind).toBe('FULL');
      expect(decode(b.messages[0]!).kind).toBe('FULL');
    }
    const snap = (await (await fetch(`${edges[0]!.http}/api/snapshot`)).json()) as { kind: string; snapshot: { symbols: unknown[] } };
    expect(snap.kind).toBe('FULL');
    expect(snap.snapshot.symbols.length).toBeGreaterThan(0);
    for (const n of nodes) expect(badLines(n.child)).toEqual([]);
  });

  it('kill the leader ingest: a follower takes over within INGEST_FAILOVER_MS under a new epoch; clients get its FULL and stay connected', async () => {
    const { ingests, edges, nodes } = await cluster(2, 1);
    const [leader, follower] = ingests as [Node, Node];
    expect((await readyz(follower)).body.leader).toBe(false);
    const raw = await client(edges[0]!.ws());
    const s = sdk([edges[0]!.ws()]);
    await raw.nth(5, 10_000);
    await until('SDK boards', () => s.events.length >= 3, 10_000);
    const oldEpoch = decode(raw.messages.at(-1)!).epoch;

    const killedAt = Date.now();
    leader.child.proc.kill('SIGKILL');
    const firstNew = await raw.until(() => raw.messages.find((m) => decode(m).epoch !== oldEpoch), FAILOVER_MS + 2000, 'a frame of a new epoch');
    const takeoverMs = firstNew.at - killedAt;
    console.log(`failover: ${takeoverMs} ms from SIGKILL of the leader to the first frame of the new epoch at a client (bound ${FAILOVER_MS} ms)`);
    expect(takeoverMs).toBeLessThan(FAILOVER_MS);
    expect(decode(firstNew).kind).toBe('FULL');
    expect((await readyz(follower)).body.leader).toBe(true);
    await until('the SDK on the new epoch', () => s.events.some((e) => e.epoch !== oldEpoch && e.kind === 'FULL'), 3000);
    const after = s.events.filter((e) => e.epoch !== oldEpoch);
    expect(after[0]!.kind).toBe('FULL');
    await raw.nth(raw.messages.indexOf(firstNew) + 5, 3000); // and it goes on
    expect(raw.closed).toBeUndefined();
    expect(s.c.stats.reconnects).toBe(0);
    expect(s.c.state).toBe('open');
    expect(s.c.stats.epochChanges).toBe(1);
    for (const n of [follower, ...edges]) expect(n.child.proc.exitCode).toBeNull();
    for (const n of nodes) expect(badLines(n.child)).toEqual([]);
  });

  it('kill an edge: SDK clients given both URLs are back on the other edge and resynced', async () => {
    const { edges } = await cluster(1, 2);
    const [a, b] = edges as [Node, Node];
    const s = sdk([a.ws(), b.ws()]);
    await until('SDK boards from edge A', () => s.events.length >= 3, 10_000);
    expect(s.urlsSeen[0]).toContain(`:${a.port}/`);
    const before = s.events.length;
    a.child.proc.kill('SIGKILL');
    await until('a FULL board from edge B', () => s.events.slice(before).some((e) => e.kind === 'FULL'));
    expect(s.urlsSeen.at(-1)).toContain(`:${b.port}/`);
    const n = s.events.length;
    await until('boards keep coming from edge B', () => s.events.length >= n + 3, 3000);
    expect(s.c.state).toBe('open');
    expect(s.c.board?.symbols.length).toBeGreaterThan(0);
    // The epoch is the ingest's: the same on both edges, so nothing is dropped but the socket.
    expect(new Set(s.events.map((e) => e.epoch)).size).toBe(1);
  });

  it('restart nats-server: edges go unready, then everything recovers without a process restart; clients stay connected and get a FULL first', async () => {
    const { nats, ingests, edges, nodes } = await cluster(1, 1);
    const raw = await client(edges[0]!.ws());
    await raw.nth(5, 10_000);
    await nats.kill('SIGKILL');
    const downAt = raw.messages.length;
    const unready = await until(
      'edge /readyz 503 without NATS',
      async () => {
      const r = await readyz(edges[0]!);
      return r.status === 503 ? r : undefined;
    },
    );
    expect(JSON.stringify(unready.body.reasons)).toMatch(/NATS/);
    await new Promise((r) => setTimeout(r, 1500));
    await nats.launch();
    await waitReady(edges[0]!, 15_000);
    await until('ingest ready again', async () => (await readyz(ingests[0]!)).status === 200, 10_000);
    const firstAfter = await raw.nth(downAt + 1, 10_000);
    expect(decode(firstAfter).kind).toBe('FULL');
    await raw.nth(downAt + 5, 5000);
    expect(raw.closed).toBeUndefined();
    for (const n of nodes) {
      expect(n.child.proc.exitCode).toBeNull();
      expect(badLines(n.child)).toEqual([]);
    }
  });
  it('graceful stops: a SIGTERMed leader releases its lease (the follower leads at once), an edge closes its clients with 1001; both exit 0', async () => {
    const { ingests, edges, nodes } = await cluster(2, 1);
    const [leader, follower] = ingests as [Node, Node];
    const raw = await client(edges[0]!.ws());
    await raw.nth(3, 10_000);
    const oldEpoch = decode(raw.messages.at(-1)!).epoch;
    const t0 = Date.now();
    leader.child.proc.kill('SIGTERM');
    expect((await leader.child.exited).code).toBe(0);
    const firstNew = await raw.until(() => raw.messages.find((m) => decode(m).epoch !== oldEpoch), 5000, 'a frame of the new epoch');
    console.log(`graceful handover: ${firstNew.at - t0} ms from SIGTERM of the leader to the first frame of the new epoch`);
    expect(firstNew.at - t0).toBeLessThan(FAILOVER_MS / 2); // below the lease: no waiting for the TTL
    expect(decode(firstNew).kind).toBe('FULL');
    expect((await readyz(follower)).body.leader).toBe(true);
    edges[0]!.child.proc.kill('SIGTERM');
    expect((await raw.waitClose(8000)).code).toBe(1001);
    expect((await edges[0]!.child.exited).code).toBe(0);
    for (const n of nodes) expect(n.child.logs.filter((l) => ['error', 'fatal', 'non-json'].includes(String(l.level)))).toEqual([]);
  });
});
