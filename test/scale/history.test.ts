// History in the NATS topology, with real processes: the leader ingest records history
// exactly as ROLE=all does (its market worker hands rows to the writer; the store is
// flushed and closed after the feed stops), a worker stopped on losing the lease hands over
// its rows first, and edges serve /api/history/* only from a shared PostgreSQL.
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SQLITE_FILE } from '../../src/history/service.js';
import { openStore, type StoreTarget } from '../../src/history/store.js';
import { createTempDb, skipPg } from '../history/pg.js';
import { metric } from '../helpers/server.js';
import { NatsServer, readyz, skipScale, startNode, waitReady, type Node } from './cluster.js';
import { until } from '../helpers/until.js';

// Many trades: 3000/s on the wire, the market clock 60× faster than the wall clock.
const FAST = { SIM_TRADES_PER_SECOND: '3000', SIM_CLOCK_SPEED: '60', HISTORY_FLUSH_MS: '50' };

const sqliteOf = (n: Node): StoreTarget => ({ kind: 'sqlite', path: join(n.dataDir, SQLITE_FILE) });

async function counts(target: StoreTarget) {
  const store = await openStore(target, { readOnly: true });
  try {
    return await store.counts();
  } finally {
    await store.close();
  }
}

const ticksWritten = (n: Node) => metric(n.http, 'boardcast_history_rows_written_total', { kind: 'ticks' });

/** SIGTERM, exit 0, and the ingest's "history flushed" line. */
async function stopGracefully(n: Node): Promise<Record<string, unknown>> {
  n.child.proc.kill('SIGTERM');
  expect((await n.child.exited).code).toBe(0);
  const line = n.child.logs.find((l) => l.msg === 'history flushed' || l.msg === 'history rows not written by the shutdown deadline');
  if (!line) throw new Error('no history flush line in the ingest logs');
  return line;
}

const errors = (n: Node) => n.child.logs.filter((l) => ['error', 'fatal', 'non-json'].includes(String(l.level)));

describe.skipIf(skipScale)('history with ROLE=ingest / ROLE=edge', () => {
  const cleanups: Array<() => Promise<void> | void> = [];
  afterEach(async () => {
    for (const c of cleanups.splice(0).reverse()) await c();
  });
  const nats = async () => {
    const n = await NatsServer.start();
    cleanups.push(() => n.stop());
    return n;
  };
  const node = async (...args: Parameters<typeof startNode>) => {
    const n = await startNode(...args);
    cleanups.push(() => {
      if (n.child.proc.exitCode === null) n.child.proc.kill('SIGKILL');
    });
    return n;
  };

  it('the leader ingest records history (SQLite); after a graceful stop the store holds exactly the trades accepted; an SQLite edge answers 501', async () => {
    const ns = await nats();
    const leader = await node('ingest', ns, FAST);
    await until('the leader', async () => (await readyz(leader)).body.leader === true, 10_000);
    const follower = await node('ingest', ns, FAST);
    const edge = await node('edge', ns);
    await waitReady(edge);

    // Ticks in the leader's store after a few seconds; none in the follower's.
    await until('3000 ticks written by the leader', async () => (await ticksWritten(leader)) >= 3000, 20_000);
    expect((await counts(sqliteOf(leader))).ticks).toBeGreaterThan(0);
    expect(await ticksWritten(follower)).toBe(0);

    // The edge has no access to the ingest's SQLite file: it says so.
    const r = await fetch(`${edge.http}/api/history/VNM/ticks`);
    expect(r.status).toBe(501);
    expect(await r.json()).toMatchObject({ error: 'BC_HISTORY_NOT_ON_EDGE' });

    const flushed = await stopGracefully(leader);
    expect(flushed.leftOver).toBe(0);
    expect(flushed.tradesAccepted as number).toBeGreaterThanOrEqual(3000);
    const c = await counts(sqliteOf(leader));
    expect(c.ticks).toBe(flushed.tradesAccepted);
    expect(c.foreign).toBeGreaterThan(0);
    expect(c.index).toBeGreaterThan(0);
    expect(c.basis).toBeGreaterThan(0);

    // The follower took over and records from now on, into its own store.
    await until('ticks written by the new leader', async () => (await ticksWritten(follower)) > 0, 10_000);
    const f = await stopGracefully(follower);
    expect(f.leftOver).toBe(0);
    expect((await counts(sqliteOf(follower))).ticks).toBe(f.tradesAccepted);
    for (const n of [leader, follower, edge]) expect(errors(n)).toEqual([]);
  }, 60_000);

  it('a leader deposed by a NATS outage hands its worker\'s last rows to the writer; after re-election and a graceful stop, nothing is lost', async () => {
    const ns = await nats();
    const ingest = await node('ingest', ns, FAST);
    await until('the leader', async () => (await readyz(ingest)).body.leader === true, 10_000);
    await until('1000 ticks written', async () => (await ticksWritten(ingest)) >= 1000, 20_000);

    await ns.kill(); // the lease cannot be renewed: the leader stops its worker by itself
    const stoppedLine = await ingest.child.waitLog((l) => l.msg === 'market worker stopped', 10_000);
    expect(stoppedLine.tradesAccepted as number).toBeGreaterThan(0);
    // Every row of the deposed worker reaches the store while the process runs on.
    await until('the deposed worker\'s rows in the store', async () => (await counts(sqliteOf(ingest))).ticks === stoppedLine.tradesAccepted, 10_000);

    await ns.launch();
    await until('re-election', async () => (await readyz(ingest)).body.leader === true, 20_000);
    const before = await ticksWritten(ingest);
    await until('ticks written in the new term', async () => (await ticksWritten(ingest)) >= before + 1000, 20_000);

    const flushed = await stopGracefully(ingest);
    expect(flushed.workers).toBe(2);
    expect(flushed.leftOver).toBe(0);
    expect((await counts(sqliteOf(ingest))).ticks).toBe(flushed.tradesAccepted);
  }, 90_000);

  it.skipIf(skipPg)('with DATABASE_URL shared by the ingest and the edges, every edge serves the history API read-only', async () => {
    const db = await createTempDb();
    cleanups.push(db.drop);
    const ns = await nats();
    const ingest = await node('ingest', ns, { ...FAST, DATABASE_URL: db.url });
    await until('the leader', async () => (await readyz(ingest)).body.leader === true, 10_000);
    const edges = await Promise.all([node('edge', ns, { DATABASE_URL: db.url }), node('edge', ns, { DATABASE_URL: db.url })]);
    await Promise.all(edges.map((e) => waitReady(e)));
    await until('1000 ticks written', async () => (await ticksWritten(ingest)) >= 1000, 20_000);
    const { symbols } = (await (await fetch(`${edges[0]!.http}/api/vn30`)).json()) as { symbols: string[] };
    for (const e of edges) {
      const r = await fetch(`${e.http}/api/history/${symbols[0]}/ticks?limit=10`);
      expect(r.status).toBe(200);
      const body = (await r.json()) as { count: number; rows: unknown[] };
      expect(body.count).toBeGreaterThan(0);
      const candles = await fetch(`${e.http}/api/history/${symbols[0]}/candles?interval=1m`);
      expect(candles.status).toBe(200);
      expect(await metric(e.http, 'boardcast_history_rows_written_total', { kind: 'ticks' })).toBe(0); // edges never write
    }
    const flushed = await stopGracefully(ingest);
    expect(flushed.leftOver).toBe(0);
    expect((await counts({ kind: 'postgres', url: db.url })).ticks).toBe(flushed.tradesAccepted);
    for (const e of edges) {
      e.child.proc.kill('SIGTERM');
      expect((await e.child.exited).code).toBe(0);
    }
    for (const n of [ingest, ...edges]) expect(errors(n)).toEqual([]);
  }, 60_000);
});
