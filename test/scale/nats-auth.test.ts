// NATS with credentials: a private nats-server started with deploy/k8s/nats-server.conf (the
// users and permissions Kubernetes runs), real ingest and edge processes, a real client.
import { fileURLToPath } from 'node:url';
import { connect, errors, type NatsConnection } from '@nats-io/transport-node';
import { Kvm } from '@nats-io/kv';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { natsNames } from '../../src/scale/subjects.js';
import { decode, TestClient } from '../helpers/ws-client.js';
import { NatsServer, readyz, skipScale, startNode, waitReady, type Node } from './cluster.js';
import { until } from '../helpers/until.js';

const CONFIG = fileURLToPath(new URL('../../deploy/k8s/nats-server.conf', import.meta.url));
const INGEST_PASSWORD = 'ingest-Pw-7c1e9a05d2';
const EDGE_PASSWORD = 'edge-Pw-4b8f02aa91';
const names = natsNames('boardcast');

/** Everything a child wrote, as one text. */
const output = (n: Node) => JSON.stringify(n.child.logs) + n.child.stderr.join('');

describe.skipIf(skipScale)('NATS with the deploy config\'s users', () => {
  let nats: NatsServer;
  const nodes: Node[] = [];
  const conns: NatsConnection[] = [];
  beforeAll(async () => {
    nats = await NatsServer.start({ config: CONFIG, env: { NATS_INGEST_PASSWORD: INGEST_PASSWORD, NATS_EDGE_PASSWORD: EDGE_PASSWORD } });
  });
  afterAll(async () => {
    for (const c of conns) await c.close();
    for (const n of nodes) n.child.proc.kill('SIGKILL');
    await nats?.stop();
  });

  const as = async (user: string, pass: string) => {
    const nc = await connect({ servers: nats.url, user, pass });
    conns.push(nc);
    const errs: Error[] = [];
    void (async () => {
      for await (const s of nc.status()) if (s.type === 'error') errs.push(s.error);
    })();
    return { nc, errs };
  };

  it('refuses a client without credentials, or with a wrong password', async () => {
    await expect(connect({ servers: nats.url, reconnect: false })).rejects.toThrow(/Authorization/i);
    await expect(connect({ servers: nats.url, user: 'boardcast-edge', pass: 'wrong', reconnect: false })).rejects.toThrow(/Authorization/i);
  });

  it('an edge user cannot publish frames nor write the buckets (permission errors); an ingest user can publish, and edges receive it', async () => {
    const edge = await as('boardcast-edge', EDGE_PASSWORD);
    const ingest = await as('boardcast-ingest', INGEST_PASSWORD);
    const seen: string[] = [];
    edge.nc.subscribe(names.framesWildcard, { callback: (_e, m) => { seen.push(new TextDecoder().decode(m.data)); } });
    await edge.nc.flush();

    edge.nc.publish(names.frameSubject('proto'), 'from-edge');
    edge.nc.publish('$KV.boardcast_v1_leader.leader', '{"id":"edge"}');
    edge.nc.publish(names.heartbeatSubject, 'from-edge');
    await edge.nc.flush();
    const violations = await until('three permission errors', () => (edge.errs.length >= 3 ? edge.errs : undefined));
    for (const e of violations) {
      expect(e).toBeInstanceOf(errors.PermissionViolationError);
      expect((e as InstanceType<typeof errors.PermissionViolationError>).operation).toBe('publish');
    }
    expect(violations.map((e) => (e as InstanceType<typeof errors.PermissionViolationError>).subject).sort()).toEqual(['$KV.boardcast_v1_leader.leader', names.frameSubject('proto'), names.heartbeatSubject].sort());

    ingest.nc.publish(names.frameSubject('proto'), 'from-ingest');
    await ingest.nc.flush();
    await until('the ingest user\'s message at the edge user', () => seen.includes('from-ingest'));
    expect(seen).not.toContain('from-edge');
    expect(ingest.errs).toEqual([]);
  });

  it('an ingest and an edge with these credentials deliver frames to a client (password in NATS_URL for one, NATS_USER/NATS_PASSWORD for the other); no password in any log', async () => {
    const hostPort = nats.url.replace('nats://', '');
    const ingest = await startNode('ingest', nats, { NATS_URL: `nats://boardcast-ingest:${INGEST_PASSWORD}@${hostPort}` });
    nodes.push(ingest);
    await until('the ingest leading', async () => (await readyz(ingest)).body.leader === true, 10_000);
    const edge = await startNode('edge', nats, { NATS_USER: 'boardcast-edge', NATS_PASSWORD: EDGE_PASSWORD });
    nodes.push(edge);
    await waitReady(edge);
    const client = await TestClient.open(edge.ws());
    await client.nth(5, 10_000);
    const seqs = client.messages.map((m) => decode(m).seq);
    for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBe(seqs[i - 1]! + 1);
    client.close();

    // What an edge does with the lease bucket, as the edge user: read it and watch it (renewals arrive).
    const { nc } = await as('boardcast-edge', EDGE_PASSWORD);
    const kv = await new Kvm(nc).open(names.leaderBucket);
    expect((await kv.get(names.leaderKey))?.operation).toBe('PUT');
    const watch = await kv.watch({ key: names.leaderKey });
    const revisions: number[] = [];
    for await (const e of watch) {
      revisions.push(e.revision);
      if (revisions.length === 3) break;
    }
    expect(new Set(revisions).size).toBe(3);
    await expect(kv.put(names.leaderKey, '{"id":"edge"}')).rejects.toThrow(/permission/i);

    const listening = ingest.child.logs.find((l) => l.msg === 'boardcast listening')!;
    expect(listening.nats).toBe(`nats://[redacted]@${hostPort}`);
    for (const n of [ingest, edge]) {
      expect(n.child.logs.find((l) => l.msg === 'NATS connected')).toMatchObject({ auth: 'user', tls: false });
      // The least-privilege permissions are enough: nothing was refused, nothing retried.
      expect(n.child.logs.filter((l) => l.level !== 'info' && l.level !== 'debug')).toEqual([]);
      expect(output(n)).not.toContain(INGEST_PASSWORD);
      expect(output(n)).not.toContain(EDGE_PASSWORD);
    }
  });

  it('an edge with a wrong password stays unready and says why, without the password', async () => {
    const edge = await startNode('edge', nats, { NATS_USER: 'boardcast-edge', NATS_PASSWORD: 'not-the-Password-123' });
    nodes.push(edge);
    const r = await until(
      'edge /readyz 503',
      async () => {
      const x = await readyz(edge);
      return x.status === 503 ? x : undefined;
    },
    );
    expect(JSON.stringify(r.body.reasons)).toMatch(/NATS/);
    await edge.child.waitLog((l) => /Authorization|authentication/i.test(JSON.stringify(l)), 10_000);
    expect(output(edge)).not.toContain('not-the-Password-123');
  });
});
