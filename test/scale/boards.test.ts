// The feed's named boards reach the edges: an SSI ingest (the fake FastConnect, whose
// securities lists are NOT the universe's built-in ones) with UNIVERSE=all, a private
// nats-server, and two edges — one running before the ingest (the boards come with the
// live keyframe) and one started after (they come with the KV's latest FULL). `?board=HNX`
// on either edge is the feed's HNX list, not the static fallback.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { syntheticTickers, universe } from '../../src/market/rules/universe.js';
import { VN30_SYMBOLS } from '../../src/market/rules/vn30.js';
import { FakeSsi } from '../feed/fake-ssi.js';
import { decode, TestClient } from '../helpers/ws-client.js';
import { until } from '../helpers/until.js';
import { NatsServer, readyz, skipScale, startNode, type Node } from './cluster.js';

// Listings the size of the real markets, generated from other starting points than the
// universe's own synthetic names: an edge that fell back to its static lists would show others.
const taken = new Set<string>(VN30_SYMBOLS);
const HOSE = [...VN30_SYMBOLS, ...syntheticTickers(370, taken, 101)];
const HNX = syntheticTickers(300, taken, 102);
const UPCOM = syntheticTickers(850, taken, 103);

type Universe = { universe: string; symbols: Array<{ symbol: string; exchange: string | null }>; boards: Record<string, string[]>; indices: string[] };
const getJson = async <T>(url: string): Promise<T> => (await (await fetch(url)).json()) as T;

describe.skipIf(skipScale)('named boards from an SSI ingest on the edges (UNIVERSE=all)', () => {
  let fake: FakeSsi;
  let nats: NatsServer;
  let ingest: Node;
  let early: Node;
  let late: Node;
  beforeAll(async () => {
    fake = await new FakeSsi({ keepAliveMs: 100, components: [...VN30_SYMBOLS], maxPageSize: 100, listings: { HOSE, HNX, UPCOM } }).start();
    // The whole market's JSON frame is over NATS's 1 MB default max_payload: as deploy/k8s/nats-server.conf says.
    const conf = join(mkdtempSync(join(tmpdir(), 'boardcast-nats-conf-')), 'nats.conf');
    writeFileSync(conf, 'max_payload: 8MB\n');
    nats = await NatsServer.start({ config: conf });
    const ssi = { FEED: 'ssi', SSI_BASE_URL: fake.baseUrl, SSI_STREAM_URL: fake.streamUrl, SSI_CONSUMER_ID: fake.consumerId, SSI_CONSUMER_SECRET: fake.consumerSecret };
    early = await startNode('edge', nats, { UNIVERSE: 'all' });
    ingest = await startNode('ingest', nats, { ...ssi, UNIVERSE: 'all' });
    await until('the ingest ready', async () => (await readyz(ingest)).status === 200, 20_000);
    late = await startNode('edge', nats, { UNIVERSE: 'all' });
  }, 60_000);
  afterAll(async () => {
    for (const n of [ingest, early, late]) n?.child.proc.kill('SIGKILL');
    await nats?.stop();
    await fake?.stop();
  });

  it('the static HNX list differs from the feed\'s (else this test would prove nothing)', () => {
    expect(new Set(universe('all').boards.get('HNX'))).not.toEqual(new Set(HNX));
  });

  for (const which of ['early', 'late'] as const) {
    it(`${which} edge: /api/universe, /api/snapshot?board=HNX and a ?board=HNX socket carry the feed's HNX list`, async () => {
      const edge = which === 'early' ? early : late;
      let u: Universe | undefined;
      await until(`${which} edge: the feed's boards`, async () => {
        u = await getJson<Universe>(`${edge.http}/api/universe`);
        return JSON.stringify(u.boards.HNX) === JSON.stringify(HNX);
      }, 15_000).catch((err: Error) => {
        throw new Error(`${err.message}; last /api/universe: ${u?.symbols.length} symbols, boards ${JSON.stringify(Object.fromEntries(Object.entries(u?.boards ?? {}).map(([k, v]) => [k, v.slice(0, 3)])))}; ingest logs ${JSON.stringify(ingest.child.logs.filter((l) => l.level !== 'debug').slice(-3))}`);
      });
      expect(u!.universe).toBe('all');
      expect(u!.boards.UPCOM).toEqual(UPCOM);
      expect(u!.boards.VN30).toEqual(VN30_SYMBOLS);
      expect(u!.symbols).toHaveLength(HOSE.length + HNX.length + UPCOM.length);
      expect(u!.symbols.find((s) => s.symbol === HNX[5])).toEqual({ symbol: HNX[5], exchange: 'HNX' });
      expect(u!.indices).toContain('HNX-INDEX');
      // /api/vn30 is the VN30 basket, not the 1,550 names.
      expect((await getJson<{ symbols: string[] }>(`${edge.http}/api/vn30`)).symbols).toEqual(VN30_SYMBOLS);

      const snap = await getJson<{ snapshot: { symbols: Array<{ symbol: string }> } }>(`${edge.http}/api/snapshot?board=HNX`);
      expect(new Set(snap.snapshot.symbols.map((s) => s.symbol))).toEqual(new Set(HNX));

      const c = await TestClient.open(edge.ws('board=HNX&format=json'));
      try {
        const full = await c.until(() => c.messages.map(decode).find((f) => f.hasSnapshot), 10_000, 'a FULL frame');
        const rows = (full.json.snapshot as { symbols: Array<{ symbol: string }> }).symbols.map((s) => s.symbol);
        expect(new Set(rows)).toEqual(new Set(HNX));
      } finally {
        c.close();
      }
    });
  }
});
