// The HTTP rules hold in every role: an ingest and an edge (real processes, a private
// nats-server) with auth on and /metrics on its own port answer like ROLE=all — the same
// route helper (src/server/http-router.ts) serves them all.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { rawRequest, req } from '../helpers/raw-http.js';
import { NatsServer, readyz, skipScale, startNode, waitReady, type Node } from './cluster.js';
import { until } from '../helpers/until.js';

const TOKEN = 'roles-token-0123456789';
const ENV = { WS_AUTH_TOKEN: TOKEN, METRICS_PORT: '0' };

describe.skipIf(skipScale)('HTTP rules on ROLE=ingest and ROLE=edge', () => {
  let nats: NatsServer;
  let ingest: Node;
  let edge: Node;
  beforeAll(async () => {
    nats = await NatsServer.start();
    ingest = await startNode('ingest', nats, ENV);
    await until('the ingest ready', async () => (await readyz(ingest)).status === 200, 15_000);
    edge = await startNode('edge', nats, ENV);
    await waitReady(edge);
  }, 40_000);
  afterAll(async () => {
    ingest?.child.proc.kill('SIGKILL');
    edge?.child.proc.kill('SIGKILL');
    await nats?.stop();
  });

  const metricsPortOf = (n: Node) => Number(n.child.logs.find((l) => l.msg === 'boardcast listening')!.metricsPort);

  it('both: HEAD, 405 with Allow, 400 on bad encoding, 431, 404; /readyz says status and reasons only; /metrics only on its own port', async () => {
    for (const n of [ingest, edge]) {
      const head = await fetch(`${n.http}/healthz`, { method: 'HEAD' });
      expect(head.status).toBe(200);
      expect(await head.text()).toBe('');
      const post = await fetch(`${n.http}/readyz`, { method: 'POST', body: 'x' });
      expect(post.status).toBe(405);
      expect(post.headers.get('allow')).toBe('GET, HEAD, OPTIONS');
      const bad = await fetch(`${n.http}/readyz?x=%E0%A4%A`);
      expect(bad.status).toBe(400);
      expect(await bad.json()).toMatchObject({ param: 'x' });
      expect((await rawRequest(n.port, req('GET', '/healthz', { 'X-Pad': 'p'.repeat(20_000) }))).status).toBe(431);
      expect(await (await fetch(`${n.http}/readyz`)).json()).toEqual({ status: 'ready', reasons: [] });
      expect((await fetch(`${n.http}/metrics`)).status).toBe(404);
      expect((await fetch(`http://127.0.0.1:${metricsPortOf(n)}/metrics`)).status).toBe(200);
    }
    expect((await fetch(`${ingest.http}/api/snapshot`)).status).toBe(404); // the ingest serves no market data
  });

  it('the edge: market-data routes behind the token; /api/snapshot from its latest frame with an ETag', async () => {
    expect((await fetch(`${edge.http}/api/snapshot`)).status).toBe(401);
    expect((await fetch(`${edge.http}/api/history/basis`)).status).toBe(401);
    const auth = { authorization: `Bearer ${TOKEN}` };
    const snap = await fetch(`${edge.http}/api/snapshot`, { headers: auth });
    expect(snap.status).toBe(200);
    const body = (await snap.json()) as { seq: string; epoch: string };
    expect(snap.headers.get('etag')).toBe(`"${body.epoch}/${body.seq}"`);
    const history = await fetch(`${edge.http}/api/history/basis`, { headers: auth });
    expect(history.status).toBe(501); // SQLite on the ingest: an edge has no history to serve
    expect(await history.json()).toMatchObject({ error: 'BC_HISTORY_NOT_ON_EDGE' });
  });
});
