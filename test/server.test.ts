// Integration: a real server (uWS on a free loopback port, a real market worker thread on
// the seeded simulator) and real WebSocket clients in both wire formats.
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { decode, TestClient } from './helpers/ws-client.js';
import { metric, startTestServer, type TestServer } from './helpers/server.js';
import { pb } from '../src/wire/proto.js';
import { applyFrame } from '../src/wire/delta.js';

let srv: TestServer;
beforeAll(async () => {
  srv = await startTestServer({ BROADCAST_INTERVAL_MS: '100', WS_MAX_PAYLOAD_BYTES: '1024' });
});
afterAll(async () => {
  await srv?.stop();
});

describe('frames', () => {
  it('serves a FULL frame first, then DELTAs on the previous seq, seq rising by exactly 1, at about the interval', async () => {
    const c = await TestClient.open(srv.ws('format=proto'));
    try {
      await c.nth(12, 5000);
      const frames = c.messages.map(decode).filter((f) => f.hasSnapshot);
      expect(frames[0]!.kind).toBe('FULL');
      let board: Record<string, unknown> | undefined;
      for (let i = 0; i < frames.length; i++) {
        const f = frames[i]!;
        if (i > 0) {
          expect(f.seq).toBe(frames[i - 1]!.seq + 1);
          expect(f.epoch).toBe(frames[0]!.epoch);
          if (f.kind === 'DELTA') expect(f.baseSeq).toBe(f.seq - 1);
        }
        board = applyFrame(board as never, { kind: f.kind, snapshot: f.json.snapshot as never }) as unknown as Record<string, unknown>;
      }
      expect(frames.slice(1).some((f) => f.kind === 'DELTA')).toBe(true);
      // Gaps between receipts after the first couple of frames: paced by the 100 ms interval
      // (never faster), within seconds on a busy machine (timing figures belong in bench/).
      const gaps = c.messages.slice(2).map((m, i) => m.at - c.messages[i + 1]!.at).sort((a, b) => a - b);
      const median = gaps[Math.floor(gaps.length / 2)]!;
      expect(median).toBeGreaterThanOrEqual(60);
      expect(median).toBeLessThanOrEqual(1000);
      const snap = board as { symbols: unknown[]; indices: Array<{ id: string }> };
      expect(snap.symbols).toHaveLength(30);
      expect(snap.indices.map((i) => i.id)).toEqual(expect.arrayContaining(['VN30', 'VNINDEX']));
    } finally {
      c.close();
    }
  });

  it('the first frame arrives at once, not after an interval', async () => {
    const slow = await startTestServer({ BROADCAST_INTERVAL_MS: '5000' });
    try {
      const t0 = Date.now();
      const c = await TestClient.open(slow.ws());
      const first = await c.nth(1, 2000);
      expect(first.at - t0).toBeLessThan(1500);
      expect(decode(first).kind).toBe('FULL');
      c.close();
    } finally {
      await slow.stop();
    }
  });

  it('JSON and protobuf frames of the same seq and kind carry the same data (FULL and DELTA)', async () => {
    for (const delta of ['1', '0']) {
      const p = await TestClient.open(srv.ws(`format=proto&delta=${delta}`));
      const j = await TestClient.open(srv.ws(`format=json&delta=${delta}`));
      try {
        const pair = await p.until(() => {
          const js = new Map(j.messages.map((m) => decode(m)).map((f) => [`${f.seq}/${f.kind}`, f]));
          for (const m of p.messages.slice(1)) {
            const f = decode(m);
            const other = js.get(`${f.seq}/${f.kind}`);
            if (other && f.hasSnapshot) return [f, other] as const;
          }
          return undefined;
        }, 5000, 'a seq seen in both formats');
        expect(p.messages[0]!.isBinary).toBe(true);
        expect(j.messages[0]!.isBinary).toBe(false);
        expect(pair[0].kind).toBe(delta === '1' ? 'DELTA' : 'FULL');
        expect(pair[1].json).toEqual(pair[0].json);
      } finally {
        p.close();
        j.close();
      }
    }
  });

  it('with no clients, skipped frames grow and encodings do not', async () => {
    const quiet = await startTestServer({ BROADCAST_INTERVAL_MS: '50' });
    try {
      const encoded0 = await metric(quiet.http, 'boardcast_frames_encoded_total');
      const skipped0 = await metric(quiet.http, 'boardcast_frames_skipped_total').catch(() => 0);
      // Wait until at least 5 more intervals have been skipped (heartbeats report it).
      const deadline = Date.now() + 5000;
      let skipped = skipped0;
      while (skipped < skipped0 + 5 && Date.now() < deadline) {
        await new Promise((r) => setTimeout(r, 50));
        skipped = await metric(quiet.http, 'boardcast_frames_skipped_total').catch(() => 0);
      }
      expect(skipped).toBeGreaterThanOrEqual(skipped0 + 5);
      expect(await metric(quiet.http, 'boardcast_frames_encoded_total')).toBe(encoded0);
    } finally {
      await quiet.stop();
    }
  });
});

describe('routes', () => {
  it('answers health, readiness, metrics, snapshot, basket and 404', async () => {
    expect((await fetch(`${srv.http}/healthz`)).status).toBe(200);
    const ready = await fetch(`${srv.http}/readyz`);
    expect(ready.status).toBe(200);
    expect(((await ready.json()) as { status: string }).status).toBe('ready');
    const metricsText = await (await fetch(`${srv.http}/metrics`)).text();
    for (const name of ['boardcast_clients', 'boardcast_frames_produced_total', 'boardcast_encode_seconds', 'boardcast_publish_seconds', 'boardcast_worker_restarts_total', 'boardcast_main_event_loop_busy_seconds_total']) {
      expect(metricsText).toContain(name);
    }
    // The standard default-metric names, unprefixed, so stock Node.js dashboards work.
    expect(metricsText).toMatch(/^nodejs_eventloop_lag_seconds /m);
    expect(metricsText).toMatch(/^process_cpu_user_seconds_total /m);
    expect(metricsText).not.toMatch(/^boardcast_(process|nodejs)_/m);
    const pkg = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
    const uws = JSON.parse(readFileSync(new URL('../node_modules/uWebSockets.js/package.json', import.meta.url), 'utf8')) as { name: string; version: string };
    expect(metricsText).toContain(`boardcast_build_info{version="${pkg.version}",uws="${uws.name}@${uws.version}",node="${process.version}"} 1`);
    const vn30 = (await (await fetch(`${srv.http}/api/vn30`)).json()) as { symbols: string[] };
    expect(vn30.symbols).toHaveLength(30);
    expect(vn30.symbols).toContain('FPT');
    const snap = (await (await fetch(`${srv.http}/api/snapshot`)).json()) as { snapshot: { symbols: Array<{ symbol: string }> } };
    expect(snap.snapshot.symbols.map((s) => s.symbol)).toEqual(vn30.symbols);
    const missing = await fetch(`${srv.http}/nope`);
    expect(missing.status).toBe(404);
    expect(((await missing.json()) as { error: string }).error).toBe('BC_NOT_FOUND');
    const badFormat = await fetch(`${srv.http}/ws?format=xml`, { headers: { Upgrade: 'websocket', Connection: 'Upgrade', 'Sec-WebSocket-Key': 'dGhlIHNhbXBsZSBub25jZQ==', 'Sec-WebSocket-Version': '13' } }).catch(() => undefined);
    if (badFormat) expect(badFormat.status).toBe(400);
  });
});

describe('bad client input', () => {
  it('garbage text and binary get an error frame; the server and other clients carry on', async () => {
    const bystander = await TestClient.open(srv.ws('format=proto'));
    const textSock = await TestClient.open(srv.ws('format=json'));
    const binSock = await TestClient.open(srv.ws('format=proto'));
    try {
      await textSock.nth(1);
      await binSock.nth(1);
      textSock.ws.send('{{{ not json');
      binSock.ws.send(Buffer.from([0xff, 0xff, 0xff, 0xff, 0x0f, 0x01]));
      const textErr = await textSock.until(() => textSock.messages.map(decode).find((f) => f.control), 3000, 'text error');
      const binErr = await binSock.until(() => binSock.messages.map(decode).find((f) => f.control), 3000, 'binary error');
      expect((textErr.control!.error as { code: string }).code).toBe('BC_CLIENT_MSG_MALFORMED');
      expect((binErr.control!.error as { code: string }).code).toBe('BC_CLIENT_MSG_MALFORMED');
      // The offenders stay connected and keep receiving frames; so does the bystander, without a gap.
      const n = binSock.messages.length;
      await binSock.nth(n + 2);
      await bystander.nth(5);
      const seqs = bystander.messages.map(decode).filter((f) => f.hasSnapshot).map((f) => f.seq);
      for (let i = 1; i < seqs.length; i++) expect(seqs[i]).toBe(seqs[i - 1]! + 1);
      expect(textSock.closed).toBeUndefined();
    } finally {
      bystander.close();
      textSock.close();
      binSock.close();
    }
  });

  it('a ping gets a pong; a resync gets a FULL frame', async () => {
    const c = await TestClient.open(srv.ws('format=proto'));
    try {
      await c.nth(1);
      c.ws.send(pb.ClientMessage.encode({ version: 1, ping: { clientTimeUs: 1234 } }).finish());
      const pong = await c.until(() => c.messages.map(decode).find((f) => f.control?.pong), 3000, 'pong');
      expect((pong.control!.pong as { clientTimeUs: string }).clientTimeUs).toBe('1234');
    } finally {
      c.close();
    }
  });

  it('a client message over the maximum payload is closed with 1009', async () => {
    const bystander = await TestClient.open(srv.ws());
    const c = await TestClient.open(srv.ws('format=json'));
    try {
      c.ws.send('x'.repeat(4096));
      const closed = await c.waitClose(3000);
      expect(closed.code).toBe(1009);
      const n = bystander.messages.length;
      await bystander.nth(n + 2);
    } finally {
      bystander.close();
      c.close();
    }
  });
});

describe('supervision', () => {
  it('restarts a killed worker under a new epoch; sockets stay open and get a FULL frame', async () => {
    const s = await startTestServer({ BROADCAST_INTERVAL_MS: '100', WORKER_RESTART_MIN_MS: '50' });
    const c = await TestClient.open(s.ws());
    try {
      const first = decode(await c.nth(1));
      await s.handle.supervisor!.kill();
      const fresh = await c.until(() => c.messages.map(decode).find((f) => f.epoch !== first.epoch), 10_000, 'a frame of a new epoch');
      expect(fresh.kind).toBe('FULL');
      expect(fresh.seq).toBe(1);
      expect(c.closed).toBeUndefined();
      expect(await metric(s.http, 'boardcast_worker_restarts_total')).toBe(1);
      expect(s.logs.some((l) => l.level === 'error' && String(l.msg).includes('market worker died'))).toBe(true);
    } finally {
      c.close();
      await s.stop();
    }
  });
});
