// An edge facing forged and broken messages on its NATS subjects (a private nats-server, a
// real ingest and edge, a real WebSocket client): each one is dropped and counted in
// /metrics, none reaches a client or throws inside a NATS callback, and the client keeps
// receiving the real frames, gap-free.
import { connect, type NatsConnection } from '@nats-io/transport-node';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decodeBusFrame, encodeBusFrame } from '../../src/scale/frame-codec.js';
import { natsNames } from '../../src/scale/subjects.js';
import { editHeader, rng } from '../helpers/bus-frames.js';
import { decode, TestClient } from '../helpers/ws-client.js';
import { badLines, NatsServer, readyz, skipScale, startNode, waitReady, type Node } from './cluster.js';
import { until } from '../helpers/until.js';

const names = natsNames('boardcast');

async function dropped(n: Node): Promise<Record<string, number>> {
  const text = await (await fetch(`${n.http}/metrics`)).text();
  return Object.fromEntries([...text.matchAll(/^boardcast_edge_frames_dropped_total\{reason="(\w+)"\} (\d+)/gm)].map((m) => [m[1]!, Number(m[2])]));
}

describe.skipIf(skipScale)('an edge under forged NATS messages', () => {
  let nats: NatsServer;
  let ingest: Node;
  let edge: Node;
  let nc: NatsConnection;
  beforeAll(async () => {
    nats = await NatsServer.start();
    ingest = await startNode('ingest', nats, { KEYFRAME_EVERY: '10' });
    edge = await startNode('edge', nats);
    await waitReady(edge);
    nc = await connect({ servers: nats.url });
  }, 30_000);
  afterAll(async () => {
    await nc?.close();
    for (const n of [edge, ingest]) n?.child.proc.kill('SIGKILL');
    await nats?.stop();
  });

  it('drops max seq, a forged term and epoch, a null heartbeat, a row offset of -5, truncated and random bytes; clients see only real frames, gap-free', async () => {
    // A real frame message to forge from, as a subscriber sees it.
    const real = await new Promise<Uint8Array>((resolve) => {
      const sub = nc.subscribe(names.frameSubject('proto'), { max: 1, callback: (_e, m) => resolve(m.data) });
      void sub;
    });
    const b = decodeBusFrame(real);
    const client = await TestClient.open(edge.ws());
    await client.nth(3, 10_000);
    const before = await dropped(edge);
    expect(Object.keys(before)).toEqual(expect.arrayContaining(['malformed', 'seq_jump', 'term_ahead', 'heartbeat_malformed']));

    const forge = (h: Partial<typeof b>) => encodeBusFrame({ ...b, formats: ['proto'], keyframe: true, ...h }, b.full, null);
    const rand = rng(5);
    const attacks: Array<[string, Uint8Array, string]> = [
      ['seq = 2^53-1, current epoch and term', forge({ seq: 2 ** 53 - 1 }), names.frameSubject('proto')],
      ['term = 2^53-1, forged epoch', forge({ term: 2 ** 53 - 1, epoch: 'forged-epoch', seq: 1 }), names.frameSubject('proto')],
      ['heartbeat body null', new TextEncoder().encode('null'), names.heartbeatSubject],
      ['row offset -5', editHeader(real, (h) => (h.full.rows[0] = -5)), names.frameSubject('proto')],
      ['truncated', real.subarray(0, real.byteLength - 7), names.frameSubject('proto')],
      ['random bytes', Uint8Array.from({ length: 512 }, () => Math.floor(rand() * 256)), names.frameSubject('json')],
    ];
    const sentAt = client.messages.length;
    for (const [, bytes, subject] of attacks) nc.publish(subject, bytes);
    await nc.flush();

    const want = { seq_jump: 1, term_ahead: 1, heartbeat_malformed: 1, malformed: 3 };
    const after = await until(
      'every forged message counted',
      async () => {
      const d = await dropped(edge);
      return Object.entries(want).every(([k, n]) => d[k]! - before[k]! >= n) ? d : undefined;
    },
    );
    console.log(`dropped by reason after the forgeries: ${JSON.stringify(after)}`);

    // The real frames go on, through the next keyframe (every 10th frame) and beyond.
    const fullAfter = await client.until(() => client.messages.slice(sentAt).find((m) => decode(m).kind === 'FULL'), 5000, 'the next keyframe');
    await client.nth(client.messages.indexOf(fullAfter) + 5, 5000);
    const frames = client.messages.map(decode);
    expect(new Set(frames.map((f) => f.epoch))).toEqual(new Set([b.epoch]));
    for (let i = 1; i < frames.length; i++) expect(frames[i]!.seq, `seq after ${frames[i - 1]!.seq}`).toBe(frames[i - 1]!.seq + 1);
    expect(frames.every((f) => f.seq < 2 ** 40)).toBe(true);

    const r = await readyz(edge);
    expect(r.status).toBe(200);
    const metrics = await (await fetch(`${edge.http}/metrics`)).text();
    expect(metrics).toMatch(/^boardcast_edge_nats_connected 1$/m);
    expect(Number(/^boardcast_edge_last_frame_age_seconds (\S+)$/m.exec(metrics)?.[1])).toBeLessThan(5);
    expect(edge.child.proc.exitCode).toBeNull();
    // No exception escaped a callback (the connection was never torn down), nothing fatal.
    expect(edge.child.logs.filter((l) => /reader closed|NATS disconnected/.test(String(l.msg)))).toEqual([]);
    expect(edge.child.logs.filter((l) => l.level === 'error')).toEqual([]);
    expect(badLines(edge.child)).toEqual([]);
    client.close();
  });

  it('a watchlist client that connects right after the forgeries receives frames', async () => {
    nc.publish(names.heartbeatSubject, new TextEncoder().encode('null'));
    nc.publish(names.frameSubject('proto'), Uint8Array.from([0x42, 0x43, 0x46, 0x31, 0, 0, 0, 0]));
    const c = await TestClient.open(edge.ws('symbols=FPT,VNM'));
    await c.nth(3, 5000);
    expect(decode(c.messages[0]!).kind).toBe('FULL');
    c.close();
  });

  it('a frozen edge is not ready: the ingest gone, /readyz says no frame was accepted for too long', async () => {
    ingest.child.proc.kill('SIGKILL');
    const r = await until(
      'edge /readyz 503 naming the frozen frames',
      async () => {
      const x = await readyz(edge);
      return x.status === 503 && JSON.stringify(x.body.reasons).includes('no frame accepted') ? x : undefined;
    },
      15_000,
    );
    expect(r.body.reasons).toEqual(expect.arrayContaining([expect.stringMatching(/^no frame accepted for \d+ ms$/)]));
  }, 20_000);
});
